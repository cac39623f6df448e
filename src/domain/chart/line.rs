//! Line graphs: points to a path drawn in order of x (the card's order is
//! left as it is), round ticks on both axes, and for a ROC or
//! precision-recall curve a square plot from 0 to 1 with its diagonal.

use super::{Frame, MARGIN, Tick, axis_ticks, bounds, nice_ticks, scale};

/// What kind of curve a line graph is, when its name or axes say it is
/// one that lives on the unit square.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Curve {
    /// Receiver operating characteristic: true against false positive rate.
    Roc,
    /// Precision against recall.
    PrecisionRecall,
}

impl Curve {
    /// What its diagonal stands for, as the chart's description says it.
    pub fn reference_name(self) -> &'static str {
        match self {
            Self::Roc => "the diagonal of a classifier that guesses",
            Self::PrecisionRecall => "the diagonal where precision equals recall",
        }
    }

    /// The curve's name, as a description says it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Roc => "ROC curve",
            Self::PrecisionRecall => "precision-recall curve",
        }
    }
}

/// The words of `text`, lower case, split at anything but letters and
/// digits.
fn words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

pub(super) fn has_phrase(text: &str, phrase: &[&str]) -> bool {
    let words = words(text);
    words
        .windows(phrase.len())
        .any(|window| window.iter().zip(phrase).all(|(word, want)| word == want))
}

/// Whether a line graph called `name`, with axis titles `x` and `y`, is a
/// ROC or precision-recall curve: by its name ("ROC", "receiver operating",
/// "precision-recall", "PR curve") or its axes (false and true positive
/// rate; recall and precision). Only when every point lies in the unit
/// square, since that is the plot it gets.
pub fn curve_kind(name: &str, x: &str, y: &str, points: &[(f64, f64)]) -> Option<Curve> {
    let unit = |v: f64| (0.0..=1.0).contains(&v);
    if points.is_empty() || !points.iter().all(|(px, py)| unit(*px) && unit(*py)) {
        return None;
    }
    let rate = |text: &str, which: &str, short: &str| {
        has_phrase(text, &[which, "positive", "rate"]) || words(text) == [short]
    };
    let roc = has_phrase(name, &["roc"])
        || has_phrase(name, &["receiver", "operating"])
        || (rate(x, "false", "fpr") && (rate(y, "true", "tpr") || has_phrase(y, &["recall"])));
    if roc {
        return Some(Curve::Roc);
    }
    let pr = has_phrase(name, &["precision", "recall"])
        || has_phrase(name, &["pr", "curve"])
        || (has_phrase(x, &["recall"]) && has_phrase(y, &["precision"]));
    pr.then_some(Curve::PrecisionRecall)
}

/// A reference line across the plot, in SVG units.
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    /// Start, bottom left.
    pub from: (f64, f64),
    /// End, top right.
    pub to: (f64, f64),
}

/// A line graph, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct LinePlot {
    /// The frame drawn in (narrower than given for a square plot).
    pub frame: Frame,
    /// The SVG path through the points in order of x (`M x y L x y ...`).
    pub path: String,
    /// Each point's position, in the path's order.
    pub points: Vec<(f64, f64)>,
    /// Ticks along the x axis (positions are x coordinates).
    pub x_ticks: Vec<Tick>,
    /// Ticks along the y axis (positions are y coordinates).
    pub y_ticks: Vec<Tick>,
    /// The diagonal of a ROC or precision-recall curve.
    pub reference: Option<Reference>,
}

impl LinePlot {
    /// Where the plot area starts and ends across: (left, right).
    pub fn x_span(&self) -> (f64, f64) {
        (self.frame.left, self.frame.width - MARGIN)
    }

    /// Where the plot area starts and ends down: (top, bottom).
    pub fn y_span(&self) -> (f64, f64) {
        (MARGIN, self.frame.height - self.frame.bottom)
    }
}

/// `points` sorted by x (a stable sort: equal x keep the card's order).
fn sorted_by_x(points: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut sorted = points.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    sorted
}

