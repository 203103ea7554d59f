//! What the page and a sweep's Web Worker say to each other, as JSON text.
//!
//! The page sends one [`SweepJob`] per point; the worker answers each with one
//! [`WorkerAnswer`], so the page draws points as they come. [`answer`] is the worker's whole
//! job and is pure (text in, text out): the browser glue (`src/ui/platform/sweep_worker.rs`)
//! only moves strings, and a native test checks that a point computed through it equals
//! [`sweep_point`] for the same inputs. The design travels as the compact share JSON the
//! autosave keeps (`share::to_compact_json`), and the worker reads it back through the same
//! checks as a stranger's link: a worker trusts no message.

use serde::{Deserialize, Serialize};

use super::{point_seed, sweep_point, SweepPoint};
use crate::analysis::Diagnosis;
use crate::model::{Scenario, LIMITS};
use crate::share::{stored_form, to_compact_json, Stored};

/// One point to run: the design, the offered load, the warm-up and the measured seconds, and
/// the point's own seed (already [`point_seed`] of the sweep's seed and the point's index, so
/// the numbers equal `archlab sweep`'s whichever worker runs it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SweepJob {
    /// The design, in the lab's compact share JSON.
    pub scenario: String,
    /// The point's index in the sweep.
    pub point: usize,
    pub offered_rps: f64,
    pub warmup_s: f64,
    pub seconds: f64,
    pub seed: u64,
}

impl SweepJob {
    /// The jobs of a sweep of `scenario` at `rates`, one per point, seeded with `seed` as
    /// `archlab sweep --seed` is. The design is written to JSON once and shared by every job.
    pub fn for_sweep(
        scenario: &Scenario,
        rates: &[f64],
        warmup_s: f64,
        seconds: f64,
        seed: u64,
    ) -> Vec<SweepJob> {
        let design = to_compact_json(scenario);
        rates
            .iter()
            .enumerate()
            .map(|(point, &offered_rps)| SweepJob {
                scenario: design.clone(),
                point,
                offered_rps,
                warmup_s,
                seconds,
                seed: point_seed(seed, point, 0),
            })
            .collect()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

/// Latency of the successful requests of a point's window, in ms.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurveLatency {
    pub mean: f64,
    pub p50: f64,
    pub p95: f64,
    pub p99: f64,
}

/// One measured point as it travels: [`SweepPoint`]'s numbers with the point's index (the
/// engine's `LatencySummary` has no serde, so the latency is [`CurveLatency`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurvePoint {
    pub point: usize,
    pub offered_rps: f64,
    pub seed: u64,
    pub throughput_rps: f64,
    pub goodput_rps: f64,
    pub latency_ms: CurveLatency,
    pub error_rate: f64,
    pub events: u64,
    pub bottleneck: Diagnosis,
    /// Wall time the worker spent on this point's job, in ms, on the worker's own clock: for
    /// the in-page benchmark (engine events per second inside a worker, without its start-up
    /// or the messages). The lab reads no clock, so [`answer`] leaves it `None` and the browser
    /// glue (`src/ui/platform/sweep_worker.rs`) fills it in; absent from the JSON when `None`,
    /// so an answer without it reads as before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compute_ms: Option<f64>,
}

impl CurvePoint {
    pub fn of(point: usize, p: &SweepPoint) -> CurvePoint {
        let l = &p.latency_ms;
        CurvePoint {
            point,
            offered_rps: p.offered_rps,
            seed: p.seed,
            throughput_rps: p.throughput_rps,
            goodput_rps: p.goodput_rps,
            latency_ms: CurveLatency { mean: l.mean, p50: l.p50, p95: l.p95, p99: l.p99 },
            error_rate: p.error_rate,
            events: p.events,
            bottleneck: p.bottleneck.clone(),
            compute_ms: None,
        }
    }
}

/// What a worker says. Externally tagged (`"ready"`, `{"point": …}`): serde's internally
/// tagged reading buffers the whole object first and cost 8.4 KB of gzipped wasm (nothing
/// else in the app reads a tag with serde's derive: the share format has `format::tagged`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(clippy::large_enum_variant, reason = "one message at a time, read once")]
pub enum WorkerAnswer {
    /// The wasm started and the worker takes jobs (sent once, first).
    Ready,
    Point(CurvePoint),
    /// The job could not run: not a job, or a design the lab refuses. The page validates the
    /// design before it sweeps, so this is a defect's message, in English.
    Refused {
        point: Option<usize>,
        problem: String,
    },
}

impl WorkerAnswer {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a worker's message; a message that is not an answer is an error with serde's words.
    pub fn from_json(text: &str) -> Result<WorkerAnswer, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
}

/// Longest warm-up or measured window a job may ask for, in simulated seconds: a point must
/// end in seconds of wall time, not hours (an hour at the lab's rate limit is far more).
pub const MAX_SECONDS: f64 = 3600.0;

/// The worker's whole job: a [`SweepJob`] as JSON in, a [`WorkerAnswer`] as JSON out.
pub fn answer(job: &str) -> String {
    answer_of(job).to_json()
}

/// [`answer`] before it is written out, for a worker that adds to it (its compute time).
pub fn answer_of(job: &str) -> WorkerAnswer {
    let job: SweepJob = match serde_json::from_str(job) {
        Ok(j) => j,
        Err(e) => return WorkerAnswer::Refused { point: None, problem: format!("not a sweep job: {e}") },
    };
    let refuse = |problem: String| WorkerAnswer::Refused { point: Some(job.point), problem };
    if !(job.seconds > 0.0 && job.seconds <= MAX_SECONDS && (0.0..=MAX_SECONDS).contains(&job.warmup_s)) {
        return refuse(format!("seconds and warm-up must lie between 0 and {MAX_SECONDS}"));
    }
    if !(job.offered_rps > 0.0 && job.offered_rps <= LIMITS.rate_rps) {
        return refuse(format!("the offered load must lie above 0 and at most {} req/s", LIMITS.rate_rps));
    }
    let scenario = match stored_form(&job.scenario) {
        Stored::Json(Ok(s)) => s,
        Stored::Json(Err(e)) => return refuse(e.to_string()),
        Stored::Link(_) => return refuse("the design is not compact JSON".into()),
    };
    match sweep_point(&scenario, job.offered_rps, job.warmup_s, job.seconds, job.seed) {
        Ok(p) => WorkerAnswer::Point(CurvePoint::of(job.point, &p)),
        Err(problems) => refuse(problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")),
    }
}
