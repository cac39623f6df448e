//! Per-pointer change notification: the piece that makes a keystroke
//! re-render one field instead of the whole form.
//!
//! Each mounted field registers a trigger for its pointer; an edit notifies
//! only the triggers at or below the pointer it changed.

use std::collections::BTreeMap;

use leptos::prelude::*;

/// Triggers keyed by JSON Pointer text, each shared by the fields watching
/// that pointer and counted so the entry goes when the last one unmounts.
#[derive(Default)]
pub struct Subscriptions {
    entries: BTreeMap<String, (ArcTrigger, usize)>,
}

impl Subscriptions {
    /// The trigger for `pointer`, counting one more watcher.
    pub fn watch(&mut self, pointer: &str) -> ArcTrigger {
        let entry = self
            .entries
            .entry(pointer.to_owned())
            .or_insert_with(|| (ArcTrigger::new(), 0));
        entry.1 += 1;
        entry.0.clone()
    }

    /// One watcher of `pointer` is gone.
    pub fn unwatch(&mut self, pointer: &str) {
        if let Some(entry) = self.entries.get_mut(pointer) {
            entry.1 -= 1;
            if entry.1 == 0 {
                self.entries.remove(pointer);
            }
        }
    }

    /// The triggers at `pointer` and below it. Descendants of `/a/1` are the
    /// keys starting with `/a/1/`, which sort between `/a/1/` and `/a/10`
    /// (`0` follows `/`), so this is one range scan, not a walk of all
    /// watchers.
    pub fn at_or_below(&self, pointer: &str) -> Vec<ArcTrigger> {
        let mut found: Vec<ArcTrigger> = self
            .entries
            .get(pointer)
            .map(|(trigger, _)| trigger.clone())
            .into_iter()
            .collect();
        let start = format!("{pointer}/");
        let end = format!("{pointer}0");
        found.extend(
            self.entries
                .range(start..end)
                .map(|(_, (trigger, _))| trigger.clone()),
        );
        found
    }

    /// The triggers of whole subtrees that a change at `pointer` touches:
    /// those at `pointer`, below it, and at each of its ancestors (a chart
    /// watching a metric redraws when one of its cells is typed in).
    pub fn along(&self, pointer: &str) -> Vec<ArcTrigger> {
        let mut found = self.at_or_below(pointer);
        let mut end = pointer.len();
        while let Some(slash) = pointer[..end].rfind('/') {
            found.extend(self.at(&pointer[..slash]));
            end = slash;
        }
        found
    }

    /// The trigger at exactly `pointer`, if anything watches it.
    pub fn at(&self, pointer: &str) -> Option<ArcTrigger> {
        self.entries
            .get(pointer)
            .map(|(trigger, _)| trigger.clone())
    }

    /// How many pointers are watched (for tests and diagnostics).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing is watched.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn watched(pointers: &[&str]) -> Subscriptions {
        let mut subscriptions = Subscriptions::default();
        for pointer in pointers {
            subscriptions.watch(pointer);
        }
        subscriptions
    }

    #[test]
    fn an_edit_reaches_its_pointer_and_descendants_only() {
        let subscriptions = watched(&["/a", "/a/1", "/a/1/name", "/a/10", "/a/1x", "/b"]);
        assert_eq!(
            subscriptions.at_or_below("/a/1").len(),
            2,
            "/a/1 and /a/1/name, not /a/10 or /a/1x"
        );
        assert_eq!(subscriptions.at_or_below("/a").len(), 5);
        assert_eq!(
            subscriptions.at_or_below("").len(),
            6,
            "the root reaches everything"
        );
        assert_eq!(subscriptions.at_or_below("/c").len(), 0);
    }

    #[test]
    fn a_subtree_hears_changes_below_it_and_above_it() {
        let subscriptions = watched(&["", "/a", "/a/1", "/a/1/name", "/a/10", "/b"]);
        assert_eq!(
            subscriptions.along("/a/1/name/0").len(),
            4,
            "/a/1/name, /a/1, /a and the root; not /a/10 or /b"
        );
        assert_eq!(
            subscriptions.along("/a/1").len(),
            4,
            "itself, below, and above"
        );
        assert_eq!(subscriptions.along("/b/x").len(), 2);
    }

    #[test]
    fn watchers_are_counted_and_the_entry_goes_with_the_last() {
        let mut subscriptions = watched(&["/a", "/a"]);
        subscriptions.unwatch("/a");
        assert!(subscriptions.at("/a").is_some());
        subscriptions.unwatch("/a");
        assert!(subscriptions.is_empty());
    }
}
