//! The simulation: public API and the event loop.
//!
//! Semantics in brief (each file documents its part): time is integer nanoseconds; events are
//! ordered by (time, insertion counter); component index = position in
//! `Scenario::components`. Timeouts are lazy: there is no timer per request. A request that
//! ends after its client's timeout counts as `Timeout`, and a request taken from a queue
//! (backlog or database connection queue) after its deadline is dropped as `Timeout`.

use crate::model::{validate, Diagnostic, FaultAction, Problem, Scenario, Traffic};

use super::clock::Clock;
use super::database::Databases;
use super::ingress::Ingress;
use super::observation::Observation;
use super::operations::Operations;
use super::queue::Kind;
use super::request::Slab;
use super::tiers::Tiers;
use super::topology::Topology;
use super::{Dot, LogEntry, LogKind, Metrics, Snapshot, Time};

/// A running simulation of one scenario with one seed.
///
/// Its state is kept in owned parts, each with its own methods, so that a handler touches only
/// what it owns and a reader can tell from a signature what a change may affect (the way
/// quinn-proto's `Connection` keeps its packet spaces, streams and paths). A handler that must
/// cross parts (a request's path goes through several) is a method on `Sim` and says so by
/// naming each part it reaches into.
pub struct Sim {
    /// Simulated time, the pending events in (time, insertion) order, and the seeded stream.
    pub(super) clock: Clock,
    /// The requests alive now (a slab indexed by request id).
    pub(super) slab: Slab,
    /// What is where: components, zones, regions, their failures, and the network between.
    pub(super) topo: Topology,
    /// How requests reach the tiers: client populations and their traffic, DNS, balancers.
    pub(super) ingress: Ingress,
    /// App tiers, their host slots, and the versions of code the hosts run.
    pub(super) tiers: Tiers,
    /// The data tier: databases and their primary/standby groups.
    pub(super) data: Databases,
    /// Operating the service: the fault timeline, deployments and alarms.
    pub(super) ops: Operations,
    /// What the run measured: the recorder, the event log, request counts and transfer bytes.
    pub(super) obs: Observation,
}

impl Sim {
    /// Compiles a validated scenario into the engine's dense form. Invalid scenarios return
    /// their diagnostics; this never panics.
    pub fn new(scenario: &Scenario, seed: u64) -> Result<Sim, Vec<Diagnostic>> {
        let d = validate(scenario);
        if !d.is_empty() {
            return Err(d);
        }
        Ok(super::compile::build(scenario, seed))
    }

    /// Current simulated time.
    pub fn now(&self) -> Time {
        self.clock.now
    }

    /// Processes every event at or before `t`, then sets the clock to `t`.
    pub fn advance_to(&mut self, t: Time) {
        self.advance(t, u64::MAX);
    }

    /// Processes events up to `until` but at most `max_events` of them; returns how many were
    /// processed. When the budget runs out first, the clock stops at the last event processed.
    ///
    /// Boundaries (second ends, the window start) are crossed one at a time, before any event
    /// at or after them, because what runs at a second's end (alarms, scaling) may schedule
    /// events before the next one.
    pub fn advance(&mut self, until: Time, max_events: u64) -> u64 {
        let mut n = 0;
        while n < max_events {
            let t = self.clock.queue.peek_time().unwrap_or(Time::MAX);
            let b = self.obs.rec.next_boundary();
            if b <= t && b <= until {
                self.cross(b);
                continue;
            }
            if t > until {
                break;
            }
            let Some(ev) = self.clock.queue.pop() else { break };
            self.clock.now = ev.time;
            self.clock.events += 1;
            n += 1;
            self.dispatch(ev.kind);
        }
        let finished = self.clock.queue.peek_time().is_none_or(|t| t > until);
        if finished && until > self.clock.now {
            self.clock.now = until;
        }
        self.obs.rec.refresh(self.clock.now);
        n
    }

