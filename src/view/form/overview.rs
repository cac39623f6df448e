//! An evaluation's overview, at the top of its fields: every chart of all
//! its metric groups and its simple metrics as one table, read first.
//! Each chart redraws only when its own metric changes; selecting one
//! goes to that metric's fields.

use leptos::prelude::*;

use super::frame::heading;
use super::metric_chart::{drawing, true_after_next_frame, watch_metric_chart};
use crate::domain::chart::{ChartedMetric, Overview, SimpleMetric, overview};
use crate::domain::form::layout::{FieldIds, class, text};
use crate::domain::pointer::JsonPointer;
use crate::view::store::expect_store;
use crate::view::view_state::expect_view_state;

/// The overview of the evaluation at `pointer`.
#[component]
pub fn EvaluationOverview(
    /// Where the evaluation is.
    pointer: JsonPointer,
    /// The level of its heading.
    heading_level: u8,
) -> impl IntoView {
    let store = expect_store();
    let trigger = store.watch_subtree(&pointer);
    let shown = {
        let pointer = pointer.clone();
        Memo::new(move |_| {
            trigger.track();
            store.read(&pointer, |evaluation| overview(&pointer, evaluation))
        })
    };
    // Drawn in the frame after the evaluation's fields show.
    let drawn = true_after_next_frame();
    let heading_id = format!("{}-overview", FieldIds::new(&pointer).control);
    let title = heading(
        heading_level,
        heading_id.clone(),
        class::GROUP_TITLE,
        text::OVERVIEW.to_owned(),
    );
    let charts = Memo::new(move |_| shown.with(|shown| shown.charts.clone()));
    let simple = Memo::new(move |_| shown.with(|shown| shown.simple.clone()));
    view! {
        <section class=class::OVERVIEW aria-labelledby=heading_id data-overview-for=pointer.to_string()>
            {title}
            <p class=class::GROUP_HELP>{text::OVERVIEW_HELP}</p>
            {move || drawn.get().then(|| view! {
                {move || shown.with(Overview::is_empty).then(|| view! { <p class=class::CHART_MISSING>{text::OVERVIEW_EMPTY}</p> })}
                <div class=class::OVERVIEW_CHARTS>
                    <For each=move || charts.get() key=|metric| metric.pointer.to_string() let:metric>
                        <OverviewFigure metric />
                    </For>
                </div>
                {move || simple_table(simple.get())}
            })}
        </section>
    }
}

/// One chart of the overview, with the way to its metric.
#[component]
fn OverviewFigure(metric: ChartedMetric) -> impl IntoView {
    let store = expect_store();
    let view_state = expect_view_state();
    let chart = watch_metric_chart(store, &metric.pointer);
    let id = FieldIds::new(&metric.pointer).overview_chart();
    let target = metric.pointer.child("name");
    let go = move || view_state.reveal(target.clone());
    let on_figure = {
        let go = go.clone();
        move |_| go()
    };
    let on_button = move |event: web_sys::MouseEvent| {
        event.stop_propagation();
        go();
    };
    view! {
        <figure class=class::OVERVIEW_FIGURE data-path-of=metric.pointer.to_string() on:click=on_figure>
            {move || chart.with(|drawn| drawing(drawn, &id, false))}
            <figcaption>
                <button type="button" class=class::BUTTON_SMALL on:click=on_button>
                    {text::go_to_metric(&metric.name)}
                </button>
                " "
                <span>{metric.group.clone()}</span>
            </figcaption>
        </figure>
    }
}

/// The simple metrics, as one table: group, metric and value.
fn simple_table(rows: Vec<SimpleMetric>) -> Option<AnyView> {
    if rows.is_empty() {
        return None;
    }
    let [group, metric, value] = text::OVERVIEW_COLUMNS;
    let body = rows
        .into_iter()
        .map(|row| {
            view! {
                <tr data-path-of=row.pointer.to_string()>
                    <td>{row.group}</td>
                    <th scope="row">{row.name}</th>
                    <td>{row.value}</td>
                </tr>
            }
        })
        .collect_view();
    Some(
        view! {
            <div class=class::CHART_TABLE_SCROLL tabindex="0" role="region" aria-label=text::OVERVIEW_SIMPLE>
                <table class=class::OVERVIEW_TABLE>
                    <thead><tr><th scope="col">{group}</th><th scope="col">{metric}</th><th scope="col">{value}</th></tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        }
        .into_any(),
    )
}
