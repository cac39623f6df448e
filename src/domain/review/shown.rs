//! How the review shows a value: text in quotation marks, JSON compact,
//! and a long value shortened after a word with the whole of it kept for a
//! disclosure.

use serde_json::Value;

use super::{SHORT_CHARS, SHORT_LINES, WORD_BACKTRACK};

/// A value as the review shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShownValue {
    /// What the list shows: the whole value, or its start and "…".
    pub text: String,
    /// The whole value, when `text` is not all of it.
    pub full: Option<String>,
    /// Card text, shown inside quotation marks (so "" and " " are seen).
    pub quoted: bool,
    /// There is no value here ("(none)").
    pub absent: bool,
}

impl ShownValue {
    /// A value that is not there.
    pub fn absent() -> Self {
        Self {
            text: "(none)".to_owned(),
            full: None,
            quoted: false,
            absent: true,
        }
    }

    /// A name the service defines (a status), shown as it is.
    pub fn word(text: &str) -> Self {
        Self {
            text: text.to_owned(),
            full: None,
            quoted: false,
            absent: false,
        }
    }

    /// A status, or "(none)" when there is none.
    pub fn status(status: Option<&str>) -> Self {
        status.map_or_else(Self::absent, Self::word)
    }

    /// Text someone typed, in quotation marks, shortened when long.
    pub fn text(text: &str) -> Self {
        let short = shorten(text);
        Self {
            full: short.is_some().then(|| text.to_owned()),
            text: short.unwrap_or_else(|| text.to_owned()),
            quoted: true,
            absent: false,
        }
    }

    /// What the disclosure holding the whole value says: "Show the whole
    /// text (Before, 2,345 characters)", where `side` names the value
    /// ("Before", "On the server now"), so each disclosure of a change has
    /// its own name. `None` when there is nothing more to show.
    pub fn disclosure(&self, side: &str) -> Option<String> {
        let full = self.full.as_ref()?;
        let noun = if self.quoted { "text" } else { "value" };
        Some(format!(
            "Show the whole {noun} ({side}, {} characters)",
            group_digits(full.chars().count())
        ))
    }
}

/// How a card value is shown: text in quotation marks, numbers as they
/// were written, lists and objects as compact JSON (the whole value, when
/// shortened, laid out on lines).
pub fn show_value(value: Option<&Value>) -> ShownValue {
    match value {
        None => ShownValue::absent(),
        Some(Value::String(text)) => ShownValue::text(text),
        Some(Value::Array(_) | Value::Object(_)) => {
            let compact = value.map(Value::to_string).unwrap_or_default();
            match shorten(&compact) {
                Some(short) => ShownValue {
                    text: short,
                    full: value.and_then(|value| serde_json::to_string_pretty(value).ok()),
                    quoted: false,
                    absent: false,
                },
                None => ShownValue::word(&compact),
            }
        }
        Some(scalar) => ShownValue::word(&scalar.to_string()),
    }
}

/// The start of `text` followed by "…" when it has more than
/// [`SHORT_CHARS`] characters or [`SHORT_LINES`] lines; `None` when it is
/// short enough to show whole. The cut falls after a word where one is
/// near, and never inside a character built of several code points (an
/// emoji with a skin tone or a joiner, a letter with its accent).
pub fn shorten(text: &str) -> Option<String> {
    let chars: Vec<char> = text.chars().collect();
    let line_end = chars
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == '\n')
        .nth(SHORT_LINES - 1)
        .map(|(at, _)| at);
    let at_line_end = line_end.is_some_and(|at| at <= SHORT_CHARS);
    let limit = line_end.map_or(SHORT_CHARS, |at| at.min(SHORT_CHARS));
    if chars.len() <= limit && line_end.is_none() {
        return None;
    }
    let mut cut = limit.min(chars.len());
    if !at_line_end
        && let Some(space) = (cut.saturating_sub(WORD_BACKTRACK)..cut)
            .rev()
            .find(|at| chars[*at].is_whitespace())
            .filter(|at| *at > 0)
    {
        cut = space;
    }
    while cut > 0 && (joins_previous(chars[cut]) || chars[cut - 1] == '\u{200d}') {
        cut -= 1;
    }
    let start: String = chars[..cut].iter().collect();
    Some(format!("{}…", start.trim_end()))
}

/// Whether `c` belongs to the character before it: a joiner, a variation
/// selector, a skin tone, a combining mark, a keycap.
fn joins_previous(c: char) -> bool {
    matches!(c,
        '\u{200d}' | '\u{fe0e}' | '\u{fe0f}' | '\u{20e3}'
        | '\u{0300}'..='\u{036f}'
        | '\u{1ab0}'..='\u{1aff}'
        | '\u{1dc0}'..='\u{1dff}'
        | '\u{20d0}'..='\u{20ff}'
        | '\u{fe20}'..='\u{fe2f}'
        | '\u{1f3fb}'..='\u{1f3ff}'
        | '\u{e0020}'..='\u{e007f}')
}

/// "12,345".
pub(super) fn group_digits(number: usize) -> String {
    let digits = number.to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}
