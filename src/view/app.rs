//! The page: header with undo/redo, the form/source switch and the card's
//! verdict; section navigation; the form or the source; the problems.

use leptos::ev;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::backend::{Backend, ConfigState, Screen, expect_backend};
use super::drafts_dialog::DraftsDialog;
use super::export_actions::ExportActions;
use super::file_actions::{DropZone, FileActions, Start, StartScreen, linked_card, open_link};
use super::form_view::FormView;
use super::other_tabs::OtherTabs;
use super::platform::now_ms;
use super::print_view::PrintView;
use super::problems::{ProblemCount, ProblemList};
use super::registry::RegistryScreen;
use super::section_nav::SectionNav;
use super::session::{Session, expect_session};
use super::session_view::{NoticeLine, RecoveryDialog, SaveStatus};
use super::source_editor::SourceEditor;
use super::store::{CardStore, expect_store};
use super::submit::SubmitBar;
use super::view_state::{ViewMode, ViewState, expect_view_state};
use crate::domain::entries::Slot;
use crate::domain::form::values::field_id;
use crate::domain::json_text::TextStyle;
use crate::domain::pointer::JsonPointer;
use crate::domain::start::NO_CARD;

/// The whole editor, starting on the start screen (no card open).
#[component]
pub fn App() -> impl IntoView {
    view! { <Editor start_screen=true /> }
}

/// The editor for a card given as JSON text, or a new, empty card.
#[component]
pub fn Editor(
    /// The card to start with, as JSON text (it may be broken); laid out
    /// the same way when saved.
    #[prop(optional)]
    initial_text: Option<String>,
    /// Without `initial_text`, start on the start screen, which says what
    /// the reviewer can open, rather than on a new card.
    #[prop(optional)]
    start_screen: bool,
) -> impl IntoView {
    let (store, view_state, start, backend) = start_editor(initial_text, start_screen);
    let nothing_open = start.nothing_open();
    let screen = backend.screen();
    install_shortcuts(store, view_state, nothing_open);
    reveal_in_form(view_state);
    return_to_place(view_state, backend);
    view! {
        <div
            class="mce-app"
            class:mce-app--registry=move || screen.get() == Screen::Registry
            class:mce-app--start=move || screen.get() == Screen::Editor && nothing_open.get()
        >
            <SkipLink />
            <Header store backend nothing_open />
            <SectionNav />
            <MainArea view_state backend nothing_open />
            <aside class="mce-side" aria-label="Validation">
                <ProblemList />
            </aside>
            <DropZone />
            <RecoveryDialog />
            <DraftsDialog />
            <OtherTabs />
        </div>
    }
}

/// Makes and provides the editor's store, view state, session, start and
/// backend, and opens the card the page's address links to, if any.
fn start_editor(
    initial_text: Option<String>,
    start_screen: bool,
) -> (CardStore, ViewState, Start, Backend) {
    let begins_on_a_card = initial_text.is_some() || !start_screen;
    let store = match initial_text {
        Some(text) => CardStore::from_text(&text, now_ms),
        None => CardStore::new(
            serde_json::Value::Object(Default::default()),
            TextStyle::standard(),
            now_ms,
        ),
    }
    .provide();
    let view_state = ViewState::new(store).provide();
    let session = Session::new(store, view_state).provide();
    let start = Start::provide(store, begins_on_a_card);
    let link = linked_card();
    session.start(link.is_none());
    let backend = Backend::start(link.is_none());
    session.attach_backend(backend);
    if let Some(path) = link {
        open_link(session, path);
    }
    (store, view_state, start, backend)
}

