//! Reading a run: pure functions from the engine's metrics and snapshot to conclusions a
//! student can act on. No DOM, no wall clock: everything here is tested natively.
//!
//! [`observe`] condenses the last seconds of a run into per-component evidence
//! ([`Observation`]); [`diagnose`] names the component that limits the design and the next
//! step on the book's path (separate the database, run more processes, scale out behind a load
//! balancer, remove a single point of failure).

mod bottleneck;
mod observe;

pub use bottleneck::{diagnose, Finding, Suggestion, Verdict};
pub use observe::{observe, Cumulative, Observation, Observed};
