//! The report files of the dialog: chosen with the file picker or dropped
//! on the dialog, each listed with the format found in it, a selector to
//! read it as another, and why it cannot be read when it cannot.

use leptos::html::Input;
use leptos::prelude::*;

use super::DialogState;
use crate::domain::check::MAX_FILE_BYTES;
use crate::domain::import::ImportError;
use crate::domain::report::ReportFormat;
use crate::domain::report::preview::{FileReading, ReportFile};
use crate::domain::text_encoding::other_encoding;
use crate::view::platform::{FileProblem, picked_files, read_file};

/// Reads `files` as text and adds them; one that cannot be read is named
/// with why.
fn read_all(state: DialogState, files: Vec<web_sys::File>) {
    leptos::task::spawn_local(async move {
        let mut read = Vec::new();
        let mut refused = Vec::new();
        for file in files {
            let name = file.name();
            match read_file(&file, MAX_FILE_BYTES).await {
                Ok(bytes) => match (other_encoding(&bytes), String::from_utf8(bytes)) {
                    (Some(encoding), _) => {
                        refused.push(format!("{name} is {}.", encoding.sentence()))
                    }
                    (None, Ok(text)) => read.push(ReportFile { name, text }),
                    (None, Err(_)) => refused.push(format!(
                        "{name} is not text (UTF-8), so it is not a JSON report."
                    )),
                },
                Err(FileProblem::TooLarge(size)) => {
                    refused.push(format!("{name}: {}.", ImportError::TooLarge(size)))
                }
                Err(FileProblem::Unreadable(why)) => {
                    refused.push(format!("{name} could not be read: {why}."))
                }
            }
        }
        // The dialog may have closed while the files were read.
        if state.files.is_disposed() {
            return;
        }
        state.unreadable.set(refused);
        if !read.is_empty() {
            state.add_files(read);
        }
    });
}

/// The files in a `FileList`.
fn listed(files: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(files) = files else {
        return Vec::new();
    };
    (0..files.length())
        .filter_map(|index| files.get(index))
        .collect()
}

/// The picker, the drop area and the list of files.
#[component]
pub fn ReportFiles(state: DialogState) -> impl IntoView {
    let picker: NodeRef<Input> = NodeRef::new();
    let over = RwSignal::new(false);
    let picked = move |event: leptos::ev::Event| read_all(state, picked_files(&event));
    // Dropping on the dialog adds reports; the page's own drop (opening a
    // card) must not see it.
    let dropped = move |event: web_sys::DragEvent| {
        event.prevent_default();
        event.stop_propagation();
        over.set(false);
        read_all(
            state,
            listed(event.data_transfer().and_then(|transfer| transfer.files())),
        );
    };
    let dragging = move |event: web_sys::DragEvent| {
        event.prevent_default();
        event.stop_propagation();
        over.set(true);
    };
    view! {
        <div
            class="mce-report__drop"
            class:mce-report__drop--over=move || over.get()
            on:dragover=dragging
            on:dragleave=move |_| over.set(false)
            on:drop=dropped
        >
            <button type="button" class="mce-button" data-testid="report-choose" on:click=move |_| {
                if let Some(input) = picker.get() {
                    input.click();
                }
            }>
                "Choose report files…"
            </button>
            <span class="mce-report__drop-hint">" or drop them here"</span>
            <input
                node_ref=picker
                type="file"
                multiple=true
                accept=".json,application/json"
                class="mce-visually-hidden"
                tabindex="-1"
                aria-hidden="true"
                data-testid="report-input"
                on:change=picked
            />
        </div>
        <div role="alert">
            <ul class="mce-report__unreadable">
                {move || state.unreadable.get().into_iter().map(|why| view! { <li class="mce-messages__error">{why}</li> }).collect_view()}
            </ul>
        </div>
        <ul class="mce-report__files" aria-label="Report files">
            {move || {
                let files = state.converted.with(|converted| converted.files.clone());
                files.into_iter().enumerate().map(|(index, file)| view! { <FileRow state index file /> }).collect_view()
            }}
        </ul>
    }
}

/// One file: its name, what it was read as, and the format selector.
#[component]
fn FileRow(state: DialogState, index: usize, file: FileReading) -> impl IntoView {
    let select_id = format!("mce-report-format-{index}");
    let named = state
        .choices
        .with_untracked(|choices| choices.format_for(index));
    // The line above names the format found (or why there is none), so
    // the option stays short enough to read in a narrow dialog.
    let detected = if file.detected.is_some() {
        "As detected"
    } else {
        "Detect (none found)"
    };
    let options = ReportFormat::ALL
        .into_iter()
        .map(|format| {
            view! { <option value=format.cli_name() selected=named == Some(format)>{format.title()}</option> }
        })
        .collect_view();
    let choose = move |event: leptos::ev::Event| {
        let format = ReportFormat::from_cli_name(&event_target_value(&event));
        state.choices.update(|choices| {
            if choices.formats.len() <= index {
                choices.formats.resize(index + 1, None);
            }
            choices.formats[index] = format;
            choices.left_out.clear();
        });
    };
    let remove = move |_| {
        state.files.update(|files| {
            if index < files.len() {
                files.remove(index);
            }
        });
        state.choices.update(|choices| {
            if index < choices.formats.len() {
                choices.formats.remove(index);
            }
            choices.left_out.clear();
        });
    };
    let failed = file.outcome.is_err();
    let summary = file.summary();
    let name = file.name.clone();
    view! {
        <li class="mce-report__file" data-testid="report-file">
            <p class=if failed { "mce-messages__error" } else { "mce-report__file-summary" } role=failed.then_some("alert")>
                {summary}
            </p>
            <div class="mce-report__file-controls">
                <label class="mce-field__label" for=select_id.clone()>"Read as"</label>
                <select id=select_id class="mce-input mce-input--select" data-testid="report-format" on:change=choose>
                    <option value="auto" selected=named.is_none()>{detected}</option>
                    {options}
                </select>
                <button type="button" class="mce-button mce-button--small" aria-label=format!("Remove {name}") on:click=remove>
                    "Remove"
                </button>
            </div>
        </li>
    }
}
