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
//!
//! **State in owned parts.** [`Sim`] holds its state in parts, each a struct in its own file
//! with the methods that need only it: `clock` (time, the event queue, the seeded stream),
//! `topology` (components, zones, regions, their failures, the network), `ingress` (client
//! populations and traffic, DNS, balancers), `tiers` (app tiers, host slots, versions),
//! `database` (`Databases`: the data tier), `operations` (fault timeline, deployments,
//! alarms) and `observation` (recorder, log, request counts, transfer bytes), plus the
//! request slab. A handler touches only the parts it names: one that needs a single part is a
//! method of that part, and one that crosses parts (a request's path) is a method of `Sim`.
//!
//! Where things are: `sim` (the API and event loop), `queue` (events), `compile` (scenario to
//! tables), `traffic` (arrivals), `flow` (a request's path), `network` (crossings),
//! `balancer` and `health` (load balancing and health checks), `dns`, `app` (a request on a
//! host: process manager, cores), `database` (connections, replicas, failover), `faults`,
//! `recorder` (metrics), `view` (snapshot and dots), `summary` (a run's results),
//! `fingerprint`. Operating the service: `fleet` (a host's life: launch, boot, draining),
//! `autoscale`, `deploy`, `alarms`, `billing` (the cost meter).

mod alarms;
mod app;
mod autoscale;
mod balancer;
mod billing;
mod check;
mod clock;
mod compile;
mod connect;
mod database;
mod deploy;
mod dns;
mod faults;
mod fingerprint;
mod fleet;
mod flow;
mod health;
mod host_view;
mod ingress;
mod log;
mod metrics;
mod network;
mod observation;
mod operations;
mod queue;
mod recorder;
mod request;
mod retry;
mod rng;
mod sim;
mod snapshot;
mod station;
mod summary;
mod tiers;
mod time;
mod topology;
mod traffic;
mod view;

pub use alarms::{AlarmState, AlarmView};
pub use billing::{QUERY_BYTES, REQUEST_BYTES, RESPONSE_BYTES};
pub use deploy::DeploymentView;
pub use host_view::{HostPhase, HostView};
pub use log::{DeployKind, InjectedFault, LogEntry, LogKind, ScaleReason};
pub use metrics::{ComponentTotals, ErrorCause, ErrorCounts, Metrics, SecondStats, Totals};
pub use sim::Sim;
pub use snapshot::{ComponentView, Dot, Health, Snapshot};
pub use summary::{run, ComponentSummary, LatencySummary, Summary};
pub use time::{ms, secs, to_secs, Time, NS_PER_MS, NS_PER_S};

#[cfg(doc)]
use crate::model::Scenario;
