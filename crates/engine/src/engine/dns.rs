//! DNS: answers with an entry point per client population, health-checks its targets, and
//! client caches that keep using an old answer for a while.
//!
//! Policies: `Latency` answers the healthy target with the lowest catalog RTT from the asking
//! population; `Failover` the first healthy target in link order; `RoundRobin` all healthy
//! targets, used in turn. When no target is healthy DNS answers with all of them, as Route 53
//! does. A target fails its check when it is dead (a balancer down, or every host of a tier
//! down, including when its zone or region is down); DNS checkers sit outside the cloud, so
//! partitions do not affect them. Caches are staggered: after the answer changes at `t_c`, a
//! request at `t` still uses the old answer with probability `max(0, 1 - (t - t_c) / ttl)`.
//! While DNS itself is dead, a request uses its population's cached answer with probability
//! `max(0, 1 - (t - t_dead) / ttl)` and otherwise cannot resolve (`Refused`).

use crate::model::DnsPolicy;

use super::health::{Check, Settings, Transition};
use super::log::LogKind;
use super::network::Network;
use super::queue::Kind;
use super::rng::Rng;
use super::sim::Sim;
use super::topology::Role;
use super::Time;

/// One population's view of a DNS name.
#[derive(Clone, Debug)]
pub(super) struct Cache {
    pub client: u32,
    /// Component indices of the current and previous answers.
    pub answer: Vec<u32>,
    pub old: Vec<u32>,
    pub changed_at: Time,
    pub rr: u32,
}

pub(super) struct Dns {
    pub comp: u32,
    pub policy: DnsPolicy,
    pub ttl: Time,
    pub health: Settings,
    /// Target component indices in link order, with their checks.
    pub targets: Vec<u32>,
    pub checks: Vec<Check>,
    pub caches: Vec<Cache>,
    /// When DNS died (None while it is up).
    pub dead_since: Option<Time>,
}

impl Dns {
    /// Resolves an entry point at `now` for the population whose cache is `slot`.
    pub fn resolve(&mut self, slot: usize, now: Time, rng: &mut Rng) -> Option<u32> {
        let ttl = self.ttl;
        let fresh = |since: Time, rng: &mut Rng| {
            let age = now.saturating_sub(since);
            ttl == 0 || age >= ttl || rng.uniform() >= 1.0 - age as f64 / ttl as f64
        };
        if let Some(dead) = self.dead_since {
            if fresh(dead, rng) {
                return None;
            }
        }
        let changed = self.caches[slot].changed_at;
        let use_old = !self.caches[slot].old.is_empty() && !fresh(changed, rng);
        let cache = &mut self.caches[slot];
        let list = if use_old { &cache.old } else { &cache.answer };
        match list.len() {
            0 => None,
            1 => Some(list[0]),
            len => {
                cache.rr = cache.rr.wrapping_add(1);
                Some(list[cache.rr as usize % len])
            }
        }
    }

    /// The answer it gives population `client` now (`net` for the latency policy).
    fn answer(&self, client: u32, net: &Network) -> Vec<u32> {
        let healthy: Vec<u32> =
            self.targets.iter().zip(&self.checks).filter(|(_, c)| c.healthy).map(|(&t, _)| t).collect();
        let pool = if healthy.is_empty() { self.targets.clone() } else { healthy };
        match self.policy {
            DnsPolicy::RoundRobin => pool,
            DnsPolicy::Failover => pool.into_iter().take(1).collect(),
            DnsPolicy::Latency => {
                let mut best: Option<(f64, u32)> = None;
                for t in pool {
                    let d = net.mean_one_way(client as usize, t as usize);
                    if best.is_none_or(|(b, _)| d < b) {
                        best = Some((d, t));
                    }
                }
                best.map(|(_, t)| t).into_iter().collect()
            }
        }
    }

    /// Recomputes every population's answer; a changed answer starts its cache window at `now`.
    pub fn refresh_answers(&mut self, now: Time, net: &Network, initial: bool) {
        for slot in 0..self.caches.len() {
            let client = self.caches[slot].client;
            let new = self.answer(client, net);
            let cache = &mut self.caches[slot];
            if initial {
                cache.answer = new;
                cache.old.clear();
            } else if cache.answer != new {
                cache.old = std::mem::replace(&mut cache.answer, new);
                cache.changed_at = now;
            }
        }
    }
}

impl Sim {
    /// Recomputes DNS `n`'s answers now.
    pub(super) fn refresh_answers(&mut self, n: usize, initial: bool) {
        self.ingress.dnss[n].refresh_answers(self.clock.now, &self.topo.net, initial);
    }

    /// Whether DNS's checkers find target component `t` serving.
    fn dns_target_up(&self, t: usize) -> bool {
        match self.topo.comps[t].role {
            Role::Lb(_) => self.topo.comp_up(t),
            Role::App(a) => self.tiers.apps[a as usize].hosts_up > 0,
            _ => false,
        }
    }

    pub(super) fn on_dns_tick(&mut self, n: usize) {
        let s = self.ingress.dnss[n].health;
        self.clock.queue.push(self.clock.now + s.interval, Kind::DnsTick { dns: n as u32 });
        if self.ingress.dnss[n].dead_since.is_some() {
            return;
        }
        let mut any_fail = false;
        let mut changed = false;
        for i in 0..self.ingress.dnss[n].targets.len() {
            let t = self.ingress.dnss[n].targets[i] as usize;
            if self.dns_target_up(t) {
                let tr = self.ingress.dnss[n].checks[i].pass(&s);
                changed |= self.dns_transition(n, t, tr);
            } else {
                self.ingress.dnss[n].checks[i].pending_fail = true;
                any_fail = true;
            }
        }
        if changed {
            self.refresh_answers(n, false);
        }
        if any_fail {
            self.clock.queue.push(self.clock.now + s.timeout, Kind::DnsFails { dns: n as u32 });
        }
    }

    pub(super) fn on_dns_fails(&mut self, n: usize) {
        let s = self.ingress.dnss[n].health;
        let mut changed = false;
        for i in 0..self.ingress.dnss[n].targets.len() {
            let t = self.ingress.dnss[n].targets[i] as usize;
            if std::mem::take(&mut self.ingress.dnss[n].checks[i].pending_fail) {
                let tr = self.ingress.dnss[n].checks[i].fail(&s);
                changed |= self.dns_transition(n, t, tr);
            }
        }
        if changed {
            self.refresh_answers(n, false);
        }
    }

    fn dns_transition(&mut self, n: usize, target: usize, tr: Option<Transition>) -> bool {
        let comp = self.ingress.dnss[n].comp as usize;
        match tr {
            Some(Transition::Healthy { .. }) => self.note(Some(comp), LogKind::DnsRestored { target }),
            Some(Transition::Unhealthy { .. }) => self.note(Some(comp), LogKind::DnsRemoved { target }),
            None => return false,
        }
        true
    }
}
