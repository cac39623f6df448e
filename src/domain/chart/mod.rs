//! Chart geometry for the editor and the printable card: data to SVG
//! coordinates, axis bounds and tick marks. Pure numbers in, pure numbers
//! out; the view only draws what this computes, and both the editor and
//! the preview draw the same figures.
//!
//! The axes are here; line graphs in `line`, bar charts in `bars`, heat
//! maps in `heat` with their colours in `shading`, and what a metric draws
//! (or why it cannot yet) in `metric`.

use serde_json::Value;

mod bars;
mod heat;
mod line;
mod metric;
mod overview;
mod shading;

pub use self::bars::{Bar, BarChart, BarLabel, bar_categories, bar_chart, shorten};
pub use self::heat::{
    CellMark, HeatCell, HeatLabel, HeatMap, LEGEND_WIDTH, LegendStop, heat_map, is_confusion,
    percent, row_shares,
};
pub use self::line::{Curve, LinePlot, Reference, curve_kind, line_plot};
pub use self::metric::{
    ChartKind, DataTable, Figure, MetricChart, Missing, OPEN_CHARTS, chart_starts_open,
    metric_chart,
};
pub use self::overview::{ChartedMetric, Overview, SimpleMetric, has_overview, overview};
pub use self::shading::{Rgb, Shading, shade};

/// The drawing area, in SVG units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Space left of the plot for the y axis labels and title.
    pub left: f64,
    /// Space below the plot for the x axis labels and title.
    pub bottom: f64,
}

/// Space above and right of the plot, so the last tick label is not cut.
pub(super) const MARGIN: f64 = 8.0;

impl Frame {
    /// The frame every chart is drawn in, in the editor and the preview
    /// (the SVG scales to its box; the text stays readable down to a
    /// 320 px wide screen).
    pub const CHART: Frame = Frame {
        width: 420.0,
        height: 260.0,
        left: 60.0,
        bottom: 46.0,
    };

    pub(super) fn plot_width(&self) -> f64 {
        self.width - self.left - MARGIN
    }

    pub(super) fn plot_height(&self) -> f64 {
        self.height - self.bottom - MARGIN
    }
}

/// A tick on an axis: where, and its label.
#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    /// Position along the axis, in SVG units.
    pub at: f64,
    /// The value, as printed.
    pub label: String,
}

/// The numbers of a JSON array, skipping what is not a finite number.
pub fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_f64)
                .filter(|n| n.is_finite())
                .collect()
        })
        .unwrap_or_default()
}

/// The `[x, y]` points of a line graph's value, skipping malformed ones.
pub fn points(value: &Value) -> Vec<(f64, f64)> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(|point| {
                    let pair = numbers(point);
                    (pair.len() == 2).then(|| (pair[0], pair[1]))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The range an axis shows for data from `min` to `max`: the data's own,
/// or, when every value is the same, a span around it (half the value
/// either side, or 1 around zero) so that the point sits mid-axis with
/// distinct ticks.
fn padded(min: f64, max: f64) -> (f64, f64) {
    if min != max {
        return (min, max);
    }
    let half = if min == 0.0 { 1.0 } else { min.abs() / 2.0 };
    (min - half, max + half)
}

/// The step between round ticks covering `min..=max` about `count` times:
/// 1, 2 or 5 times a power of ten.
fn tick_step(min: f64, max: f64, count: usize) -> f64 {
    let raw = (max - min) / count.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|step| *step >= raw)
        .unwrap_or(10.0 * power)
}

/// Round tick values covering `min..=max`: steps of 1, 2 or 5 times a power
/// of ten, about `count` of them. Equal bounds are padded (see `padded`);
/// a span too wide for `f64` gives its two ends.
pub fn nice_ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    let (min, max) = padded(min, max);
    let step = tick_step(min, max, count);
    if !step.is_finite() || step <= 0.0 {
        return vec![min, max];
    }
    let mut ticks = Vec::new();
    let mut value = (min / step).floor() * step;
    loop {
        ticks.push(if value.abs() < step * 1e-9 {
            0.0
        } else {
            value
        });
        if value >= max - step * 1e-9 || ticks.len() > 4 * count + 4 {
            return ticks;
        }
        value = (min / step).floor() * step + step * ticks.len() as f64;
    }
}

