//! A load balancer's health check on its way: sent to the target, served there like a request,
//! and back.
//!
//! `balancer::on_lb_tick` sends one check per registered target each interval (the state
//! machine and what a result means are in `health`). The check is a slab record flagged
//! `check`: it crosses the network, waits in the host's backlog for a worker, takes
//! [`CHECK_CPU`](super::health::CHECK_CPU) on a core, makes no query, and returns. It
//! occupies workers, cores and the backlog (so it is in the tier's busy and backlog gauges) but
//! it is never a user request: it is not born or finished at a client, not counted in
//! throughput, errors or latency, and not in a balancer's active count. A check that is lost on
//! the way (a dead host, a cut network, dropped from the backlog at its deadline) just ends;
//! the balancer fails it when its timeout expires.

use super::request::{Stage, NONE};
use super::sim::Sim;
use super::ErrorCause;

impl Sim {
    /// Sends the check of target `t` of balancer `l`, due back before the check's timeout.
    pub(super) fn send_check(&mut self, l: usize, t: usize) {
        let now = self.clock.now;
        let lb = &self.ingress.lbs[l];
        let (app, host, from) = (lb.targets[t].app, lb.targets[t].host, lb.comp);
        let Some(r) = self.slab.alloc(now, now.saturating_add(lb.health.timeout), NONE) else {
            return; // too many live requests: the check is never answered and fails.
        };
        let req = self.slab.get_mut(r);
        req.check = true;
        req.lb = l as u32;
        req.target = t as u32;
        req.host = host;
        let to = self.tiers.apps[app as usize].comp;
        self.send(r, from, to, Stage::ToHost);
    }

    /// A check reaches its host: it waits for a worker like any request. A host that is not up
    /// does not answer; a full backlog answers at once with an error.
    pub(super) fn check_at_host(&mut self, r: u32) {
        let h = self.slab.get(r).host as usize;
        if !self.tiers.hosts[h].up {
            self.slab.release(r);
            return;
        }
        let a = self.tiers.hosts[h].app as usize;
        let comp = self.tiers.apps[a].comp as usize;
        let now = self.clock.now;
        if let Some(p) = self.tiers.hosts[h].take_idle() {
            self.obs.rec.gauge(comp, now, 1, 0, 0);
            self.start_process(r, h, p);
        } else if (self.tiers.hosts[h].backlog.len() as u64) < self.tiers.apps[a].backlog as u64 {
            self.tiers.hosts[h].backlog.push_back(r);
            self.slab.get_mut(r).stage = Stage::Backlog;
            self.obs.rec.gauge(comp, now, 0, 1, 0);
        } else {
            self.reply_from_host(r, Some(ErrorCause::QueueFull));
        }
    }

    /// A check's answer is back at its balancer: it passes if it is an answer without error
    /// within the timeout. An answer to an older check, or after the timeout already failed
    /// it, changes nothing.
    pub(super) fn check_back(&mut self, r: u32) {
        let req = *self.slab.get(r);
        self.slab.release(r);
        let (l, t) = (req.lb as usize, req.target as usize);
        if !self.topo.comp_up(self.ingress.lbs[l].comp as usize) {
            return;
        }
        let s = self.ingress.lbs[l].health;
        let ok = req.err.is_none() && self.clock.now <= req.deadline;
        let check = &mut self.ingress.lbs[l].targets[t].check;
        if !check.outstanding || check.sent != req.born {
            return;
        }
        check.outstanding = false;
        let tr = if ok { check.pass(&s) } else { check.fail(&s) };
        self.lb_transition(l, t, tr);
    }
}
