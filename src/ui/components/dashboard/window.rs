//! The data behind the live charts: which seconds are shown and the lines drawn from them.
//! Pure (no DOM), so the windowing is tested natively (tests/chart_window.rs).

use std::collections::VecDeque;

use crate::engine::{ErrorCause, SecondStats};
use crate::i18n::{cause_key, t, Key, Lang};

/// What a chart shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartKind {
    Throughput,
    Latency,
    Errors,
    Utilization,
    Queue,
}

impl ChartKind {
    pub const ALL: [ChartKind; 5] = [
        ChartKind::Throughput,
        ChartKind::Latency,
        ChartKind::Errors,
        ChartKind::Utilization,
        ChartKind::Queue,
    ];
}

/// One line of a chart: points are (simulated second, value).
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub label: String,
    pub points: Vec<(f64, f64)>,
}

/// Everything needed to draw one chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    /// Range of the x axis in simulated seconds: always `span` seconds wide, ending at the
    /// last complete second, so the chart scrolls at a steady pace.
    pub x0: f64,
    pub x1: f64,
    /// Top of the y axis: a round number at least `HEADROOM` times every value.
    pub y_max: f64,
    pub unit: &'static str,
    pub lines: Vec<Line>,
}

/// The rows of the last `span` simulated seconds (by their `second`, so a gap in the series
/// is a gap in the chart, not a squeeze), oldest first.
pub fn window(series: &VecDeque<SecondStats>, span: u64) -> Vec<&SecondStats> {
    let Some(last) = series.back() else { return Vec::new() };
    let from = (last.second + 1).saturating_sub(span);
    let skip = series.partition_point(|r| r.second < from);
    series.iter().skip(skip).collect()
}

/// The smallest 1, 2 or 5 × 10^k that is ≥ `v` (and ≥ `floor`).
pub fn nice_ceiling(v: f64, floor: f64) -> f64 {
    let v = if v.is_finite() { v.max(floor) } else { floor };
    if v <= 0.0 {
        return 1.0;
    }
    let mag = crate::ui::platform::math::pow(10.0, crate::ui::platform::math::log10(v).floor());
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * mag).find(|c| *c >= v * (1.0 - 1e-12)).unwrap_or(10.0 * mag)
}

/// The y axis reaches at least this multiple of the highest value.
pub const HEADROOM: f64 = 1.3;

/// How many lines the per-component charts show (the busiest components).
pub const TOP_COMPONENTS: usize = 3;

/// The lines of `kind` over `rows`. `ids` names components in scenario order.
pub fn chart_data(
    kind: ChartKind,
    rows: &[&SecondStats],
    span: u64,
    ids: &[String],
    lang: Lang,
) -> ChartData {
    // Until the run is `span` long the axis is [0, span] and the lines grow rightwards; then it
    // scrolls.
    let x1 = rows.last().map_or(0.0, |r| (r.second + 1) as f64).max(span as f64);
    let x0 = x1 - span as f64;
    let line = |label: &str, f: &dyn Fn(&SecondStats) -> f64| Line {
        label: label.to_string(),
        points: rows.iter().map(|r| (r.second as f64, f(r))).collect(),
    };
    let (unit, lines, floor) = match kind {
        ChartKind::Throughput => {
            let mut lines = vec![
                line(t(lang, Key::Completed), &|r| r.completed as f64),
                line(t(lang, Key::Failed), &|r| r.errors.total() as f64),
            ];
            // Once clients retry, the attempts they start per second: far above what is served,
            // it is a retry storm multiplying the load (the legend stays short without one).
            if rows.iter().any(|r| r.retries > 0) {
                lines.push(line(t(lang, Key::AttemptsLine), &|r| (r.arrived + r.retries) as f64));
            }
            (t(lang, Key::UnitRps), lines, 10.0)
        }
        ChartKind::Latency => (
            t(lang, Key::UnitMs),
            vec![
                line(t(lang, Key::LatencyP50), &|r| r.p50_ms),
                line(t(lang, Key::LatencyP95), &|r| r.p95_ms),
                line(t(lang, Key::LatencyP99), &|r| r.p99_ms),
            ],
            1.0,
        ),
        ChartKind::Errors => {
            // Only the causes that happened in the window (the legend stays short), or the
            // first cause as a flat zero line when nothing failed.
            let mut lines: Vec<Line> = ErrorCause::ALL
                .iter()
                .filter(|&&c| rows.iter().any(|r| r.errors.get(c) > 0))
                .map(|&c| line(t(lang, cause_key(c)), &move |r: &SecondStats| error_percent(r, c)))
                .collect();
            if lines.is_empty() {
                let c = ErrorCause::ALL[0];
                lines.push(line(t(lang, cause_key(c)), &move |r: &SecondStats| error_percent(r, c)));
            }
            (t(lang, Key::UnitPercent), lines, 1.0)
        }
        ChartKind::Utilization => (
            t(lang, Key::UnitPercent),
            top(rows, ids, |r, i| r.utilization.get(i).map(|u| f64::from(*u) * 100.0)),
            100.0,
        ),
        ChartKind::Queue => {
            (t(lang, Key::Queue), top(rows, ids, |r, i| r.queue.get(i).map(|q| f64::from(*q))), 5.0)
        }
    };
    let top_value = lines.iter().flat_map(|l| l.points.iter().map(|p| p.1)).fold(0.0, f64::max);
    // Headroom above the highest value keeps the lines clear of the legend.
    let y_max = match kind {
        ChartKind::Utilization => 100.0,
        // A share of requests never passes 100%.
        ChartKind::Errors => nice_ceiling(top_value * HEADROOM, floor).min(100.0),
        _ => nice_ceiling(top_value * HEADROOM, floor),
    };
    ChartData { x0, x1, y_max, unit, lines }
}