/// The labels of `ticks`, each with as many digits as the step between
/// them needs (so 0.50001 and 0.50002 stay apart), in exponent notation for
/// very large or very small values.
pub fn tick_labels(ticks: &[f64]) -> Vec<String> {
    let step = ticks
        .windows(2)
        .map(|pair| (pair[1] - pair[0]).abs())
        .fold(f64::INFINITY, f64::min);
    let largest = ticks.iter().fold(0.0f64, |high, tick| high.max(tick.abs()));
    let step_power = if step.is_finite() && step > 0.0 {
        // A hair over, so a step of 0.00001 that subtraction made
        // 0.0000099999… still counts as 1e-5.
        (step.log10() + 1e-6).floor() as i32
    } else {
        0
    };
    let exponent = largest >= 1e5 || (largest > 0.0 && largest < 1e-3);
    let mantissa = (largest.log10().floor() as i32 - step_power).clamp(0, 4) as usize;
    ticks
        .iter()
        .map(|tick| {
            if *tick == 0.0 {
                "0".to_owned()
            } else if exponent {
                format!("{tick:.mantissa$e}")
            } else {
                let digits = (-step_power).clamp(0, 8) as usize;
                format!("{tick:.digits$}")
            }
        })
        .collect()
}

/// A number as a chart's text writes it: as JSON would (the card's own
/// digits), `-0` as `0`.
pub fn number_text(value: f64) -> String {
    if value == 0.0 {
        return "0".to_owned();
    }
    value.to_string()
}

/// The ticks along one axis: values to positions in `span`, and labels.
pub(super) fn axis_ticks(ticks: &[f64], span: (f64, f64)) -> Vec<Tick> {
    let range = (ticks[0], *ticks.last().unwrap_or(&ticks[0]));
    ticks
        .iter()
        .zip(tick_labels(ticks))
        .map(|(value, label)| Tick {
            at: scale(*value, range, span),
            label,
        })
        .collect()
}

pub(super) fn scale(value: f64, from: (f64, f64), to: (f64, f64)) -> f64 {
    if from.1 == from.0 {
        return (to.0 + to.1) / 2.0;
    }
    to.0 + (value - from.0) / (from.1 - from.0) * (to.1 - to.0)
}