/// The title, the card's source, where its draft and its problems stand,
/// and the toolbar.
#[component]
fn Header(store: CardStore, backend: Backend, nothing_open: Memo<bool>) -> impl IntoView {
    let registry_available = move || matches!(backend.config().get(), ConfigState::Ready(_));
    view! {
        <header class="mce-header">
            <div class="mce-header__top">
                <h1 class="mce-header__title">"Model Card Editor"</h1>
                <p class="mce-header__source">
                    {move || if nothing_open.get() { NO_CARD.to_owned() } else { store.source().get().describe() }}
                </p>
                <SaveStatus />
                <ProblemCount />
            </div>
            <div class="mce-toolbar">
                <button
                    type="button"
                    class="mce-button"
                    data-testid="open-registry"
                    hidden=move || !registry_available()
                    on:click=move |_| backend.show(Screen::Registry)
                >
                    "Model registry"
                </button>
                <FileActions />
                <ExportActions />
                <HistoryButtons />
                <ViewTabs />
            </div>
        </header>
    }
}

/// The main area: what went wrong, the submit bar, and the view shown
/// (the registry, the start screen, or the card as form, source or
/// preview). Its scroll is remembered per view as it happens.
#[component]
fn MainArea(view_state: ViewState, backend: Backend, nothing_open: Memo<bool>) -> impl IntoView {
    let screen = backend.screen();
    let mode = view_state.mode();
    let config_problem = move || match backend.config().get() {
        ConfigState::Broken(problem) => Some(problem),
        _ => None,
    };
    view! {
        <main
            class="mce-main"
            id="mce-main"
            tabindex="-1"
            on:scroll=move |event| {
                if screen.get_untracked() == Screen::Editor {
                    let top = event_target::<web_sys::Element>(&event).scroll_top();
                    view_state.set_scroll_top(mode.get_untracked(), top);
                }
            }
        >
            <p class="mce-banner mce-banner--error" role="alert" data-testid="config-problem" hidden=move || config_problem().is_none()>
                {move || config_problem().map(|problem| format!("{problem}. The editor works without a backend until it is fixed."))}
            </p>
            <NoticeLine />
            <StatusLine />
            <div hidden=move || screen.get() == Screen::Registry><SubmitBar /></div>
            <div
                id="mce-view"
                class="mce-view"
                role=move || (screen.get() == Screen::Editor).then_some("tabpanel")
                aria-labelledby=move || (screen.get() == Screen::Editor).then(|| tab_id(mode.get()))
            >
                <ViewContent view_state backend nothing_open />
            </div>
        </main>
    }
}

/// What the view shows: the registry, a card opening, the start screen, or
/// the card.
///
/// The form stays on the page, hidden, while the source or the preview is
/// shown: building it again on the way back took half a second on the
/// largest card with a few metric groups open. Hidden with
/// `content-visibility` (the stylesheet), the browser keeps its layout
/// too, so showing it again takes one frame. The source and the preview
/// are built when shown (the source's text would otherwise be rewritten on
/// every keystroke in the form).
#[component]
fn ViewContent(view_state: ViewState, backend: Backend, nothing_open: Memo<bool>) -> impl IntoView {
    let screen = backend.screen();
    let mode = view_state.mode();
    let opening = expect_session().opening();
    let editing =
        Memo::new(move |_| screen.get() == Screen::Editor && opening.with(Option::is_none));
    move || {
        if !editing.get() {
            return match screen.get() {
                Screen::Registry => view! { <RegistryScreen /> }.into_any(),
                Screen::Editor => view! { <OpeningStatus /> }.into_any(),
            };
        }
        if nothing_open.get() {
            return view! { <StartScreen /> }.into_any();
        }
        let other = move || match mode.get() {
            ViewMode::Form => None,
            ViewMode::Source => Some(view! { <SourceEditor /> }.into_any()),
            ViewMode::Preview => Some(view! { <PrintView /> }.into_any()),
        };
        view! {
            <div class="mce-view__form" class:mce-view__form--away=move || mode.get() != ViewMode::Form>
                <FormView />
            </div>
            {other}
        }
        .into_any()
    }
}

/// What the card's place says while a linked card opens, instead of showing
/// an empty card first.
#[component]
fn OpeningStatus() -> impl IntoView {
    let opening = expect_session().opening();
    let text = move || format!("Opening {}\u{2026}", opening.get().unwrap_or_default());
    view! { <p class="mce-opening" role="status">{text}</p> }
}

