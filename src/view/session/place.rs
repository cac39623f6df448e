//! Where the reviewer is in the card, for a draft to come back there:
//! focus noted as it moves, the view and the source text's caret read as a
//! draft is saved, and, once a draft is restored, the reviewer taken back
//! to its view, field, section or caret. Also the editor shown over the
//! registry, and the registry version let go when another card opens.

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

use super::Session;
use crate::domain::drafts::{CardSource, Draft};
use crate::domain::form::values::field_id;
use crate::domain::pointer::JsonPointer;
use crate::domain::resume::{DraftView, FocusTarget, RegistryBase, TextSpot};
use crate::view::backend::Screen;
use crate::view::form::rows::focus_later;
use crate::view::platform::after_next_frame;
use crate::view::view_state::{TextPlace, ViewMode};

impl Session {
    /// Shows the card (not the registry).
    pub(super) fn show_editor(self) {
        if let Some(backend) = self.backend.get_value() {
            backend.show(Screen::Editor);
        }
    }

    /// Forgets the registry version being edited: the card open now is not
    /// its card.
    pub(super) fn leave_registry_version(self) {
        if let Some(backend) = self.backend.get_value()
            && backend.opened().with_untracked(Option::is_some)
        {
            backend.set_opened(None);
        }
    }

    /// Notes where focus went in the card: the form field (by its
    /// `data-path`) and the section it is in.
    pub(super) fn note_focus(self, element: &web_sys::Element) {
        if element.closest(".mce-form").ok().flatten().is_none() {
            return;
        }
        let attribute = |selector: &str, name: &str| {
            element
                .closest(selector)
                .ok()
                .flatten()
                .and_then(|found| found.get_attribute(name))
        };
        let path = attribute("[data-path]", "data-path");
        let section = attribute("[data-section]", "data-section");
        self.place
            .update_value(|place| place.focused(path.as_deref(), section.as_deref()));
    }

    /// Puts where the reviewer is, the parts marked to fill and the
    /// registry version's base into a draft about to be saved.
    pub(super) fn mark_place_and_base(self, draft: &mut Draft) {
        let mode = self.view.mode().get_untracked();
        let mut place = self.place.get_value();
        place.view = view_of(mode);
        place.text = (mode == ViewMode::Source)
            .then(|| source_text_spot().or_else(|| self.view.text_place().map(spot_of)))
            .flatten();
        draft.place = place;
        draft.to_fill = self.to_fill.get_untracked();
        let CardSource::ModelPackage(arn) = &draft.source else {
            return;
        };
        let from_opened = self.backend.get_value().and_then(|backend| {
            backend.opened().with_untracked(|opened| {
                opened
                    .as_ref()
                    .filter(|opened| &opened.package.model_package_arn == arn)
                    .map(|opened| {
                        RegistryBase::of(&opened.package, &opened.card, &draft.source_card)
                    })
            })
        });
        draft.registry_base =
            from_opened.or_else(|| self.kept_base.get_value().filter(|base| &base.arn == arn));
    }

    /// Takes the reviewer where the restored draft was left: its view (the
    /// editor shown), and focus on its field, its section or the view's
    /// tab, scrolled into view.
    pub fn go_to_place(self) {
        let place = self.place.get_value();
        let view = self.view;
        view.set_mode(mode_of(place.view));
        if let Some(spot) = place.text {
            view.set_text_place(TextPlace {
                scroll: spot.scroll,
                selection: spot.selection,
            });
        }
        self.show_editor();
        leptos::task::spawn_local(async move {
            // Past the frame in which a view shown puts back its own scroll.
            after_next_frame().await;
            match place.focus() {
                FocusTarget::Field(pointer) => view.reveal(pointer),
                FocusTarget::Section(key) => {
                    let id = field_id(&JsonPointer::from_tokens([key]).to_string());
                    if let Some(section) = shown_element(&id).await {
                        focus_section(&section, &format!("{id}-heading"));
                    }
                }
                FocusTarget::SourceText(spot) => {
                    if let Some(text) = shown_element(SOURCE_TEXT_ID).await {
                        focus_text(text, spot);
                    }
                }
                FocusTarget::Tab(view) => {
                    focus_later(crate::view::app::tab_id(mode_of(view)).to_owned())
                }
            }
        });
    }
}

/// The store's view for a draft's.
fn mode_of(view: DraftView) -> ViewMode {
    match view {
        DraftView::Form => ViewMode::Form,
        DraftView::Source => ViewMode::Source,
        DraftView::Preview => ViewMode::Preview,
    }
}

/// A draft's view for the store's.
fn view_of(mode: ViewMode) -> DraftView {
    match mode {
        ViewMode::Form => DraftView::Form,
        ViewMode::Source => DraftView::Source,
        ViewMode::Preview => DraftView::Preview,
    }
}

/// The source view's text box.
const SOURCE_TEXT_ID: &str = "mce-source-text";

/// Where the source view's text box is now, read from it (text typed
/// through an input method moves the caret without a key going up, so the
/// place the view remembers on keys can lag behind).
fn source_text_spot() -> Option<TextSpot> {
    let text = document()
        .get_element_by_id(SOURCE_TEXT_ID)?
        .dyn_into::<web_sys::HtmlTextAreaElement>()
        .ok()?;
    let start = text.selection_start().ok().flatten()?;
    let end = text.selection_end().ok().flatten()?;
    Some(TextSpot {
        selection: (start, end),
        scroll: (text.scroll_top(), text.scroll_left()),
    })
}

/// A draft's text spot for the place the source view remembers.
fn spot_of(place: TextPlace) -> TextSpot {
    TextSpot {
        selection: place.selection,
        scroll: place.scroll,
    }
}

/// The element with `id` once it is on the page (a view being shown is
/// built within a few ticks), or `None` after a few frames.
async fn shown_element(id: &str) -> Option<web_sys::Element> {
    for attempt in 0..12 {
        if let Some(element) = document().get_element_by_id(id) {
            return Some(element);
        }
        if attempt < 8 {
            leptos::task::tick().await;
        } else {
            after_next_frame().await;
        }
    }
    None
}

/// Focuses a form section with its heading at the top of the view (a tall
/// section centred would put its heading out of sight).
fn focus_section(section: &web_sys::Element, heading_id: &str) {
    if let Some(heading) = document().get_element_by_id(heading_id) {
        heading.scroll_into_view_with_bool(true);
    }
    if let Some(section) = section.dyn_ref::<web_sys::HtmlElement>() {
        let _ = section.focus();
    }
}

/// Focuses the source text box with the selection and scroll it had.
fn focus_text(text: web_sys::Element, spot: TextSpot) {
    let Ok(text) = text.dyn_into::<web_sys::HtmlTextAreaElement>() else {
        return;
    };
    let (start, end) = spot.selection;
    let _ = text.set_selection_range(start, end);
    let _ = text.focus();
    text.set_scroll_top(spot.scroll.0);
    text.set_scroll_left(spot.scroll.1);
}
