//! Numbers as people type them, and what they plainly mean.
//!
//! A card holds JSON numbers: `0.97`, `-3`, `1e-7`. People type `0,97` (a
//! decimal comma, as half the world writes it), `1 234,5` or `1,234.5`
//! (thousands separators), `−3` with a typographic minus, `٠٫٩٧` in
//! Arabic-Indic digits, `97%`, or a spreadsheet cell with spaces around it.
//! None of those is a JSON number, and none may be turned into one behind
//! the reviewer's back; but where the intent is plain, the editor offers
//! the number ("Did you mean 0.97?") for one click to accept. Where two
//! readings are plausible (`1,234` is 1234 to some and 1.234 to others),
//! both are offered and nothing is chosen.

use serde_json::Number;

use super::form::values::parse_number;

/// Why typed text is not a number, for the message that says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NumberReading {
    /// The text is a JSON number as typed (spaces around it aside).
    Number(Number),
    /// Not a JSON number; these are the numbers it plainly means, most
    /// likely first (one or two; none when nothing is plain).
    Suggested(Vec<Number>),
    /// Not a number a card can hold at all: NaN or an infinity, which JSON
    /// has no way to write.
    NotFinite,
}

/// Reads `text` as a number, or as what it plainly means.
pub fn read_number(text: &str) -> NumberReading {
    if let Some(number) = parse_number(text) {
        return NumberReading::Number(number);
    }
    let trimmed = text.trim();
    let lowered = trimmed.trim_start_matches(['-', '+', '−']).to_lowercase();
    if matches!(
        lowered.as_str(),
        "nan" | "inf" | "infinity" | "∞" | "#num!" | "#div/0!"
    ) {
        return NumberReading::NotFinite;
    }
    NumberReading::Suggested(readings(trimmed))
}

/// The numbers `text` (not itself a JSON number) plainly means.
fn readings(text: &str) -> Vec<Number> {
    let (text, percent) = match text.strip_suffix(['%', '٪', '％']) {
        Some(rest) => (rest.trim_end(), true),
        None => (text, false),
    };
    let Some(body) = normalise(text) else {
        return Vec::new();
    };
    let (sign, unsigned) = match body.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", body.as_str()),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => unsigned.split_at(at),
        None => (unsigned, ""),
    };
    if percent && !exponent.is_empty() {
        return Vec::new();
    }
    let mut found: Vec<Number> = Vec::new();
    for plain in plain_decimals(mantissa) {
        let mut candidates = Vec::with_capacity(2);
        if percent {
            // 97% is 0.97 as a fraction, or 97 as written: both offered.
            candidates.push(shift_point_left(&plain, 2));
        }
        candidates.push(plain);
        for candidate in candidates {
            let text = format!("{sign}{candidate}{exponent}");
            if let Some(number) = parse_number(&text)
                && !found.contains(&number)
            {
                found.push(number);
            }
        }
    }
    found
}

/// `text` with other scripts' digits, typographic minus signs and the
/// separators of other conventions mapped to ASCII: `.` and `,` stay as
/// they are (which one is the decimal point is decided later), and the
/// spaces, apostrophes and underscores that group digits become `_`.
/// None when something in it has no place in a number.
fn normalise(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    for (index, ch) in text.chars().enumerate() {
        let mapped = match ch {
            '0'..='9' | '.' | ',' | 'e' | 'E' => ch,
            '-' | '−' | '–' | '‒' | '－' => '-',
            '+' | '＋' if index == 0 => continue,
            '٫' | '．' => '.',
            '٬' | '，' => ',',
            '\'' | '’' | '_' => '_',
            ch if ch.is_whitespace() => '_',
            ch => char::from(b'0' + other_script_digit(ch)?),
        };
        out.push(mapped);
    }
    // A sign after the start has no place (a range "1-2" is not a number),
    // but an exponent's sign does.
    let signs_fit = out
        .char_indices()
        .filter(|(_, ch)| *ch == '-')
        .all(|(at, _)| at == 0 || out[..at].ends_with(['e', 'E']));
    signs_fit.then_some(out)
}

