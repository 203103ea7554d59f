//! Colour scales that colour-blind students can read, and that survive a washed-out projector.
//! Colour is never the only signal: every tint comes with a number or a label beside it.

/// Viridis (matplotlib's perceptually uniform, colour-blind-safe sequential scale), sampled
/// at nine even stops from 0 to 1.
const VIRIDIS: [(u8, u8, u8); 9] = [
    (68, 1, 84),
    (71, 44, 122),
    (59, 81, 139),
    (44, 113, 142),
    (33, 144, 141),
    (39, 173, 129),
    (92, 200, 99),
    (170, 220, 50),
    (253, 231, 37),
];

/// The viridis colour at `x` in 0..=1 (clamped), as `rgb(r,g,b)`.
pub fn viridis(x: f64) -> String {
    let (r, g, b) = viridis_rgb(x);
    format!("rgb({r},{g},{b})")
}

pub fn viridis_rgb(x: f64) -> (u8, u8, u8) {
    let x = if x.is_finite() { x.clamp(0.0, 1.0) } else { 0.0 };
    let pos = x * (VIRIDIS.len() - 1) as f64;
    let i = (pos.floor() as usize).min(VIRIDIS.len() - 2);
    let f = pos - i as f64;
    let (a, b) = (VIRIDIS[i], VIRIDIS[i + 1]);
    let mix = |p: u8, q: u8| (f64::from(p) + (f64::from(q) - f64::from(p)) * f).round() as u8;
    (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Okabe–Ito: eight colours distinguishable with every common colour-vision deficiency.
/// Chart lines also differ by dash pattern (`DASHES`).
pub const CATEGORICAL: [&str; 7] =
    ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"];

/// Dash patterns for chart lines, in CSS pixels, paired with `CATEGORICAL` by index.
pub const DASHES: [&[f64]; 7] =
    [&[], &[6.0, 3.0], &[2.0, 2.0], &[8.0, 3.0, 2.0, 3.0], &[4.0, 4.0], &[1.0, 3.0], &[10.0, 4.0]];

/// Errors flash in this colour (vermillion, distinct from every viridis tone) with a label.
pub const ERROR: &str = "#D55E00";
/// Dead components are greyed out with this wash, crossed out and labelled "DOWN".
pub const DEAD_WASH: &str = "rgba(90, 90, 90, 0.55)";
