//! JSON as text: parsing with positions a person can find, and finding the
//! text of a value by its JSON Pointer.
//!
//! The source view edits text, not values, so errors must point at a line
//! and column, and a validation error (which names a pointer) must be
//! locatable in the text without reparsing it into a positioned tree.
//!
//! Finding a value's text is in `locate`, finding a name given twice in
//! `repeated`.

use std::fmt;

use serde::Serialize;
use serde_json::Value;
use serde_json::ser::PrettyFormatter;

mod locate;
mod repeated;

pub use self::locate::{ValueSpan, locate};
use self::repeated::repeated_name;

/// Why a text is not a JSON document a card can be read from, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonTextError {
    /// 1-based line of the problem.
    pub line: usize,
    /// 1-based column, counted in characters (not bytes) from the line start.
    pub column: usize,
    /// Byte offset of the problem in the text, for placing a caret there.
    pub offset: usize,
    /// What kind of problem it is, for callers that word it their way.
    pub problem: TextProblem,
    /// What is wrong, without the position (it is in `line`/`column`).
    pub message: String,
}

/// The kinds of [`JsonTextError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextProblem {
    /// Not JSON: empty, or a syntax error.
    Syntax,
    /// Nested deeper than the parser goes (128 levels).
    TooDeep,
    /// An object gives the same member name twice. JSON allows it, but a
    /// parser keeps only one of the two values (serde_json the last, as
    /// JavaScript does), so reading the card would silently lose the other.
    RepeatedName,
}

impl fmt::Display for JsonTextError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "line {}, column {}: {}",
            self.line, self.column, self.message
        )
    }
}

impl std::error::Error for JsonTextError {}

/// Parses a JSON document, keeping key order and reporting where it breaks.
/// A member name given twice in one object is refused too, at the second:
/// parsing keeps one value of the two, and a card must not lose the other
/// without a word.
pub fn parse_json(text: &str) -> Result<Value, JsonTextError> {
    if text.trim().is_empty() {
        return Err(JsonTextError {
            line: 1,
            column: 1,
            offset: 0,
            problem: TextProblem::Syntax,
            message: "the text is empty; a card is a JSON object, at least {}".to_owned(),
        });
    }
    let value = serde_json::from_str(text).map_err(|err| position_error(text, &err))?;
    match repeated_name(text) {
        Some(repeated) => Err(repeated.error(text)),
        None => Ok(value),
    }
}

/// How many characters `value` is as compact JSON text: its length as the
/// service counts it (`ModelCardContent` is limited in characters).
pub fn compact_char_len(value: &Value) -> usize {
    let mut counter = CharCounter(0);
    serde_json::to_writer(&mut counter, value).expect("a JSON value always serialises");
    counter.0
}

/// Counts the characters written to it, keeping none of them.
struct CharCounter(usize);

