//! Getting cards in: open a file (picker or drag and drop), paste JSON, or
//! load an example shipped with the app; and, while no card is open, the
//! start screen saying so. Bad input is refused with a sentence saying why,
//! and the card being edited stays as it was.
//!
//! The start screen (`start_screen`) and opening a linked card (`link`)
//! live beside this file; it keeps what they share: loading and refusing a
//! card, and the file picker.

mod link;
mod start_screen;

use leptos::html::Input;
use leptos::prelude::*;

pub use self::link::{linked_card, open_link};
pub use self::start_screen::StartScreen;
use super::modal::Modal;
use super::platform::{FileProblem, fetch_text, picked_files, read_file};
use super::session::{OpenRequest, Session, Tone, expect_session};
use super::store::{CardStore, LoadedCard, PackageInfo};
use super::view_state::{ViewMode, ViewState};
use crate::domain::check::MAX_FILE_BYTES;
use crate::domain::drafts::CardSource;
use crate::domain::import::{ImportError, Imported, import_bytes, import_text};
use crate::domain::start::nothing_open;

/// Whether a card is open, and what the toolbar and the start screen share
/// to open one (the paste dialog).
#[derive(Clone, Copy)]
pub struct Start {
    started: RwSignal<bool>,
    nothing_open: Memo<bool>,
    paste_open: RwSignal<bool>,
}

impl Start {
    /// Provides it for `store`. `started`: the editor begins on a card of
    /// its own (a new card or given text), not on the start screen.
    pub fn provide(store: CardStore, started: bool) -> Self {
        let started = RwSignal::new(started);
        let source = store.source();
        let revision = store.revision();
        let none = Memo::new(move |_| {
            let on_new_card_slot = source.with(|source| *source == CardSource::Scratch);
            let started = started.get();
            // The card is read only until a card is open (see below), so
            // typing never pays for this.
            let empty = on_new_card_slot && !started && {
                revision.track();
                store.with_card(|card| card.as_object().is_some_and(serde_json::Map::is_empty))
            };
            nothing_open(on_new_card_slot, started, empty)
        });
        // Once a card is open the editor stays on a card: undoing a
        // restored draft back to nothing does not bring the start screen
        // back under the reviewer's hands.
        Effect::new(move |_| {
            if !none.get() && !started.get_untracked() {
                started.set(true);
            }
        });
        let start = Self {
            started,
            nothing_open: none,
            paste_open: RwSignal::new(false),
        };
        provide_context(start);
        start
    }

    /// Whether no card is open (the start screen shows).
    pub fn nothing_open(&self) -> Memo<bool> {
        self.nothing_open
    }

    /// Starts a new, empty card, shown in `mode`.
    pub fn start_new_card(&self, view_state: ViewState, mode: ViewMode) {
        self.started.set(true);
        view_state.set_mode(mode);
    }
}

/// The [`Start`] the editor provided, when it did (components mounted
/// alone in tests have none, and a card).
pub fn use_start() -> Option<Start> {
    use_context::<Start>()
}

/// Where a card came from, for its announcement and its draft.
fn loaded(imported: Imported, source: CardSource) -> (LoadedCard, String) {
    let mut announcement = format!(
        "Opened {}: {}.",
        source.describe(),
        imported.shape.describe()
    );
    if imported.had_no_card {
        announcement.push_str(" It holds no card yet, so this is a new, empty one.");
    }
    let card = LoadedCard {
        card: imported.card,
        style: imported.style,
        source,
        package: PackageInfo {
            arn: imported.arn,
            status: imported.status,
        },
    };
    (card, announcement)
}

/// Says why `request` could not open its card, unless the user has asked
/// for another card since.
fn refuse(session: Session, request: OpenRequest, what: &str, reason: impl std::fmt::Display) {
    if !session.is_latest(request) {
        return;
    }
    session.stop_opening();
    session.notify(
        Tone::Error,
        format!("Could not open {what}: {reason}. The card you were editing is unchanged."),
    );
}

/// Opens a file the user chose or dropped.
pub fn open_file(session: Session, file: web_sys::File) {
    let name = file.name();
    let request = session.request_open();
    leptos::task::spawn_local(async move {
        let what = format!("\u{201c}{name}\u{201d}");
        let bytes = match read_file(&file, MAX_FILE_BYTES).await {
            Ok(bytes) => bytes,
            Err(FileProblem::TooLarge(size)) => {
                return refuse(session, request, &what, ImportError::TooLarge(size));
            }
            Err(FileProblem::Unreadable(reason)) => {
                return refuse(session, request, &what, reason);
            }
        };
        match import_bytes(&bytes) {
            Ok(imported) => {
                let (card, announcement) = loaded(imported, CardSource::File(name));
                session.open(request, card, announcement);
            }
            Err(error) => refuse(session, request, &what, error),
        }
    });
}

/// Opens the file chosen in a file picker.
fn open_picked(session: Session, event: leptos::ev::Event) {
    if let Some(file) = picked_files(&event).into_iter().next() {
        open_file(session, file);
    }
}

/// The browser's file chooser, hidden: an "Open…" button clicks it, and
/// the file chosen is opened.
#[component]
fn FilePicker(
    /// Lets the button that shows it click it.
    picker: NodeRef<Input>,
    /// Its `data-testid`.
    test_id: &'static str,
) -> impl IntoView {
    let session = expect_session();
    view! {
        <input
            node_ref=picker
            type="file"
            accept=".json,application/json,text/plain"
            class="mce-visually-hidden"
            tabindex="-1"
            aria-hidden="true"
            data-testid=test_id
            on:change=move |event| open_picked(session, event)
        />
    }
}

