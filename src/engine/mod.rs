//! The traffic engine: a deterministic discrete-event simulation of a [`Scenario`].
//!
//! **Sans-IO.** The engine never calls out. Its owner (the browser's frame loop, the headless
//! runner, a test) builds a [`Sim`] from a scenario and a seed, asks it to advance to a
//! simulated time or by an event budget, injects faults, and pulls a [`Snapshot`], the
//! [`Metrics`] and the [`LogEntry`] list. Time is an integer count of simulated nanoseconds.
//!
//! **Deterministic.** Events are ordered by (time, insertion counter), randomness comes from
//! a seeded ChaCha8 stream and transcendental functions from `libm`, and nothing iterates a
//! hash map. The same scenario and seed give bit-identical results natively and in wasm,
//! however the run is sliced into advances.
//!
//! **Architecture Invariant:** nothing under `engine/` uses yew, web-sys, gloo, js-sys,
//! wasm-bindgen, the wall clock or global state (enforced by `tests/tidy.rs`).

mod log;
mod metrics;
mod sim;
mod snapshot;
mod time;

pub use log::{LogEntry, LogKind};
pub use metrics::{ComponentTotals, ErrorCause, ErrorCounts, Metrics, SecondStats, Totals};
pub use sim::Sim;
pub use snapshot::{ComponentView, Dot, Health, Snapshot};
pub use time::{ms, secs, to_secs, Time, NS_PER_MS, NS_PER_S};

#[cfg(doc)]
use crate::model::Scenario;