/// A line graph of `points` in `frame`, square and from 0 to 1 on both
/// axes for a `curve`; `None` for no points.
pub fn line_plot(points: &[(f64, f64)], curve: Option<Curve>, frame: Frame) -> Option<LinePlot> {
    let (x_min, x_max) = bounds(points.iter().map(|p| p.0))?;
    let (y_min, y_max) = bounds(points.iter().map(|p| p.1))?;
    let (frame, x_ticks, y_ticks) = match curve {
        Some(_) => {
            let side = frame.plot_height();
            let square = Frame {
                width: frame.left + side + MARGIN,
                ..frame
            };
            let unit = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0];
            (square, unit.to_vec(), unit.to_vec())
        }
        None => (
            frame,
            nice_ticks(x_min, x_max, 5),
            nice_ticks(y_min, y_max, 4),
        ),
    };
    let x_span = (frame.left, frame.left + frame.plot_width());
    let y_span = (MARGIN + frame.plot_height(), MARGIN);
    let x_range = (x_ticks[0], *x_ticks.last().unwrap_or(&x_max));
    let y_range = (y_ticks[0], *y_ticks.last().unwrap_or(&y_max));
    let at = |(x, y): (f64, f64)| (scale(x, x_range, x_span), scale(y, y_range, y_span));
    let placed: Vec<(f64, f64)> = sorted_by_x(points).into_iter().map(at).collect();
    let path = placed
        .iter()
        .enumerate()
        .map(|(index, (x, y))| format!("{}{x:.1} {y:.1}", if index == 0 { "M" } else { " L" }))
        .collect();
    let reference = curve.map(|_| Reference {
        from: at((0.0, 0.0)),
        to: at((1.0, 1.0)),
    });
    Some(LinePlot {
        frame,
        path,
        points: placed,
        x_ticks: axis_ticks(&x_ticks, x_span),
        y_ticks: axis_ticks(&y_ticks, y_span),
        reference,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_goes_from_bottom_left_to_top_right_in_order_of_x() {
        let frame = Frame::CHART;
        let plot = line_plot(&[(1.0, 1.0), (0.0, 0.0), (0.5, 0.9)], None, frame).unwrap();
        assert_eq!(plot.path, "M60.0 214.0 L236.0 28.6 L412.0 8.0");
        assert_eq!(plot.points.len(), 3);
        assert_eq!(plot.x_ticks.first().unwrap().label, "0");
        assert_eq!(plot.x_ticks.last().unwrap().label, "1.0");
        assert_eq!(plot.reference, None);
        assert_eq!(line_plot(&[], None, frame), None);
    }

    #[test]
    fn degenerate_data_still_gets_distinct_ticks() {
        let cases: [&[(f64, f64)]; 5] = [
            &[(3.0, 7.0)],
            &[(0.0, 5.0), (1.0, 5.0), (2.0, 5.0)],
            &[(1e-6, 1e-6), (2e-6, 3e-6)],
            &[(0.0, 1e9), (1.0, 2.5e9)],
            &[(-5.0, -0.002), (5.0, -0.001)],
        ];
        for points in cases {
            let plot = line_plot(points, None, Frame::CHART).unwrap();
            for ticks in [&plot.x_ticks, &plot.y_ticks] {
                let labels: std::collections::BTreeSet<_> =
                    ticks.iter().map(|t| &t.label).collect();
                assert_eq!(labels.len(), ticks.len(), "{points:?}: {ticks:?}");
                assert!(ticks.len() >= 2, "{points:?}");
            }
            for (x, y) in &plot.points {
                assert!(x.is_finite() && y.is_finite());
                assert!(
                    (plot.x_span().0..=plot.x_span().1).contains(x),
                    "{points:?}"
                );
                assert!(
                    (plot.y_span().0..=plot.y_span().1).contains(y),
                    "{points:?}"
                );
            }
        }
    }

    #[test]
    fn roc_and_precision_recall_curves_are_recognised() {
        let unit = [(0.0, 0.0), (0.2, 0.7), (1.0, 1.0)];
        assert_eq!(curve_kind("ROC curve", "", "", &unit), Some(Curve::Roc));
        assert_eq!(curve_kind("val_roc", "", "", &unit), Some(Curve::Roc));
        assert_eq!(
            curve_kind("curve", "False positive rate", "True positive rate", &unit),
            Some(Curve::Roc)
        );
        assert_eq!(curve_kind("c", "FPR", "TPR", &unit), Some(Curve::Roc));
        assert_eq!(
            curve_kind("Precision-recall", "", "", &unit),
            Some(Curve::PrecisionRecall)
        );
        assert_eq!(
            curve_kind("c", "Recall", "Precision", &unit),
            Some(Curve::PrecisionRecall)
        );
        assert_eq!(
            curve_kind("procurement", "", "", &unit),
            None,
            "a word, not a part"
        );
        assert_eq!(curve_kind("loss", "threshold", "loss", &unit), None);
        assert_eq!(
            curve_kind("ROC", "", "", &[(0.0, 0.0), (2.0, 1.0)]),
            None,
            "not on the unit square"
        );
    }

    #[test]
    fn a_curve_gets_a_square_unit_plot_and_its_diagonal() {
        let plot = line_plot(
            &[(0.0, 0.0), (0.1, 0.8), (1.0, 1.0)],
            Some(Curve::Roc),
            Frame::CHART,
        )
        .unwrap();
        let (left, right) = plot.x_span();
        let (top, bottom) = plot.y_span();
        assert!((right - left - (bottom - top)).abs() < 1e-9, "square");
        let labels: Vec<_> = plot.x_ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
        let reference = plot.reference.unwrap();
        assert_eq!(reference.from, (left, bottom));
        assert_eq!(reference.to, (right, top));
    }
}
