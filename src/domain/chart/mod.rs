//! Chart geometry for the printable card: data to SVG coordinates, axis
//! bounds and tick marks. Pure numbers in, pure numbers out; the view only
//! draws what this computes.
//!
//! Line graphs and the axes are here; bar charts in `bars`, the shading of
//! a matrix in `shading`.

use serde_json::Value;

mod bars;
mod shading;

pub use self::bars::{Bar, BarChart, BarLabel, bar_categories, bar_chart, shorten};
pub use self::shading::{Rgb, Shading, shade};

/// The drawing area, in SVG units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Total width.
    pub width: f64,
    /// Total height.
    pub height: f64,
    /// Space left of the plot for the y axis labels.
    pub left: f64,
    /// Space below the plot for the x axis labels.
    pub bottom: f64,
}

impl Frame {
    /// The frame the printable card uses.
    pub const PRINT: Frame = Frame {
        width: 480.0,
        height: 240.0,
        left: 48.0,
        bottom: 28.0,
    };

    fn plot_width(&self) -> f64 {
        self.width - self.left - 8.0
    }

    fn plot_height(&self) -> f64 {
        self.height - self.bottom - 8.0
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

/// A line graph, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    /// The SVG path of the line (`M x y L x y ...`).
    pub path: String,
    /// Ticks along the x axis (positions are x coordinates).
    pub x_ticks: Vec<Tick>,
    /// Ticks along the y axis (positions are y coordinates).
    pub y_ticks: Vec<Tick>,
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

/// Round tick values covering `min..=max`: steps of 1, 2 or 5 times a power
/// of ten, about `count` of them.
pub fn nice_ticks(min: f64, max: f64, count: usize) -> Vec<f64> {
    let (min, max) = if min == max {
        (min - 1.0, max + 1.0)
    } else {
        (min, max)
    };
    let raw = (max - min) / count.max(1) as f64;
    let power = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|step| *step >= raw)
        .unwrap_or(10.0 * power);
    let mut ticks = Vec::new();
    let mut value = (min / step).floor() * step;
    loop {
        ticks.push(if value.abs() < step * 1e-9 {
            0.0
        } else {
            value
        });
        if value >= max - step * 1e-9 {
            return ticks;
        }
        value += step;
    }
}

fn label(value: f64) -> String {
    if value.abs() >= 1e5 || (value != 0.0 && value.abs() < 1e-3) {
        format!("{value:.1e}")
    } else {
        let text = format!("{value:.4}");
        text.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

fn scale(value: f64, from: (f64, f64), to: (f64, f64)) -> f64 {
    if from.1 == from.0 {
        return (to.0 + to.1) / 2.0;
    }
    to.0 + (value - from.0) / (from.1 - from.0) * (to.1 - to.0)
}

fn bounds(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    values.fold(None, |bounds, value| match bounds {
        None => Some((value, value)),
        Some((low, high)) => Some((low.min(value), high.max(value))),
    })
}

/// A line graph of `points` in `frame`; `None` for no points.
pub fn line_chart(points: &[(f64, f64)], frame: Frame) -> Option<LineChart> {
    let (x_min, x_max) = bounds(points.iter().map(|p| p.0))?;
    let (y_min, y_max) = bounds(points.iter().map(|p| p.1))?;
    let x_ticks = nice_ticks(x_min, x_max, 5);
    let y_ticks = nice_ticks(y_min, y_max, 4);
    let x_range = (x_ticks[0], *x_ticks.last().unwrap_or(&x_max));
    let y_range = (y_ticks[0], *y_ticks.last().unwrap_or(&y_max));
    let x_span = (frame.left, frame.left + frame.plot_width());
    let y_span = (8.0 + frame.plot_height(), 8.0);
    let path = points
        .iter()
        .enumerate()
        .map(|(index, (x, y))| {
            format!(
                "{}{:.1} {:.1}",
                if index == 0 { "M" } else { " L" },
                scale(*x, x_range, x_span),
                scale(*y, y_range, y_span)
            )
        })
        .collect();
    Some(LineChart {
        path,
        x_ticks: x_ticks
            .iter()
            .map(|value| Tick {
                at: scale(*value, x_range, x_span),
                label: label(*value),
            })
            .collect(),
        y_ticks: y_ticks
            .iter()
            .map(|value| Tick {
                at: scale(*value, y_range, y_span),
                label: label(*value),
            })
            .collect(),
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
        assert_eq!(nice_ticks(5.0, 5.0, 4), [4.0, 4.5, 5.0, 5.5, 6.0]);
        assert_eq!(nice_ticks(-3.0, 2.0, 5), [-3.0, -2.0, -1.0, 0.0, 1.0, 2.0]);
    }

    #[test]
    fn a_line_goes_from_bottom_left_to_top_right() {
        let chart = line_chart(&[(0.0, 0.0), (0.5, 0.9), (1.0, 1.0)], Frame::PRINT).unwrap();
        assert_eq!(chart.path, "M48.0 212.0 L260.0 28.4 L472.0 8.0");
        assert_eq!(chart.x_ticks.first().unwrap().label, "0");
        assert_eq!(chart.x_ticks.last().unwrap().label, "1");
        assert_eq!(line_chart(&[], Frame::PRINT), None);
    }

    #[test]
    fn bars_rise_from_zero_and_negative_bars_hang() {
        let chart = bar_chart(&[2.0, -1.0], &[], Frame::PRINT).unwrap();
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
        assert_eq!(bar_chart(&[], &[], Frame::PRINT), None);
    }

    fn labels(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|text| (*text).to_owned()).collect()
    }

    #[test]
    fn each_bar_carries_its_category_under_it() {
        let chart = bar_chart(
            &[0.74, 0.69, 0.81],
            &labels(&["new", "regular", "premium"]),
            Frame::PRINT,
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
        let unnamed = bar_chart(&[1.0, 2.0], &labels(&["a"]), Frame::PRINT).unwrap();
        assert_eq!(unnamed.labels[1].text, "Bar 2");
        assert_eq!(
            bar_categories(3, &labels(&["a", " "])),
            ["a", "Bar 2", "Bar 3"]
        );
    }

    #[test]
    fn long_categories_are_shortened_and_narrow_bars_turn_them() {
        let long = "customers who signed up during the holiday promotion";
        let few = bar_chart(&[1.0, 2.0], &labels(&[long, "b"]), Frame::PRINT).unwrap();
        assert_eq!(few.label_angle, 0.0);
        assert_eq!(few.labels[0].full, long);
        assert_eq!(
            few.labels[0].text,
            "customers who signed up\u{2026} promotion"
        );
        let room = (Frame::PRINT.plot_width() / 2.0 - 4.0) / CHAR_WIDTH;
        assert!(few.labels[0].text.chars().count() as f64 <= room);
        let names: Vec<String> = (0..12).map(|i| format!("segment number {i}")).collect();
        let many = bar_chart(&[1.0; 12], &names, Frame::PRINT).unwrap();
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
        let crowded = bar_chart(&[1.0; 100], &names, Frame::PRINT).unwrap();
        let step = (TURNED_SPACING / (Frame::PRINT.plot_width() / 100.0)).ceil() as usize;
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
    fn every_shade_keeps_black_text_readable() {
        for step in 0..=100 {
            let colour = shade(f64::from(step) / 100.0);
            assert!(colour.contrast_with_black() >= 5.0, "{colour:?}");
        }
        assert_eq!(shade(f64::NAN), LIGHTEST);
        assert_eq!(shade(0.5).css(), "rgb(162 186 219)");
    }

    #[test]
    fn the_legend_says_how_to_read_the_shades() {
        assert_eq!(
            Shading::of([0.25, 0.75]).unwrap().legend(),
            "Darker cells hold larger values, from 0.25 (lightest) to 0.75 (darkest)."
        );
        assert!(
            Shading::of([0.0, 8.0, 98120.0])
                .unwrap()
                .legend()
                .starts_with("Darker cells hold larger values, from 0 (lightest) to 98120 (darkest), on a logarithmic scale")
        );
    }
}
