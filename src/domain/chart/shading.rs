//! Shading a matrix's cells: one scale for all of them (logarithmic when
//! the values span orders of magnitude), darker for larger values, on the
//! viridis colour map; text on a cell is black or white, whichever reads
//! better.

/// A colour, as the stylesheet writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `rgb(r g b)`.
    pub fn css(self) -> String {
        format!("rgb({} {} {})", self.0, self.1, self.2)
    }

    /// Relative luminance (WCAG 2), 0 for black to 1 for white.
    pub fn luminance(self) -> f64 {
        let linear = |channel: u8| {
            let c = f64::from(channel) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.0) + 0.7152 * linear(self.1) + 0.0722 * linear(self.2)
    }

    /// The contrast ratio of black text on this colour (WCAG 2).
    pub fn contrast_with_black(self) -> f64 {
        (self.luminance() + 0.05) / 0.05
    }

    /// The contrast ratio of white text on this colour (WCAG 2).
    pub fn contrast_with_white(self) -> f64 {
        1.05 / (self.luminance() + 0.05)
    }

    /// Whether text on this colour is written in white (else black): the
    /// one of the two with more contrast.
    pub fn wants_white_text(self) -> bool {
        self.contrast_with_white() > self.contrast_with_black()
    }
}

/// The viridis colour map (matplotlib's, by van der Walt and Smith) at nine
/// evenly spaced stops, from dark purple to yellow: perceptually uniform,
/// readable by people with the common colour-vision deficiencies, and a
/// steady ramp of lightness, so it prints in grey in the same order.
const VIRIDIS: [Rgb; 9] = [
    Rgb(68, 1, 84),
    Rgb(71, 44, 122),
    Rgb(59, 82, 139),
    Rgb(44, 114, 142),
    Rgb(33, 145, 140),
    Rgb(40, 174, 128),
    Rgb(94, 201, 98),
    Rgb(173, 220, 48),
    Rgb(253, 231, 37),
];

/// The lightest and darkest shades of a cell: smallest values yellow,
/// largest dark purple (viridis read backwards, so that darker means more,
/// as on paper).
#[cfg(test)]
pub(super) const LIGHTEST: Rgb = VIRIDIS[8];
#[cfg(test)]
pub(super) const DARKEST: Rgb = VIRIDIS[0];

/// The shade of `level` (0 lightest, 1 darkest) on viridis read from
/// yellow to purple, interpolated between its stops.
pub fn shade(level: f64) -> Rgb {
    let level = if level.is_finite() {
        level.clamp(0.0, 1.0)
    } else {
        0.0
    };
    let along = (1.0 - level) * (VIRIDIS.len() - 1) as f64;
    let low = (along.floor() as usize).min(VIRIDIS.len() - 2);
    let (from, to, t) = (VIRIDIS[low], VIRIDIS[low + 1], along - low as f64);
    let mix =
        |from: u8, to: u8| (f64::from(from) + (f64::from(to) - f64::from(from)) * t).round() as u8;
    Rgb(mix(from.0, to.0), mix(from.1, to.1), mix(from.2, to.2))
}

/// Values at least this many times the smallest positive one are shaded
/// on a logarithmic scale: on a straight one a confusion matrix's
/// diagonal (950) takes the whole range and its other cells (8, 12, 30)
/// all look white.
pub(super) const LOGARITHMIC_SPAN: f64 = 20.0;
/// On a logarithmic scale with zeros, where the smallest positive value
/// starts, so that it is told apart from zero.
pub(super) const FIRST_POSITIVE_LEVEL: f64 = 0.15;

/// How a matrix's cells are shaded: one scale for all of them, darker for
/// larger values.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Shading {
    /// Evenly from the smallest value to the largest.
    Linear {
        /// The smallest value.
        low: f64,
        /// The largest value.
        high: f64,
    },
    /// By order of magnitude, for non-negative values spanning more than
    /// [`LOGARITHMIC_SPAN`] times; zero is the lightest.
    Logarithmic {
        /// The smallest value (zero or positive).
        low: f64,
        /// The smallest positive value.
        smallest_positive: f64,
        /// The largest value.
        high: f64,
    },
}

impl Shading {
    /// The scale for a matrix holding `values` (finite numbers); `None`
    /// for none.
    pub fn of(values: impl IntoIterator<Item = f64>) -> Option<Self> {
        let mut low = f64::INFINITY;
        let mut high = f64::NEG_INFINITY;
        let mut smallest_positive = f64::INFINITY;
        for value in values.into_iter().filter(|value| value.is_finite()) {
            low = low.min(value);
            high = high.max(value);
            if value > 0.0 {
                smallest_positive = smallest_positive.min(value);
            }
        }
        if low > high {
            return None;
        }
        let logarithmic = low >= 0.0
            && smallest_positive.is_finite()
            && high / smallest_positive >= LOGARITHMIC_SPAN;
        Some(if logarithmic {
            Self::Logarithmic {
                low,
                smallest_positive,
                high,
            }
        } else {
            Self::Linear { low, high }
        })
    }

    /// The smallest and the largest value of the scale.
    pub fn bounds(&self) -> (f64, f64) {
        match *self {
            Self::Linear { low, high } | Self::Logarithmic { low, high, .. } => (low, high),
        }
    }

    /// How dark `value` is shaded, from 0 (the smallest) to 1 (the largest).
    pub fn level(&self, value: f64) -> f64 {
        match *self {
            Self::Linear { low, high } => {
                if high <= low {
                    return 0.0;
                }
                ((value - low) / (high - low)).clamp(0.0, 1.0)
            }
            Self::Logarithmic {
                low,
                smallest_positive,
                high,
            } => {
                if value <= 0.0 {
                    return 0.0;
                }
                let start = if low < smallest_positive {
                    FIRST_POSITIVE_LEVEL
                } else {
                    0.0
                };
                let span = high.ln() - smallest_positive.ln();
                let along = ((value.ln() - smallest_positive.ln()) / span).clamp(0.0, 1.0);
                start + (1.0 - start) * along
            }
        }
    }

    /// The colour of a cell holding `value`.
    pub fn colour(&self, value: f64) -> Rgb {
        shade(self.level(value))
    }

    /// One sentence under the matrix saying how to read its shades.
    pub fn legend(&self) -> String {
        match *self {
            Self::Linear { low, high } if high <= low => {
                format!("Every cell holds {low}, so all are shaded alike.")
            }
            Self::Linear { low, high } => {
                format!(
                    "Darker cells hold larger values, from {low} (lightest, yellow) to {high} (darkest, purple)."
                )
            }
            Self::Logarithmic { low, high, .. } => format!(
                "Darker cells hold larger values, from {low} (lightest, yellow) to {high} (darkest, purple), \
                 on a logarithmic scale, so that small values are told apart too."
            ),
        }
    }
}