impl std::io::Write for CharCounter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        // Serialised JSON is UTF-8: count every byte that starts a character.
        self.0 += bytes.iter().filter(|byte| (**byte & 0xC0) != 0x80).count();
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// What kind of JSON value `value` is, as a message says it: "a number",
/// "an array", "null".
pub fn kind_phrase(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn position_error(text: &str, err: &serde_json::Error) -> JsonTextError {
    let line = err.line().max(1);
    let line_start = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum::<usize>();
    // serde_json counts the column in bytes, 1-based, and 0 at a line's end.
    let line_text = text[line_start..].split('\n').next().unwrap_or("");
    let byte_column = err.column().saturating_sub(1).min(line_text.len());
    let byte_column = floor_char_boundary(line_text, byte_column);
    let column = line_text[..byte_column].chars().count() + 1;
    let full = err.to_string();
    let suffix = format!(" at line {} column {}", err.line(), err.column());
    let message = full.strip_suffix(&suffix).unwrap_or(&full).to_owned();
    let problem = if message.contains("recursion limit") {
        TextProblem::TooDeep
    } else {
        TextProblem::Syntax
    };
    JsonTextError {
        line,
        column,
        offset: line_start + byte_column,
        problem,
        message,
    }
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The UTF-16 code unit offset of a byte offset: what a textarea's
/// `selectionStart` counts.
pub fn utf16_offset(text: &str, byte_offset: usize) -> usize {
    let byte_offset = floor_char_boundary(text, byte_offset.min(text.len()));
    text[..byte_offset].encode_utf16().count()
}

/// The byte offset of a UTF-16 code unit offset (the inverse of
/// [`utf16_offset`]), clamped to the text.
pub fn byte_offset_of_utf16(text: &str, utf16: usize) -> usize {
    let mut units = 0;
    for (index, ch) in text.char_indices() {
        if units >= utf16 {
            return index;
        }
        units += ch.len_utf16();
    }
    text.len()
}

/// 1-based line and character column of a byte offset, for a status line.
pub fn line_and_column(text: &str, byte_offset: usize) -> (usize, usize) {
    let byte_offset = floor_char_boundary(text, byte_offset.min(text.len()));
    let before = &text[..byte_offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |newline| newline + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// How a JSON text was laid out, so saving writes the same layout.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextStyle {
    /// One level of indentation; None for compact output on one line.
    pub indent: Option<String>,
    /// Whether the text ends with a newline, as most editors leave files.
    pub trailing_newline: bool,
}

impl TextStyle {
    /// Two-space indentation with a trailing newline: the style for new
    /// cards.
    pub fn standard() -> Self {
        Self {
            indent: Some("  ".to_owned()),
            trailing_newline: true,
        }
    }

    /// Reads the style of a text: compact when the first container's first
    /// member is on the same line as its opening bracket (or the text has no
    /// newline); otherwise the indent is the leading whitespace (spaces or
    /// tabs) of the first indented line; trailing_newline when the text ends
    /// with '\n'.
    pub fn detect(text: &str) -> Self {
        let trailing_newline = text.ends_with('\n');
        let start = text.trim_start_matches([' ', '\t', '\n', '\r']);
        let after_bracket = start
            .strip_prefix('{')
            .or_else(|| start.strip_prefix('['))
            .map(|rest| rest.trim_start_matches([' ', '\t']));
        let indent = match after_bracket {
            Some(rest) if rest.starts_with(['\n', '\r']) => Some(
                rest.lines()
                    .map(|line| {
                        let content = line.trim_start_matches([' ', '\t']);
                        (&line[..line.len() - content.len()], content)
                    })
                    .find(|(leading, content)| !leading.is_empty() && !content.is_empty())
                    .map(|(leading, _)| leading.to_owned())
                    .unwrap_or_default(),
            ),
            _ => None,
        };
        Self {
            indent,
            trailing_newline,
        }
    }
}

/// Serialises `value` in `style` (serde_json's PrettyFormatter::with_indent
/// for indented styles, compact otherwise), plus a trailing newline when the
/// style has one.
pub fn to_json_text(value: &Value, style: &TextStyle) -> String {
    let mut out = Vec::new();
    let written = match &style.indent {
        Some(indent) => {
            let formatter = PrettyFormatter::with_indent(indent.as_bytes());
            let mut serializer = serde_json::Serializer::with_formatter(&mut out, formatter);
            value.serialize(&mut serializer)
        }
        None => serde_json::to_writer(&mut out, value),
    };
    written.expect("serialising a Value into a Vec cannot fail: its keys are strings and a Vec accepts every write");
    let mut text = String::from_utf8(out)
        .expect("serde_json writes UTF-8: it copies Rust strings and ASCII punctuation");
    if style.trailing_newline {
        text.push('\n');
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::pointer::JsonPointer;

    fn pointer(text: &str) -> JsonPointer {
        JsonPointer::parse(text).unwrap()
    }

    #[test]
    fn parse_error_has_line_and_character_column() {
        let text = "{\n  \"a\": \"é\" x\n}";
        let err = parse_json(text).unwrap_err();
        assert_eq!((err.line, err.column), (2, 12));
        assert_eq!(&text[err.offset..err.offset + 1], "x");
        assert_eq!(err.message, "expected `,` or `}`");
        assert_eq!(err.to_string(), "line 2, column 12: expected `,` or `}`");
    }

    #[test]
    fn empty_text_is_a_clear_error() {
        let err = parse_json("  \n").unwrap_err();
        assert!(err.message.contains("empty"), "{err}");
    }

    #[test]
    fn unterminated_text_points_at_its_end() {
        let err = parse_json("{\"a\": [1, 2").unwrap_err();
        assert_eq!(err.line, 1);
        assert!(err.message.contains("EOF"), "{err}");
    }

    #[test]
    fn parsing_keeps_key_order() {
        let value = parse_json(r#"{"z": 1, "a": 2, "m": 3}"#).unwrap();
        let keys: Vec<_> = value.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["z", "a", "m"]);
    }

    #[test]
    fn locates_nested_members_and_elements() {
        let text = r#"{"a": {"b": [10, {"c": "x\"y"}, 30]}, "d": true}"#;
        let span = locate(text, &pointer("/a/b/1/c")).unwrap();
        assert_eq!(&text[span.value.clone()], r#""x\"y""#);
        assert_eq!(&text[span.key.clone().unwrap()], r#""c""#);
        assert_eq!(&text[span.focus()], r#""c": "x\"y""#);
        let span = locate(text, &pointer("/a/b/2")).unwrap();
        assert_eq!(&text[span.value], "30");
        assert_eq!(span.key, None);
        let span = locate(text, &pointer("/d")).unwrap();
        assert_eq!(&text[span.value], "true");
    }

    #[test]
    fn container_focus_is_its_key_and_opening_bracket() {
        let text = "{\n  \"section\": {\n    \"x\": 1\n  }\n}";
        let span = locate(text, &pointer("/section")).unwrap();
        assert_eq!(&text[span.focus()], "\"section\": {");
        assert_eq!(&text[span.value], "{\n    \"x\": 1\n  }");
    }

    #[test]
    fn locates_escaped_keys_and_the_root() {
        let text = r#"{"a\/b": 1, "~": 2}"#;
        assert_eq!(&text[locate(text, &pointer("/a~1b")).unwrap().value], "1");
        assert_eq!(&text[locate(text, &pointer("/~0")).unwrap().value], "2");
        assert_eq!(
            locate(text, &JsonPointer::root()).unwrap().value,
            0..text.len()
        );
    }

    #[test]
    fn missing_or_malformed_paths_are_none() {
        let text = r#"{"a": [1, 2]}"#;
        assert_eq!(locate(text, &pointer("/b")), None);
        assert_eq!(locate(text, &pointer("/a/2")), None);
        assert_eq!(locate(text, &pointer("/a/x")), None);
        assert_eq!(locate(text, &pointer("/a/0/deeper")), None);
        assert_eq!(locate(r#"{"a": [1, "#, &pointer("/a/1")), None);
    }

    #[test]
    fn utf16_offsets_round_trip_beyond_the_bmp() {
        let text = "a🎯b";
        assert_eq!(utf16_offset(text, 5), 3);
        assert_eq!(byte_offset_of_utf16(text, 3), 5);
        assert_eq!(byte_offset_of_utf16(text, 99), text.len());
    }

    #[test]
    fn line_and_column_count_characters() {
        let text = "ab\ncé\nx";
        assert_eq!(line_and_column(text, 0), (1, 1));
        assert_eq!(line_and_column(text, 3), (2, 1));
        assert_eq!(line_and_column(text, 6), (2, 3));
        assert_eq!(line_and_column(text, text.len()), (3, 2));
    }

    #[test]
    fn detects_compact_two_space_four_space_and_tab_styles() {
        assert_eq!(
            TextStyle::detect(r#"{"a":{"b":1}}"#),
            TextStyle {
                indent: None,
                trailing_newline: false
            }
        );
        assert_eq!(
            TextStyle::detect("{\"a\": 1,\n\"b\": 2}\n"),
            TextStyle {
                indent: None,
                trailing_newline: true
            }
        );
        assert_eq!(
            TextStyle::detect("{\n  \"a\": {\n    \"b\": 1\n  }\n}\n"),
            TextStyle::standard()
        );
        assert_eq!(
            TextStyle::detect("[\n    1\n]").indent.as_deref(),
            Some("    ")
        );
        assert_eq!(
            TextStyle::detect("{\n\t\"a\": [\n\t\t1\n\t]\n}")
                .indent
                .as_deref(),
            Some("\t")
        );
    }

    #[test]
    fn pretty_text_round_trips_through_its_detected_style() {
        let source = "{\n  \"name\": \"Modèle 🎯\",\n  \"list\": [\n    1,\n    {\n      \"x\": [],\n      \"y\": {}\n    },\n    [\n      true,\n      null\n    ]\n  ],\n  \"n\": 1.50\n}\n";
        let value: Value = serde_json::from_str(source).unwrap();
        assert_eq!(to_json_text(&value, &TextStyle::detect(source)), source);
    }

    #[test]
    fn compact_text_round_trips_through_its_detected_style() {
        let source = r#"{"b":[1,{"c":"ü"}],"a":{}}"#;
        let value: Value = serde_json::from_str(source).unwrap();
        assert_eq!(to_json_text(&value, &TextStyle::detect(source)), source);
    }

    #[test]
    fn a_name_given_twice_is_refused_at_the_second() {
        let text =
            "{\n  \"model_overview\": {\"model_creator\": \"A\",\n    \"model_creator\": \"B\"}\n}";
        let error = parse_json(text).unwrap_err();
        assert_eq!(error.problem, TextProblem::RepeatedName);
        assert_eq!((error.line, error.column), (3, 5));
        assert_eq!(&text[error.offset..error.offset + 15], "\"model_creator\"");
        assert_eq!(
            error.message,
            "the object at /model_overview names \"model_creator\" twice (first at line 2, \
             column 22), and only one of the two values could be kept: rename or remove one \
             of them"
        );
    }

    #[test]
    fn repeated_names_are_found_wherever_they_are() {
        let at = |text: &str| {
            repeated_name(text).map(|repeated| (repeated.object.to_string(), repeated.name))
        };
        assert_eq!(
            at(r#"{"a": 1, "a": 2}"#),
            Some((String::new(), "a".to_owned()))
        );
        assert_eq!(
            at(r#"{"l": [{"x": 1}, {"y": [1, {"k": 1, "k": 1}]}]}"#),
            Some(("/l/1/y/1".to_owned(), "k".to_owned()))
        );
        // The same name with and without escapes is the same name.
        assert_eq!(
            at(r#"{"a~b": 1, "a\u007eb": 2}"#),
            Some((String::new(), "a~b".to_owned()))
        );
        assert_eq!(
            at(r#"{"o": {"\"": 1, "\u0022": 2}}"#),
            Some(("/o".to_owned(), "\"".to_owned()))
        );
    }

    #[test]
    fn names_repeated_only_across_objects_or_as_values_are_fine() {
        for text in [
            r#"{"a": {"a": 1}, "b": {"a": 2}}"#,
            r#"{"a": "a", "b": ["a", "a"], "c": {"a": "a"}}"#,
            r#"[{"a": 1}, {"a": 2}]"#,
            r#"{"s": "{\"a\": 1, \"a\": 2}", "t": "\\", "a": 1}"#,
            r#"{"": 1, " ": 2}"#,
        ] {
            assert_eq!(repeated_name(text), None, "{text}");
            assert!(parse_json(text).is_ok(), "{text}");
        }
    }
}
