//! The metric groups the reports become, before they are added: each
//! group and each metric with a check box to leave it out, what each
//! metric holds in a few words, and the editor's own chart of every
//! chart-shaped metric.

use leptos::prelude::*;
use serde_json::Value;

use super::DialogState;
use crate::domain::chart::metric_chart;
use crate::domain::report::preview::{Part, metric_summary};
use crate::view::form::metric_chart::drawing;

/// Every converted group.
#[component]
pub fn GroupsPreview(state: DialogState) -> impl IntoView {
    let groups = Memo::new(move |_| state.converted.with(|converted| converted.groups.clone()));
    view! {
        <section class="mce-report__preview" aria-labelledby="mce-report-preview-title">
            <h3 id="mce-report-preview-title" class="mce-report__heading">"What will be added"</h3>
            {move || groups.get().into_iter().enumerate().map(|(index, group)| view! { <GroupPreview state index group /> }).collect_view()}
        </section>
    }
}

/// Whether `part` is in (not left out), as a signal for a check box.
fn included(state: DialogState, part: Part) -> Signal<bool> {
    Signal::derive(move || {
        state
            .choices
            .with(|choices| !choices.left_out.contains(&part))
    })
}

/// Leaves `part` out, or puts it back.
fn include(state: DialogState, part: Part, keep: bool) {
    state.choices.update(|choices| {
        if keep {
            choices.left_out.remove(&part);
        } else {
            choices.left_out.insert(part);
        }
    });
}

/// One group: its check box, and its metrics.
#[component]
fn GroupPreview(state: DialogState, index: usize, group: Value) -> impl IntoView {
    let name = text_of(&group, "name");
    let metrics: Vec<Value> = group
        .get("metric_data")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let in_group = included(state, Part::Group(index));
    let count = match metrics.len() {
        1 => "1 metric".to_owned(),
        n => format!("{n} metrics"),
    };
    let rows = metrics
        .into_iter()
        .enumerate()
        .map(|(metric, value)| view! { <MetricPreview state group=index index=metric metric=value /> })
        .collect_view();
    view! {
        <fieldset class="mce-report__group" data-testid="report-group">
            <legend>
                <label class="mce-report__check">
                    <input type="checkbox" prop:checked=move || in_group.get() on:change=move |event| include(state, Part::Group(index), event_target_checked(&event)) />
                    " "<span class="mce-report__group-name">{name}</span>" ("{count}")"
                </label>
            </legend>
            <ul class="mce-report__metrics" hidden=move || !in_group.get()>{rows}</ul>
        </fieldset>
    }
}

/// One metric: its check box, what it holds, and its chart.
#[component]
fn MetricPreview(state: DialogState, group: usize, index: usize, metric: Value) -> impl IntoView {
    let part = Part::Metric(group, index);
    let in_metric = included(state, part);
    let name = text_of(&metric, "name");
    let summary = metric_summary(&metric);
    let drawn = metric_chart(&metric);
    let chart_id = format!("mce-report-chart-{group}-{index}");
    let chart = drawn.is_some().then(|| {
        view! { <div class="mce-report__chart" hidden=move || !in_metric.get()>{drawing(&drawn, &chart_id, false)}</div> }
    });
    view! {
        <li class="mce-report__metric" data-testid="report-metric">
            <label class="mce-report__check">
                <input type="checkbox" prop:checked=move || in_metric.get() on:change=move |event| include(state, part, event_target_checked(&event)) />
                " "<span class="mce-report__metric-name">{name}</span>
            </label>
            <span class="mce-report__summary">{summary}</span>
            {chart}
        </li>
    }
}

/// The text member `key` of `value`, or nothing.
fn text_of(value: &Value, key: &str) -> String {
    value
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}