/// Open, Paste and Examples.
#[component]
pub fn FileActions() -> impl IntoView {
    let session = expect_session();
    let picker: NodeRef<Input> = NodeRef::new();
    let paste_open = use_start().map_or_else(|| RwSignal::new(false), |start| start.paste_open);
    view! {
        <div class="mce-toolbar__group" role="group" aria-label="Open a card">
            <button
                type="button"
                class="mce-button"
                data-testid="open-file"
                on:click=move |_| {
                    if let Some(input) = picker.get() {
                        input.click();
                    }
                }
            >
                "Open…"
            </button>
            <FilePicker picker test_id="file-input" />
            <button type="button" class="mce-button" on:click=move |_| paste_open.set(true)>
                "Paste…"
            </button>
            <Examples />
            <button type="button" class="mce-button" data-testid="open-drafts" on:click=move |_| session.drafts_shown().set(true)>
                "Drafts…"
            </button>
        </div>
        <PasteDialog open=paste_open />
    }
}

/// The paste dialog: errors are shown in it, and the text stays to fix.
#[component]
fn PasteDialog(open: RwSignal<bool>) -> impl IntoView {
    let session = expect_session();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let submit = move |_| match import_text(&text.get_untracked()) {
        Ok(imported) => {
            let (card, announcement) = loaded(imported, CardSource::Pasted);
            session.open(session.request_open(), card, announcement);
            error.set(None);
            text.set(String::new());
            open.set(false);
        }
        Err(problem) => error.set(Some(format!("Cannot open this: {problem}."))),
    };
    view! {
        <Modal open title="Paste a card".to_owned() id="mce-paste">
            <p class="mce-dialog__help">
                "Paste a card, a ModelCard object, or the output of "
                <code>"aws sagemaker describe-model-package"</code>"."
            </p>
            <label class="mce-field__label" for="mce-paste-text">"JSON to open"</label>
            <textarea
                id="mce-paste-text"
                class="mce-input mce-input--code mce-dialog__text"
                spellcheck="false"
                aria-invalid=move || error.with(Option::is_some).to_string()
                aria-describedby="mce-paste-error"
                prop:value=move || text.get()
                on:input=move |event| text.set(event_target_value(&event))
            ></textarea>
            <p id="mce-paste-error" class="mce-messages__error" role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
            <div class="mce-dialog__buttons">
                <button type="button" class="mce-button mce-button--primary" on:click=submit>"Open"</button>
                <button type="button" class="mce-button" on:click=move |_| open.set(false)>"Cancel"</button>
            </div>
        </Modal>
    }
}

/// The examples shipped beside the app.
const EXAMPLES: [(&str, &str, &str); 2] = [
    ("complete", "Complete example", "examples/complete.json"),
    (
        "large",
        "Large example (every metric kind, near the size limit)",
        "examples/large.json",
    ),
];

/// The Examples menu: choosing one fetches it and opens it.
#[component]
fn Examples() -> impl IntoView {
    let session = expect_session();
    let menu = NodeRef::<leptos::html::Details>::new();
    let items = EXAMPLES
        .iter()
        .map(|(name, label, path)| {
            let load = move |_| {
                if let Some(menu) = menu.get() {
                    menu.set_open(false);
                }
                let request = session.request_open();
                leptos::task::spawn_local(async move {
                    let what = format!("the {name} example");
                    match fetch_text(path).await {
                        Ok(text) => match import_text(&text) {
                            Ok(imported) => {
                                let (card, announcement) = loaded(imported, CardSource::Example((*name).to_owned()));
                                session.open(request, card, announcement);
                            }
                            Err(error) => refuse(session, request, &what, error),
                        },
                        Err(error) => refuse(session, request, &what, error),
                    }
                });
            };
            view! { <li><button type="button" class="mce-menu__item" on:click=load>{*label}</button></li> }
        })
        .collect_view();
    view! {
        <details class="mce-menu" node_ref=menu>
            <summary class="mce-button">"Examples"</summary>
            <ul class="mce-menu__list">{items}</ul>
        </details>
    }
}

/// Dropping a file anywhere on the page opens it.
#[component]
pub fn DropZone() -> impl IntoView {
    let session = expect_session();
    let active = RwSignal::new(false);
    let carries_files = |event: &web_sys::DragEvent| {
        event
            .data_transfer()
            .map(|transfer| transfer.types().includes(&"Files".into(), 0))
            .unwrap_or(false)
    };
    let over = window_event_listener(leptos::ev::dragover, move |event| {
        if carries_files(&event) {
            event.prevent_default();
            active.set(true);
        }
    });
    let leave = window_event_listener(leptos::ev::dragleave, move |event| {
        // Leaving the window (not moving between elements).
        if event.related_target().is_none() {
            active.set(false);
        }
    });
    let drop = window_event_listener(leptos::ev::drop, move |event| {
        if !carries_files(&event) {
            return;
        }
        event.prevent_default();
        active.set(false);
        if let Some(file) = event
            .data_transfer()
            .and_then(|transfer| transfer.files())
            .and_then(|files| files.get(0))
        {
            open_file(session, file);
        }
    });
    on_cleanup(move || {
        over.remove();
        leave.remove();
        drop.remove();
    });
    view! {
        <div class="mce-drop" hidden=move || !active.get() aria-hidden="true">
            <p class="mce-drop__text">"Drop a card file to open it"</p>
        </div>
    }
}
