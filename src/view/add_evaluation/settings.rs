//! The dialog's choices: how SHAP values are drawn, matrices cut to their
//! best supported classes, curves shortened (each shown only when the
//! reports hold something it changes, and each effect stated in numbers
//! below), and where the groups go: a new evaluation, named, or one the
//! card has.

use leptos::prelude::*;
use serde_json::Value;

use super::DialogState;
use crate::domain::report::preview::Choices;
use crate::domain::report::{Destination, ReportFormat, ShapAs};
use crate::view::store::expect_store;

/// Where the groups go, as the dialog's controls hold it.
#[derive(Clone, Copy)]
pub struct DestinationChoice {
    /// A new evaluation (else one the card has).
    new: RwSignal<bool>,
    /// The new evaluation's name.
    name: RwSignal<String>,
    /// Whether the user typed the name (then it is not offered over).
    name_typed: RwSignal<bool>,
    /// The new evaluation's job.
    job_arn: RwSignal<String>,
    /// The existing evaluation's name.
    into: RwSignal<String>,
}

impl DestinationChoice {
    /// A new evaluation, not named yet.
    pub fn new() -> Self {
        Self {
            new: RwSignal::new(true),
            name: RwSignal::new(String::new()),
            name_typed: RwSignal::new(false),
            job_arn: RwSignal::new(String::new()),
            into: RwSignal::new(String::new()),
        }
    }

    /// Offers a name (and a job) found in the reports, unless the user
    /// has typed their own.
    pub fn offer(&self, name: String, job_arn: Option<String>) {
        if !self.name_typed.get_untracked() {
            self.name.set(name);
        }
        if let Some(arn) = job_arn.filter(|_| self.job_arn.with_untracked(String::is_empty)) {
            self.job_arn.set(arn);
        }
    }

    /// The destination, once it is complete.
    pub fn chosen(&self) -> Option<Destination> {
        if self.new.get() {
            let name = self.name.get();
            (!name.trim().is_empty()).then(|| Destination::NewEvaluation {
                name,
                job_arn: Some(self.job_arn.get()).filter(|arn| !arn.trim().is_empty()),
            })
        } else {
            let into = self.into.get();
            (!into.is_empty()).then_some(Destination::Into(into))
        }
    }
}

/// Whether any converted metric is of `kind`.
fn holds(state: DialogState, kind: &str) -> Memo<bool> {
    let kind = kind.to_owned();
    Memo::new(move |_| {
        state.converted.with(|converted| {
            converted.groups.iter().any(|group| {
                group
                    .get("metric_data")
                    .and_then(Value::as_array)
                    .is_some_and(|metrics| {
                        metrics.iter().any(|metric| {
                            metric.get("type").and_then(Value::as_str) == Some(kind.as_str())
                        })
                    })
            })
        })
    })
}

/// The options, their effects and the destination.
#[component]
pub fn Settings(state: DialogState) -> impl IntoView {
    let explains = Memo::new(move |_| {
        state.converted.with(|converted| {
            converted
                .files
                .iter()
                .any(|file| matches!(file.outcome, Ok((ReportFormat::ClarifyExplainability, _))))
        })
    });
    let matrices = holds(state, "matrix");
    let curves = holds(state, "linear_graph");
    let cut = Memo::new(move |_| state.choices.with(|choices| choices.top_classes.is_some()));
    let set = move |change: fn(&mut Choices, Option<usize>)| {
        move |count: Option<usize>| state.choices.update(|choices| change(choices, count))
    };
    // Each option is always there, hidden while the reports hold nothing
    // it changes: what the user set stays set as files come and go.
    view! {
        <fieldset class="mce-report__options">
            <legend>"Choices"</legend>
            <div hidden=move || !explains.get()>
                <CountOption
                    label="Draw global SHAP values as one bar chart of the largest, instead of one metric per feature; how many:"
                    id="mce-report-shap"
                    min=1
                    start=10
                    on_change=set(|choices, count| choices.convert.shap_as = count.map_or(ShapAs::SimpleMetrics, ShapAs::TopBars))
                />
            </div>
            <div hidden=move || !matrices.get()>
                <CountOption
                    label="Keep only the classes with the most support in each matrix larger than this (the card holds at most 20):"
                    id="mce-report-top"
                    min=2
                    start=20
                    on_change=set(|choices, count| choices.top_classes = count.map(|k| (k, choices.top_classes.is_some_and(|(_, pool)| pool))))
                />
                <label class="mce-report__check">
                    <input
                        type="checkbox"
                        disabled=move || !cut.get()
                        on:change=move |event| {
                            let pool = event_target_checked(&event);
                            state.choices.update(|choices| choices.top_classes = choices.top_classes.map(|(k, _)| (k, pool)));
                        }
                    />
                    " Pool the other classes into \u{201c}other\u{201d} (it counts among them), so that no count is lost"
                </label>
            </div>
            <div hidden=move || !curves.get()>
                <CountOption
                    label="Shorten curves with more points to this many, keeping their ends and shape:"
                    id="mce-report-points"
                    min=3
                    start=500
                    on_change=set(|choices, count| choices.max_points = count)
                />
            </div>
            <Effects state />
        </fieldset>
        <DestinationControls state />
    }
}

