//! Text that is not UTF-8 but another Unicode encoding: a file saved as
//! "Unicode" by Windows tools (UTF-16 with a byte-order mark) or exported
//! as UTF-32. Cards and reports are JSON, which is UTF-8; such a file is
//! text all the same, and calling it "a binary file" or "an invalid byte"
//! sends the user looking for corruption. Every reader of files (import,
//! the CLI's check, report files) asks here first, and says the encoding
//! and the fix: save it as UTF-8.

/// A Unicode encoding other than UTF-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OtherEncoding {
    /// UTF-16, little-endian (Windows' "Unicode").
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// UTF-32, little-endian.
    Utf32Le,
    /// UTF-32, big-endian.
    Utf32Be,
}

impl OtherEncoding {
    /// Its name, as editors' "Save as" lists call it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Utf16Le => "UTF-16 (little-endian)",
            Self::Utf16Be => "UTF-16 (big-endian)",
            Self::Utf32Le => "UTF-32 (little-endian)",
            Self::Utf32Be => "UTF-32 (big-endian)",
        }
    }

    /// What the user is told, after "it is" or the file's name: the
    /// encoding and the fix.
    pub fn sentence(self) -> String {
        format!("{} text, not UTF-8: save it as UTF-8", self.name())
    }
}

/// The other Unicode encoding `bytes` are in, if their byte-order mark
/// says so, or, without one, if JSON's first character is written as
/// UTF-16 or UTF-32 (`{` or whitespace with zero bytes beside it).
pub fn other_encoding(bytes: &[u8]) -> Option<OtherEncoding> {
    use OtherEncoding::*;
    // UTF-32 first: its little-endian mark begins as UTF-16's does.
    match bytes {
        [0xFF, 0xFE, 0, 0, ..] => return Some(Utf32Le),
        [0, 0, 0xFE, 0xFF, ..] => return Some(Utf32Be),
        [0xFF, 0xFE, ..] => return Some(Utf16Le),
        [0xFE, 0xFF, ..] => return Some(Utf16Be),
        _ => {}
    }
    let ascii = |byte: u8| byte != 0 && byte.is_ascii();
    match bytes {
        [a, 0, 0, 0, ..] if ascii(*a) => Some(Utf32Le),
        [0, 0, 0, a, ..] if ascii(*a) => Some(Utf32Be),
        [a, 0, b, 0, ..] if ascii(*a) && ascii(*b) => Some(Utf16Le),
        [0, a, 0, b, ..] if ascii(*a) && ascii(*b) => Some(Utf16Be),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(text: &str, mark: bool) -> Vec<u8> {
        let mut bytes = if mark { vec![0xFF, 0xFE] } else { Vec::new() };
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    fn utf16be(text: &str, mark: bool) -> Vec<u8> {
        let mut bytes = if mark { vec![0xFE, 0xFF] } else { Vec::new() };
        bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
        bytes
    }

    fn utf32(text: &str, little: bool) -> Vec<u8> {
        let mark: u32 = 0xFEFF;
        std::iter::once(mark)
            .chain(text.chars().map(u32::from))
            .flat_map(|unit| {
                if little {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                }
            })
            .collect()
    }

    #[test]
    fn each_encoding_is_named_with_or_without_its_mark() {
        let card = r#"{"model_overview": {"model_creator": "Équipe 🛰️"}}"#;
        let cases = [
            (utf16le(card, true), Some(OtherEncoding::Utf16Le)),
            (utf16le(card, false), Some(OtherEncoding::Utf16Le)),
            (utf16be(card, true), Some(OtherEncoding::Utf16Be)),
            (utf16be(card, false), Some(OtherEncoding::Utf16Be)),
            (utf32(card, true), Some(OtherEncoding::Utf32Le)),
            (utf32(card, false), Some(OtherEncoding::Utf32Be)),
            (
                utf32(card, true)[4..].to_vec(),
                Some(OtherEncoding::Utf32Le),
            ),
            (card.as_bytes().to_vec(), None),
            ([&[0xEF, 0xBB, 0xBF][..], card.as_bytes()].concat(), None),
            (vec![0x89, b'P', b'N', b'G', 0, 0], None),
            (vec![0, 0, 0, 0], None),
            (Vec::new(), None),
            (vec![0xFF], None),
        ];
        for (bytes, expected) in cases {
            assert_eq!(other_encoding(&bytes), expected, "{bytes:02x?}");
        }
    }

    #[test]
    fn the_sentence_names_the_encoding_and_the_fix() {
        assert_eq!(
            OtherEncoding::Utf16Le.sentence(),
            "UTF-16 (little-endian) text, not UTF-8: save it as UTF-8"
        );
    }
}
