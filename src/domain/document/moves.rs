//! How an edit, undo or redo moved or replaced the places of a card, so
//! that what is attached to a place (text typed into its control that the
//! card does not hold yet) follows its place: to the next index when an
//! item is inserted before it, to the new name when its key is renamed,
//! and away when its item is removed.

use super::ops::Op;
use crate::domain::pointer::{JsonPointer, parse_index};

/// One operation's effect on the places of the card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Move {
    /// The value at this place was replaced or added: places at or below it
    /// may hold other values now.
    Replaced(JsonPointer),
    /// The member at this place is gone, and everything below it.
    Removed(JsonPointer),
    /// An element was inserted: later elements moved up by one.
    ElementInserted {
        /// The array.
        array: JsonPointer,
        /// Where the new element is.
        index: usize,
    },
    /// An element was removed: later elements moved down by one.
    ElementRemoved {
        /// The array.
        array: JsonPointer,
        /// Where the removed element was.
        index: usize,
    },
    /// An element moved from one index to another; those between shifted.
    ElementMoved {
        /// The array.
        array: JsonPointer,
        /// Where it was.
        from: usize,
        /// Where it is now.
        to: usize,
    },
    /// A member was renamed in place.
    Renamed {
        /// The object.
        object: JsonPointer,
        /// Its old name.
        from: String,
        /// Its new name.
        to: String,
    },
}

/// Where a place is after a change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Whereabouts {
    /// Here now (perhaps moved), its value untouched.
    Kept(JsonPointer),
    /// Here now, but its value may have been replaced.
    Touched(JsonPointer),
    /// Removed.
    Gone,
}

impl Move {
    /// The effect of `op`, which is about to be applied.
    pub(super) fn of(op: &Op) -> Self {
        match op {
            Op::Replace { pointer, .. } => Self::Replaced(pointer.clone()),
            Op::AddMember { object, key, .. } => Self::Replaced(object.child(key.as_str())),
            Op::RemoveMember { object, key } => Self::Removed(object.child(key.as_str())),
            Op::InsertElement { array, index, .. } => Self::ElementInserted {
                array: array.clone(),
                index: *index,
            },
            Op::RemoveElement { array, index } => Self::ElementRemoved {
                array: array.clone(),
                index: *index,
            },
            Op::MoveElement { array, from, to } => Self::ElementMoved {
                array: array.clone(),
                from: *from,
                to: *to,
            },
            Op::RenameMember { object, from, to } => Self::Renamed {
                object: object.clone(),
                from: from.clone(),
                to: to.clone(),
            },
        }
    }

    /// Where `pointer` is after this move.
    pub fn follow(&self, pointer: &JsonPointer) -> Whereabouts {
        match self {
            Self::Replaced(at) if pointer.starts_with(at) => Whereabouts::Touched(pointer.clone()),
            Self::Removed(at) if pointer.starts_with(at) => Whereabouts::Gone,
            Self::Replaced(_) | Self::Removed(_) => Whereabouts::Kept(pointer.clone()),
            Self::ElementInserted { array, index } => {
                reindex(pointer, array, |at| Some(at + usize::from(at >= *index)))
            }
            Self::ElementRemoved { array, index } => reindex(pointer, array, |at| {
                (at != *index).then(|| at - usize::from(at > *index))
            }),
            Self::ElementMoved { array, from, to } => {
                reindex(pointer, array, |at| Some(moved_index(at, *from, *to)))
            }
            Self::Renamed { object, from, to } => match token_below(pointer, object) {
                Some(token) if token == from => {
                    Whereabouts::Kept(replace_token(pointer, object, to.clone()))
                }
                _ => Whereabouts::Kept(pointer.clone()),
            },
        }
    }
}

/// Where `pointer` is after every move of a change, in the order applied.
pub fn follow_all(moves: &[Move], pointer: &JsonPointer) -> Whereabouts {
    let mut place = Whereabouts::Kept(pointer.clone());
    for step in moves {
        place = match place {
            Whereabouts::Kept(at) => step.follow(&at),
            Whereabouts::Touched(at) => match step.follow(&at) {
                Whereabouts::Kept(moved) | Whereabouts::Touched(moved) => {
                    Whereabouts::Touched(moved)
                }
                Whereabouts::Gone => Whereabouts::Gone,
            },
            Whereabouts::Gone => return Whereabouts::Gone,
        };
    }
    place
}

/// The token of `pointer` right below `parent`, if `pointer` is below it.
fn token_below<'a>(pointer: &'a JsonPointer, parent: &JsonPointer) -> Option<&'a str> {
    if !pointer.starts_with(parent) {
        return None;
    }
    pointer
        .tokens()
        .get(parent.tokens().len())
        .map(String::as_str)
}