/// The first stop for the keyboard: past the toolbar and the section list
/// (some twenty stops) straight to the card. Hidden until focused.
#[component]
fn SkipLink() -> impl IntoView {
    let skip = |event: ev::MouseEvent| {
        // Focus rather than follow the link: the address keeps no #fragment.
        event.prevent_default();
        if let Some(main) = document()
            .get_element_by_id("mce-main")
            .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = main.focus();
        }
    };
    view! {
        <a class="mce-skip" href="#mce-main" on:click=skip>"Skip to main content"</a>
    }
}

/// The id of the tab that shows `mode`'s view.
pub(crate) fn tab_id(mode: ViewMode) -> &'static str {
    match mode {
        ViewMode::Form => "mce-tab-form",
        ViewMode::Source => "mce-tab-source",
        ViewMode::Preview => "mce-tab-preview",
    }
}

/// Form, Source and Preview, as tabs (arrow keys move between them). On
/// the registry screen none is selected, and choosing one goes back to the
/// card in that view.
#[component]
fn ViewTabs() -> impl IntoView {
    let view_state = expect_view_state();
    let backend = expect_backend();
    let start = super::file_actions::use_start();
    let nothing_open = move || start.is_some_and(|start| start.nothing_open().get());
    let mode = view_state.mode();
    let screen = backend.screen();
    // On the start screen a view starts a new card shown in it; from the
    // registry, with no card open, it leads to the start screen.
    let show = move |target: ViewMode| {
        if let Some(start) = start
            && start.nothing_open().get_untracked()
            && screen.get_untracked() == Screen::Editor
        {
            start.start_new_card(view_state, target);
        }
        view_state.set_mode(target);
        backend.show(Screen::Editor);
    };
    let selected = move |target: ViewMode| {
        screen.get() == Screen::Editor && mode.get() == target && !nothing_open()
    };
    let tab = move |target: ViewMode, label: &'static str| {
        view! {
            <button
                type="button"
                role="tab"
                id=tab_id(target)
                class="mce-tab"
                aria-selected=move || selected(target).to_string()
                aria-controls="mce-view"
                tabindex=move || if mode.get() == target { "0" } else { "-1" }
                on:click=move |_| show(target)
                on:keydown=move |event: ev::KeyboardEvent| {
                    let order = ViewMode::ALL;
                    let at = order.iter().position(|mode| *mode == target).unwrap_or(0);
                    let other = match event.key().as_str() {
                        "ArrowRight" => order[(at + 1) % order.len()],
                        "ArrowLeft" => order[(at + order.len() - 1) % order.len()],
                        _ => return,
                    };
                    event.prevent_default();
                    show(other);
                    super::form::rows::focus_later(tab_id(other).to_owned());
                }
            >
                {label}
            </button>
        }
    };
    view! {
        <div class="mce-tabs" role="tablist" aria-label="View">
            {tab(ViewMode::Form, "Form")}
            {tab(ViewMode::Source, "Source")}
            {tab(ViewMode::Preview, "Preview")}
        </div>
    }
}

/// Undo and redo, also on Ctrl+Z and Ctrl+Shift+Z / Ctrl+Y.
#[component]
fn HistoryButtons() -> impl IntoView {
    let store = expect_store();
    view! {
        <div class="mce-history">
            <button
                type="button"
                class="mce-button"
                data-testid="undo"
                title="Undo (Ctrl+Z)"
                disabled=move || !store.can_undo().get()
                on:click=move |_| store.undo()
            >
                "Undo"
            </button>
            <button
                type="button"
                class="mce-button"
                data-testid="redo"
                title="Redo (Ctrl+Shift+Z)"
                disabled=move || !store.can_redo().get()
                on:click=move |_| store.redo()
            >
                "Redo"
            </button>
        </div>
    }
}

