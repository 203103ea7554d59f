//! The catalog's data: real regions, the latencies between them and what machines cost.
//!
//! Numbers here come from real systems and say where they come from, so that a student can
//! trust the lab's answers the way they would trust a measurement. Presets and lessons, which
//! are built from the model, live above the engine in the lab crate.

mod latency;
pub mod pricing;
mod timeouts;

pub use latency::{rtt_ms, CROSS_ZONE_RTT_MS, JITTER, SAME_ZONE_RTT_MS};
pub use timeouts::{DB_CONNECT_TIMEOUT_S, LB_CONNECT_TIMEOUT_S};
// The region table is the model's (validation checks a scenario's codes against it), so the
// dependency runs one way: catalog -> model.
pub use crate::model::regions::{region, RegionInfo, REGIONS};