/// The value of a decimal digit of another script, by the zero of its
/// block: Arabic-Indic, Extended Arabic-Indic (Persian, Urdu), Devanagari,
/// Bengali, Thai, and fullwidth digits.
fn other_script_digit(ch: char) -> Option<u8> {
    const ZEROS: [u32; 6] = [0x0660, 0x06F0, 0x0966, 0x09E6, 0x0E50, 0xFF10];
    let code = u32::from(ch);
    ZEROS
        .iter()
        .find(|zero| (**zero..**zero + 10).contains(&code))
        .map(|zero| (code - zero) as u8)
}

/// The plain decimals (`1234.5`) that digits with separators (`1.234,5`,
/// `1_234`, `0,97`, `,5`) can mean: the last `.` or `,` as the decimal
/// point with any others grouping thousands, or every separator grouping
/// thousands. Groups of thousands have exactly three digits after the
/// first, which has one to three and does not start with 0.
fn plain_decimals(mantissa: &str) -> Vec<String> {
    let groups: Vec<&str> = mantissa.split(['.', ',', '_']).collect();
    let separators: Vec<char> = mantissa
        .chars()
        .filter(|ch| matches!(ch, '.' | ',' | '_'))
        .collect();
    if groups
        .iter()
        .any(|group| !group.bytes().all(|b| b.is_ascii_digit()))
    {
        return Vec::new();
    }
    let mut plain = Vec::with_capacity(2);
    let Some((&last, grouping)) = separators.split_last() else {
        if let Some(digits) = integer_digits(mantissa) {
            plain.push(digits);
        }
        return plain;
    };
    // The last separator as the decimal point.
    if last != '_' && grouping.iter().all(|sep| *sep != last) && same(grouping) {
        let (whole, fraction) = groups.split_at(groups.len() - 1);
        let whole_ok = grouping.is_empty() || grouped(whole);
        let fraction = fraction[0];
        let whole = whole.concat();
        if whole_ok && !(whole.is_empty() && fraction.is_empty()) {
            let whole = integer_digits(&whole).unwrap_or_else(|| "0".to_owned());
            plain.push(if fraction.is_empty() {
                whole
            } else {
                format!("{whole}.{fraction}")
            });
        }
    }
    // Every separator grouping digits.
    if same(&separators) && grouped(&groups) {
        plain.push(groups.concat());
    }
    plain
}

/// Whether every separator is the same character.
fn same(separators: &[char]) -> bool {
    separators.windows(2).all(|pair| pair[0] == pair[1])
}

/// Whether `groups` are digits grouped as people group them: in thousands
/// (`1`, `234`, `567`), or the Indian way, hundreds then pairs (`12`,
/// `34`, `567` for 12,34,567). The first group has no leading zero.
fn grouped(groups: &[&str]) -> bool {
    let Some((first, rest)) = groups.split_first() else {
        return false;
    };
    let Some((last, middle)) = rest.split_last() else {
        return false;
    };
    let first_ok = !first.is_empty() && !first.starts_with('0');
    let in_thousands = first.len() <= 3 && middle.iter().all(|group| group.len() == 3);
    let indian = first.len() <= 2 && middle.iter().all(|group| group.len() == 2);
    first_ok && last.len() == 3 && (in_thousands || indian)
}

/// An integer's digits without the leading zeros JSON refuses (`007`).
fn integer_digits(digits: &str) -> Option<String> {
    if digits.is_empty() {
        return None;
    }
    let trimmed = digits.trim_start_matches('0');
    Some(if trimmed.is_empty() { "0" } else { trimmed }.to_owned())
}