    /// Crosses the boundaries at or before `t` (at most one second's end when `t` is the next
    /// boundary), then runs what happens at a second's end: alarms and scaling policies.
    fn cross(&mut self, t: Time) {
        let before = self.obs.rec.second_start;
        let now = self.clock.now;
        for (at, cause, count) in self.obs.rec.cross(t) {
            self.clock.now = at;
            self.note(None, LogKind::Errors { cause, count });
        }
        self.clock.now = now;
        if self.obs.rec.second_start != before {
            self.clock.now = self.clock.now.max(self.obs.rec.second_start);
            let second = self.obs.rec.second_start / super::NS_PER_S - 1;
            self.alarms_second(second);
            self.autoscale_second(second);
        }
    }

    fn dispatch(&mut self, kind: Kind) {
        match kind {
            Kind::Arrival { client, gen } => self.on_arrival(client as usize, gen),
            Kind::Hop { req, gen } => self.on_hop(req, gen),
            Kind::CoreDone { req, gen } => self.on_core_done(req, gen),
            Kind::QueryDone { req, gen } => self.on_query_done(req, gen),
            Kind::ConnectTimeout { req, gen } => self.on_connect_timeout(req, gen),
            Kind::Retry { req, gen } => self.on_retry(req, gen),
            Kind::LbTick { lb } => self.on_lb_tick(lb as usize),
            Kind::LbFails { lb } => self.on_lb_fails(lb as usize),
            Kind::DnsTick { dns } => self.on_dns_tick(dns as usize),
            Kind::DnsFails { dns } => self.on_dns_fails(dns as usize),
            Kind::Restart { host, proc, gen } => self.restart_process(host as usize, proc, Some(gen)),
            Kind::FailoverDone { group, gen } => self.on_failover_done(group as usize, gen),
            Kind::BootDone { host, gen } => self.on_boot_done(host as usize, gen),
            Kind::DrainCheck { host, gen } => self.on_drain_check(host as usize, gen),
            Kind::DeployTick { dep } => self.on_deploy_tick(dep as usize),
            Kind::Fault { index } => {
                let action = self.ops.timeline[index as usize].clone();
                // Timeline faults were validated with the scenario; a failure cannot happen.
                let _ = self.apply_fault(&action);
            }
        }
    }

    /// The time of the next pending event, if any.
    pub fn next_event_time(&self) -> Option<Time> {
        self.clock.queue.peek_time()
    }

    /// Applies a fault now (a click in the UI). Timeline faults are applied by the engine itself.
    /// A target that does not exist is refused with the [`Problem`], and nothing changes.
    pub fn inject(&mut self, action: &FaultAction) -> Result<(), Problem> {
        let r = self.apply_fault(action);
        self.obs.rec.refresh(self.clock.now);
        r
    }

    /// Changes the traffic profile from now on (the rate slider), keeping everything else.
    pub fn set_traffic(&mut self, traffic: &Traffic) {
        self.change_traffic(traffic);
    }

    /// Starts the measurement window at `t` (a warm-up cut): totals count only requests born
    /// at or after it. The window restarts (totals are cleared); a `t` in the past means now.
    pub fn set_measure_from(&mut self, t: Time) {
        self.obs.rec.set_measure_from(t.max(self.clock.now));
        if self.obs.rec.metrics.measure_from <= self.clock.now {
            self.cross(self.clock.now);
        }
        self.obs.rec.refresh(self.clock.now);
    }

    pub fn snapshot(&self) -> Snapshot {
        self.build_snapshot()
    }

    /// Up to `max` requests in flight on the wire, sampled evenly when there are more, and the
    /// total number in flight on the wire.
    pub fn dots(&self, max: usize) -> (Vec<Dot>, usize) {
        self.build_dots(max)
    }

    pub fn metrics(&self) -> &Metrics {
        &self.obs.rec.metrics
    }

    pub fn log(&self) -> &[LogEntry] {
        &self.obs.log
    }

    /// Events processed since the start (for benchmarks).
    pub fn events_processed(&self) -> u64 {
        self.clock.events
    }

    /// Requests currently in the system (born, neither completed nor failed).
    pub fn in_flight(&self) -> u64 {
        self.obs.born - self.obs.done
    }

    /// Requests born since the start (all, not only those in the measurement window).
    pub fn born_total(&self) -> u64 {
        self.obs.born
    }

    /// Component ids in scenario order (index = position).
    pub fn component_ids(&self) -> &[String] {
        &self.topo.ids
    }
}
