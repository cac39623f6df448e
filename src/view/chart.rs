//! Drawing a metric's chart (`domain::chart::MetricChart`) as SVG, and its
//! numbers as a table: the one drawing the editor, the evaluation overview
//! and the preview all show. Every position, colour, label and sentence
//! comes from the domain; this only writes the elements.

use leptos::prelude::*;

use crate::domain::chart::{
    BarChart, CellMark, DataTable, Figure, Frame, HeatLabel, HeatMap, LEGEND_WIDTH, LinePlot,
    MetricChart, Tick, number_text,
};
use crate::domain::form::layout::class;

/// `chart` as an SVG image with its title and description (`role="img"`,
/// labelled by both), its ids starting with `id`.
pub fn chart_svg(chart: &MetricChart, id: &str) -> AnyView {
    let (width, height) = chart.size;
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelled_by = format!("{title_id} {desc_id}");
    let body = match &chart.figure {
        Figure::Line(plot) => line_marks(plot, chart).into_any(),
        Figure::Bars(bars) => bar_marks(bars, chart, width).into_any(),
        Figure::Heat(map) => heat_marks(map).into_any(),
    };
    view! {
        <svg
            class=class::CHART
            viewBox=format!("0 0 {width} {height}")
            style:max-width=format!("{width}px")
            role="img"
            aria-labelledby=labelled_by
            data-chart=chart.kind.name()
        >
            <title id=title_id>{chart.title.clone()}</title>
            <desc id=desc_id>{chart.description.clone()}</desc>
            {body}
        </svg>
    }
    .into_any()
}

/// The value axis: a grid line and a label at every tick, from `left` to
/// `right`.
fn y_axis(ticks: &[Tick], left: f64, right: f64) -> impl IntoView + use<> {
    ticks
        .iter()
        .map(|tick| view! {
            <line x1=left x2=right y1=tick.at y2=tick.at class=class::CHART_GRID />
            <text x=left - 6.0 y=tick.at + 4.0 text-anchor="end" class=class::CHART_TICK>{tick.label.clone()}</text>
        })
        .collect_view()
}

/// An axis title turned up the left edge, centred on `middle`.
fn y_title(title: Option<String>, middle: f64) -> impl IntoView + use<> {
    title.map(|title| {
        view! {
            <text x=14.0 y=middle text-anchor="middle" transform=format!("rotate(-90 14 {middle})") class=class::CHART_AXIS_TITLE>
                {title}
            </text>
        }
    })
}

fn line_marks(plot: &LinePlot, chart: &MetricChart) -> impl IntoView + use<> {
    let (left, right) = plot.x_span();
    let (top, bottom) = plot.y_span();
    let x_ticks = plot
        .x_ticks
        .iter()
        .map(|tick| view! {
            <line x1=tick.at x2=tick.at y1=top y2=bottom class=class::CHART_GRID />
            <text x=tick.at y=bottom + 16.0 text-anchor="middle" class=class::CHART_TICK>{tick.label.clone()}</text>
        })
        .collect_view();
    let reference = plot.reference.as_ref().map(|line| {
        view! { <line x1=line.from.0 y1=line.from.1 x2=line.to.0 y2=line.to.1 class=class::CHART_REFERENCE /> }
    });
    let points = plot
        .points
        .iter()
        .map(|(x, y)| view! { <circle cx=*x cy=*y r=2.5 class=class::CHART_POINT /> })
        .collect_view();
    let x_title = chart.x_title.clone().map(|title| {
        view! {
            <text x=(left + right) / 2.0 y=plot.frame.height - 6.0 text-anchor="middle" class=class::CHART_AXIS_TITLE>{title}</text>
        }
    });
    view! {
        {y_axis(&plot.y_ticks, left, right)}
        {x_ticks}
        <line x1=left x2=right y1=bottom y2=bottom class=class::CHART_AXIS />
        <line x1=left x2=left y1=top y2=bottom class=class::CHART_AXIS />
        {reference}
        <path d=plot.path.clone() class=class::CHART_LINE />
        {points}
        {x_title}
        {y_title(chart.y_title.clone(), (top + bottom) / 2.0)}
    }
}

fn bar_marks(bars: &BarChart, chart: &MetricChart, width: f64) -> impl IntoView + use<> {
    let (left, right) = (Frame::CHART.left, width - 8.0);
    let rects = bars
        .bars
        .iter()
        .zip(&chart.table.rows)
        .map(|(bar, row)| {
            view! {
                <rect x=bar.x y=bar.y width=bar.width height=bar.height class=class::CHART_BAR>
                    <title>{format!("{}: {}", row[0], row[1])}</title>
                </rect>
            }
        })
        .collect_view();
    let angle = bars.label_angle;
    let categories = bars
        .labels
        .iter()
        .map(|label| {
            let turn = (angle != 0.0).then(|| format!("rotate({angle} {} {})", label.x, label.y));
            let anchor = if angle == 0.0 { "middle" } else { "end" };
            let shortened = label.text != label.full;
            // A shortened label is focusable and shows its whole text while
            // focused (the stylesheet swaps the two), and on hover.
            view! {
                <text x=label.x y=label.y text-anchor=anchor transform=turn class=class::CHART_CATEGORY tabindex=shortened.then_some("0")>
                    <title>{label.full.clone()}</title>
                    <tspan class=class::CHART_SHORT>{label.text.clone()}</tspan>
                    {shortened.then(|| view! { <tspan class=class::CHART_FULL>{label.full.clone()}</tspan> })}
                </text>
            }
        })
        .collect_view();
    let plot_bottom = bars.y_ticks.first().map_or(bars.baseline, |tick| tick.at);
    view! {
        {y_axis(&bars.y_ticks, left, right)}
        {rects}
        {categories}
        <line x1=left x2=right y1=bars.baseline y2=bars.baseline class=class::CHART_AXIS />
        {y_title(chart.y_title.clone(), (8.0 + plot_bottom) / 2.0)}
    }
}

