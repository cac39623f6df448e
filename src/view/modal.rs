//! A modal dialog on the platform's `<dialog>`: focus moves in and is kept
//! there, Escape closes it, and focus returns where it was.

use leptos::html::Dialog;
use leptos::prelude::*;

/// A modal dialog, shown while `open` is true.
#[component]
pub fn Modal(
    /// Whether the dialog is shown; Escape or a close button sets it false.
    open: RwSignal<bool>,
    /// The dialog's title.
    title: String,
    /// A stable id for tests and labels.
    id: &'static str,
    /// Whether Escape may close it; a dialog that needs an answer sets
    /// this false.
    #[prop(default = true)]
    dismissable: bool,
    /// Whether it needs the width of a table (the drafts).
    #[prop(optional)]
    wide: bool,
    /// The content.
    children: Children,
) -> impl IntoView {
    let dialog: NodeRef<Dialog> = NodeRef::new();
    Effect::new(move |_| {
        let Some(element) = dialog.get() else { return };
        match (open.get(), element.open()) {
            (true, false) => {
                let _ = element.show_modal();
            }
            (false, true) => element.close(),
            _ => {}
        }
    });
    let title_id = format!("{id}-title");
    view! {
        <dialog
            node_ref=dialog
            id=id
            class="mce-dialog"
            class:mce-dialog--wide=wide
            aria-labelledby=title_id.clone()
            on:close=move |_| open.set(false)
            on:cancel=move |event: web_sys::Event| {
                if !dismissable {
                    event.prevent_default();
                }
            }
        >
            <div class="mce-dialog__head">
                <h2 id=title_id.clone() class="mce-dialog__title">{title}</h2>
                {dismissable.then(|| view! {
                    <button type="button" class="mce-icon-button" aria-label="Close" on:click=move |_| open.set(false)>
                        "✕"
                    </button>
                })}
            </div>
            {children()}
        </dialog>
    }
}

/// Whether a dialog about `subject` is open: open while there is one, and
/// closing the dialog (Escape, its close button) lets the subject go, as
/// "Keep editing" does.
pub fn open_while_some<T: Send + Sync + 'static>(subject: RwSignal<Option<T>>) -> RwSignal<bool> {
    let open = RwSignal::new(false);
    Effect::new(move |_| {
        let wanted = subject.with(Option::is_some);
        if open.get_untracked() != wanted {
            open.set(wanted);
        }
    });
    Effect::new(move |_| {
        if !open.get() && subject.with_untracked(Option::is_some) {
            subject.set(None);
        }
    });
    open
}