/// An option that is a count: a check box turning it on, and the count,
/// refused (and the option off) while it is not a whole number of at
/// least `min`.
#[component]
fn CountOption(
    label: &'static str,
    id: &'static str,
    min: usize,
    start: usize,
    on_change: impl Fn(Option<usize>) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let on = RwSignal::new(false);
    let text = RwSignal::new(start.to_string());
    let count = Memo::new(move |_| {
        text.with(|text| {
            text.trim()
                .parse::<usize>()
                .ok()
                .filter(|count| *count >= min)
        })
    });
    Effect::new(move |_| on_change(if on.get() { count.get() } else { None }));
    let error_id = format!("{id}-error");
    view! {
        <div class="mce-report__option">
            <label class="mce-report__check">
                <input type="checkbox" data-testid=id prop:checked=move || on.get() on:change=move |event| on.set(event_target_checked(&event)) />
                " "{label}
            </label>
            <input
                id=format!("{id}-count")
                class="mce-input mce-report__count"
                inputmode="numeric"
                aria-label=label
                aria-invalid=move || (on.get() && count.get().is_none()).to_string()
                aria-describedby=error_id.clone()
                disabled=move || !on.get()
                prop:value=move || text.get()
                on:input=move |event| text.set(event_target_value(&event))
            />
            <p id=error_id class="mce-messages__error" hidden=move || !on.get() || count.get().is_some()>
                {format!("Enter a whole number of at least {min}; until then this choice does nothing.")}
            </p>
        </div>
    }
}

/// What the converters left out and what the choices changed.
#[component]
fn Effects(state: DialogState) -> impl IntoView {
    let notes = Memo::new(move |_| state.converted.with(|converted| converted.notes.clone()));
    move || {
        let notes = notes.get();
        (!notes.is_empty()).then(|| view! {
            <div class="mce-report__effects" data-testid="report-effects">
                <p>"What the conversion leaves out or changes:"</p>
                <ul>{notes.into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}</ul>
            </div>
        })
    }
}

/// A new evaluation (name and job) or one the card has.
#[component]
fn DestinationControls(state: DialogState) -> impl IntoView {
    let store = expect_store();
    let revision = store.revision();
    let names = Memo::new(move |_| {
        revision.track();
        store.with_card(|card| {
            card.get("evaluation_details")
                .and_then(Value::as_array)
                .map(|evaluations| {
                    evaluations
                        .iter()
                        .filter_map(|evaluation| {
                            evaluation.get("name")?.as_str().map(str::to_owned)
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let choice = state.destination;
    Effect::new(move |_| {
        let names = names.get();
        if !names.contains(&choice.into.get_untracked()) {
            choice.into.set(names.first().cloned().unwrap_or_default());
        }
    });
    view! {
        <fieldset class="mce-report__destination">
            <legend>"Where the groups go"</legend>
            <label class="mce-report__check">
                <input type="radio" name="mce-report-destination" prop:checked=move || choice.new.get() on:change=move |_| choice.new.set(true) />
                " A new evaluation"
            </label>
            <div class="mce-report__fields" hidden=move || !choice.new.get()>
                <label class="mce-field__label" for="mce-report-name">"Evaluation name (required)"</label>
                <input
                    id="mce-report-name"
                    class="mce-input"
                    data-testid="report-evaluation-name"
                    aria-required="true"
                    aria-invalid=move || choice.name.with(|name| name.trim().is_empty()).to_string()
                    prop:value=move || choice.name.get()
                    on:input=move |event| {
                        choice.name_typed.set(true);
                        choice.name.set(event_target_value(&event));
                    }
                />
                <label class="mce-field__label" for="mce-report-job">"Evaluation job ARN (optional)"</label>
                <input
                    id="mce-report-job"
                    class="mce-input"
                    prop:value=move || choice.job_arn.get()
                    on:input=move |event| choice.job_arn.set(event_target_value(&event))
                />
            </div>
            <label class="mce-report__check">
                <input
                    type="radio"
                    name="mce-report-destination"
                    data-testid="report-into-existing"
                    disabled=move || names.with(Vec::is_empty)
                    prop:checked=move || !choice.new.get()
                    on:change=move |_| choice.new.set(false)
                />
                {move || if names.with(Vec::is_empty) {
                    " An evaluation the card has (it has none yet)"
                } else {
                    " An evaluation the card has (a group or metric of the same name is replaced)"
                }}
            </label>
            <div class="mce-report__fields" hidden=move || choice.new.get()>
                <label class="mce-field__label" for="mce-report-into">"Evaluation"</label>
                <select id="mce-report-into" class="mce-input mce-input--select" data-testid="report-into" on:change=move |event| choice.into.set(event_target_value(&event))>
                    {move || names.get().into_iter().map(|name| {
                        let this = name.clone();
                        view! { <option value=name.clone() prop:selected=move || choice.into.with(|into| *into == this)>{name.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
        </fieldset>
    }
}
