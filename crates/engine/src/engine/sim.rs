//! The simulation: public API and the event loop.
//!
//! Semantics in brief (each file documents its part): time is integer nanoseconds; events are
//! ordered by (time, insertion counter); component index = position in
//! `Scenario::components`. Timeouts are lazy: there is no timer per request. A request that
//! ends after its client's timeout counts as `Timeout`, and a request taken from a queue
//! (backlog or database connection queue) after its deadline is dropped as `Timeout`.

use crate::model::{validate, Diagnostic, FaultAction, Problem, Scenario, Traffic};

use super::app::{App, Host};
use super::balancer::Lb;
use super::database::{Db, Group};
use super::dns::Dns;
use super::network::Network;
use super::queue::{EventQueue, Kind};
use super::recorder::Recorder;
use super::request::Slab;
use super::rng::Rng;
use super::traffic::Client;
use super::{Dot, LogEntry, LogKind, Metrics, Snapshot, Time};

/// What a component is in the engine's tables (the index into the table of its kind).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Role {
    Clients(u32),
    Dns(u32),
    Lb(u32),
    App(u32),
    Db(u32),
}

pub(super) struct Comp {
    pub role: Role,
    pub zone: u32,
    pub region: u32,
    pub killed: bool,
    /// Cached liveness of clients, DNS and balancers (tiers and databases keep their own).
    pub up: bool,
}

pub(super) struct ZoneInfo {
    pub region: u32,
    pub name: String,
}

/// A running simulation of one scenario with one seed.
pub struct Sim {
    pub(super) now: Time,
    pub(super) queue: EventQueue,
    pub(super) rng: Rng,
    pub(super) slab: Slab,
    pub(super) rec: Recorder,
    pub(super) log: Vec<LogEntry>,
    pub(super) ids: Vec<String>,
    pub(super) comps: Vec<Comp>,
    pub(super) regions: Vec<String>,
    pub(super) zones: Vec<ZoneInfo>,
    pub(super) zone_down: Vec<bool>,
    pub(super) region_down: Vec<bool>,
    pub(super) net: Network,
    pub(super) clients: Vec<Client>,
    pub(super) dnss: Vec<Dns>,
    pub(super) lbs: Vec<Lb>,
    pub(super) apps: Vec<App>,
    pub(super) hosts: Vec<Host>,
    pub(super) dbs: Vec<Db>,
    pub(super) groups: Vec<Group>,
    pub(super) traffic: Traffic,
    pub(super) timeline: Vec<FaultAction>,
    pub(super) events: u64,
    /// Requests born and ended (completed or failed) since the start, for `in_flight`.
    pub(super) born: u64,
    pub(super) done: u64,
    pub(super) last_queue_full: Vec<Time>,
    /// Effects of each version (0: the scenario's own code; then one per deployment).
    pub(super) versions: Vec<VersionFx>,
    pub(super) alarms: Vec<super::alarms::AlarmRun>,
    pub(super) deploys: Vec<super::deploy::Deploy>,
    pub(super) xfer: super::billing::Transfer,
}

/// How requests served by a version behave.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct VersionFx {
    pub error_rate: f64,
    pub extra_ns: Time,
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
        self.now
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
            let t = self.queue.peek_time().unwrap_or(Time::MAX);
            let b = self.rec.next_boundary();
            if b <= t && b <= until {
                self.cross(b);
                continue;
            }
            if t > until {
                break;
            }
            let Some(ev) = self.queue.pop() else { break };
            self.now = ev.time;
            self.events += 1;
            n += 1;
            self.dispatch(ev.kind);
        }
        let finished = self.queue.peek_time().is_none_or(|t| t > until);
        if finished && until > self.now {
            self.now = until;
        }
        self.rec.refresh(self.now);
        n
    }

    /// Crosses the boundaries at or before `t` (at most one second's end when `t` is the next
    /// boundary), then runs what happens at a second's end: alarms and scaling policies.
    fn cross(&mut self, t: Time) {
        let before = self.rec.second_start;
        let now = self.now;
        for (at, cause, count) in self.rec.cross(t) {
            self.now = at;
            self.note(None, LogKind::Errors { cause, count });
        }
        self.now = now;
        if self.rec.second_start != before {
            self.now = self.now.max(self.rec.second_start);
            let second = self.rec.second_start / super::NS_PER_S - 1;
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
                let action = self.timeline[index as usize].clone();
                // Timeline faults were validated with the scenario; a failure cannot happen.
                let _ = self.apply_fault(&action);
            }
        }
    }

    /// The time of the next pending event, if any.
    pub fn next_event_time(&self) -> Option<Time> {
        self.queue.peek_time()
    }

    /// Applies a fault now (a click in the UI). Timeline faults are applied by the engine itself.
    /// A target that does not exist is refused with the [`Problem`], and nothing changes.
    pub fn inject(&mut self, action: &FaultAction) -> Result<(), Problem> {
        let r = self.apply_fault(action);
        self.rec.refresh(self.now);
        r
    }

    /// Changes the traffic profile from now on (the rate slider), keeping everything else.
    pub fn set_traffic(&mut self, traffic: &Traffic) {
        self.change_traffic(traffic);
    }

    /// Starts the measurement window at `t` (a warm-up cut): totals count only requests born
    /// at or after it. The window restarts (totals are cleared); a `t` in the past means now.
    pub fn set_measure_from(&mut self, t: Time) {
        self.rec.set_measure_from(t.max(self.now));
        if self.rec.metrics.measure_from <= self.now {
            self.cross(self.now);
        }
        self.rec.refresh(self.now);
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
        &self.rec.metrics
    }

    pub fn log(&self) -> &[LogEntry] {
        &self.log
    }

    /// Events processed since the start (for benchmarks).
    pub fn events_processed(&self) -> u64 {
        self.events
    }

    /// Requests currently in the system (born, neither completed nor failed).
    pub fn in_flight(&self) -> u64 {
        self.born - self.done
    }

    /// Requests born since the start (all, not only those in the measurement window).
    pub fn born_total(&self) -> u64 {
        self.born
    }

    /// Component ids in scenario order (index = position).
    pub fn component_ids(&self) -> &[String] {
        &self.ids
    }

    /// Whether component `c` is up: not killed and, for what runs in the cloud, its zone and
    /// region up. Client populations (users near a zone) and DNS (a global service) are not
    /// inside a zone's failure domain: a zone or region failure leaves them running.
    pub(super) fn comp_up(&self, c: usize) -> bool {
        let comp = &self.comps[c];
        if comp.killed {
            return false;
        }
        matches!(comp.role, Role::Clients(_) | Role::Dns(_))
            || (!self.zone_down[comp.zone as usize] && !self.region_down[comp.region as usize])
    }
}
