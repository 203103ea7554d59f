//! Load balancers: target selection (round robin, least connections, random, power of two
//! choices, weighted) and their health-check timer.
//!
//! A balancer has no service time (it never saturates) but it is a component that can die.
//! Its targets are every host of every app tier it links to, in link order. It sends only to
//! targets it believes healthy; a target that died but is not yet detected still receives
//! requests, which fail `Refused`. With no healthy target it answers `NoHealthyTarget`, or,
//! with `fail_open`, spreads over all targets as an AWS ALB does.

use crate::model::LbAlgorithm;

use super::health::{Check, Settings, Transition};
use super::log::LogKind;
use super::queue::Kind;
use super::request::NONE;
use super::rng::Rng;
use super::sim::Sim;

#[derive(Clone, Debug)]
pub(super) struct Target {
    /// App tier index and global host index.
    pub app: u32,
    pub host: u32,
    pub weight: u32,
    /// Requests sent to it and not yet answered through this balancer.
    pub active: u32,
    /// Smooth weighted round robin state.
    pub current: i64,
    pub check: Check,
    /// In the target group: a stopped, booting-green or draining host is not.
    pub registered: bool,
}

pub(super) struct Lb {
    pub comp: u32,
    pub algorithm: LbAlgorithm,
    pub health: Settings,
    pub fail_open: bool,
    pub targets: Vec<Target>,
    pub rr: u32,
    /// Registered targets it considers healthy.
    pub healthy: u32,
    /// Connection draining: how long a deregistered target may keep its requests.
    pub drain_delay: super::Time,
}

impl Lb {
    /// Chooses a target for a new request, or None when there is nothing to send to.
    pub fn pick(&mut self, rng: &mut Rng) -> Option<usize> {
        let lb = &*self;
        let n = lb.targets.len();
        if n == 0 {
            return None;
        }
        let all = lb.healthy == 0;
        if all && !lb.fail_open {
            return None;
        }
        let count =
            if all { lb.targets.iter().filter(|t| t.registered).count() } else { lb.healthy as usize };
        if count == 0 {
            return None;
        }
        let start = lb.rr as usize % n;
        let pick = match lb.algorithm {
            LbAlgorithm::RoundRobin => (0..n).map(|k| (start + k) % n).find(|&i| lb.eligible(i, all)),
            LbAlgorithm::LeastConnections => (0..n)
                .map(|k| (start + k) % n)
                .filter(|&i| lb.eligible(i, all))
                .min_by_key(|&i| lb.targets[i].active),
            LbAlgorithm::Random => {
                let k = rng.below(count as u32) as usize;
                let lb = &*self;
                (0..n).filter(|&i| lb.eligible(i, all)).nth(k)
            }
            LbAlgorithm::PowerOfTwo => {
                let a = rng.below(count as u32) as usize;
                let b = if count > 1 {
                    let b = rng.below(count as u32 - 1) as usize;
                    if b >= a {
                        b + 1
                    } else {
                        b
                    }
                } else {
                    a
                };
                let lb = &*self;
                let nth = |k| (0..n).filter(|&i| lb.eligible(i, all)).nth(k);
                match (nth(a), nth(b)) {
                    (Some(x), Some(y)) => {
                        Some(if lb.targets[y].active < lb.targets[x].active { y } else { x })
                    }
                    (x, _) => x,
                }
            }
            LbAlgorithm::Weighted => {
                let lb = &mut *self;
                let mut total = 0i64;
                let mut best: Option<usize> = None;
                for i in 0..n {
                    if !lb.eligible(i, all) || lb.targets[i].weight == 0 {
                        continue;
                    }
                    let t = &mut lb.targets[i];
                    t.current += t.weight as i64;
                    total += t.weight as i64;
                    let cur = t.current;
                    if best.is_none_or(|b| cur > lb.targets[b].current) {
                        best = Some(i);
                    }
                }
                if let Some(b) = best {
                    lb.targets[b].current -= total;
                }
                best
            }
        };
        if let Some(i) = pick {
            self.rr = (i + 1) as u32;
        }
        pick
    }

    fn eligible(&self, i: usize, all: bool) -> bool {
        let t = &self.targets[i];
        t.registered && (all || t.check.healthy)
    }
}

impl Sim {
    /// Whether a health check from balancer `l` reaches target `t` and finds it serving.
    fn target_reachable(&self, l: usize, t: usize) -> bool {
        let h = self.ingress.lbs[l].targets[t].host as usize;
        let host = &self.tiers.hosts[h];
        let lb_zone = self.topo.comps[self.ingress.lbs[l].comp as usize].zone as usize;
        let app_zone = self.topo.comps[self.tiers.apps[host.app as usize].comp as usize].zone as usize;
        host.up
            && host.crashed != self.tiers.apps[host.app as usize].full_mask()
            && !self.topo.net.is_cut(lb_zone, app_zone)
    }

