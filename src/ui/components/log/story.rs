//! The failure story in the event log and on the canvas, from the engine's log as data.
//!
//! The engine logs failures once a second per cause ("N requests failed in the last second"),
//! which buried the lines that tell what happened: a second of those lines each second pushed
//! "db-1 is down: promoting standby-1, which takes about 60 s" out of sight within three
//! seconds. [`fold`] turns each unbroken run of those per-second lines (same component, same
//! cause) into one live row, "failing: 298/s for 12 s, connection refused" (and keeps only the
//! newest of a run of a component's once-a-second "queue full" lines), and [`phase`] marks
//! the lines of the story (failure, detection, failover or removal, recovery) so the log shows
//! them apart. [`promotions`] tells the canvas which standby is being promoted, and until when;
//! [`detections`] which dead component a health check has yet to notice, and by when at most.
//! Pure functions of the log: tested natively (`tests/ui_log_story.rs`).

use crate::engine::{secs, ErrorCause, LogEntry, LogKind, Time};
use crate::model::{Kind, Scenario};

/// Per-second failure lines further apart than this start a new run.
const RUN_GAP: Time = 1_500_000_000;

/// A step of the failure story a log line tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Something broke (a kill, a crash, a zone or region down, a partition).
    Failure,
    /// A health check noticed: a balancer took a target out, or found none healthy.
    Detection,
    /// The system routed around it: a standby promotion began, DNS removed a target.
    Failover,
    /// Back: the component, zone or target returned, or the promotion finished.
    Recovery,
}

/// The phase of one log line, if it is part of the story (not per-second counts, nor
/// scaling and deployments).
pub fn phase(kind: &LogKind) -> Option<Phase> {
    use LogKind::*;
    Some(match kind {
        FaultInjected { .. }
        | ServerDown { .. }
        | ProcessCrashed { .. }
        | ComponentDown
        | ZoneDown { .. }
        | RegionDown { .. }
        | Partitioned { .. }
        | LatencyAdded { .. } => Phase::Failure,
        TargetUnhealthy { .. } | NoHealthyTargets => Phase::Detection,
        FailoverStarted { .. } | DnsRemoved { .. } => Phase::Failover,
        ServerUp { .. }
        | ProcessRestarted { .. }
        | ComponentUp
        | ZoneUp { .. }
        | RegionUp { .. }
        | Healed { .. }
        | LatencyCleared { .. }
        | TargetHealthy { .. }
        | DnsRestored { .. }
        | FailoverDone { .. } => Phase::Recovery,
        _ => return None,
    })
}

/// A run of per-second failure lines of one component (or of the whole design) and one cause.
#[derive(Clone, Debug, PartialEq)]
pub struct Failing {
    pub component: Option<usize>,
    pub cause: ErrorCause,
    /// Failures in the newest second of the run.
    pub per_s: u64,
    /// Time of the first and the newest line of the run.
    pub since: Time,
    pub until: Time,
    /// Failures over the whole run.
    pub total: u64,
}

impl Failing {
    /// How long the run has lasted, in whole seconds (a run of one line lasted one second).
    pub fn seconds(&self) -> u64 {
        (self.until - self.since) / secs(1.0) + 1
    }
}

/// One row of the event log.
#[derive(Clone, Debug, PartialEq)]
pub enum Row {
    Entry(LogEntry),
    Failing(Failing),
}

impl Row {
    /// The time the row is sorted and shown by: its newest line.
    pub fn time(&self) -> Time {
        match self {
            Row::Entry(e) => e.time,
            Row::Failing(f) => f.until,
        }
    }
}

/// The log's rows, newest first: every line as it is, except that each unbroken run of
/// per-second failure lines of one component and one cause becomes one [`Row::Failing`] at the
/// place of its newest line, and of each run of a component's "queue full" lines only the
/// newest stays. `entries` are in log order (oldest first).
pub fn fold(entries: &[LogEntry]) -> Vec<Row> {
    let mut rows: Vec<Row> = Vec::new();
    // The open run of each (component, cause): its row's index.
    let mut open: Vec<((Option<usize>, ErrorCause), usize)> = Vec::new();
    for e in without_repeated_queue_full(entries) {
        let LogKind::Errors { cause, count } = e.kind else {
            rows.push(Row::Entry(e.clone()));
            continue;
        };
        let key = (e.component, cause);
        let run = open.iter().position(|(k, _)| *k == key);
        let continues = run.and_then(|r| match &rows[open[r].1] {
            Row::Failing(f) if e.time.saturating_sub(f.until) <= RUN_GAP => Some(r),
            _ => None,
        });
        match continues {
            Some(r) => {
                // The run moves to the top: its row is the newest line's.
                let Row::Failing(mut f) = rows.remove(open[r].1) else {
                    unreachable!("open runs are Failing rows")
                };
                let at = open[r].1;
                for (_, i) in &mut open {
                    if *i > at {
                        *i -= 1;
                    }
                }
                f.per_s = count;
                f.until = e.time;
                f.total += count;
                rows.push(Row::Failing(f));
                open[r].1 = rows.len() - 1;
            }
            None => {
                rows.push(Row::Failing(Failing {
                    component: e.component,
                    cause,
                    per_s: count,
                    since: e.time,
                    until: e.time,
                    total: count,
                }));
                match run {
                    Some(r) => open[r].1 = rows.len() - 1,
                    None => open.push((key, rows.len() - 1)),
                }
            }
        }
    }
    rows.reverse();
    rows
}

