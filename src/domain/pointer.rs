//! JSON Pointers (RFC 6901): the one way the app names a place in a card.
//!
//! Field elements carry them in `data-path`, validation errors are keyed by
//! them, and the source view locates text by them, so there is exactly one
//! parser and one formatter.

use std::fmt;

/// A parsed JSON Pointer: the unescaped reference tokens from the root down.
///
/// Tokens are kept as strings (an array index is the token `"3"`), because
/// whether a token is an index depends on the document it is applied to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JsonPointer {
    tokens: Vec<String>,
}

/// Why a string is not a JSON Pointer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PointerError {
    /// A non-empty pointer must start with `/`.
    MissingLeadingSlash,
    /// `~` must be followed by `0` or `1`; the byte offset of the `~` is given.
    BadEscape(usize),
}

impl fmt::Display for PointerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingLeadingSlash => f.write_str("a JSON Pointer must start with '/'"),
            Self::BadEscape(at) => write!(f, "'~' at offset {at} must be followed by 0 or 1"),
        }
    }
}

impl std::error::Error for PointerError {}

impl JsonPointer {
    /// The pointer to the whole document (the empty string).
    pub fn root() -> Self {
        Self::default()
    }

    /// Parses the RFC 6901 string form, undoing `~1` (`/`) and `~0` (`~`).
    pub fn parse(text: &str) -> Result<Self, PointerError> {
        if text.is_empty() {
            return Ok(Self::root());
        }
        let Some(rest) = text.strip_prefix('/') else {
            return Err(PointerError::MissingLeadingSlash);
        };
        let mut tokens = Vec::new();
        let mut offset = 1;
        for raw in rest.split('/') {
            tokens.push(unescape(raw, offset)?);
            offset += raw.len() + 1;
        }
        Ok(Self { tokens })
    }

    /// Builds a pointer from unescaped tokens.
    pub fn from_tokens<I, S>(tokens: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        Self {
            tokens: tokens.into_iter().map(Into::into).collect(),
        }
    }

    /// The unescaped reference tokens, root first.
    pub fn tokens(&self) -> &[String] {
        &self.tokens
    }

    /// Whether this is the pointer to the whole document.
    pub fn is_root(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The pointer one level deeper, through an object key or array index.
    pub fn child(&self, token: impl Into<String>) -> Self {
        let mut tokens = self.tokens.clone();
        tokens.push(token.into());
        Self { tokens }
    }

    /// The pointer one level up, or `None` at the root.
    pub fn parent(&self) -> Option<Self> {
        let (_, init) = self.tokens.split_last()?;
        Some(Self {
            tokens: init.to_vec(),
        })
    }

    /// The first token: for a card, the section the pointer falls in.
    pub fn first(&self) -> Option<&str> {
        self.tokens.first().map(String::as_str)
    }

    /// Whether `self` is `other` or lies inside it.
    pub fn starts_with(&self, other: &JsonPointer) -> bool {
        self.tokens.starts_with(&other.tokens)
    }
}

impl fmt::Display for JsonPointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for token in &self.tokens {
            f.write_str("/")?;
            for ch in token.chars() {
                match ch {
                    '~' => f.write_str("~0")?,
                    '/' => f.write_str("~1")?,
                    other => fmt::Write::write_char(f, other)?,
                }
            }
        }
        Ok(())
    }
}

impl serde::Serialize for JsonPointer {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for JsonPointer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl std::str::FromStr for JsonPointer {
    type Err = PointerError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::parse(text)
    }
}

fn unescape(raw: &str, offset: usize) -> Result<String, PointerError> {
    if !raw.contains('~') {
        return Ok(raw.to_owned());
    }
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.char_indices();
    while let Some((at, ch)) = chars.next() {
        if ch != '~' {
            out.push(ch);
            continue;
        }
        match chars.next() {
            Some((_, '0')) => out.push('~'),
            Some((_, '1')) => out.push('/'),
            _ => return Err(PointerError::BadEscape(offset + at)),
        }
    }
    Ok(out)
}