/// `pointer` with its token right below `parent` replaced by `token`.
fn replace_token(pointer: &JsonPointer, parent: &JsonPointer, token: String) -> JsonPointer {
    let mut tokens = pointer.tokens().to_vec();
    tokens[parent.tokens().len()] = token;
    JsonPointer::from_tokens(tokens)
}

/// `pointer` with its index in `array` mapped by `map` (None: removed).
fn reindex(
    pointer: &JsonPointer,
    array: &JsonPointer,
    map: impl FnOnce(usize) -> Option<usize>,
) -> Whereabouts {
    let Some(index) = token_below(pointer, array).and_then(parse_index) else {
        return Whereabouts::Kept(pointer.clone());
    };
    match map(index) {
        Some(moved) => Whereabouts::Kept(replace_token(pointer, array, moved.to_string())),
        None => Whereabouts::Gone,
    }
}

/// Where the element at `at` is once the element at `from` moved to `to`.
fn moved_index(at: usize, from: usize, to: usize) -> usize {
    if at == from {
        return to;
    }
    let closed = at - usize::from(at > from);
    closed + usize::from(closed >= to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ptr(text: &str) -> JsonPointer {
        JsonPointer::parse(text).unwrap()
    }

    fn kept(text: &str) -> Whereabouts {
        Whereabouts::Kept(ptr(text))
    }

    #[test]
    fn replacing_touches_what_is_at_or_below() {
        let replaced = Move::Replaced(ptr("/a/0"));
        assert_eq!(
            replaced.follow(&ptr("/a/0/v")),
            Whereabouts::Touched(ptr("/a/0/v"))
        );
        assert_eq!(replaced.follow(&ptr("/a/1/v")), kept("/a/1/v"));
        assert_eq!(replaced.follow(&ptr("/a")), kept("/a"));
    }

    #[test]
    fn elements_shift_around_inserts_and_removals() {
        let inserted = Move::ElementInserted {
            array: ptr("/a"),
            index: 1,
        };
        assert_eq!(inserted.follow(&ptr("/a/0/v")), kept("/a/0/v"));
        assert_eq!(inserted.follow(&ptr("/a/1/v")), kept("/a/2/v"));
        let removed = Move::ElementRemoved {
            array: ptr("/a"),
            index: 1,
        };
        assert_eq!(removed.follow(&ptr("/a/0")), kept("/a/0"));
        assert_eq!(removed.follow(&ptr("/a/1/v")), Whereabouts::Gone);
        assert_eq!(removed.follow(&ptr("/a/3/v")), kept("/a/2/v"));
        assert_eq!(removed.follow(&ptr("/b/3")), kept("/b/3"));
    }

    #[test]
    fn a_moved_element_takes_what_is_attached_with_it() {
        // [a, b, c] with a moved to 2 is [b, c, a].
        let moved = Move::ElementMoved {
            array: ptr("/l"),
            from: 0,
            to: 2,
        };
        assert_eq!(moved.follow(&ptr("/l/0/x")), kept("/l/2/x"));
        assert_eq!(moved.follow(&ptr("/l/1/x")), kept("/l/0/x"));
        assert_eq!(moved.follow(&ptr("/l/2/x")), kept("/l/1/x"));
        let back = Move::ElementMoved {
            array: ptr("/l"),
            from: 2,
            to: 0,
        };
        assert_eq!(back.follow(&ptr("/l/2")), kept("/l/0"));
        assert_eq!(back.follow(&ptr("/l/0")), kept("/l/1"));
        assert_eq!(back.follow(&ptr("/l/1")), kept("/l/2"));
    }

    #[test]
    fn renames_and_removed_members() {
        let renamed = Move::Renamed {
            object: ptr("/m"),
            from: "old".into(),
            to: "new".into(),
        };
        assert_eq!(renamed.follow(&ptr("/m/old/x")), kept("/m/new/x"));
        assert_eq!(renamed.follow(&ptr("/m/other")), kept("/m/other"));
        let removed = Move::Removed(ptr("/m/old"));
        assert_eq!(removed.follow(&ptr("/m/old/x")), Whereabouts::Gone);
        assert_eq!(removed.follow(&ptr("/m/older")), kept("/m/older"));
    }

    #[test]
    fn moves_compose_in_order_and_touching_sticks() {
        let moves = [
            Move::Replaced(ptr("/a/0")),
            Move::ElementInserted {
                array: ptr("/a"),
                index: 0,
            },
        ];
        assert_eq!(
            follow_all(&moves, &ptr("/a/0/v")),
            Whereabouts::Touched(ptr("/a/1/v"))
        );
        assert_eq!(follow_all(&moves, &ptr("/a/1/v")), kept("/a/2/v"));
        assert_eq!(follow_all(&[], &ptr("/a")), kept("/a"));
    }
}