/// `entries` without the "queue full" lines that a newer one of the same component follows
/// within [`RUN_GAP`]. The engine repeats that line once a second while a queue stays full: a
/// tier whose workers all hang on a dead database for a whole failover would otherwise bury the
/// failover's own lines under one row a second per tier.
fn without_repeated_queue_full(entries: &[LogEntry]) -> Vec<&LogEntry> {
    // The oldest line seen so far of each component's newest run (walking back in time).
    let mut newer: Vec<(Option<usize>, Time)> = Vec::new();
    let mut kept: Vec<&LogEntry> = entries
        .iter()
        .rev()
        .filter(|e| {
            if !matches!(e.kind, LogKind::QueueFull) {
                return true;
            }
            match newer.iter_mut().find(|(c, _)| *c == e.component) {
                Some((_, t)) => {
                    let repeated = t.saturating_sub(e.time) <= RUN_GAP;
                    *t = e.time;
                    !repeated
                }
                None => {
                    newer.push((e.component, e.time));
                    true
                }
            }
        })
        .collect();
    kept.reverse();
    kept
}

/// What the canvas says over a standby: being promoted until a time, or promoted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Promotion {
    Until(Time),
    Done,
}

/// The standbys (scenario indices) that a failover is promoting or has promoted, from the
/// log in log order: the newest word on each wins.
pub fn promotions(entries: &[LogEntry]) -> Vec<(usize, Promotion)> {
    let mut out: Vec<(usize, Promotion)> = Vec::new();
    for e in entries {
        let (standby, p) = match e.kind {
            LogKind::FailoverStarted { standby, seconds } => {
                (standby, Promotion::Until(e.time + secs(seconds)))
            }
            LogKind::FailoverDone { standby } => (standby, Promotion::Done),
            _ => continue,
        };
        out.retain(|(s, _)| *s != standby);
        out.push((standby, p));
    }
    out
}

/// How long a checker (a load balancer or DNS with its health check) takes at most to notice a
/// dead target: `unhealthy_threshold` failed checks, `interval_s` apart, the last one timing out.
fn detection_time(kind: &Kind) -> Option<Time> {
    let h = match kind {
        Kind::LoadBalancer(lb) => &lb.health_check,
        Kind::Dns(d) => &d.health_check,
        _ => return None,
    };
    Some(secs(h.interval_s * f64::from(h.unhealthy_threshold) + h.timeout_s))
}

/// The components whose failure a health check has yet to notice, each with the latest time
/// by which its checkers will have (scenario index, deadline). A component or server going
/// down starts a wait at every checker linked to it; the checker's "target unhealthy" (or
/// DNS's "removed") line, or the target coming back, ends it.
pub fn detections(entries: &[LogEntry], s: &Scenario) -> Vec<(usize, Time)> {
    // (target, checker, deadline)
    let mut waits: Vec<(usize, usize, Time)> = Vec::new();
    let index = |id: &str| s.components.iter().position(|c| c.id == id);
    for e in entries {
        match (&e.kind, e.component) {
            (LogKind::ComponentDown | LogKind::ServerDown { .. }, Some(target)) => {
                let Some(id) = s.components.get(target).map(|c| c.id.as_str()) else { continue };
                for l in s.links.iter().filter(|l| l.to == id) {
                    let Some(checker) = index(&l.from) else { continue };
                    let Some(wait) = detection_time(&s.components[checker].kind) else { continue };
                    waits.retain(|w| !(w.0 == target && w.1 == checker));
                    waits.push((target, checker, e.time + wait));
                }
            }
            (LogKind::TargetUnhealthy { target, .. } | LogKind::DnsRemoved { target }, Some(checker)) => {
                waits.retain(|w| !(w.0 == *target && w.1 == checker));
            }
            (LogKind::ComponentUp | LogKind::ServerUp { .. }, Some(target)) => {
                waits.retain(|w| w.0 != target)
            }
            _ => {}
        }
    }
    let mut out: Vec<(usize, Time)> = Vec::new();
    for (target, _, until) in waits {
        match out.iter_mut().find(|(t, _)| *t == target) {
            Some((_, u)) => *u = (*u).max(until),
            None => out.push((target, until)),
        }
    }
    out
}