fn heat_marks(map: &HeatMap) -> impl IntoView + use<> {
    let cell = map.cell;
    let rows: Vec<String> = map
        .row_labels
        .iter()
        .map(|label| label.full.clone())
        .collect();
    let columns: Vec<String> = map
        .column_labels
        .iter()
        .map(|label| label.full.clone())
        .collect();
    let cells = map
        .cells
        .iter()
        .map(|c| {
            let tip = format!("{}, {}: {}", rows[c.row], columns[c.column], number_text(c.value));
            let mark = c.mark.map(|mark| {
                let class = match mark {
                    CellMark::Largest => class::CHART_LARGEST,
                    CellMark::Smallest => class::CHART_SMALLEST,
                };
                view! { <rect x=c.x + 1.5 y=c.y + 1.5 width=cell - 3.0 height=cell - 3.0 class=class /> }
            });
            let text_class = if c.white_text { class::CHART_CELL_TEXT_LIGHT } else { class::CHART_CELL_TEXT };
            let text = c.text.clone().map(|text| view! {
                <text x=c.x + cell / 2.0 y=c.y + cell / 2.0 + 4.0 text-anchor="middle" class=text_class>{text}</text>
            });
            view! {
                <rect x=c.x y=c.y width=cell height=cell fill=c.colour.css() class=class::CHART_CELL data-row=c.row data-column=c.column>
                    <title>{tip}</title>
                </rect>
                {mark}
                {text}
            }
        })
        .collect_view();
    view! {
        {cells}
        {heat_labels(map)}
        {heat_legend(map)}
    }
}

fn heat_labels(map: &HeatMap) -> impl IntoView + use<> {
    let label = |text: &HeatLabel, anchor: &'static str, turn: Option<String>| {
        view! {
            <text x=text.x y=text.y text-anchor=anchor transform=turn class=class::CHART_CATEGORY>
                <title>{text.full.clone()}</title>
                {text.text.clone()}
            </text>
        }
    };
    let angle = map.label_angle;
    let rows = map
        .row_labels
        .iter()
        .map(|l| label(l, "end", None))
        .collect_view();
    let columns = map
        .column_labels
        .iter()
        .map(|l| {
            let turn = (angle != 0.0).then(|| format!("rotate({angle} {} {})", l.x, l.y));
            label(l, if angle == 0.0 { "middle" } else { "end" }, turn)
        })
        .collect_view();
    let shares = map
        .shares
        .iter()
        .map(|l| label(l, "start", None))
        .collect_view();
    view! { {rows} {columns} {shares} }
}

fn heat_legend(map: &HeatMap) -> impl IntoView + use<> {
    let (x, y) = map.legend_at;
    let stops = map.legend_stops.len().max(1) as f64;
    let width = LEGEND_WIDTH / stops;
    let swatches = map
        .legend_stops
        .iter()
        .enumerate()
        .map(|(index, stop)| view! {
            <rect x=x + width * index as f64 y=y width=width + 0.5 height=10.0 fill=stop.colour.css() />
        })
        .collect_view();
    let labels = map
        .legend_labels
        .iter()
        .map(|label| view! { <text x=label.x y=label.y text-anchor="middle" class=class::CHART_TICK>{label.text.clone()}</text> })
        .collect_view();
    view! {
        <g class=class::CHART_LEGEND>
            {swatches}
            <rect x=x y=y width=LEGEND_WIDTH height=10.0 class=class::CHART_LEGEND_FRAME />
            {labels}
        </g>
    }
}

/// `table` as an HTML table, captioned `caption`: the chart's numbers for
/// those who cannot see it, or want the figures.
pub fn chart_table(table: &DataTable, caption: String) -> AnyView {
    // An empty corner (above the row headers) is a plain cell: a header
    // must say what it heads.
    let head = table
        .columns
        .iter()
        .map(|column| {
            if column.is_empty() {
                view! { <td></td> }.into_any()
            } else {
                view! { <th scope="col">{column.clone()}</th> }.into_any()
            }
        })
        .collect_view();
    let row_headers = table.row_headers;
    let body = table
        .rows
        .iter()
        .map(|row| {
            let cells = row
                .iter()
                .enumerate()
                .map(|(index, cell)| {
                    if row_headers && index == 0 {
                        view! { <th scope="row">{cell.clone()}</th> }.into_any()
                    } else {
                        view! { <td>{cell.clone()}</td> }.into_any()
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! {
        <div class=class::CHART_TABLE_SCROLL tabindex="0" role="region" aria-label=caption.clone()>
            <table class=class::CHART_TABLE>
                <caption class=class::VISUALLY_HIDDEN>{caption.clone()}</caption>
                <thead><tr>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}