/// Says when an edit was refused (it should not happen from the UI, but a
/// refusal is never silent).
#[component]
fn StatusLine() -> impl IntoView {
    let store = expect_store();
    let error = store.last_error();
    view! {
        <p class="mce-banner mce-banner--error" role="alert" hidden=move || error.with(Option::is_none)>
            {move || error.get().map(|error| format!("That edit could not be made: {error}"))}
        </p>
    }
}

/// The editor's own undo and redo replace the browser's, which would undo
/// one text box's typing without the card knowing.
fn install_shortcuts(store: CardStore, view_state: ViewState, nothing_open: Memo<bool>) {
    let handle = window_event_listener(ev::keydown, move |event| {
        if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
            return;
        }
        match (event.key().to_lowercase().as_str(), event.shift_key()) {
            // With no card open there is no card to print.
            ("p", false) if !nothing_open.get_untracked() => {
                // Print the printable card, not the form's controls.
                event.prevent_default();
                super::print_view::print_preview(view_state);
            }
            ("z", false) => {
                event.prevent_default();
                store.undo();
            }
            ("z", true) | ("y", false) => {
                event.prevent_default();
                store.redo();
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// Coming back to a view (from another view, or from the registry) comes
/// back to where it was scrolled: the main area's scroll is remembered per
/// view as it happens (`on:scroll` above) and put back once the view is on
/// the page. Opening another card forgets the places.
fn return_to_place(view_state: ViewState, backend: Backend) {
    let mode = view_state.mode();
    let screen = backend.screen();
    Effect::new(move |previous: Option<(Screen, ViewMode)>| {
        let now = (screen.get(), mode.get());
        if previous.is_some_and(|previous| previous != now) && now.0 == Screen::Editor {
            // Read now: scrolling the new view into its place first
            // overwrites the remembered place with the clamped one.
            let top = view_state.scroll_top(now.1);
            request_animation_frame(move || {
                if let Some(main) = document().get_element_by_id("mce-main") {
                    main.set_scroll_top(top);
                }
            });
        }
        now
    });
}

/// In the form, a reveal (a problem or a section activated) scrolls to the
/// field and focuses it, once collapsed items on the way have opened (a few
/// executor ticks, before the browser handles the next event) and, for a
/// cell far down a grid, once the grid has built its later rows (a frame).
fn reveal_in_form(view_state: ViewState) {
    Effect::new(move |_| {
        let Some(request) = view_state.reveal_request().get() else {
            return;
        };
        if view_state.mode().get_untracked() != ViewMode::Form {
            return;
        }
        let pointer = request.pointer;
        let slot = request.slot;
        leptos::task::spawn_local(async move {
            for attempt in 0..12 {
                if attempt < 8 {
                    leptos::task::tick().await;
                } else {
                    super::platform::after_next_frame().await;
                }
                if let Some(element) = control_of(&pointer, slot) {
                    scroll_and_focus(element);
                    return;
                }
            }
            // No control for the place itself (an object): its nearest
            // ancestor that has one.
            let mut candidate = pointer.parent();
            while let Some(pointer) = candidate {
                if let Some(element) = document().get_element_by_id(&field_id(&pointer.to_string()))
                {
                    scroll_and_focus(element);
                    return;
                }
                candidate = pointer.parent();
            }
        });
    });
}

/// The control of `pointer` that `slot` names: its value's (by the id
/// derived from the pointer), or a map entry's key box.
fn control_of(pointer: &JsonPointer, slot: Slot) -> Option<web_sys::Element> {
    let path = pointer.to_string();
    let selector = match slot {
        Slot::Value | Slot::Source => {
            return document().get_element_by_id(&field_id(&path));
        }
        Slot::Key => "data-key-of",
        Slot::NewKey => "data-new-key-of",
    };
    let quoted = serde_json::to_string(&path).ok()?;
    document()
        .query_selector(&format!("[{selector}={quoted}]"))
        .ok()
        .flatten()
}

fn scroll_and_focus(element: web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}
