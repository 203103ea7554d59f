//! Deployments: rolling a new version onto an app tier, and rolling it back.
//!
//! A deployment replaces the hosts of its tier that do not run its target version, by its
//! strategy, and looks at its progress once a second ([`TICK`]):
//! - all at once: every host restarts now (down for `boot_s`, then the balancer's healthy
//!   threshold of checks before traffic): about `boot_s` of outage;
//! - rolling: `batch` hosts at a time are drained (deregistered, finishing their requests),
//!   restart, and must pass their health checks; the next batch starts `pause_s` later;
//! - blue/green: a second fleet of the same size boots (green, receiving nothing); once it is
//!   ready the balancers switch to it (it was checked by its own target group) and the old fleet
//!   drains and stops. Both fleets are billed meanwhile. Without enough free host slots, the
//!   green fleet is as large as the free slots allow.
//!
//! Hosts launched meanwhile (auto-scaling) run the tier's current version; scaling waits while
//! a deployment runs. A rollback (its alarm fired) makes the old version the target and runs
//! the same strategy again over the hosts that changed, at once: hosts booting the new version
//! boot the old one instead (a rolling batch in progress is not waited for, so the hosts that
//! serve the bad version leave first), a green fleet not yet switched to is stopped.

use crate::model::{Deployment, Diagnostic, Esc, Problem, Strategy};

use super::operations::Operations;
use super::tiers::{Tiers, VersionFx};

use super::fleet::{AfterDrain, Life};
use super::log::{DeployKind, LogKind};
use super::queue::Kind;
use super::sim::Sim;
use super::{ms, secs, to_secs, Time, NS_PER_S};

const TICK: Time = NS_PER_S;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Phase {
    Waiting,
    Active,
    Done,
}

pub(super) struct Deploy {
    pub tier: usize,
    pub strategy: Strategy,
    pub rollback_on: Option<String>,
    pub boot: Time,
    /// Version index it deploys, and the one the tier ran before.
    pub new: u32,
    pub old: u32,
    /// The version it currently installs (`old` after a rollback).
    pub target: u32,
    pub phase: Phase,
    pub rolled_back: bool,
    /// Hosts of the step in progress (bit = slot in the tier), and when the next step may start.
    batch: u64,
    next_at: Time,
    /// The first step (all-at-once restarts, blue/green launches) was taken.
    started: bool,
    /// Blue/green: the switch happened.
    switched: bool,
    /// Hosts replaced so far and hosts to replace, for the progress shown.
    pub done: u32,
    pub total: u32,
}

impl Deploy {
    pub fn new(d: &Deployment, tier: usize, new: u32) -> Self {
        Deploy {
            tier,
            strategy: d.strategy.clone(),
            rollback_on: d.rollback_on.clone(),
            boot: secs(d.boot_s),
            new,
            old: 0,
            target: new,
            phase: Phase::Waiting,
            rolled_back: false,
            batch: 0,
            next_at: 0,
            started: false,
            switched: false,
            done: 0,
            total: 0,
        }
    }

    fn kind(&self) -> DeployKind {
        match self.strategy {
            Strategy::AllAtOnce => DeployKind::AllAtOnce,
            Strategy::Rolling { .. } => DeployKind::Rolling,
            Strategy::BlueGreen => DeployKind::BlueGreen,
        }
    }
}

impl Sim {
    pub(super) fn on_deploy_tick(&mut self, d: usize) {
        match self.ops.deploys[d].phase {
            Phase::Done => return,
            Phase::Waiting => self.start_deploy(d),
            Phase::Active => {}
        }
        self.deploy_step(d);
        if self.ops.deploys[d].phase == Phase::Active {
            self.clock.queue.push(self.clock.now + TICK, Kind::DeployTick { dep: d as u32 });
        }
    }

    fn start_deploy(&mut self, d: usize) {
        let a = self.ops.deploys[d].tier;
        let dep = &mut self.ops.deploys[d];
        dep.old = self.tiers.apps[a].version;
        dep.phase = Phase::Active;
        self.tiers.apps[a].version = dep.new;
        let kind = dep.kind();
        self.reset_progress(d);
        let comp = self.tiers.apps[a].comp as usize;
        self.note(Some(comp), LogKind::DeploymentStarted { kind });
    }

