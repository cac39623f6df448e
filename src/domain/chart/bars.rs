//! Bar charts: bars from zero, and their categories written under them,
//! level when they fit (shortened if need be) or turned when the bars are
//! too narrow.

use super::{Frame, MARGIN, Tick, axis_ticks, bounds, nice_ticks, scale};

/// One bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// A bar's category, written under it.
#[derive(Clone, Debug, PartialEq)]
pub struct BarLabel {
    /// Where the text ends (rotated labels) or is centred (level ones).
    pub x: f64,
    /// Its baseline.
    pub y: f64,
    /// The text shown: the category, shortened with "…" when it does not
    /// fit.
    pub text: String,
    /// The whole category, for the tooltip and the table beside the chart.
    pub full: String,
}

/// A bar chart, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// The bars, in value order.
    pub bars: Vec<Bar>,
    /// Where the zero line is.
    pub baseline: f64,
    /// Ticks along the y axis.
    pub y_ticks: Vec<Tick>,
    /// The categories under the bars (every `label_step`-th bar's, when
    /// the bars are too narrow for each to carry its own).
    pub labels: Vec<BarLabel>,
    /// How far the labels are turned, in degrees (0, or -60 when the bars
    /// are too narrow for level text).
    pub label_angle: f64,
}

/// The width of one character of a chart's text (10 px sans-serif), in
/// SVG units, rounded up so that estimated text is never wider than drawn.
pub(super) const CHAR_WIDTH: f64 = 6.0;
/// Level labels shorter than this are turned instead of being shortened
/// further: a category cut to a few letters says nothing.
pub(super) const LEVEL_MIN_CHARS: usize = 10;
/// The longest turned label, in characters (it must fit in
/// [`TURNED_BOTTOM`] at [`TURNED_ANGLE`]).
pub(super) const TURNED_CHARS: usize = 12;
/// The space under the plot for turned labels, and their angle.
pub(super) const TURNED_BOTTOM: f64 = 76.0;
pub(super) const TURNED_ANGLE: f64 = -60.0;
/// How far apart turned labels must start, so that neighbours do not
/// overlap (the text's height over the sine of the angle, and a little).
pub(super) const TURNED_SPACING: f64 = 13.0;

/// `text` cut to at most `max` characters with "…" where it was cut. A
/// short last word (a number, a code: what tells "segment 2" from
/// "segment 3") is kept, the cut made before it; otherwise the end goes.
pub fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    let length = text.chars().count();
    if length <= max {
        return text.to_owned();
    }
    let room = max.saturating_sub(1);
    let tail = text
        .rsplit_once(char::is_whitespace)
        .map(|(_, last)| last.chars().count() + 1)
        .filter(|tail| *tail <= room / 2)
        .unwrap_or(0);
    let head: String = text.chars().take(room - tail).collect();
    let end: String = text.chars().skip(length - tail).collect();
    format!("{}\u{2026}{end}", head.trim_end())
}

/// How a bar chart writes its categories: level under each bar when they
/// fit (shortened to the bar's width if need be, but not below
/// [`LEVEL_MIN_CHARS`]), else turned, on every `step`-th bar.
#[derive(Clone, Copy, Debug, PartialEq)]
struct LabelLayout {
    turned: bool,
    max_chars: usize,
    step: usize,
}

/// How the categories fit under bars `slot` wide.
fn label_layout(labels: &[String], slot: f64) -> LabelLayout {
    let fits = ((slot - 4.0) / CHAR_WIDTH).floor().max(0.0) as usize;
    let longest = labels
        .iter()
        .map(|label| label.trim().chars().count())
        .max()
        .unwrap_or(0);
    if longest <= fits || fits >= LEVEL_MIN_CHARS {
        return LabelLayout {
            turned: false,
            max_chars: fits,
            step: 1,
        };
    }
    LabelLayout {
        turned: true,
        max_chars: TURNED_CHARS,
        step: (TURNED_SPACING / slot).ceil().max(1.0) as usize,
    }
}

/// The categories of `count` bars from their `labels`: "Bar 3" where a
/// label is missing or blank.
pub fn bar_categories(count: usize, labels: &[String]) -> Vec<String> {
    (0..count)
        .map(|index| match labels.get(index).map(|label| label.trim()) {
            Some(label) if !label.is_empty() => label.to_owned(),
            _ => format!("Bar {}", index + 1),
        })
        .collect()
}

/// A bar chart of `values` in `frame`, each bar labelled with its category
/// from `labels` ("Bar 3" where there is none); bars rise from zero (or
/// hang below it for negative values). `None` for no values.
pub fn bar_chart(values: &[f64], labels: &[String], frame: Frame) -> Option<BarChart> {
    let (low, high) = bounds(values.iter().copied())?;
    let slot = frame.plot_width() / values.len() as f64;
    let categories = bar_categories(values.len(), labels);
    let layout = label_layout(&categories, slot);
    let frame = if layout.turned {
        Frame {
            bottom: TURNED_BOTTOM,
            ..frame
        }
    } else {
        frame
    };
    let ticks = nice_ticks(low.min(0.0), high.max(0.0), 4);
    let range = (ticks[0], *ticks.last().unwrap_or(&high));
    let plot_bottom = MARGIN + frame.plot_height();
    let span = (plot_bottom, MARGIN);
    let baseline = scale(0.0, range, span);
    let bars = values
        .iter()
        .enumerate()
        .map(|(index, value)| {
            let top = scale(*value, range, span);
            Bar {
                x: frame.left + slot * index as f64 + slot * 0.15,
                y: top.min(baseline),
                width: slot * 0.7,
                height: (top - baseline).abs(),
            }
        })
        .collect();
    let labels = categories
        .into_iter()
        .enumerate()
        .filter(|(index, _)| index % layout.step == 0)
        .map(|(index, full)| {
            let centre = frame.left + slot * (index as f64 + 0.5);
            BarLabel {
                x: if layout.turned { centre + 3.0 } else { centre },
                y: plot_bottom + if layout.turned { 10.0 } else { 14.0 },
                text: shorten(&full, layout.max_chars),
                full,
            }
        })
        .collect();
    Some(BarChart {
        bars,
        baseline,
        y_ticks: axis_ticks(&ticks, span),
        labels,
        label_angle: if layout.turned { TURNED_ANGLE } else { 0.0 },
    })
}
