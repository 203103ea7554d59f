//! A deterministic hash of everything a run measured, for cross-platform and slicing checks.
//!
//! FNV-1a over the totals, every series row and the log, with floats hashed by their bits:
//! two runs have the same fingerprint only if they measured bit-identical numbers.

use super::metrics::ErrorCounts;
use super::sim::Sim;

struct Fnv(u64);

impl Fnv {
    fn bytes(&mut self, b: &[u8]) {
        for &x in b {
            self.0 ^= x as u64;
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    fn u64(&mut self, x: u64) {
        self.bytes(&x.to_le_bytes());
    }
    fn f64(&mut self, x: f64) {
        self.u64(x.to_bits());
    }
    fn errors(&mut self, e: &ErrorCounts) {
        let all = [
            e.timeout,
            e.refused,
            e.connect_timeout,
            e.no_healthy_target,
            e.queue_full,
            e.app_error,
            e.too_many_connections,
        ];
        for x in all {
            self.u64(x);
        }
    }
}

impl Sim {
    /// A hash of the totals, the series and the log (and the clock and event count).
    pub fn fingerprint(&self) -> u64 {
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        let m = self.metrics();
        h.u64(self.clock.now);
        h.u64(self.clock.events);
        h.u64(self.in_flight());
        let t = &m.totals;
        for x in [m.measure_from, t.arrived, t.retries, t.completed, t.failed] {
            h.u64(x);
        }
        h.errors(&t.errors);
        h.f64(t.latency_sum_s);
        for v in t.latency_us.iter_recorded() {
            h.u64(v.value_iterated_to());
            h.u64(v.count_at_value());
        }
        for c in &t.components {
            for x in [c.arrivals, c.completions, c.errors] {
                h.u64(x);
            }
            for x in
                [c.busy_s, c.queue_s, c.present_s, c.sojourn_s, c.capacity_s, c.cpu_busy_s, c.cpu_capacity_s]
            {
                h.f64(x);
            }
        }
        for s in &m.series {
            for x in [s.second, s.arrived, s.retries, s.completed] {
                h.u64(x);
            }
            h.errors(&s.errors);
            for x in [s.p50_ms, s.p95_ms, s.p99_ms, s.mean_ms] {
                h.f64(x);
            }
            for (&u, &q) in s.utilization.iter().zip(&s.queue) {
                h.u64(u.to_bits() as u64);
                h.u64(q.to_bits() as u64);
            }
            for (&w, &c) in s.servers_utilization.iter().zip(&s.cpu_utilization) {
                h.u64(w.to_bits() as u64);
                h.u64(c.to_bits() as u64);
            }
        }
        for e in self.log() {
            h.bytes(format!("{e:?}").as_bytes());
        }
        // The operating state: fleets, billing, alarms, deployments.
        for a in &self.tiers.apps {
            h.u64(a.billable as u64);
            h.u64(a.host_ns as u64);
            h.u64(a.version as u64);
        }
        for x in &self.tiers.hosts {
            h.u64(x.life as u64);
            h.u64(x.version as u64);
            h.u64(x.up as u64);
        }
        for a in &self.ops.alarms {
            h.u64(a.state as u64);
            h.u64(a.streak as u64);
        }
        for d in self.deployments() {
            h.bytes(format!("{d:?}").as_bytes());
        }
        h.u64(self.obs.xfer.cross_zone);
        self.obs.xfer.inter_region.iter().for_each(|&b| h.u64(b));
        h.f64(self.cost_so_far_usd());
        h.0
    }
}