    fn reset_progress(&mut self, d: usize) {
        let (a, target) = (self.ops.deploys[d].tier, self.ops.deploys[d].target);
        let total = self.tiers.slots(a).filter(|&h| self.tiers.to_replace(h, target)).count() as u32;
        let dep = &mut self.ops.deploys[d];
        (dep.done, dep.total, dep.batch, dep.next_at) = (0, total, 0, self.clock.now);
        (dep.started, dep.switched) = (false, false);
    }

    /// In service with `target` and healthy at every balancer it is registered with.
    fn settled(&self, h: usize, target: u32) -> bool {
        let host = &self.tiers.hosts[h];
        host.life == Life::InService
            && host.version == target
            && self
                .ingress
                .lbs
                .iter()
                .all(|lb| lb.targets.iter().all(|t| t.host as usize != h || !t.registered || t.check.healthy))
    }

    fn deploy_step(&mut self, d: usize) {
        let (a, target, boot) =
            (self.ops.deploys[d].tier, self.ops.deploys[d].target, self.ops.deploys[d].boot);
        let comp = self.tiers.apps[a].comp as usize;
        let first = self.tiers.apps[a].first_host as usize;
        let bit = |h: usize| 1u64 << (h - first);
        match self.ops.deploys[d].strategy {
            Strategy::AllAtOnce => {
                if !self.ops.deploys[d].started {
                    let hosts: Vec<usize> =
                        self.tiers.slots(a).filter(|&h| self.tiers.to_replace(h, target)).collect();
                    for &h in &hosts {
                        self.boot(h, target, boot);
                        self.ops.deploys[d].batch |= bit(h);
                    }
                    self.ops.deploys[d].started = true;
                }
            }
            Strategy::Rolling { batch, pause_s } => {
                let mask = self.ops.deploys[d].batch;
                if mask != 0 {
                    if !self.tiers.slots(a).all(|h| mask & bit(h) == 0 || self.settled(h, target)) {
                        return;
                    }
                    let dep = &mut self.ops.deploys[d];
                    dep.done += mask.count_ones();
                    (dep.batch, dep.next_at) = (0, self.clock.now + secs(pause_s));
                    let (done, total) = (dep.done, dep.total);
                    self.note(Some(comp), LogKind::DeploymentBatchDone { done, total });
                }
                if self.clock.now < self.ops.deploys[d].next_at {
                    return;
                }
                let hosts: Vec<usize> = self
                    .tiers
                    .slots(a)
                    .filter(|&h| {
                        self.tiers.hosts[h].life == Life::InService && self.tiers.hosts[h].version != target
                    })
                    .take(batch as usize)
                    .collect();
                for &h in &hosts {
                    self.tiers.hosts[h].restart_boot = boot;
                    self.drain(h, AfterDrain::Restart(target));
                    self.ops.deploys[d].batch |= bit(h);
                }
                if !hosts.is_empty() {
                    return;
                }
            }
            Strategy::BlueGreen => {
                if !self.ops.deploys[d].switched {
                    if !self.ops.deploys[d].started {
                        let n = self.tiers.slots(a).filter(|&h| self.tiers.to_replace(h, target)).count();
                        let free: Vec<usize> = self
                            .tiers
                            .slots(a)
                            .filter(|&h| self.tiers.hosts[h].life == Life::Stopped)
                            .take(n)
                            .collect();
                        for &h in &free {
                            self.launch(h, target, boot, true);
                            self.ops.deploys[d].batch |= bit(h);
                        }
                        self.ops.deploys[d].started = true;
                        return;
                    }
                    let mask = self.ops.deploys[d].batch;
                    let green: Vec<usize> = self.tiers.slots(a).filter(|&h| mask & bit(h) != 0).collect();
                    if !green.iter().all(|&h| self.tiers.hosts[h].life == Life::Ready) {
                        return;
                    }
                    for &h in &green {
                        self.ingress.register(h, true);
                        self.enter_service(h);
                    }
                    let old: Vec<usize> = self
                        .tiers
                        .slots(a)
                        .filter(|&h| {
                            self.tiers.hosts[h].life == Life::InService
                                && self.tiers.hosts[h].version != target
                        })
                        .collect();
                    for &h in &old {
                        self.drain(h, AfterDrain::Stop);
                    }
                    let dep = &mut self.ops.deploys[d];
                    dep.switched = true;
                    dep.done = green.len() as u32;
                    let (done, total) = (dep.done, dep.total);
                    self.note(Some(comp), LogKind::DeploymentBatchDone { done, total });
                }
                if self
                    .tiers
                    .slots(a)
                    .any(|h| self.tiers.hosts[h].life.billable() && self.tiers.hosts[h].version != target)
                {
                    return;
                }
            }
        }
        let all = self
            .tiers
            .slots(a)
            .filter(|&h| self.tiers.hosts[h].life.billable())
            .all(|h| self.settled(h, target));
        if all {
            let dep = &mut self.ops.deploys[d];
            dep.phase = Phase::Done;
            dep.done = dep.total;
            self.note(Some(comp), LogKind::DeploymentFinished);
        }
    }

