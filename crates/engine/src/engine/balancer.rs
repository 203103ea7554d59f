//! Load balancers: target selection (round robin, least connections, random, power of two
//! choices, weighted), L4 connections, cross-zone balancing, and their health-check timer.
//!
//! A balancer has no service time (it never saturates) but it is a component that can die.
//! Its targets are every host of every app tier it links to, in link order. It sends only to
//! targets it believes healthy; a target that died but is not yet detected still receives
//! requests, which fail `Refused`. With no healthy target it answers `NoHealthyTarget`, or,
//! failing open, spreads over all registered targets (AWS's NLB and ALB both do).
//!
//! **Zonal nodes.** A balancer is one box on the canvas, but a real one has a node in each zone
//! it serves. A request enters the node of its client population's zone (the node nearest
//! the users: the topology has no other place to say which node they resolve). With cross-zone
//! balancing on, every node spreads over all targets. With it off, a node sends only to targets
//! in its own zone while that zone has an eligible (healthy, or failing open, registered) one,
//! and to all eligible targets otherwise, as an NLB's DNS stops answering with the node of a
//! zone without healthy targets. The crossing is still drawn and timed from the balancer's box.
//!
//! **L4 and L7.** L7 chooses a target for each request. L4 chooses one for each connection: a
//! population with `connections: Some(n)` holds n keep-alive connections to the balancer, its
//! requests take them in turn, and a connection keeps its target until that target stops being
//! eligible (taken out, deregistered), when it is opened again to a newly chosen one. The
//! algorithm chooses at connection open, counting requests in flight as its "connections".
//! Without `connections` every request opens its own connection, so L4 spreads like L7.

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
    /// Zone index of its tier (for balancing without cross-zone).
    pub zone: u32,
}

/// An L4 balancer's keep-alive connections from one client population: the target each one
/// is pinned to (`NONE` until it opens), and the connection the next request rides.
#[derive(Clone, Debug, Default)]
pub(super) struct Pins {
    pub next: u32,
    pub to: Vec<u32>,
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
    pub cross_zone: bool,
    /// L4 only: per client population (by its index), its connections' targets; empty for a
    /// population without `connections` and for every population of an L7 balancer.
    pub pins: Vec<Pins>,
}

impl Lb {
    /// Chooses a target for a request (L7) or a connection (L4) entering the node of zone
    /// `zone` (`NONE`: cross-zone, any target), or None when there is nothing to send to.
    pub fn pick(&mut self, rng: &mut Rng, zone: u32) -> Option<usize> {
        let lb = &*self;
        let n = lb.targets.len();
        if n == 0 {
            return None;
        }
        let all = lb.healthy == 0;
        if all && !lb.fail_open {
            return None;
        }
        let zone = if zone != NONE && (0..n).any(|i| lb.eligible_in(i, all, zone)) { zone } else { NONE };
        let count = if zone != NONE {
            (0..n).filter(|&i| lb.eligible_in(i, all, zone)).count()
        } else if all {
            lb.targets.iter().filter(|t| t.registered).count()
        } else {
            lb.healthy as usize
        };
        if count == 0 {
            return None;
        }
        let start = lb.rr as usize % n;
        let pick = match lb.algorithm {
            LbAlgorithm::RoundRobin => {
                (0..n).map(|k| (start + k) % n).find(|&i| lb.eligible_in(i, all, zone))
            }
            LbAlgorithm::LeastConnections => (0..n)
                .map(|k| (start + k) % n)
                .filter(|&i| lb.eligible_in(i, all, zone))
                .min_by_key(|&i| lb.targets[i].active),
            LbAlgorithm::Random => {
                let k = rng.below(count as u32) as usize;
                let lb = &*self;
                (0..n).filter(|&i| lb.eligible_in(i, all, zone)).nth(k)
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
                let nth = |k| (0..n).filter(|&i| lb.eligible_in(i, all, zone)).nth(k);
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
                    if !lb.eligible_in(i, all, zone) || lb.targets[i].weight == 0 {
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

    /// Eligible and, unless `zone` is `NONE`, in that zone.
    #[inline]
    fn eligible_in(&self, i: usize, all: bool, zone: u32) -> bool {
        self.eligible(i, all) && (zone == NONE || self.targets[i].zone == zone)
    }

    /// The target for a request of client population `c`: on L4 with pinned connections, the
    /// next connection's target (opened again if its target is no longer eligible); otherwise
    /// a fresh choice.
    pub fn route(&mut self, rng: &mut Rng, c: usize, zone: u32) -> Option<usize> {
        let Some(p) = self.pins.get_mut(c).filter(|p| !p.to.is_empty()) else {
            return self.pick(rng, zone);
        };
        let k = p.next as usize % p.to.len();
        p.next = p.next.wrapping_add(1);
        let cur = p.to[k];
        let all = self.healthy == 0;
        if cur != NONE && (!all || self.fail_open) && self.eligible(cur as usize, all) {
            return Some(cur as usize);
        }
        let t = self.pick(rng, zone)?;
        self.pins[c].to[k] = t as u32;
        Some(t)
    }
}

impl Sim {
    /// The balancer's single timer: sends a check to every registered target
    /// (`check.rs`), and schedules the moment the unanswered ones fail.
    pub(super) fn on_lb_tick(&mut self, l: usize) {
        let s = self.ingress.lbs[l].health;
        let now = self.clock.now;
        self.clock.queue.push(now + s.interval, Kind::LbTick { lb: l as u32 });
        if !self.topo.comp_up(self.ingress.lbs[l].comp as usize) {
            return;
        }
        let mut sent = false;
        for t in 0..self.ingress.lbs[l].targets.len() {
            let target = &mut self.ingress.lbs[l].targets[t];
            if !target.registered {
                continue;
            }
            target.check.outstanding = true;
            target.check.sent = now;
            sent = true;
            self.send_check(l, t);
        }
        if sent {
            self.clock.queue.push(now + s.timeout, Kind::LbFails { lb: l as u32 });
        }
    }

    /// The timeout of the last tick's checks: those still unanswered fail.
    pub(super) fn on_lb_fails(&mut self, l: usize) {
        let s = self.ingress.lbs[l].health;
        for t in 0..self.ingress.lbs[l].targets.len() {
            let check = &mut self.ingress.lbs[l].targets[t].check;
            if std::mem::take(&mut check.outstanding) {
                let tr = check.fail(&s);
                self.lb_transition(l, t, tr);
            }
        }
    }

    pub(super) fn lb_transition(&mut self, l: usize, t: usize, tr: Option<Transition>) {
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
        let client = self.slab.get(r).client as usize;
        let zone = if self.ingress.lbs[l].cross_zone { NONE } else { self.topo.comps[client].zone };
        let c = match self.topo.comps[client].role {
            super::topology::Role::Clients(c) => c as usize,
            _ => usize::MAX,
        };
        let Some(t) = self.ingress.lbs[l].route(&mut self.clock.rng, c, zone) else {
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
