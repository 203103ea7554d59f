//! Observation: what the run measured, kept apart from what it simulates.
//!
//! The recorder (totals, gauges, the per-second series), the event log, the counts of requests
//! born and ended, and the bytes that crossed zones for the cost meter. Handlers write here;
//! nothing the simulation decides reads it back, except the alarms and auto-scaling, which
//! read the metrics as CloudWatch would.

use super::billing::Transfer;
use super::log::{LogEntry, LogKind};
use super::recorder::Recorder;
use super::sim::Sim;
use super::{Time, NS_PER_S};

/// Longest event log kept; older entries are dropped in halves beyond it.
const LOG_CAP: usize = 20_000;

pub(super) struct Observation {
    pub rec: Recorder,
    pub log: Vec<LogEntry>,
    /// When each component last logged a full queue (`u64::MAX`: never).
    pub last_queue_full: Vec<Time>,
    /// Requests born and ended (completed or failed) since the start, for `in_flight`.
    pub born: u64,
    pub done: u64,
    pub xfer: Transfer,
}

impl Observation {
    /// Logs a full queue at `comp`, at most once per simulated second.
    pub fn queue_full(&mut self, now: Time, comp: usize) {
        let last = self.last_queue_full[comp];
        if last == u64::MAX || now >= last + NS_PER_S {
            self.last_queue_full[comp] = now;
            self.note(now, Some(comp), LogKind::QueueFull);
        }
    }

    pub fn note(&mut self, time: Time, component: Option<usize>, kind: LogKind) {
        if self.log.len() >= LOG_CAP {
            self.log.drain(..LOG_CAP / 2);
        }
        self.log.push(LogEntry { time, component, kind });
    }
}

impl Sim {
    /// Logs a full queue at `comp` now, at most once per simulated second.
    pub(super) fn queue_full(&mut self, comp: usize) {
        self.obs.queue_full(self.clock.now, comp);
    }

    /// Logs `kind` now.
    pub(super) fn note(&mut self, component: Option<usize>, kind: LogKind) {
        self.obs.note(self.clock.now, component, kind);
    }
}
