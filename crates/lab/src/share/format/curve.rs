//! A pinned curve as it travels in a share link (the optional `c=` part beside the design's
//! `s=`): the design it came from and its measured points. Plain numbers and strings only;
//! `sweep::pinned` checks every one (a link is a stranger's) and turns it into the page's
//! curve.

use serde::{Deserialize, Serialize};

/// Format version of the curve part (its JSON `v`).
pub const CURVE_FORMAT: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PinnedCurve {
    /// [`CURVE_FORMAT`].
    pub v: u32,
    /// The design's name when it was pinned (plain text, as a scenario's `name`).
    pub title: String,
    /// The design, as the compact scenario JSON a link carries inflated (short keys, defaults
    /// left out), read back through the same checks as any link.
    pub design: String,
    pub points: Vec<CurvePoint>,
}

/// One measured point: the offered load, what was served, the latency percentiles, the
/// errors, and the limit the diagnosis found there.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CurvePoint {
    pub offered_rps: f64,
    pub throughput_rps: f64,
    pub goodput_rps: f64,
    pub mean_ms: f64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub error_rate: f64,
    /// The runner's `kind` of the limit (`"cpu"`, `"workers"`, … `"none"`).
    pub limit: String,
    /// The component to blame, when one is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub component: Option<String>,
}
