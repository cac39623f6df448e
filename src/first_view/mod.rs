//! The first view: a linked card shown, and typed into, while the editor's
//! module is still downloading.
//!
//! The editor is one WebAssembly module of about 400 KB; on a slow
//! connection it takes seconds to arrive. This is a second, small module
//! (no framework: the page is built with `web_sys` calls) that `index.html`
//! loads beside it when the address names a card (`?card=`) that has no
//! draft and the connection is slow (the browser's timing of the page's
//! first answers says so). Unless the editor is about to arrive anyway (an
//! editor in the browser's cache, say: [`editor_due_soon`]), it shows the
//! card as the editor's form does, from the same schema walk and with the
//! same markup and `data-path`s, and takes typing into its text boxes,
//! choices and checkboxes. Every edit is recorded ([`FirstViewEdits`], kept
//! in storage against a reload). When the editor has built its own form, it
//! takes over: it replays the edits through its own controls, puts focus,
//! caret and scroll where they were, and removes this page
//! (`src/view/takeover.rs`).
//!
//! What needs the editor (adding and removing items, switching a metric's
//! type, validation, the toolbar) says it is on its way rather than
//! pretending to work.

mod fields;
mod grids;
mod lists;
mod page;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlInputElement, Storage};

use crate::domain::drafts::CardSource;
use crate::domain::first_view::{
    EditorDownload, FIRST_VIEW_KEY, FirstViewEdits, RATE_WAIT_MS, Typed, editor_due_soon, has_rate,
};
use crate::domain::import::import_text;

pub use page::FIRST_VIEW_ID;

/// Shows the linked card, if this page should.
pub fn start() {
    wasm_bindgen_futures::spawn_local(async {
        show().await;
    });
}

async fn show() -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let location = window.location();
    let search = web_sys::UrlSearchParams::new_with_str(&location.search().ok()?).ok()?;
    let path = search.get("card")?;
    let storage = window.local_storage().ok().flatten();
    // A card with a draft opens as the editor decides (continue, or ask).
    if let Some(storage) = &storage
        && storage
            .get_item(&CardSource::Link(path.clone()).storage_key())
            .ok()
            .flatten()
            .is_some()
    {
        return None;
    }
    let address = web_sys::Url::new_with_base(&path, &location.href().ok()?).ok()?;
    if address.origin() != location.origin().ok()? {
        return None;
    }
    // index.html's request for the card; the editor takes the same answer.
    let early = js_sys::Reflect::get(&window, &"mceEarlyRequests".into()).ok()?;
    let request = js_sys::Reflect::get(&early, &address.href().into()).ok()?;
    let answer = JsFuture::from(request.dyn_into::<js_sys::Promise>().ok()?)
        .await
        .ok()?;
    let status = js_sys::Reflect::get(&answer, &"status".into())
        .ok()?
        .as_f64()?;
    if !(200.0..300.0).contains(&status) {
        return None;
    }
    let text = js_sys::Reflect::get(&answer, &"text".into())
        .ok()?
        .as_string()?;
    // Anything the importer refuses, the editor explains.
    let card = import_text(&text).ok()?.card;
    let stored = storage
        .as_ref()
        .and_then(|storage| storage.get_item(FIRST_VIEW_KEY).ok().flatten())
        .and_then(|text| FirstViewEdits::from_json(&text, &path))
        .unwrap_or_else(|| FirstViewEdits::new(&path));
    // The editor may have started first, or be about to: on a fast
    // connection it arrives with the card, and starts in the time this page
    // would take to build; or the card was slow to come (and the reader may
    // have opened another meanwhile).
    let now = || {
        window
            .performance()
            .map_or(0.0, |performance| performance.now())
    };
    let asked = now();
    while !has_rate(editor_download(&window)) && now() - asked < RATE_WAIT_MS {
        pause(10).await;
    }
    if editor_due_soon(editor_download(&window), now())
        || document.get_element_by_id("mce-main").is_some()
    {
        return None;
    }
    let edits = Rc::new(RefCell::new(stored));
    let root = page::build(&document, &CardSource::Link(path).describe(), &card, &edits)?;
    listen_for_edits(&root, edits, storage);
    Some(())
}

/// One listener for every control: records what it holds, marks it edited
/// (the editor replays marked controls), counts its characters, and saves.
fn listen_for_edits(root: &Element, edits: Rc<RefCell<FirstViewEdits>>, storage: Option<Storage>) {
    // Each edit's turn, so the editor replays them in the order typed (its
    // undo then takes back the latest first).
    let mut turn = edits.borrow().edits.len();
    // "input" only: choices and checkboxes fire it too, and a text box's
    // "change" on leaving it is not an edit.
    page::delegate(root, "input", move |control| {
        let Some(path) = control.get_attribute("data-path") else {
            return;
        };
        let typed = match control.dyn_ref::<HtmlInputElement>() {
            Some(input) if input.type_() == "checkbox" => Typed::Checked(input.checked()),
            _ => Typed::Text(fields::control_text(&control)),
        };
        if let Typed::Text(text) = &typed {
            fields::count(&control, text);
        }
        let _ = control.set_attribute("data-edited", &turn.to_string());
        turn += 1;
        let mut edits = edits.borrow_mut();
        edits.record(&path, typed);
        if let Some(storage) = &storage {
            let _ = storage.set_item(FIRST_VIEW_KEY, &edits.to_json());
        }
    });
}

/// Resolves after `ms` milliseconds.
async fn pause(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// How far the editor's download has come, as `src/loading.mjs` records it.
fn editor_download(window: &web_sys::Window) -> Option<EditorDownload> {
    let download = js_sys::Reflect::get(window, &"mceEditorDownload".into()).ok()?;
    let number = |name: &str| {
        js_sys::Reflect::get(&download, &name.into())
            .ok()
            .and_then(|value| value.as_f64())
    };
    Some(EditorDownload {
        since: number("since")?,
        first: number("first")?,
        at: number("at")?,
        current: number("current")?,
        total: number("total")?,
    })
}
