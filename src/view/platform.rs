//! The browser's edges in one place: storage, files, downloads, the
//! clipboard, fetching shipped files, time, frames and printing. Each failure comes
//! back as a value the UI can word, never as a panic or a silent drop.

use leptos::wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::domain::check::MAX_FILE_BYTES;
use crate::domain::import::ImportError;

/// Why browser storage did not take or give a draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageProblem {
    /// Storage is off (private mode, blocked cookies, a sandboxed frame).
    Disabled,
    /// Storage is full.
    Full,
    /// Anything else the browser said.
    Other(String),
}

impl std::fmt::Display for StorageProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Disabled => f.write_str("this browser does not allow the page to store data"),
            Self::Full => f.write_str("the browser's storage for this page is full"),
            Self::Other(message) => write!(f, "the browser refused to store it ({message})"),
        }
    }
}

fn classify(error: JsValue) -> StorageProblem {
    match error.dyn_into::<web_sys::DomException>() {
        Ok(exception) => match exception.name().as_str() {
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageProblem::Full,
            "SecurityError" => StorageProblem::Disabled,
            _ => StorageProblem::Other(exception.message()),
        },
        Err(other) => StorageProblem::Other(format!("{other:?}")),
    }
}

fn storage() -> Result<web_sys::Storage, StorageProblem> {
    let window = web_sys::window().ok_or(StorageProblem::Disabled)?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageProblem::Disabled),
        Err(error) => Err(classify(error)),
    }
}

/// Stores `text` under `key`.
pub fn store_text(key: &str, text: &str) -> Result<(), StorageProblem> {
    storage()?.set_item(key, text).map_err(classify)
}

/// The text stored under `key`, if any.
pub fn stored_text(key: &str) -> Result<Option<String>, StorageProblem> {
    storage()?.get_item(key).map_err(classify)
}

/// Every stored entry whose key starts with `prefix`, as `(key, text)`.
pub fn stored_entries(prefix: &str) -> Result<Vec<(String, String)>, StorageProblem> {
    let storage = storage()?;
    let length = storage.length().map_err(classify)?;
    let keys: Vec<String> = (0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(prefix))
        .collect();
    Ok(keys
        .into_iter()
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            Some((key, text))
        })
        .collect())
}

/// Forgets what is stored under `key`.
pub fn forget(key: &str) -> Result<(), StorageProblem> {
    storage()?.remove_item(key).map_err(classify)
}

/// Offers `text` as a file download named `file_name`.
pub fn download(file_name: &str, text: &str, mime: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|error| format!("{error:?}"))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|error| format!("{error:?}"))?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|error| format!("{error:?}"))?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoke later: revoking at once can cancel the download in some browsers.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Ok(())
}

/// Puts `text` on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let clipboard = web_sys::window()
        .ok_or("no window")?
        .navigator()
        .clipboard();
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|error| {
            error
                .dyn_into::<web_sys::DomException>()
                .map(|exception| exception.message())
                .unwrap_or_else(|_| "the browser refused".to_owned())
        })
}

/// The files chosen in the file input that fired `event`; the input is
/// cleared, so that choosing the same file again fires `change` again.
pub fn picked_files(event: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input.files();
    let picked = files
        .map(|files| {
            (0..files.length())
                .filter_map(|index| files.get(index))
                .collect()
        })
        .unwrap_or_default();
    input.set_value("");
    picked
}

/// The bytes of a file the user chose, refusing one over `limit` bytes
/// before reading it.
pub async fn read_file(file: &web_sys::File, limit: u64) -> Result<Vec<u8>, FileProblem> {
    let size = file.size() as u64;
    if size > limit {
        return Err(FileProblem::TooLarge(size));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|error| FileProblem::Unreadable(format!("{error:?}")))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Why a chosen file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    /// Larger than allowed; not read.
    TooLarge(u64),
    /// The browser could not read it.
    Unreadable(String),
}

/// The name under which `index.html` keeps the requests it starts before
/// the app has loaded.
const EARLY_REQUESTS: &str = "mceEarlyRequests";

/// A GET's answer: its status, and its text when it could be read.
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The status's words ("Not Found").
    pub status_text: String,
    /// The body, or why it could not be read.
    pub text: Result<String, String>,
    /// Set when the answer was a redirect, which is not followed.
    pub redirected: bool,
    /// Set, to the size in bytes, when the body is over
    /// [`MAX_FILE_BYTES`] and was not read.
    pub too_large: Option<u64>,
}

