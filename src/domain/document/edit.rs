//! What a view may ask of the document ([`Edit`]), and why the document
//! may refuse it ([`EditError`], worded for the person editing).

use std::fmt;

use serde_json::Value;

use crate::domain::pointer::JsonPointer;

/// A change a view asks for, named by JSON Pointer so views never hold
/// references into the value.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Sets the value at `pointer`. Missing parent *object members* along the
    /// way are created as empty objects; a missing array element is an
    /// error, except that index == len appends. Setting the root replaces the
    /// document.
    Set {
        /// Where the value goes.
        pointer: JsonPointer,
        /// The new value.
        value: Value,
    },
    /// Removes the object member or array element at `pointer` (not the
    /// root).
    Remove {
        /// What to remove.
        pointer: JsonPointer,
    },
    /// Inserts into the array at `array` before `index` (index == len
    /// appends). If `array` does not exist but its parent does, it is created
    /// as an empty array first.
    Insert {
        /// The array to insert into.
        array: JsonPointer,
        /// The index the new element ends up at.
        index: usize,
        /// The new element.
        value: Value,
    },
    /// Moves element `from` of the array at `array` so that it ends up at
    /// index `to`.
    Move {
        /// The array whose elements are reordered.
        array: JsonPointer,
        /// The element's index before the move.
        from: usize,
        /// The element's index after the move.
        to: usize,
    },
    /// Renames member `from` of the object at `object` to `to`, keeping its
    /// position and value. `to` must not be empty and must not already exist
    /// (unless from == to: no-op).
    RenameKey {
        /// The object holding the member.
        object: JsonPointer,
        /// The member's current key.
        from: String,
        /// The member's new key.
        to: String,
    },
}

/// Why an edit could not be applied; the document and history are then
/// unchanged, so a view can show the message and carry on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    /// Nothing exists at this pointer (a missing member, or a token that is
    /// not an array index).
    NotFound(JsonPointer),
    /// The path goes through this value, but it is a string, number, boolean
    /// or null, which has no members or elements.
    NotAContainer(JsonPointer),
    /// The edit needs an array here and the value is something else.
    NotAnArray(JsonPointer),
    /// The edit needs an object here and the value is something else.
    NotAnObject(JsonPointer),
    /// An index past the end of an array (or past one after it, where
    /// appending is allowed).
    IndexOutOfRange {
        /// The array indexed.
        array: JsonPointer,
        /// The index asked for.
        index: usize,
        /// The array's length.
        len: usize,
    },
    /// A rename would overwrite another member of the object.
    KeyExists {
        /// The object holding both members.
        object: JsonPointer,
        /// The key that is already taken.
        key: String,
    },
    /// A member cannot be renamed to the empty key: no field could show it.
    EmptyKey,
    /// The document always has a root; replace it with `Edit::Set` instead.
    RootCannotBeRemoved,
}

/// Shows a pointer readably in a message: the root's pointer is the empty
/// string, which would read as a gap.
struct Place<'a>(&'a JsonPointer);

impl fmt::Display for Place<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_root() {
            f.write_str("the document root")
        } else {
            write!(f, "'{}'", self.0)
        }
    }
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound(at) => write!(f, "nothing exists at {}", Place(at)),
            Self::NotAContainer(at) => {
                write!(f, "the value at {} has no members or elements", Place(at))
            }
            Self::NotAnArray(at) => write!(f, "the value at {} is not an array", Place(at)),
            Self::NotAnObject(at) => write!(f, "the value at {} is not an object", Place(at)),
            Self::IndexOutOfRange { array, index, len } => write!(
                f,
                "index {index} is out of range for the array at {} of length {len}",
                Place(array)
            ),
            Self::KeyExists { object, key } => write!(
                f,
                "the object at {} already has a member named '{key}'",
                Place(object)
            ),
            Self::EmptyKey => f.write_str("a member name cannot be empty"),
            Self::RootCannotBeRemoved => f.write_str("the document root cannot be removed"),
        }
    }
}

impl std::error::Error for EditError {}