    /// Alarm `id` entered ALARM: the deployments that name it roll back.
    pub(super) fn rollback_on_alarm(&mut self, id: &str) {
        for d in 0..self.ops.deploys.len() {
            let dep = &self.ops.deploys[d];
            if dep.rolled_back || dep.phase == Phase::Waiting || dep.rollback_on.as_deref() != Some(id) {
                continue;
            }
            self.rollback(d, id.to_string());
        }
    }

    fn rollback(&mut self, d: usize, alarm: String) {
        let (a, old) = (self.ops.deploys[d].tier, self.ops.deploys[d].old);
        let comp = self.tiers.apps[a].comp as usize;
        self.note(Some(comp), LogKind::DeploymentRolledBack { alarm });
        for h in self.tiers.slots(a).collect::<Vec<_>>() {
            let host = &mut self.tiers.hosts[h];
            if host.green && host.life.billable() {
                self.terminate(h);
            } else if host.life == Life::Booting {
                host.version = old;
            } else if let (Life::Draining, AfterDrain::Restart(_)) = (host.life, host.after_drain) {
                host.after_drain = AfterDrain::Restart(old);
            }
        }
        self.tiers.apps[a].version = old;
        let was_done = self.ops.deploys[d].phase == Phase::Done;
        let dep = &mut self.ops.deploys[d];
        dep.rolled_back = true;
        dep.target = old;
        dep.phase = Phase::Active;
        // The batch in progress is not waited for (its hosts now boot the old version): the
        // hosts serving the bad version are the first to go.
        self.reset_progress(d);
        if was_done {
            self.clock.queue.push(self.clock.now, Kind::DeployTick { dep: d as u32 });
        }
    }
}

impl Operations {
    /// A deployment on tier `a` is running.
    pub fn deploying(&self, a: usize) -> bool {
        self.deploys.iter().any(|d| d.tier == a && d.phase == Phase::Active)
    }
}

impl Tiers {
    /// A host in service (or on its way) that does not run `target`.
    fn to_replace(&self, h: usize, target: u32) -> bool {
        let host = &self.hosts[h];
        host.version != target && matches!(host.life, Life::InService | Life::Booting) && !host.green
    }
}

/// Most deployments a run holds, as `model::validate` allows in a scenario.
const MAX_DEPLOYMENTS: usize = 50;

