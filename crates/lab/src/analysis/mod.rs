//! Reading a run: pure functions from the engine's metrics and snapshot to conclusions a
//! student can act on. No DOM, no wall clock: everything here is tested natively.
//!
//! [`observe`] condenses the last seconds of a run into evidence ([`Observation`]: per
//! component, per resource, and the design's goodput and errors); [`diagnose`] says what
//! limits the design ([`Diagnosis`]: an outage, a retry storm, busy cores, workers or database
//! connections, the network, or nothing), names every saturated component, and suggests the
//! fix that works, on the book's path where one fits (separate the database, scale out behind
//! a load balancer, run more processes, remove a single point of failure). The live callout
//! and the runner's `--json` both print this one value.

mod bottleneck;
mod diagnosis;
mod graph;
mod network;
mod observe;
mod outage;

pub use bottleneck::diagnose;
pub use diagnosis::{Diagnosis, Evidence, Goodput, LimitKind, Saturated, Suggestion};
pub use observe::{observe, Cumulative, Observation, Observed, Traffic};
