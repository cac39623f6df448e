//! Chart geometry for the printable card: data to SVG coordinates, axis
//! bounds and tick marks. Pure numbers in, pure numbers out; the view only
//! draws what this computes.

use serde_json::Value;

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

/// A bar chart, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    /// The bars, in value order.
    pub bars: Vec<Bar>,
    /// Where the zero line is.
    pub baseline: f64,
    /// Ticks along the y axis.
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

/// A bar chart of `values` in `frame`; bars rise from zero (or hang below
/// it for negative values). `None` for no values.
pub fn bar_chart(values: &[f64], frame: Frame) -> Option<BarChart> {
    let (low, high) = bounds(values.iter().copied())?;
    let ticks = nice_ticks(low.min(0.0), high.max(0.0), 4);
    let range = (ticks[0], *ticks.last().unwrap_or(&high));
    let span = (8.0 + frame.plot_height(), 8.0);
    let baseline = scale(0.0, range, span);
    let slot = frame.plot_width() / values.len() as f64;
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
    Some(BarChart {
        bars,
        baseline,
        y_ticks: ticks
            .iter()
            .map(|value| Tick {
                at: scale(*value, range, span),
                label: label(*value),
            })
            .collect(),
    })
}

/// How strongly to shade a matrix cell, from 0 (the smallest value) to 1
/// (the largest).
pub fn heat(value: f64, min: f64, max: f64) -> f64 {
    if max <= min {
        return 0.0;
    }
    ((value - min) / (max - min)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

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
        let chart = bar_chart(&[2.0, -1.0], Frame::PRINT).unwrap();
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
        assert_eq!(bar_chart(&[], Frame::PRINT), None);
    }

    #[test]
    fn values_are_read_leniently() {
        assert_eq!(
            points(&json!([[0, 1], [2], "x", [3, 4]])),
            [(0.0, 1.0), (3.0, 4.0)]
        );
        assert_eq!(numbers(&json!([1, "2", 3.5])), [1.0, 3.5]);
        assert_eq!(heat(5.0, 0.0, 10.0), 0.5);
        assert_eq!(heat(5.0, 5.0, 5.0), 0.0);
    }
}
