//! Latency against offered load: the whole curve of a design, one point at a time.
//!
//! A sweep runs the same design at a series of offered loads and reads each run the way the
//! runner reads one: throughput, goodput, latency percentiles, errors and the component that
//! limits the design. The most important picture in capacity planning (flat, then a knee,
//! then a wall) comes out of it.
//!
//! **One point is one pure call.** [`sweep_point`] builds a [`Sim`](crate::engine::Sim),
//! runs it and summarises; nothing here spawns a thread or reads a clock, so the browser can
//! run a sweep point by point in a Web Worker (and cancel between points), and the native
//! runner can hand the points to a thread pool. Both get the same numbers because a point's
//! seed comes from the sweep's seed and the point's place in it ([`point_seed`]), not from
//! the order in which points happen to run.
//!
//! The parts: [`sweep_point`] and [`SweepPoint`] (`point.rs`); the capacity the design's
//! numbers promise and the default rates around it ([`capacity_rps`], [`default_rates`],
//! `capacity.rs`); [`knee`] (`knee.rs`); the mean and 95 % interval over independent seeds
//! ([`summarize`], [`Estimate`], `seeds.rs`); what the page and a sweep's Web Worker say to
//! each other, and the worker's pure entry ([`message::answer`], `message.rs`); a pinned curve
//! in a share link (`pinned.rs`); whether a curve still describes the design on the canvas
//! ([`same_design`], `design.rs`).

mod capacity;
mod design;
mod knee;
pub mod message;
pub mod pinned;
mod point;
mod seeds;

pub use capacity::{capacity_rps, default_rates, rates_between, DEFAULT_POINTS};
pub use design::{same_design, same_run};
pub use knee::{knee, knee_of};
pub use point::{sweep_point, SweepPoint, DEFAULT_SECONDS, DEFAULT_WARMUP_S};
pub use seeds::{point_seed, summarize, t95, Estimate, LatencyEstimate, PointSummary};
