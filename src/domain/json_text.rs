//! JSON as text: parsing with positions a person can find, and finding the
//! text of a value by its JSON Pointer.
//!
//! The source view edits text, not values, so errors must point at a line
//! and column, and a validation error (which names a pointer) must be
//! locatable in the text without reparsing it into a positioned tree.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;
use std::ops::Range;

use serde::Serialize;
use serde_json::Value;
use serde_json::ser::PrettyFormatter;

use super::pointer::JsonPointer;

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

/// A member name that an object gives a second time.
#[derive(Debug, PartialEq, Eq)]
struct RepeatedName {
    /// The object that gives it twice.
    object: JsonPointer,
    /// The name, unescaped.
    name: String,
    /// Byte offsets of the two names' opening quotes.
    first: usize,
    second: usize,
}

impl RepeatedName {
    fn error(&self, text: &str) -> JsonTextError {
        let (line, column) = line_and_column(text, self.second);
        let (first_line, first_column) = line_and_column(text, self.first);
        let object = if self.object.is_root() {
            "the top-level object".to_owned()
        } else {
            format!("the object at {}", self.object)
        };
        let name = serde_json::to_string(&self.name).expect("a string always serialises");
        JsonTextError {
            line,
            column,
            offset: self.second,
            problem: TextProblem::RepeatedName,
            message: format!(
                "{object} names {name} twice (first at line {first_line}, column \
                 {first_column}), and only one of the two values could be kept: rename or \
                 remove one of them"
            ),
        }
    }
}

/// An object or array the scan is inside.
enum Frame<'a> {
    Object {
        /// Each name given so far, with the offset of its opening quote.
        names: HashMap<Cow<'a, str>, usize>,
        /// The member whose value the scan is in.
        current: Option<Cow<'a, str>>,
        /// Whether the next string is a member name (after `{` or `,`).
        expecting_name: bool,
    },
    Array {
        /// The element the scan is in.
        index: usize,
    },
}

impl Frame<'_> {
    /// The pointer token of the value the scan is in.
    fn token(&self) -> String {
        match self {
            Self::Object { current, .. } => current.as_deref().unwrap_or_default().to_owned(),
            Self::Array { index } => index.to_string(),
        }
    }
}

/// The first member name an object of `text` repeats. `text` must be JSON
/// that parses: this scans its punctuation and strings, no more.
fn repeated_name(text: &str) -> Option<RepeatedName> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame<'_>> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'{' => stack.push(Frame::Object {
                names: HashMap::new(),
                current: None,
                expecting_name: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { expecting_name, .. }) => *expecting_name = true,
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            b'"' => {
                let end = string_end(bytes, at);
                let repeated = match stack.last_mut() {
                    Some(Frame::Object {
                        names,
                        current,
                        expecting_name,
                    }) if *expecting_name => {
                        *expecting_name = false;
                        let name = member_name(text, at, end);
                        match names.entry(name.clone()) {
                            Entry::Occupied(first) => Some((name, *first.get())),
                            Entry::Vacant(slot) => {
                                slot.insert(at);
                                *current = Some(name);
                                None
                            }
                        }
                    }
                    _ => None,
                };
                if let Some((name, first)) = repeated {
                    let parents = &stack[..stack.len() - 1];
                    return Some(RepeatedName {
                        object: JsonPointer::from_tokens(parents.iter().map(Frame::token)),
                        name: name.into_owned(),
                        first,
                        second: at,
                    });
                }
                at = end;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    None
}

/// The offset just past the string whose opening quote is at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// The member name quoted at `start..end`, unescaped when it has escapes
/// (`"\u0061"` and `"a"` are the same name).
fn member_name(text: &str, start: usize, end: usize) -> Cow<'_, str> {
    let quoted = &text[start..end];
    let raw = &quoted[1..quoted.len() - 1];
    if raw.contains('\\') {
        serde_json::from_str::<String>(quoted).map_or(Cow::Borrowed(raw), Cow::Owned)
    } else {
        Cow::Borrowed(raw)
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

/// Where a value sits in a JSON text, as byte ranges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueSpan {
    /// The member's key with its quotes, when the value is an object member.
    pub key: Option<Range<usize>>,
    /// The value itself, from its first to one past its last byte.
    pub value: Range<usize>,
    /// Whether the value is an object or an array.
    pub is_container: bool,
}