/// Share of the requests finished in this second that failed with `cause`, in percent.
pub fn error_percent(r: &SecondStats, cause: ErrorCause) -> f64 {
    let done = r.completed + r.errors.total();
    if done == 0 {
        0.0
    } else {
        r.errors.get(cause) as f64 * 100.0 / done as f64
    }
}

/// Lines for the `TOP_COMPONENTS` components with the highest mean value over the window
/// (ties keep scenario order), labelled by id.
fn top(
    rows: &[&SecondStats],
    ids: &[String],
    value: impl Fn(&SecondStats, usize) -> Option<f64>,
) -> Vec<Line> {
    let mut means: Vec<(usize, f64)> = (0..ids.len())
        .map(|i| {
            let vs: Vec<f64> = rows.iter().filter_map(|r| value(r, i)).collect();
            (i, if vs.is_empty() { 0.0 } else { vs.iter().sum::<f64>() / vs.len() as f64 })
        })
        .collect();
    means.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal).then(a.0.cmp(&b.0)));
    means
        .into_iter()
        .take(TOP_COMPONENTS)
        .map(|(i, _)| Line {
            label: ids[i].clone(),
            points: rows.iter().filter_map(|r| Some((r.second as f64, value(r, i)?))).collect(),
        })
        .collect()
}

/// The index of the point nearest to simulated second `x` (for the hover readout).
pub fn nearest(points: &[(f64, f64)], x: f64) -> Option<usize> {
    let mut best: Option<(usize, f64)> = None;
    for (i, p) in points.iter().enumerate() {
        let d = (p.0 - x).abs();
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((i, d));
        }
    }
    best.map(|(i, _)| i)
}

/// An axis label short enough for the chart's margin: "0.5", "250", "5,000", "20k", "2.5M".
pub fn axis_number(v: f64) -> String {
    let short = |x: f64, unit: &str| {
        if (x - x.round()).abs() < 1e-9 {
            format!("{}{unit}", (x.round()))
        } else {
            format!("{x:.1}{unit}")
        }
    };
    if !v.is_finite() || v == 0.0 {
        "0".into()
    } else if v >= 1e6 {
        short(v / 1e6, "M")
    } else if v >= 1e4 {
        short(v / 1e3, "k")
    } else if v >= 1e3 {
        crate::i18n::format_number(v.round() as u64)
    } else if v >= 100.0 {
        (v.round()).to_string()
    } else if v >= 1.0 {
        short(v, "")
    } else {
        format!("{v:.2}")
    }
}
