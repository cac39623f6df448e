//! The marks on parts to fill for this version (a card started from
//! another version's card): in their section, above the action that fills
//! them, and in the review before Submit. What a mark says and whether it
//! still stands is `domain::registry::to_fill`'s; the marks themselves are
//! the session's, kept with the draft.

use leptos::prelude::*;

use crate::domain::form::values::field_id;
use crate::domain::pointer::JsonPointer;
use crate::domain::registry::to_fill::{ToFill, VersionPart, review_sentence, standing};
use crate::view::session::{Session, expect_session};

/// The marks standing in the card, followed as it is edited. The card is
/// read only while there are marks, so typing in a card without any
/// costs nothing here.
fn standing_marks(session: Session) -> Memo<Vec<ToFill>> {
    let store = session.store();
    let marks = session.to_fill();
    Memo::new(move |_| {
        marks.with(|marks| {
            if marks.is_empty() {
                return Vec::new();
            }
            store.revision().track();
            store.with_card(|card| standing(marks, card).into_iter().cloned().collect())
        })
    })
}

/// The mark of `section`, while it stands: what was left out and how to
/// fill it, and a way to say the part stays empty. Nothing for a section
/// that holds no version-specific part.
#[component]
pub fn ToFillMark(section: &'static str) -> impl IntoView {
    VersionPart::of_section(section).map(|part| {
        let session = expect_session();
        let marks = standing_marks(session);
        let mark = Memo::new(move |_| {
            marks.with(|marks| marks.iter().find(|mark| mark.section == section).cloned())
        });
        move || {
            mark.get().map(|mark| {
                view! {
                    <div class="mce-banner mce-banner--warning mce-to-fill" data-testid="to-fill" data-section=section>
                        <p class="mce-to-fill__text">{mark.sentence()}</p>
                        <button type="button" class="mce-button mce-button--small" aria-label=format!("Leave it empty: {}", part.title) on:click=move |_| session.dismiss_to_fill(section)>
                            "Leave it empty"
                        </button>
                    </div>
                }
            })
        }
    })
}

/// The review's list of the marks still standing, each with the way to
/// its section (which closes the review). Submit does not wait for them:
/// a card may go without a part, but not without the reviewer knowing.
#[component]
pub fn ToFillReview(open: RwSignal<bool>) -> impl IntoView {
    let session = expect_session();
    let view_state = session.view_state();
    let marks = standing_marks(session);
    view! {
        <section class="mce-review__section" aria-labelledby="mce-review-to-fill-heading" data-testid="review-to-fill" hidden=move || marks.with(Vec::is_empty)>
            <h3 id="mce-review-to-fill-heading" class="mce-review__heading">"Still to fill for this version"</h3>
            <p class="mce-banner mce-banner--warning">{move || review_sentence(marks.with(Vec::len))}</p>
            <ul class="mce-review__to-fill">
                {move || marks.get().into_iter().map(|mark| {
                    let pointer = JsonPointer::from_tokens([mark.section.clone()]);
                    let href = format!("#{}", field_id(&pointer.to_string()));
                    view! {
                        <li>
                            {mark.sentence()}" "
                            <a href=href on:click=move |event| {
                                event.prevent_default();
                                open.set(false);
                                view_state.reveal(pointer.clone());
                            }>{format!("Go to {}", mark.part().map_or("", |part| part.title))}</a>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
