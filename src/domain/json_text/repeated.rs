//! Finding a member name an object gives twice: parsing keeps one of the
//! two values, so the text is scanned (its punctuation and strings, no
//! more) for the second name, which is refused where it stands.

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::{JsonTextError, TextProblem, line_and_column};
use crate::domain::pointer::JsonPointer;

/// A member name that an object gives a second time.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct RepeatedName {
    /// The object that gives it twice.
    pub(super) object: JsonPointer,
    /// The name, unescaped.
    pub(super) name: String,
    /// Byte offsets of the two names' opening quotes.
    first: usize,
    second: usize,
}

impl RepeatedName {
    /// The error that says where the name is given twice.
    pub(super) fn error(&self, text: &str) -> JsonTextError {
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
pub(super) fn repeated_name(text: &str) -> Option<RepeatedName> {
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