impl Answer {
    /// Whether the status is a success (2xx).
    pub fn ok(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// An answer `index.html` read: `{status, statusText, text}`, or
    /// `error` in place of `text`, or `redirected`, or `tooLarge`.
    fn from_early(answer: &JsValue) -> Self {
        let field = |name: &str| js_sys::Reflect::get(answer, &name.into()).unwrap_or_default();
        let status = field("status").as_f64().unwrap_or_default() as u16;
        let status_text = field("statusText").as_string().unwrap_or_default();
        let text = field("text")
            .as_string()
            .ok_or_else(|| field("error").as_string().unwrap_or_default());
        Self {
            status,
            status_text,
            text,
            redirected: field("redirected").is_truthy(),
            too_large: field("tooLarge").as_f64().map(|bytes| bytes as u64),
        }
    }

    /// The body, or why there is none to use: a redirect refused, an
    /// error status, a body over 10 MB, or one that could not be read.
    pub fn body(self) -> Result<String, String> {
        if self.redirected {
            return Err(REDIRECT_REFUSED.to_owned());
        }
        if !self.ok() {
            return Err(format!(
                "the server answered {} {}",
                self.status, self.status_text
            ));
        }
        if let Some(bytes) = self.too_large {
            return Err(ImportError::TooLarge(bytes).to_string());
        }
        self.text
            .map_err(|error| format!("the answer could not be read: {error}"))
    }
}

/// Why an answer that redirects is not used.
const REDIRECT_REFUSED: &str = "the server answered with a redirect, which is not followed: the page fetches only from this site, and a redirect could lead anywhere. Link to the card's own address";

/// GETs `url` and reads its answer, or takes the answer `index.html`
/// already fetched for it while the app was downloading (the config, and
/// the card a link names), so the app starts with both at hand. An early
/// answer is taken once; asking again sends a new request.
pub async fn get_text(url: &str) -> Result<Answer, String> {
    if let Some(early) = take_early_request(url) {
        let answer = JsFuture::from(early)
            .await
            .map_err(|error| describe_error(&error))?;
        return Ok(Answer::from_early(&answer));
    }
    let response = gloo_net::http::Request::get(url)
        .redirect(web_sys::RequestRedirect::Manual)
        .send()
        .await
        .map_err(|error| error.to_string())?;
    let (status, status_text) = (response.status(), response.status_text());
    let redirected = response.type_() == web_sys::ResponseType::Opaqueredirect;
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|length| length.parse::<u64>().ok())
        .filter(|length| *length > MAX_FILE_BYTES);
    let (text, too_large) = match declared {
        Some(length) => (Ok(String::new()), Some(length)),
        None if redirected => (Ok(String::new()), None),
        None => {
            let text = response.text().await.map_err(|error| error.to_string());
            let read = text.as_ref().map_or(0, |text| text.len() as u64);
            (text, (read > MAX_FILE_BYTES).then_some(read))
        }
    };
    Ok(Answer {
        status,
        status_text,
        text,
        redirected,
        too_large,
    })
}

fn take_early_request(url: &str) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let early = js_sys::Reflect::get(&window, &EARLY_REQUESTS.into()).ok()?;
    let early = early.dyn_ref::<js_sys::Object>()?;
    let key = JsValue::from_str(url);
    let promise = js_sys::Reflect::get(early, &key).ok()?.dyn_into().ok()?;
    let _ = js_sys::Reflect::delete_property(early, &key);
    Some(promise)
}

/// "TypeError: Failed to fetch", as gloo-net words a failed request; a
/// plain `Error` is only its message ("no answer within 60 s").
fn describe_error(error: &JsValue) -> String {
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) if error.name() == "Error" => error.message().into(),
        Some(error) => format!("{}: {}", error.name(), error.message()),
        None => format!("{error:?}"),
    }
}

/// The text of a file served beside the app (`examples/...`), or why not.
pub async fn fetch_text(path: &str) -> Result<String, String> {
    get_text(path)
        .await
        .map_err(|error| format!("the request failed: {error}"))?
        .body()
}

/// Milliseconds since the epoch.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Today's date as `YYYY-MM-DD`, in the user's time zone.
pub fn today() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// A time of day people read ("14:05"), from milliseconds since the epoch.
pub fn clock_time(ms: f64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// A date and time people read ("2026-11-25 14:05").
pub fn date_time(ms: f64) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(ms));
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Runs `work` once the browser has drawn its next frame: work that can
/// wait (parsing typed source, a grid's later rows) does not hold up the
/// frame that shows what the user did.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(work, std::time::Duration::ZERO);
    });
}

/// Resolves once work deferred with [`after_next_paint`] before it is done.
pub async fn after_next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        after_next_paint(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
    });
    let _ = JsFuture::from(promise).await;
}
