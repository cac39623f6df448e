//! Finding the text of a value by its JSON Pointer without parsing the
//! text into a positioned tree: a scanner skips what is not on the way.

use std::ops::Range;

use crate::domain::pointer::JsonPointer;

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