impl Sim {
    /// Adds a deployment to the running simulation (the UI's "Deploy now") at `d.at_s`, which
    /// must not be in the past. It runs exactly as if the scenario had listed it last from the
    /// start, so recording it at the end of `Scenario::deployments` replays the same run with
    /// the same seed. Refused (nothing changes): an unknown tier, out-of-range numbers, an
    /// unknown rollback alarm, and blue/green on a tier compiled without room for a second
    /// fleet (the host slots are fixed when the run starts; schedule it in the scenario instead).
    /// A refusal is a [`Diagnostic`] at `deployment.<field>`, so the UI words it as it words
    /// validation's.
    pub fn deploy(&mut self, d: &Deployment) -> Result<(), Diagnostic> {
        let refuse = |field: &str, problem| Err(Diagnostic { path: format!("deployment.{field}"), problem });
        let tier = self.topo.app_tier(&d.tier);
        let Some(tier) = tier else {
            return refuse("tier", Problem::NotAnAppServer(d.tier.esc()));
        };
        if !d.at_s.is_finite() || secs(d.at_s) < self.clock.now {
            return refuse("at_s", Problem::BeforeNow(to_secs(self.clock.now)));
        }
        let in_range = |x: f64, hi: f64| match x {
            x if !x.is_finite() => Some(Problem::NotFinite),
            x if !(0.0..=hi).contains(&x) => Some(Problem::OutOfRange { lo: 0.0, hi, got: x }),
            _ => None,
        };
        let service_ms = crate::model::LIMITS.service_ms;
        let ranges = [
            ("boot_s", d.boot_s, 3600.0),
            ("version.error_rate", d.version.error_rate, 1.0),
            ("version.extra_ms", d.version.extra_ms, service_ms),
        ];
        for (field, x, hi) in ranges {
            if let Some(problem) = in_range(x, hi) {
                return refuse(field, problem);
            }
        }
        match d.strategy {
            Strategy::Rolling { batch, pause_s } => {
                let max = crate::model::LIMITS.count;
                if batch == 0 || batch > max {
                    let (hi, got) = (max.into(), batch.into());
                    return refuse("strategy.batch", Problem::OutOfRange { lo: 1.0, hi, got });
                }
                if let Some(problem) = in_range(pause_s, 3600.0) {
                    return refuse("strategy.pause_s", problem);
                }
            }
            Strategy::BlueGreen => {
                let reserved = self
                    .ops
                    .deploys
                    .iter()
                    .any(|x| x.tier == tier && matches!(x.strategy, Strategy::BlueGreen));
                if !reserved {
                    return refuse("strategy", Problem::NoRoomForSecondFleet(d.tier.esc()));
                }
            }
            Strategy::AllAtOnce => {}
        }
        if let Some(alarm) = &d.rollback_on {
            if !self.ops.alarms.iter().any(|a| a.spec.id == *alarm) {
                return refuse("rollback_on", Problem::NoSuchAlarm(alarm.esc()));
            }
        }
        if self.ops.deploys.len() >= MAX_DEPLOYMENTS {
            let problem = Problem::TooManyDeployments(MAX_DEPLOYMENTS);
            return Err(Diagnostic { path: "deployments".into(), problem });
        }
        self.tiers
            .versions
            .push(VersionFx { error_rate: d.version.error_rate, extra_ns: ms(d.version.extra_ms) });
        let new = self.tiers.versions.len() as u32 - 1;
        self.ops.deploys.push(Deploy::new(d, tier, new));
        let dep = self.ops.deploys.len() as u32 - 1;
        self.clock.queue.push(secs(d.at_s), Kind::DeployTick { dep });
        Ok(())
    }
}

/// A deployment as the UI shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct DeploymentView {
    /// The tier's component index.
    pub tier: usize,
    pub kind: DeployKind,
    /// Started and not finished.
    pub active: bool,
    pub finished: bool,
    pub rolled_back: bool,
    /// Hosts replaced so far, of `total`.
    pub done: u32,
    pub total: u32,
}

impl Sim {
    /// Every deployment of the scenario, in order.
    pub fn deployments(&self) -> Vec<DeploymentView> {
        self.ops
            .deploys
            .iter()
            .map(|d| DeploymentView {
                tier: self.tiers.apps[d.tier].comp as usize,
                kind: d.kind(),
                active: d.phase == Phase::Active,
                finished: d.phase == Phase::Done,
                rolled_back: d.rolled_back,
                done: d.done,
                total: d.total,
            })
            .collect()
    }
}