    /// The balancer's single timer: checks every target, applies passes now and failures
    /// after the check timeout.
    pub(super) fn on_lb_tick(&mut self, l: usize) {
        let s = self.ingress.lbs[l].health;
        self.clock.queue.push(self.clock.now + s.interval, Kind::LbTick { lb: l as u32 });
        if !self.topo.comp_up(self.ingress.lbs[l].comp as usize) {
            return;
        }
        let mut any_fail = false;
        for t in 0..self.ingress.lbs[l].targets.len() {
            if !self.ingress.lbs[l].targets[t].registered {
                continue;
            }
            if self.target_reachable(l, t) {
                let tr = self.ingress.lbs[l].targets[t].check.pass(&s);
                self.lb_transition(l, t, tr);
            } else {
                self.ingress.lbs[l].targets[t].check.pending_fail = true;
                any_fail = true;
            }
        }
        if any_fail {
            self.clock.queue.push(self.clock.now + s.timeout, Kind::LbFails { lb: l as u32 });
        }
    }

    pub(super) fn on_lb_fails(&mut self, l: usize) {
        let s = self.ingress.lbs[l].health;
        for t in 0..self.ingress.lbs[l].targets.len() {
            let check = &mut self.ingress.lbs[l].targets[t].check;
            if std::mem::take(&mut check.pending_fail) {
                let tr = check.fail(&s);
                self.lb_transition(l, t, tr);
            }
        }
    }

    fn lb_transition(&mut self, l: usize, t: usize, tr: Option<Transition>) {
        let Some(tr) = tr else { return };
        let comp = self.ingress.lbs[l].comp as usize;
        let host = self.ingress.lbs[l].targets[t].host as usize;
        let target = self.tiers.comp_of_host(host);
        let server = self.tiers.hosts[host].index;
        match tr {
            Transition::Healthy { passes } => {
                self.ingress.lbs[l].healthy += 1;
                self.note(Some(comp), LogKind::TargetHealthy { target, server, passes });
            }
            Transition::Unhealthy { failures } => {
                self.ingress.lbs[l].healthy -= 1;
                self.note(Some(comp), LogKind::TargetUnhealthy { target, server, failures });
                if self.ingress.lbs[l].healthy == 0 {
                    self.note(Some(comp), LogKind::NoHealthyTargets);
                }
            }
        }
    }

    /// A request reaches balancer `l`.
    pub(super) fn arrive_lb(&mut self, r: u32, l: usize) {
        let comp = self.ingress.lbs[l].comp as usize;
        if !self.topo.comp_up(comp) {
            // A dead balancer does not answer: the client waits for its connect timeout.
            self.obs.rec.component_error(comp);
            let req = self.slab.get(r);
            self.connect_unanswered(r, req.from, req.to, req.t0);
            return;
        }
        self.obs.rec.component_arrival(comp);
        let Some(t) = self.ingress.lbs[l].pick(&mut self.clock.rng) else {
            self.obs.rec.component_error(comp);
            self.slab.get_mut(r).lb = l as u32;
            self.reply_from_lb(r, Some(super::ErrorCause::NoHealthyTarget));
            return;
        };
        let target = &mut self.ingress.lbs[l].targets[t];
        target.active += 1;
        let (app, host) = (target.app, target.host);
        self.obs.rec.gauge(comp, self.clock.now, 0, 0, 1);
        let req = self.slab.get_mut(r);
        req.lb = l as u32;
        req.target = t as u32;
        req.host = host;
        req.in_lb = true;
        req.at_lb = self.clock.now;
        let to = self.tiers.apps[app as usize].comp;
        self.send(r, comp as u32, to, super::request::Stage::ToHost);
    }

    /// The request stops being this balancer's (answered or failed).
    pub(super) fn leave_lb(&mut self, r: u32) {
        let req = self.slab.get_mut(r);
        if !req.in_lb {
            return;
        }
        req.in_lb = false;
        let (l, t) = (req.lb as usize, req.target as usize);
        if l as u32 == NONE {
            return;
        }
        let lb = &mut self.ingress.lbs[l];
        lb.targets[t].active = lb.targets[t].active.saturating_sub(1);
        let comp = lb.comp as usize;
        self.obs.rec.gauge(comp, self.clock.now, 0, 0, -1);
    }
}
