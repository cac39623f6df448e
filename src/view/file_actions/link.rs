//! Opening the card a link names (`?card=/cards/large.json`): only from
//! this site, and taking over from the first view once it is open.

use leptos::prelude::*;

use super::{loaded, refuse};
use crate::domain::drafts::CardSource;
use crate::domain::import::import_text;
use crate::view::platform::fetch_text;
use crate::view::session::Session;
use crate::view::takeover;

/// The card the page's address names (`?card=/cards/large.json`), when it
/// names one: a link that opens a card.
pub fn linked_card() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get("card").filter(|card| !card.is_empty())
}

/// Opens the card at `path`, which must be on this site: a link must not
/// make the editor fetch from elsewhere.
pub fn open_link(session: Session, path: String) {
    let Some(location) = web_sys::window().map(|window| window.location()) else {
        return;
    };
    let base = location.href().unwrap_or_default();
    let origin = location.origin().unwrap_or_default();
    let request = session.request_open();
    let url = match web_sys::Url::new_with_base(&path, &base) {
        Ok(url) => url,
        Err(_) => {
            return refuse(
                session,
                request,
                &format!("the linked card {path}"),
                "it is not a valid address",
            );
        }
    };
    if url.origin() != origin {
        return refuse(
            session,
            request,
            &format!("the linked card {path}"),
            format!(
                "only cards on this site ({origin}) open by link, and this one is on {}",
                url.origin()
            ),
        );
    }
    let address = url.href();
    session.set_opening(CardSource::Link(path.clone()).describe());
    let store = session.store();
    leptos::task::spawn_local(async move {
        let what = format!("the linked card {path}");
        let opened = match fetch_text(&address).await {
            Ok(text) => match import_text(&text) {
                Ok(imported) => {
                    let link = CardSource::Link(path);
                    let (card, announcement) = loaded(imported, link.clone());
                    session.open(request, card, announcement);
                    // Not if the reader opened another card meanwhile (a
                    // file dropped on the first view): what was typed into
                    // the link's card is not replayed into that one.
                    let opened = store.source().with_untracked(|source| *source == link);
                    if opened {
                        takeover::keep_items_as_shown(session.view_state());
                    }
                    opened
                }
                Err(error) => {
                    refuse(session, request, &what, error);
                    false
                }
            },
            Err(error) => {
                refuse(session, request, &what, error);
                false
            }
        };
        // The first view, if it showed this card meanwhile, gives way.
        takeover::take_over_when_ready(store, session, opened);
    });
}