/// An RFC 6901 array index: "0" or digits without a leading zero, so a
/// pointer names at most one value.
pub fn parse_index(token: &str) -> Option<usize> {
    let canonical = token == "0"
        || (!token.is_empty()
            && !token.starts_with('0')
            && token.bytes().all(|byte| byte.is_ascii_digit()));
    if canonical { token.parse().ok() } else { None }
}

/// The member or element of `value` that `token` names.
pub fn child_value<'a>(value: &'a serde_json::Value, token: &str) -> Option<&'a serde_json::Value> {
    match value {
        serde_json::Value::Object(members) => members.get(token),
        serde_json::Value::Array(items) => items.get(parse_index(token)?),
        _ => None,
    }
}

impl JsonPointer {
    /// The value this pointer names in `root`, if any.
    pub fn resolve<'a>(&self, root: &'a serde_json::Value) -> Option<&'a serde_json::Value> {
        self.tokens
            .iter()
            .try_fold(root, |value, token| child_value(value, token))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_the_empty_string() {
        assert_eq!(JsonPointer::root().to_string(), "");
        assert_eq!(JsonPointer::parse("").unwrap(), JsonPointer::root());
    }

    #[test]
    fn formats_tokens_with_slashes() {
        let pointer = JsonPointer::from_tokens(["intended_uses", "risk_rating"]);
        assert_eq!(pointer.to_string(), "/intended_uses/risk_rating");
    }

    #[test]
    fn escapes_tilde_before_slash() {
        // "~1" in a key must become "~01", not "~1" read back as "/".
        let pointer = JsonPointer::from_tokens(["metadata", "a/b", "c~d", "~1"]);
        assert_eq!(pointer.to_string(), "/metadata/a~1b/c~0d/~01");
        assert_eq!(JsonPointer::parse(&pointer.to_string()).unwrap(), pointer);
    }

    #[test]
    fn empty_tokens_are_kept() {
        // "/" names the key "" at the root, which is not the root itself.
        let pointer = JsonPointer::parse("/").unwrap();
        assert_eq!(pointer.tokens(), &[String::new()]);
        assert_eq!(
            JsonPointer::parse("/a//b").unwrap().tokens(),
            &["a", "", "b"]
        );
    }

    #[test]
    fn rejects_missing_slash_and_bad_escapes() {
        assert_eq!(
            JsonPointer::parse("a/b"),
            Err(PointerError::MissingLeadingSlash)
        );
        assert_eq!(JsonPointer::parse("/a~2"), Err(PointerError::BadEscape(2)));
        assert_eq!(
            JsonPointer::parse("/ab/c~"),
            Err(PointerError::BadEscape(5))
        );
    }

    #[test]
    fn navigates_child_parent_and_prefix() {
        let section = JsonPointer::from_tokens(["evaluation_details"]);
        let item = section.child("0").child("name");
        assert_eq!(item.to_string(), "/evaluation_details/0/name");
        assert_eq!(item.parent().unwrap().to_string(), "/evaluation_details/0");
        assert!(item.starts_with(&section));
        assert!(!section.starts_with(&item));
        assert_eq!(item.first(), Some("evaluation_details"));
        assert_eq!(JsonPointer::root().parent(), None);
    }

    #[test]
    fn serialises_as_its_text() {
        let pointer = JsonPointer::from_tokens(["a/b", "0"]);
        let text = serde_json::to_string(&pointer).unwrap();
        assert_eq!(text, r#""/a~1b/0""#);
        assert_eq!(serde_json::from_str::<JsonPointer>(&text).unwrap(), pointer);
        assert!(serde_json::from_str::<JsonPointer>(r#""no-slash""#).is_err());
    }

    #[test]
    fn non_ascii_keys_round_trip() {
        let pointer = JsonPointer::from_tokens(["custom_details", "präzision 🎯"]);
        assert_eq!(JsonPointer::parse(&pointer.to_string()).unwrap(), pointer);
    }
}
