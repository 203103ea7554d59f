//! The simulation: public API. (Stub: the engine helper replaces the body, not the signatures.)

use crate::model::{validate, Diagnostic, FaultAction, Scenario, Traffic};

use super::{Dot, LogEntry, Metrics, Snapshot, Time};

/// A running simulation of one scenario with one seed.
pub struct Sim {
    now: Time,
    metrics: Metrics,
}

impl Sim {
    /// Compiles a validated scenario into the engine's dense form. Invalid scenarios return
    /// their diagnostics; this never panics.
    pub fn new(scenario: &Scenario, seed: u64) -> Result<Sim, Vec<Diagnostic>> {
        let d = validate(scenario);
        if !d.is_empty() {
            return Err(d);
        }
        let _ = seed;
        Ok(Sim {
            now: 0,
            metrics: Metrics {
                measure_from: 0,
                totals: super::Totals {
                    arrived: 0,
                    completed: 0,
                    failed: 0,
                    errors: Default::default(),
                    latency_us: hdrhistogram::Histogram::new(3).expect("3 significant figures is valid"),
                    latency_sum_s: 0.0,
                    components: Vec::new(),
                },
                series: Default::default(),
            },
        })
    }

    /// Current simulated time.
    pub fn now(&self) -> Time {
        self.now
    }

    /// Processes every event at or before `t`, then sets the clock to `t`.
    pub fn advance_to(&mut self, t: Time) {
        self.now = self.now.max(t);
    }

    /// Processes events up to `until` but at most `max_events` of them; returns how many were
    /// processed. When the budget runs out first, the clock stops at the last event processed.
    pub fn advance(&mut self, until: Time, max_events: u64) -> u64 {
        let _ = max_events;
        self.advance_to(until);
        0
    }

    /// The time of the next pending event, if any.
    pub fn next_event_time(&self) -> Option<Time> {
        None
    }

    /// Applies a fault now (a click in the UI). Timeline faults are applied by the engine itself.
    pub fn inject(&mut self, action: &FaultAction) -> Result<(), String> {
        let _ = action;
        Ok(())
    }

    /// Changes the traffic profile from now on (the rate slider), keeping everything else.
    pub fn set_traffic(&mut self, traffic: &Traffic) {
        let _ = traffic;
    }

    /// Starts the measurement window at `t` (a warm-up cut): totals count only requests born
    /// at or after it.
    pub fn set_measure_from(&mut self, t: Time) {
        let _ = t;
    }

    pub fn snapshot(&self) -> Snapshot {
        Snapshot::default()
    }

    /// Up to `max` requests in flight on the wire, sampled evenly when there are more, and the
    /// total number in flight on the wire.
    pub fn dots(&self, max: usize) -> (Vec<Dot>, usize) {
        let _ = max;
        (Vec::new(), 0)
    }

    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    pub fn log(&self) -> &[LogEntry] {
        &[]
    }

    /// Events processed since the start (for benchmarks).
    pub fn events_processed(&self) -> u64 {
        0
    }

    /// Requests currently in the system (born, neither completed nor failed).
    pub fn in_flight(&self) -> u64 {
        0
    }
}