impl ValueSpan {
    /// The range worth selecting to show the value: the key and a scalar
    /// value whole, or the key and only the opening bracket of a container
    /// (selecting a whole 90 KB section helps nobody).
    pub fn focus(&self) -> Range<usize> {
        let start = self.key.as_ref().map_or(self.value.start, |key| key.start);
        if self.is_container {
            start..self.value.start + 1
        } else {
            start..self.value.end
        }
    }
}

/// Finds the text of the value at `pointer`, or `None` when the text is not
/// well-formed along the way or has no such value.
pub fn locate(text: &str, pointer: &JsonPointer) -> Option<ValueSpan> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        text,
        pos: 0,
    };
    scanner.skip_ws();
    let mut key = None;
    for token in pointer.tokens() {
        match scanner.peek()? {
            b'{' => {
                let key_range = scanner.find_member(token)?;
                key = Some(key_range);
            }
            b'[' => {
                let index = token.parse::<usize>().ok()?;
                scanner.find_element(index)?;
                key = None;
            }
            _ => return None,
        }
    }
    let start = scanner.pos;
    let is_container = matches!(scanner.peek()?, b'{' | b'[');
    scanner.skip_value()?;
    Some(ValueSpan {
        key,
        value: start..scanner.pos,
        is_container,
    })
}

struct Scanner<'a> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.skip_ws();
        (self.peek()? == byte).then(|| self.pos += 1)
    }

    /// Moves past a string starting at the current `"`; returns its range.
    fn skip_string(&mut self) -> Option<Range<usize>> {
        let start = self.pos;
        if self.peek()? != b'"' {
            return None;
        }
        self.pos += 1;
        loop {
            match self.peek()? {
                b'\\' => self.pos += 2,
                b'"' => {
                    self.pos += 1;
                    return Some(start..self.pos);
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Moves past one value of any kind, without recursion.
    fn skip_value(&mut self) -> Option<()> {
        self.skip_ws();
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => {
                    self.skip_string()?;
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                }
                b'}' | b']' => {
                    depth = depth.checked_sub(1)?;
                    self.pos += 1;
                }
                b',' | b':' if depth > 0 => self.pos += 1,
                b' ' | b'\t' | b'\n' | b'\r' if depth > 0 => self.pos += 1,
                _ if depth == 0 => {
                    // A scalar at the top: a number or a literal.
                    while let Some(byte) = self.peek() {
                        if matches!(byte, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r') {
                            break;
                        }
                        self.pos += 1;
                    }
                    return Some(());
                }
                _ => self.pos += 1,
            }
            if depth == 0 {
                return Some(());
            }
        }
    }

    /// Inside the object at the cursor, moves to the value of member `key`.
    fn find_member(&mut self, key: &str) -> Option<Range<usize>> {
        self.expect(b'{')?;
        loop {
            self.skip_ws();
            if self.peek()? == b'}' {
                return None;
            }
            let key_range = self.skip_string()?;
            self.expect(b':')?;
            self.skip_ws();
            if self.key_equals(key_range.clone(), key) {
                return Some(key_range);
            }
            self.skip_value()?;
            self.skip_ws();
            match self.peek()? {
                b',' => self.pos += 1,
                _ => return None,
            }
        }
    }

    /// Inside the array at the cursor, moves to element `index`.
    fn find_element(&mut self, index: usize) -> Option<()> {
        self.expect(b'[')?;
        for _ in 0..index {
            self.skip_ws();
            if self.peek()? == b']' {
                return None;
            }
            self.skip_value()?;
            self.expect(b',')?;
        }
        self.skip_ws();
        (self.peek()? != b']').then_some(())
    }

    fn key_equals(&self, range: Range<usize>, key: &str) -> bool {
        let raw = &self.text[range];
        if raw.contains('\\') {
            serde_json::from_str::<String>(raw).is_ok_and(|decoded| decoded == key)
        } else {
            &raw[1..raw.len() - 1] == key
        }
    }
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
