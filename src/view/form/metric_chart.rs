//! A metric's chart in the editor, under its type: drawn from the card
//! as it is edited (a cell typed, a block pasted, a row added, the type
//! switched), redrawn only when that metric changes, collapsible (its
//! state remembered beside the items'), with its numbers as a table on
//! demand, and a sentence instead of a drawing while the data is
//! incomplete.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::domain::chart::{MetricChart, Missing, chart_starts_open, metric_chart};
use crate::domain::form::layout::{FieldIds, class, text};
use crate::domain::pointer::{JsonPointer, parse_index};
use crate::view::chart::{chart_svg, chart_table};
use crate::view::platform::after_next_frame;
use crate::view::store::{CardStore, expect_store};
use crate::view::view_state::{Disclosure, expect_view_state};

/// What a metric draws now: its chart, what it lacks, or nothing.
type Drawn = Option<Result<MetricChart, Missing>>;

/// The chart of the metric at `pointer`, tracking every change at or below
/// it (and nothing elsewhere: the memo keeps an unchanged chart as it is).
pub fn watch_metric_chart(store: CardStore, pointer: &JsonPointer) -> Memo<Drawn> {
    let trigger = store.watch_subtree(pointer);
    let pointer = pointer.clone();
    Memo::new(move |_| {
        trigger.track();
        store.read(&pointer, |metric| metric.and_then(metric_chart))
    })
}

/// A flag that turns true in the frame after the calling component first
/// shows: charts are drawn then, so what holds them paints first.
pub fn true_after_next_frame() -> RwSignal<bool> {
    let flag = RwSignal::new(false);
    spawn_local(async move {
        after_next_frame().await;
        flag.try_set(true);
    });
    flag
}

/// The chart panel of the metric at `pointer`.
#[component]
pub fn MetricChartPanel(
    /// Where the metric is.
    pointer: JsonPointer,
) -> impl IntoView {
    let store = expect_store();
    let view_state = expect_view_state();
    let chart = watch_metric_chart(store, &pointer);
    let index = pointer.tokens().last().and_then(|token| parse_index(token));
    let starts_open = view_state
        .chart_disclosure(&pointer)
        .map_or_else(|| chart_starts_open(index), Disclosure::is_expanded);
    let open = RwSignal::new(starts_open);
    let as_table = RwSignal::new(false);
    // The first drawing waits for the frame after the fields show, so a
    // group with a 20 x 20 matrix paints its fields first.
    let drawn = true_after_next_frame();
    let body_id = FieldIds::new(&pointer).chart();
    let toggle = {
        let pointer = pointer.clone();
        move |_| {
            let next = !open.get_untracked();
            open.set(next);
            view_state.set_chart_disclosure(&pointer, Disclosure::of_expanded(next));
        }
    };
    let body = {
        let body_id = body_id.clone();
        move || {
            (open.get() && drawn.get()).then(|| {
                let id = body_id.clone();
                chart.with(|drawn| drawing(drawn, &id, as_table.get()))
            })
        }
    };
    view! {
        <div class=class::CHART_PANEL data-chart-for=pointer.to_string()>
            <div class=class::CHART_PANEL_HEAD>
                <button
                    type="button"
                    class=class::BUTTON_SMALL
                    aria-expanded=move || open.get().to_string()
                    aria-controls=body_id.clone()
                    on:click=toggle
                >
                    {move || text::chevron(open.get())}
                    " "
                    {text::CHART}
                </button>
                {move || open.get().then(|| view! {
                    <button
                        type="button"
                        class=class::BUTTON_SMALL
                        aria-pressed=move || as_table.get().to_string()
                        on:click=move |_| as_table.update(|table| *table = !*table)
                    >
                        {move || if as_table.get() { text::SHOW_AS_CHART } else { text::SHOW_AS_TABLE }}
                    </button>
                })}
            </div>
            <div id=body_id class=class::CHART_PANEL_BODY tabindex=move || open.get().then_some("0") role="group" aria-label=text::CHART>{body}</div>
        </div>
    }
}

/// The chart, its table, or the sentence saying what it lacks.
pub fn drawing(drawn: &Drawn, id: &str, as_table: bool) -> AnyView {
    match drawn {
        Some(Ok(chart)) if as_table => chart_table(&chart.table, text::chart_values(&chart.title)),
        Some(Ok(chart)) => chart_svg(chart, id),
        Some(Err(missing)) => {
            view! { <p class=class::CHART_MISSING>{missing.message.clone()}</p> }.into_any()
        }
        None => ().into_any(),
    }
}
