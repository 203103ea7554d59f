//! Client retries: a failed attempt is tried again after a backoff, up to the population's
//! maximum number of attempts (`model::Retry`: exponential backoff with full jitter).
//!
//! A retry is a new attempt of the same request. The request keeps its slot, its birth time
//! (its latency counts from its first attempt) and its single place in the counts: it is one
//! request in arrivals, completions and failures however many attempts it takes, and only its
//! last attempt's cause counts. Attempts are counted apart (`Totals::retries`,
//! `SecondStats::retries`), so a retry storm shows as attempts per request. Each attempt has the
//! client's full timeout. The backoff is one event per retry (a real wait, which no lazy check
//! can replace), so only failures cost events. Timeouts stay lazy: a timed-out attempt is seen
//! when it ends (its late answer arrives, or a server drops it from a queue), and its backoff
//! starts then rather than exactly at its deadline.

use crate::model::Retry;

use super::queue::Kind;
use super::request::{Stage, NONE};
use super::rng::{to_ns, Rng};
use super::sim::Sim;
use super::topology::Role;
use super::Time;

/// A population's retry policy in engine units.
#[derive(Clone, Copy, Debug)]
pub(super) struct Policy {
    pub max_attempts: u8,
    /// Backoff base and cap, in ns.
    base: f64,
    cap: f64,
}

impl Policy {
    pub fn from_model(r: &Retry) -> Self {
        Policy {
            max_attempts: r.max_attempts.clamp(1, u8::MAX as u32) as u8,
            base: r.base_ms.max(0.0) * 1e6,
            cap: r.cap_ms.max(0.0) * 1e6,
        }
    }

    /// The wait before retry `k` (1 for the first retry): uniform in
    /// `[0, min(base x 2^(k-1), cap))`, "full jitter".
    pub fn backoff(&self, k: u32, rng: &mut Rng) -> Time {
        let ceiling = (self.base * (1u64 << (k.max(1) - 1).min(40)) as f64).min(self.cap);
        if ceiling > 0.0 {
            to_ns(rng.uniform() * ceiling)
        } else {
            0
        }
    }
}

impl Sim {
    /// The attempt of `r` failed: when its client has attempts left, the request waits its
    /// backoff and tries again (true); otherwise the failure stands (false).
    pub(super) fn retry_later(&mut self, r: u32) -> bool {
        let req = self.slab.get(r);
        let Role::Clients(c) = self.topo.comps[req.client as usize].role else { return false };
        let policy = self.ingress.clients[c as usize].retry;
        if req.attempt >= policy.max_attempts {
            return false;
        }
        let wait = policy.backoff(req.attempt as u32, &mut self.clock.rng);
        let q = self.slab.get_mut(r);
        // A new generation: whatever still refers to the failed attempt (an event, a host that
        // is tearing down the list of what it held) sees it as gone.
        q.gen = q.gen.wrapping_add(1);
        q.attempt += 1;
        q.stage = Stage::Backoff;
        q.err = None;
        q.lb = NONE;
        q.target = NONE;
        q.host = NONE;
        q.proc = NONE;
        q.db = NONE;
        q.queries_left = 0;
        let gen = q.gen;
        self.clock.queue.push(self.clock.now + wait, Kind::Retry { req: r, gen });
        true
    }

    /// The backoff of `r` is over: its next attempt starts from its client.
    pub(super) fn on_retry(&mut self, r: u32, gen: u32) {
        if !self.slab.current(r, gen) {
            return;
        }
        let req = self.slab.get(r);
        let Role::Clients(c) = self.topo.comps[req.client as usize].role else { return };
        let measured = req.born >= self.obs.rec.metrics.measure_from;
        self.obs.rec.retried(measured);
        let now = self.clock.now;
        let timeout = self.ingress.clients[c as usize].timeout;
        self.slab.get_mut(r).deadline = now.saturating_add(timeout);
        self.attempt(r, c as usize);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_is_full_jitter_under_a_doubling_ceiling() {
        let p = Policy::from_model(&Retry { max_attempts: 5, base_ms: 100.0, cap_ms: 300.0 });
        let mut rng = Rng::new(3);
        for (k, ceiling_ms) in [(1, 100.0), (2, 200.0), (3, 300.0), (4, 300.0)] {
            let n = 20_000;
            let waits: Vec<f64> = (0..n).map(|_| p.backoff(k, &mut rng) as f64 / 1e6).collect();
            let max = waits.iter().cloned().fold(0.0, f64::max);
            let mean = waits.iter().sum::<f64>() / n as f64;
            assert!(max < ceiling_ms && max > 0.99 * ceiling_ms, "retry {k}: max {max}");
            // Uniform on [0, c): mean c/2, standard error c / sqrt(12 n).
            let se = ceiling_ms / (12.0 * n as f64).sqrt();
            assert!((mean - ceiling_ms / 2.0).abs() < 4.0 * se, "retry {k}: mean {mean}");
        }
    }
}
