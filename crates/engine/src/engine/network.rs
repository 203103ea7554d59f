//! Network crossings between components: one-way delay, jitter, added latency, partitions.
//!
//! A crossing takes half the round trip between the two placements (`catalog::rtt_ms`) times a
//! uniform factor in [1 - JITTER, 1 + JITTER]. A link with its own `rtt_ms` takes exactly half
//! of that, without jitter (textbook scenarios need exact delays). An "add latency" fault adds
//! half its round trip to every crossing between its two zones. A crossing between partitioned
//! zones cannot be established: nobody answers, and the sender waits for its connect timeout
//! (see `connect`). Requests already on the wire when a partition starts still arrive (the cut
//! applies to new connections).

use crate::catalog::JITTER;

use super::rng::{to_ns, Rng};
use super::Time;

pub(super) struct Network {
    n: usize,
    /// One-way base delay in ns between components (n x n), and whether it is exact.
    base: Vec<f64>,
    fixed: Vec<bool>,
    zones: usize,
    /// Extra one-way ns between zones (zones x zones, symmetric).
    extra: Vec<Time>,
    cut: Vec<bool>,
}

impl Network {
    pub fn new(n: usize, zones: usize) -> Self {
        Network {
            n,
            base: vec![0.0; n * n],
            fixed: vec![false; n * n],
            zones,
            extra: vec![0; zones * zones],
            cut: vec![false; zones * zones],
        }
    }

    /// Sets the round trip between components `a` and `b` (both directions).
    pub fn set_rtt(&mut self, a: usize, b: usize, rtt_ms: f64, fixed: bool) {
        let one_way = rtt_ms * 1e6 / 2.0;
        for (x, y) in [(a, b), (b, a)] {
            self.base[x * self.n + y] = one_way;
            self.fixed[x * self.n + y] = fixed;
        }
    }

    pub fn set_extra(&mut self, za: usize, zb: usize, rtt_ms: f64) {
        let one_way = super::ms(rtt_ms / 2.0);
        self.extra[za * self.zones + zb] = one_way;
        self.extra[zb * self.zones + za] = one_way;
    }

    pub fn set_cut(&mut self, za: usize, zb: usize, cut: bool) {
        self.cut[za * self.zones + zb] = cut;
        self.cut[zb * self.zones + za] = cut;
    }

    /// The one-way delay of a new crossing from component `a` (zone `za`) to `b` (zone `zb`),
    /// or None when the zones are partitioned.
    #[inline]
    pub fn crossing(&self, a: usize, b: usize, za: usize, zb: usize, rng: &mut Rng) -> Option<Time> {
        let z = za * self.zones + zb;
        if self.cut[z] {
            return None;
        }
        let i = a * self.n + b;
        let base = self.base[i];
        let d =
            if self.fixed[i] || base == 0.0 { base } else { base * rng.between(1.0 - JITTER, 1.0 + JITTER) };
        Some(to_ns(d) + self.extra[z])
    }

    /// The mean one-way delay (for DNS latency answers), in ns.
    pub fn mean_one_way(&self, a: usize, b: usize) -> f64 {
        self.base[a * self.n + b]
    }
}
