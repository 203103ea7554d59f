//! The knee of a latency curve: where queueing starts to dominate.

use super::SweepPoint;

/// The offered load at which p95 first reaches twice its low-load value (the p95 of the
/// lowest offered load), linearly interpolated between the two points around the crossing.
/// `None` when fewer than two points, when the lowest load has no latency, or when the curve
/// never doubles within the sweep.
pub fn knee(points: &[SweepPoint]) -> Option<f64> {
    knee_of(points.iter().map(|p| (p.offered_rps, p.latency_ms.p95)))
}

/// [`knee`] for any (offered load, p95) curve, e.g. the means over seeds. Points are taken
/// in order of offered load, whatever order they come in.
pub fn knee_of(curve: impl IntoIterator<Item = (f64, f64)>) -> Option<f64> {
    let mut c: Vec<(f64, f64)> = curve.into_iter().filter(|(x, y)| x.is_finite() && y.is_finite()).collect();
    c.sort_by(|a, b| a.0.total_cmp(&b.0));
    let &(_, base) = c.first()?;
    if base <= 0.0 {
        return None;
    }
    let target = 2.0 * base;
    let i = c.iter().position(|&(_, y)| y >= target)?;
    let ((x0, y0), (x1, y1)) = (c[i - 1], c[i]);
    Some(x0 + (target - y0) / (y1 - y0) * (x1 - x0))
}