/// A plain decimal divided by ten to the `places`, exactly, as text.
fn shift_point_left(plain: &str, places: usize) -> String {
    let (whole, fraction) = plain.split_once('.').unwrap_or((plain, ""));
    let padded = format!("{}{whole}", "0".repeat(places));
    let split = padded.len() - places;
    let (whole, moved) = padded.split_at(split);
    let whole = whole.trim_start_matches('0');
    let fraction = format!("{moved}{fraction}");
    let fraction = fraction.trim_end_matches('0');
    match (whole.is_empty(), fraction.is_empty()) {
        (_, true) => if whole.is_empty() { "0" } else { whole }.to_owned(),
        (true, false) => format!("0.{fraction}"),
        (false, false) => format!("{whole}.{fraction}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggested(text: &str) -> Vec<String> {
        match read_number(text) {
            NumberReading::Suggested(numbers) => numbers.iter().map(Number::to_string).collect(),
            other => panic!("{text:?} read as {other:?}"),
        }
    }

    #[test]
    fn json_numbers_are_taken_as_typed() {
        for text in ["0.97", " 1.50 ", "-3e-7", "0", "12\t"] {
            assert!(
                matches!(read_number(text), NumberReading::Number(_)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_decimal_comma_is_offered_as_a_point() {
        assert_eq!(suggested("0,97"), ["0.97"]);
        assert_eq!(suggested("12,5"), ["12.5"]);
        assert_eq!(suggested("-0,5"), ["-0.5"]);
        assert_eq!(suggested("0,123"), ["0.123"]);
        assert_eq!(suggested(",5"), ["0.5"]);
        assert_eq!(suggested("1,5e3"), ["1.5e+3"]);
        assert_eq!(suggested("1,2345"), ["1.2345"]);
    }

    #[test]
    fn three_digits_after_one_comma_could_be_either() {
        assert_eq!(suggested("1,234"), ["1.234", "1234"]);
        assert_eq!(suggested("123,456"), ["123.456", "123456"]);
    }

    #[test]
    fn thousands_separators_of_every_convention() {
        assert_eq!(suggested("1,234.5"), ["1234.5"]);
        assert_eq!(suggested("1.234,5"), ["1234.5"]);
        assert_eq!(suggested("1,234,567"), ["1234567"]);
        assert_eq!(suggested("1.234.567"), ["1234567"]);
        assert_eq!(suggested("1 234 567"), ["1234567"]);
        assert_eq!(suggested("1\u{a0}234,5"), ["1234.5"]);
        assert_eq!(suggested("1\u{202f}234.5"), ["1234.5"]);
        assert_eq!(suggested("1'234.5"), ["1234.5"]);
        assert_eq!(suggested("1’234’567"), ["1234567"]);
        assert_eq!(suggested("-12,345,678.9"), ["-12345678.9"]);
        assert_eq!(suggested("12,34,567"), ["1234567"]);
        assert_eq!(suggested("1,23,456.78"), ["123456.78"]);
    }

    #[test]
    fn other_scripts_and_typography() {
        assert_eq!(suggested("٠٫٩٧"), ["0.97"]);
        assert_eq!(suggested("۱۲۳"), ["123"]);
        assert_eq!(suggested("０.９７"), ["0.97"]);
        assert_eq!(suggested("−3"), ["-3"]);
        assert_eq!(suggested("+3"), ["3"]);
        assert_eq!(suggested("007"), ["7"]);
        assert_eq!(suggested("1."), ["1"]);
        assert_eq!(suggested(".5"), ["0.5"]);
    }

    #[test]
    fn a_percentage_is_offered_as_a_fraction_and_as_written() {
        assert_eq!(suggested("97%"), ["0.97", "97"]);
        assert_eq!(suggested("97,5 %"), ["0.975", "97.5"]);
        assert_eq!(suggested("0.5%"), ["0.005", "0.5"]);
        assert_eq!(suggested("100%"), ["1", "100"]);
    }

    #[test]
    fn nothing_is_offered_where_nothing_is_plain() {
        for text in [
            "-",
            "abc",
            "1,2,3",
            "1.2.3",
            "1-2",
            "12,34,56",
            "0x10",
            "1e",
            "e5",
            "1 2",
            ",",
            "",
            "0,123,456",
            "1_2",
            "%",
        ] {
            assert_eq!(suggested(text), Vec::<String>::new(), "{text:?}");
        }
    }

    #[test]
    fn nan_and_infinity_are_said_to_be_impossible() {
        for text in ["NaN", "nan", "Infinity", "-inf", "∞", "#DIV/0!"] {
            assert_eq!(read_number(text), NumberReading::NotFinite, "{text:?}");
        }
    }

    #[test]
    fn shifting_the_point_is_exact() {
        assert_eq!(shift_point_left("33.3", 2), "0.333");
        assert_eq!(shift_point_left("5", 2), "0.05");
        assert_eq!(shift_point_left("1250", 2), "12.5");
        assert_eq!(shift_point_left("0", 2), "0");
    }
}
