//! A sweep's results as a table or as one JSON object.
//!
//! With one seed every number is plain; with several, each measured number is
//! `{"mean", "ci95"}` (the half-width of the 95 % Student-t interval over the seeds). The
//! bottleneck is the id of the component the diagnosis names (over several seeds, the one it
//! names most often), or null.

use archlab_lab::model::Scenario;
use archlab_lab::sweep::{capacity_rps, knee_of, summarize, Estimate, PointSummary, SweepPoint};
use serde_json::{json, Value};

/// `{"points": [...], "knee_rps", "capacity_rps", "events"}`: the knee of the (mean) p95
/// curve and the lab's capacity estimate, or null.
pub fn to_json(scenario: &Scenario, results: &[Vec<SweepPoint>]) -> Value {
    let summaries: Vec<PointSummary> = results.iter().map(|r| summarize(r)).collect();
    let several = results.iter().any(|r| r.len() > 1);
    let num = |e: Estimate| if several { json!({ "mean": e.mean, "ci95": e.ci95 }) } else { json!(e.mean) };
    let points: Vec<Value> = summaries
        .iter()
        .map(|s| {
            let l = &s.latency_ms;
            let mut v = json!({
                "offered_rps": s.offered_rps,
                "throughput_rps": num(s.throughput_rps),
                "goodput_rps": num(s.goodput_rps),
                "latency_ms": { "mean": num(l.mean), "p50": num(l.p50), "p95": num(l.p95), "p99": num(l.p99) },
                "error_rate": num(s.error_rate),
                "bottleneck": s.bottleneck,
            });
            if several {
                v["seeds"] = json!(s.seeds);
            }
            v
        })
        .collect();
    json!({
        "points": points,
        "knee_rps": knee(&summaries),
        "capacity_rps": capacity_rps(scenario),
        "events": events(results),
    })
}

/// A readable table, one line per offered load.
pub fn table(scenario: &Scenario, results: &[Vec<SweepPoint>], seed: u64) -> String {
    use std::fmt::Write;
    let summaries: Vec<PointSummary> = results.iter().map(|r| summarize(r)).collect();
    let k = results.first().map_or(1, Vec::len);
    let several = k > 1;
    let cell = |e: Estimate, digits: usize| {
        if several {
            format!("{:.*} ±{:.*}", digits, e.mean, digits, e.ci95)
        } else {
            format!("{:.*}", digits, e.mean)
        }
    };
    let mut o = String::new();
    let seeds = if several { format!(", {k} seeds, 95 % intervals") } else { String::new() };
    let _ = writeln!(o, "{} (seed {seed}{seeds})", scenario.name);
    let w = if several { 16 } else { 9 };
    let _ = writeln!(
        o,
        "  {:>9} {:>w$} {:>w$} {:>w$} {:>w$} {:>w$} {:>w$} {:>w$}  bottleneck",
        "offered/s", "served/s", "good/s", "mean ms", "p50 ms", "p95 ms", "p99 ms", "errors %"
    );
    for s in &summaries {
        let l = &s.latency_ms;
        let pct = Estimate { mean: s.error_rate.mean * 100.0, ci95: s.error_rate.ci95 * 100.0 };
        let _ = writeln!(
            o,
            "  {:>9.1} {:>w$} {:>w$} {:>w$} {:>w$} {:>w$} {:>w$} {:>w$}  {}",
            s.offered_rps,
            cell(s.throughput_rps, 1),
            cell(s.goodput_rps, 1),
            cell(l.mean, 2),
            cell(l.p50, 2),
            cell(l.p95, 2),
            cell(l.p99, 2),
            cell(pct, 2),
            s.bottleneck.as_deref().unwrap_or("-"),
        );
    }
    let words = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.1} req/s"));
    let _ = writeln!(o, "  knee (p95 at twice its low-load value): {}", words(knee(&summaries)));
    let _ = writeln!(o, "  capacity estimated from the design:     {}", words(capacity_rps(scenario)));
    let _ = writeln!(o, "  {} engine events", events(results));
    o
}

fn knee(summaries: &[PointSummary]) -> Option<f64> {
    knee_of(summaries.iter().map(|s| (s.offered_rps, s.latency_ms.p95.mean)))
}

fn events(results: &[Vec<SweepPoint>]) -> u64 {
    results.iter().flatten().map(|p| p.events).sum()
}
