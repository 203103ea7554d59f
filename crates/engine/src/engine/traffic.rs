//! Arrivals: each client population sends its share of the scenario's traffic.
//!
//! Population `i` sends `weight_i / sum(weights)` of `traffic.rate_at(t)`. Poisson arrivals
//! are drawn by thinning: candidates at the pattern's peak rate, each kept with probability
//! `rate_at(t) / peak` (a steady pattern keeps all without a draw). Uniform arrivals are spaced
//! `1 / rate_at(t)` apart. Each population has exactly one pending arrival event; changing the
//! traffic redraws it from now (exact for Poisson, which is memoryless).

use crate::model::{Arrivals, Pattern, Traffic};

use super::queue::Kind;
use super::rng::to_ns;
use super::sim::Sim;
use super::{to_secs, Time, NS_PER_MS, NS_PER_S};

/// How a population reaches the service: one entry per link, in link order.
#[derive(Clone, Copy, Debug)]
pub(super) enum Entry {
    /// Straight to a load balancer or an app tier (component index).
    Direct(u32),
    /// Through DNS `dns`; `slot` is this population's answer cache in it.
    Dns { dns: u32, slot: u32 },
}

pub(super) struct Client {
    pub comp: u32,
    pub share: f64,
    /// Per-attempt timeout, and how long a connection attempt may go unanswered.
    pub timeout: Time,
    pub connect_timeout: Time,
    pub retry: super::retry::Policy,
    pub entries: Vec<Entry>,
    pub rr: u32,
    /// Generation of the arrival stream (bumped when the traffic changes).
    pub gen: u32,
}

impl Sim {
    /// Draws the next arrival of population `c` after `from`.
    pub(super) fn schedule_arrival(&mut self, c: usize, from: Time) {
        let share = self.ingress.clients[c].share;
        let gen = self.ingress.clients[c].gen;
        let next = match self.ingress.traffic.arrivals {
            Arrivals::Poisson => {
                let peak = self.ingress.traffic.peak_rate() * share;
                if peak.is_nan() || peak <= 0.0 {
                    return;
                }
                from.saturating_add(to_ns(self.clock.rng.exp(NS_PER_S as f64 / peak)))
            }
            Arrivals::Uniform => {
                let rate = self.ingress.traffic.rate_at(to_secs(from)) * share;
                if rate > 0.0 {
                    from.saturating_add(to_ns(NS_PER_S as f64 / rate).max(1))
                } else {
                    // Nothing to send now; look again shortly (a ramp or spike may start).
                    from.saturating_add(100 * NS_PER_MS)
                }
            }
        };
        self.clock.queue.push(next, Kind::Arrival { client: c as u32, gen });
    }

    pub(super) fn on_arrival(&mut self, c: usize, gen: u32) {
        if self.ingress.clients[c].gen != gen {
            return;
        }
        let now = self.clock.now;
        let send = match (self.ingress.traffic.arrivals, &self.ingress.traffic.pattern) {
            (Arrivals::Uniform, _) => self.ingress.traffic.rate_at(to_secs(now)) > 0.0,
            (Arrivals::Poisson, Pattern::Steady) => true,
            (Arrivals::Poisson, _) => {
                let peak = self.ingress.traffic.peak_rate();
                self.clock.rng.uniform() * peak < self.ingress.traffic.rate_at(to_secs(now))
            }
        };
        self.schedule_arrival(c, now);
        let comp = self.ingress.clients[c].comp as usize;
        if send && self.topo.comp_up(comp) {
            self.start_request(c);
        }
    }

    /// Replaces the traffic profile from now on.
    pub(super) fn change_traffic(&mut self, traffic: &Traffic) {
        self.ingress.traffic = traffic.clone();
        for c in 0..self.ingress.clients.len() {
            self.ingress.clients[c].gen = self.ingress.clients[c].gen.wrapping_add(1);
            self.schedule_arrival(c, self.clock.now);
        }
    }
}
