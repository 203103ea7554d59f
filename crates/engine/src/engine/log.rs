//! The event log: what happened, when, to whom. Data only; `i18n` words it for people.

use std::fmt;

use super::{AlarmState, ErrorCause, Time};
use crate::model::FaultAction;

/// One entry in the plain-language event log.
#[derive(Clone, Debug, PartialEq)]
pub struct LogEntry {
    pub time: Time,
    /// Index of the component concerned, in scenario order (None for zone/region-wide events).
    pub component: Option<usize>,
    pub kind: LogKind,
}

/// The fault a [`LogKind::FaultInjected`] entry records, as the action itself so the log can be
/// worded in any language.
///
/// Its `Debug` is the engine's terse English description ("kill app-2"), as the entry carried
/// before: `Sim::fingerprint` hashes the log's `Debug` text, and recorded fingerprints
/// (tests/fixtures, shared runs) must not change because the log became structured.
#[derive(Clone, PartialEq)]
pub struct InjectedFault(pub FaultAction);

impl fmt::Debug for InjectedFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&super::faults::describe(&self.0), f)
    }
}

/// Everything the log can say. Each variant has an English and a Korean wording in `i18n`.
#[derive(Clone, Debug, PartialEq)]
pub enum LogKind {
    /// A fault from the timeline or a click was applied; `i18n` words `what.0` for people.
    FaultInjected {
        what: InjectedFault,
    },
    ServerDown {
        server: u32,
    },
    ServerUp {
        server: u32,
    },
    ProcessCrashed {
        server: u32,
        process: u32,
    },
    ProcessRestarted {
        server: u32,
        process: u32,
    },
    ComponentDown,
    ComponentUp,
    /// A load balancer took a target out after `failures` failed health checks.
    TargetUnhealthy {
        target: usize,
        server: u32,
        failures: u32,
    },
    /// A load balancer put a target back after `passes` passed health checks.
    TargetHealthy {
        target: usize,
        server: u32,
        passes: u32,
    },
    NoHealthyTargets,
    /// DNS stopped (or resumed) answering with a target.
    DnsRemoved {
        target: usize,
    },
    DnsRestored {
        target: usize,
    },
    FailoverStarted {
        standby: usize,
        seconds: f64,
    },
    FailoverDone {
        standby: usize,
    },
    /// First rejection after a quiet period: the queue is full (logged at most once a second).
    QueueFull,
    /// Errors of one cause during the last second, when there were any.
    Errors {
        cause: ErrorCause,
        count: u64,
    },
    ZoneDown {
        region: String,
        zone: String,
    },
    ZoneUp {
        region: String,
        zone: String,
    },
    RegionDown {
        region: String,
    },
    RegionUp {
        region: String,
    },
    Partitioned {
        a: String,
        b: String,
    },
    Healed {
        a: String,
        b: String,
    },
    LatencyAdded {
        a: String,
        b: String,
        ms: f64,
    },
    LatencyCleared {
        a: String,
        b: String,
    },
    /// An auto-scaling group grew or shrank (hosts booting and in service).
    ScaledOut {
        from: u32,
        to: u32,
        reason: ScaleReason,
    },
    ScaledIn {
        from: u32,
        to: u32,
        reason: ScaleReason,
    },
    HostLaunched {
        server: u32,
    },
    /// A booted host entered service (its balancers still check it before sending to it).
    HostInService {
        server: u32,
    },
    /// A host was deregistered and finishes its requests (connection draining).
    HostDraining {
        server: u32,
    },
    HostTerminated {
        server: u32,
    },
    DeploymentStarted {
        kind: DeployKind,
    },
    /// A batch (or the blue/green switch) is done: `done` of `total` hosts replaced.
    DeploymentBatchDone {
        done: u32,
        total: u32,
    },
    DeploymentFinished,
    DeploymentRolledBack {
        alarm: String,
    },
    AlarmStateChanged {
        alarm: String,
        from: AlarmState,
        to: AlarmState,
        /// The datapoint that changed it (0 when there was no data).
        value: f64,
    },
}

/// Why a group scaled.
#[derive(Clone, Debug, PartialEq)]
pub enum ScaleReason {
    /// Target tracking: the tier's busy percent over the last periods.
    Cpu { pct: f64 },
    /// An alarm's scaling action.
    Alarm { alarm: String },
}

/// A deployment strategy, as the log names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeployKind {
    AllAtOnce,
    Rolling,
    BlueGreen,
}