pub(super) fn bounds(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values.fold(None, |bounds, value| match bounds {
        None => Some((value, value)),
        Some((low, high)) => Some((low.min(value), high.max(value))),
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::bars::{CHAR_WIDTH, TURNED_ANGLE, TURNED_CHARS, TURNED_SPACING};
    use super::shading::{DARKEST, FIRST_POSITIVE_LEVEL, LIGHTEST};
    use super::*;

    #[test]
    fn ticks_are_round_and_cover_the_range() {
        assert_eq!(
            nice_ticks(0.0, 1.0, 5),
            [0.0, 0.2, 0.4, 0.6000000000000001, 0.8, 1.0]
        );
        assert_eq!(nice_ticks(3.0, 97.0, 4), [0.0, 50.0, 100.0]);
        assert_eq!(nice_ticks(5.0, 5.0, 4), [2.0, 4.0, 6.0, 8.0]);
        assert_eq!(nice_ticks(0.0, 0.0, 4), [-1.0, -0.5, 0.0, 0.5, 1.0]);
        assert_eq!(
            nice_ticks(-1e308, 1e308, 4),
            [-1e308, 1e308],
            "too wide to step"
        );
        assert_eq!(
            tick_labels(&[0.5, 0.50001, 0.50002]),
            ["0.50000", "0.50001", "0.50002"]
        );
        assert_eq!(tick_labels(&[0.0, 5e8, 1e9]), ["0", "5.0e8", "1.0e9"]);
        assert_eq!(tick_labels(&[1e9, 1.5e9, 2e9]), ["1.0e9", "1.5e9", "2.0e9"]);
        assert_eq!(tick_labels(&[0.0, 2e-6, 4e-6]), ["0", "2e-6", "4e-6"]);
        assert_eq!(tick_labels(&[-2.0, 0.0, 2.0]), ["-2", "0", "2"]);
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(
            number_text(0.1 + 0.2),
            "0.30000000000000004",
            "the card's own digits"
        );
        assert_eq!(nice_ticks(-3.0, 2.0, 5), [-3.0, -2.0, -1.0, 0.0, 1.0, 2.0]);
    }

    #[test]
    fn bars_rise_from_zero_and_negative_bars_hang() {
        let chart = bar_chart(&[2.0, -1.0], &[], Frame::CHART).unwrap();
        let (up, down) = (&chart.bars[0], &chart.bars[1]);
        assert!(
            (up.y + up.height - chart.baseline).abs() < 1e-9,
            "the bar ends on the baseline"
        );
        assert!(
            (down.y - chart.baseline).abs() < 1e-9,
            "a negative bar starts at the baseline"
        );
        assert!(up.height > down.height);
        assert_eq!(bar_chart(&[], &[], Frame::CHART), None);
    }

    fn labels(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|text| (*text).to_owned()).collect()
    }

    #[test]
    fn each_bar_carries_its_category_under_it() {
        let chart = bar_chart(
            &[0.74, 0.69, 0.81],
            &labels(&["new", "regular", "premium"]),
            Frame::CHART,
        )
        .unwrap();
        assert_eq!(chart.label_angle, 0.0);
        let texts: Vec<&str> = chart
            .labels
            .iter()
            .map(|label| label.text.as_str())
            .collect();
        assert_eq!(texts, ["new", "regular", "premium"]);
        for (bar, label) in chart.bars.iter().zip(&chart.labels) {
            assert!(
                (bar.x + bar.width / 2.0 - label.x).abs() < 1e-9,
                "centred under its bar"
            );
            assert!(label.y > chart.baseline, "under the axis");
        }
        let unnamed = bar_chart(&[1.0, 2.0], &labels(&["a"]), Frame::CHART).unwrap();
        assert_eq!(unnamed.labels[1].text, "Bar 2");
        assert_eq!(
            bar_categories(3, &labels(&["a", " "])),
            ["a", "Bar 2", "Bar 3"]
        );
    }

    #[test]
    fn long_categories_are_shortened_and_narrow_bars_turn_them() {
        let long = "customers who signed up during the holiday promotion";
        let few = bar_chart(&[1.0, 2.0], &labels(&[long, "b"]), Frame::CHART).unwrap();
        assert_eq!(few.label_angle, 0.0);
        assert_eq!(few.labels[0].full, long);
        assert_eq!(few.labels[0].text, "customers who sig\u{2026} promotion");
        let room = (Frame::CHART.plot_width() / 2.0 - 4.0) / CHAR_WIDTH;
        assert!(few.labels[0].text.chars().count() as f64 <= room);
        let names: Vec<String> = (0..12).map(|i| format!("segment number {i}")).collect();
        let many = bar_chart(&[1.0; 12], &names, Frame::CHART).unwrap();
        assert_eq!(many.label_angle, TURNED_ANGLE);
        assert_eq!(many.labels.len(), 12, "every bar labelled");
        assert_eq!(
            many.labels[3].text, "segment n\u{2026} 3",
            "told apart by their ends"
        );
        assert!(
            many.labels
                .iter()
                .all(|label| label.text.chars().count() <= TURNED_CHARS)
        );
        let crowded = bar_chart(&[1.0; 100], &names, Frame::CHART).unwrap();
        let step = (TURNED_SPACING / (Frame::CHART.plot_width() / 100.0)).ceil() as usize;
        assert_eq!(
            crowded.labels.len(),
            100usize.div_ceil(step),
            "every {step}th bar"
        );
        assert_eq!(shorten("  abc  ", 3), "abc");
        assert_eq!(shorten("abcdef", 4), "abc\u{2026}");
        assert_eq!(shorten("ab cdef", 4), "ab\u{2026}");
        assert_eq!(
            shorten("merchant segment 12", 12),
            "merchant\u{2026} 12",
            "a short last word stays"
        );
        assert_eq!(shorten("merchant segment 2", 12), "merchant\u{2026} 2");
        assert_eq!(
            shorten("customers who joined in the promotion", 12),
            "customers w\u{2026}"
        );
    }

    #[test]
    fn values_are_read_leniently() {
        assert_eq!(
            points(&json!([[0, 1], [2], "x", [3, 4]])),
            [(0.0, 1.0), (3.0, 4.0)]
        );
        assert_eq!(numbers(&json!([1, "2", 3.5])), [1.0, 3.5]);
    }

    /// Luminance of each value's shade, in the values' order.
    fn darkness_in_order(values: &[f64]) -> Vec<f64> {
        let shading = Shading::of(values.iter().copied()).unwrap();
        let mut sorted = values.to_vec();
        sorted.sort_by(f64::total_cmp);
        sorted
            .iter()
            .map(|value| shading.colour(*value).luminance())
            .collect()
    }

    #[test]
    fn a_confusion_matrix_shows_every_cell_in_a_distinct_ordered_shade() {
        let cells = [950.0, 12.0, 30.0, 8.0];
        let shading = Shading::of(cells).unwrap();
        assert!(matches!(shading, Shading::Logarithmic { .. }));
        let luminance = darkness_in_order(&cells);
        for pair in luminance.windows(2) {
            assert!(pair[0] - pair[1] > 0.03, "visibly darker: {luminance:?}");
        }
        assert_eq!(shading.colour(950.0), DARKEST);
        assert_eq!(shading.colour(8.0), LIGHTEST);
        assert!(shading.level(12.0) > 0.05, "not as white as the smallest");
    }

    #[test]
    fn a_twenty_by_twenty_matrix_is_shaded_in_order_with_zeros_lightest() {
        let cells: Vec<f64> = (0..400)
            .map(|i| {
                let (row, column) = (i / 20, i % 20);
                if row == column {
                    900.0 + (row * 7) as f64
                } else {
                    ((row * 3 + column) % 9) as f64
                }
            })
            .collect();
        let shading = Shading::of(cells.iter().copied()).unwrap();
        let luminance = darkness_in_order(&cells);
        assert!(
            luminance.windows(2).all(|pair| pair[0] >= pair[1]),
            "never lighter for more"
        );
        assert!(
            shading.level(1.0) >= FIRST_POSITIVE_LEVEL,
            "1 is told apart from 0"
        );
        assert!(shading.colour(8.0).luminance() - shading.colour(900.0).luminance() > 0.2);
        let distinct: std::collections::BTreeSet<Rgb> = [0.0, 1.0, 2.0, 4.0, 8.0, 900.0, 1033.0]
            .iter()
            .map(|value| shading.colour(*value))
            .collect();
        assert_eq!(distinct.len(), 7);
    }

    #[test]
    fn values_close_together_or_negative_are_shaded_evenly() {
        let cells = [0.1, 0.5, 0.9, -0.2];
        assert_eq!(
            Shading::of(cells).unwrap(),
            Shading::Linear {
                low: -0.2,
                high: 0.9
            }
        );
        assert!(
            darkness_in_order(&cells)
                .windows(2)
                .all(|pair| pair[0] > pair[1])
        );
        let same = Shading::of([3.0, 3.0]).unwrap();
        assert_eq!(same.colour(3.0), LIGHTEST);
        assert_eq!(
            same.legend(),
            "Every cell holds 3, so all are shaded alike."
        );
        assert_eq!(Shading::of([]), None);
        assert_eq!(Shading::of([f64::NAN]), None);
    }

    #[test]
    fn every_shade_has_readable_text_in_black_or_white() {
        for step in 0..=100 {
            let colour = shade(f64::from(step) / 100.0);
            let best = colour
                .contrast_with_black()
                .max(colour.contrast_with_white());
            assert!(best >= 4.5, "{colour:?}: {best}");
            assert_eq!(
                colour.wants_white_text(),
                colour.contrast_with_white() > colour.contrast_with_black()
            );
        }
        assert_eq!(shade(f64::NAN), LIGHTEST);
        assert_eq!(shade(0.0), LIGHTEST);
        assert_eq!(shade(1.0), DARKEST);
        assert_eq!(shade(0.5).css(), "rgb(33 145 140)", "viridis's middle");
        let grey: Vec<f64> = (0..=10)
            .map(|step| shade(f64::from(step) / 10.0).luminance())
            .collect();
        assert!(
            grey.windows(2).all(|pair| pair[0] > pair[1]),
            "darker in grey too: {grey:?}"
        );
    }

    #[test]
    fn the_legend_says_how_to_read_the_shades() {
        assert_eq!(
            Shading::of([0.25, 0.75]).unwrap().legend(),
            "Darker cells hold larger values, from 0.25 (lightest, yellow) to 0.75 (darkest, purple)."
        );
        assert!(
            Shading::of([0.0, 8.0, 98120.0])
                .unwrap()
                .legend()
                .starts_with("Darker cells hold larger values, from 0 (lightest, yellow) to 98120 (darkest, purple), on a logarithmic scale")
        );
    }
}
