//! Measurement: per-component gauges with exact time integrals, window totals, the series.
//!
//! Integrals are kept lazily and in integer nanoseconds: a gauge adds `value x (now - last)`
//! only when its value changes, so no event exists just to sample, and splitting an interval
//! at a second boundary or at the start of the window gives exactly the same sums however the
//! run is sliced into advances. Totals of the window are differences of these cumulative
//! integrals, taken when the clock crosses `measure_from` and at each second boundary.

use hdrhistogram::Histogram;

use super::metrics::{ComponentTotals, ErrorCounts, Metrics, SecondStats, Totals};
use super::{ErrorCause, Time, NS_PER_S};

/// Highest latency the histograms hold (one hour, in µs); longer ones are clamped.
const MAX_LATENCY_US: u64 = 3_600_000_000;

pub(super) fn histogram() -> Histogram<u64> {
    Histogram::new_with_bounds(1, MAX_LATENCY_US, 3).expect("constant, valid histogram bounds")
}

/// Busy servers, queue length, requests present and capacity of one component, with their
/// integrals since time 0 (value x ns).
#[derive(Clone, Debug, Default)]
pub(super) struct Gauge {
    pub busy: u64,
    pub queue: u64,
    pub present: u64,
    pub capacity: u64,
    last: Time,
    cum: Cum,
}

/// Cumulative integrals at some instant.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(super) struct Cum {
    pub busy: u128,
    pub queue: u128,
    pub present: u128,
    pub capacity: u128,
}

impl Cum {
    fn minus(self, o: Cum) -> Cum {
        Cum {
            busy: self.busy - o.busy,
            queue: self.queue - o.queue,
            present: self.present - o.present,
            capacity: self.capacity - o.capacity,
        }
    }
}

impl Gauge {
    /// Brings the integrals up to `now` (call before changing a value).
    #[inline]
    pub fn touch(&mut self, now: Time) {
        let dt = now - self.last;
        if dt > 0 {
            self.cum.busy += area(self.busy, dt);
            self.cum.queue += area(self.queue, dt);
            self.cum.present += area(self.present, dt);
            self.cum.capacity += area(self.capacity, dt);
            self.last = now;
        }
    }

    /// The integrals as they stand at `t` (>= the last change), without changing anything.
    pub fn cum_at(&self, t: Time) -> Cum {
        let dt = t.saturating_sub(self.last);
        Cum {
            busy: self.cum.busy + area(self.busy, dt),
            queue: self.cum.queue + area(self.queue, dt),
            present: self.cum.present + area(self.present, dt),
            capacity: self.cum.capacity + area(self.capacity, dt),
        }
    }
}

/// `value x dt` exactly: a 64-bit multiply when it fits (always, in practice), 128 bits
/// otherwise. The test counts leading zeros instead of calling `checked_mul`: in wasm32 an
/// overflow-checked 64-bit multiply is a 128-bit one, a library call (`__multi3`) that took
/// 8 % of a sweep's time in V8 (BENCHMARKS.md, "Sweep in the page").
#[inline]
fn area(value: u64, dt: Time) -> u128 {
    if value.leading_zeros() + dt.leading_zeros() >= 64 {
        (value * dt) as u128
    } else {
        value as u128 * dt as u128
    }
}

/// Counts of one component inside the window and in the current second.
#[derive(Clone, Debug, Default)]
pub(super) struct Counter {
    pub arrivals: u64,
    pub completions: u64,
    pub errors: u64,
    pub sojourn_ns: u128,
    pub second_errors: u64,
    pub last_second_errors: u64,
}

/// Everything the engine measures, and the bookkeeping that turns it into `Metrics`.
pub(super) struct Recorder {
    pub metrics: Metrics,
    pub gauges: Vec<Gauge>,
    /// Busy cores (`busy`) and cores of the hosts up (`capacity`) of each component; the
    /// other two values stay 0. See `ComponentTotals::cpu_busy_s` for what each counts.
    pub cpu: Vec<Gauge>,
    pub counters: Vec<Counter>,
    /// Whether the clock has reached `measure_from` (component counts start then).
    pub measuring: bool,
    window_base: Vec<Cum>,
    second_base: Vec<Cum>,
    cpu_window_base: Vec<Cum>,
    cpu_second_base: Vec<Cum>,
    /// Start of the second being accumulated.
    pub second_start: Time,
    second: SecondStats,
    second_hist: Histogram<u64>,
    /// Times to failure of the requests failed in the current second.
    second_failed_hist: Histogram<u64>,
    /// Latencies of the last completed second (for alarms on p95).
    pub closed_hist: Histogram<u64>,
    second_latency_ns: u128,
    pub last_second: Option<SecondStats>,
}

impl Recorder {
    pub fn new(components: usize) -> Self {
        let totals = Totals {
            arrived: 0,
            retries: 0,
            completed: 0,
            failed: 0,
            errors: ErrorCounts::default(),
            latency_us: histogram(),
            latency_sum_s: 0.0,
            failed_latency_us: histogram(),
            failed_latency_sum_s: 0.0,
            components: vec![ComponentTotals::default(); components],
        };
        Recorder {
            metrics: Metrics { measure_from: 0, totals, series: Default::default() },
            gauges: vec![Gauge::default(); components],
            cpu: vec![Gauge::default(); components],
            counters: vec![Counter::default(); components],
            measuring: false,
            window_base: vec![Cum::default(); components],
            second_base: vec![Cum::default(); components],
            cpu_window_base: vec![Cum::default(); components],
            cpu_second_base: vec![Cum::default(); components],
            second_start: 0,
            second: SecondStats::default(),
            second_hist: histogram(),
            second_failed_hist: histogram(),
            closed_hist: histogram(),
            second_latency_ns: 0,
            last_second: None,
        }
    }

    /// The next instant at which `cross` has work: a second boundary or the window start.
    #[inline]
    pub fn next_boundary(&self) -> Time {
        let s = self.second_start + NS_PER_S;
        if self.measuring {
            s
        } else {
            s.min(self.metrics.measure_from)
        }
    }

    /// Handles every boundary at or before `t`, in time order. Must run before any event at
    /// or after a boundary is processed, so that the state at the boundary is exact.
    pub fn cross(&mut self, t: Time) -> Vec<(Time, ErrorCause, u64)> {
        let mut errors = Vec::new();
        loop {
            let s = self.second_start + NS_PER_S;
            if !self.measuring && self.metrics.measure_from <= t && self.metrics.measure_from <= s {
                self.start_window(self.metrics.measure_from);
            } else if s <= t {
                errors.extend(self.close_second(s).into_iter().map(|(c, n)| (s, c, n)));
            } else {
                return errors;
            }
        }
    }

    /// Resets the window so that it starts at `at` (not before the current clock).
    pub fn set_measure_from(&mut self, at: Time) {
        self.measuring = false;
        self.metrics.measure_from = at;
        let t = &mut self.metrics.totals;
        t.arrived = 0;
        t.retries = 0;
        t.completed = 0;
        t.failed = 0;
        t.errors = ErrorCounts::default();
        t.latency_us.reset();
        t.latency_sum_s = 0.0;
        t.failed_latency_us.reset();
        t.failed_latency_sum_s = 0.0;
        for c in &mut self.counters {
            c.arrivals = 0;
            c.completions = 0;
            c.errors = 0;
            c.sojourn_ns = 0;
        }
    }

    fn start_window(&mut self, at: Time) {
        self.measuring = true;
        for (b, g) in self.window_base.iter_mut().zip(&self.gauges) {
            *b = g.cum_at(at);
        }
        for (b, g) in self.cpu_window_base.iter_mut().zip(&self.cpu) {
            *b = g.cum_at(at);
        }
    }

    fn close_second(&mut self, end: Time) -> Vec<(ErrorCause, u64)> {
        let mut row = std::mem::take(&mut self.second);
        row.second = self.second_start / NS_PER_S;
        if !self.second_hist.is_empty() {
            let q = |h: &Histogram<u64>, p: f64| h.value_at_quantile(p) as f64 / 1000.0;
            row.p50_ms = q(&self.second_hist, 0.5);
            row.p95_ms = q(&self.second_hist, 0.95);
            row.p99_ms = q(&self.second_hist, 0.99);
            row.mean_ms = (self.second_latency_ns as f64 / 1e6) / row.completed.max(1) as f64;
        }
        if !self.second_failed_hist.is_empty() {
            let q = |p: f64| self.second_failed_hist.value_at_quantile(p) as f64 / 1000.0;
            row.failed_p50_ms = q(0.5);
            row.failed_p95_ms = q(0.95);
            row.failed_p99_ms = q(0.99);
            self.second_failed_hist.reset();
        }
        std::mem::swap(&mut self.second_hist, &mut self.closed_hist);
        self.second_hist.reset();
        self.second_latency_ns = 0;
        row.utilization.clear();
        row.queue.clear();
        row.servers_utilization.clear();
        row.cpu_utilization.clear();
        let frac = |d: Cum| if d.capacity > 0 { d.busy as f64 / d.capacity as f64 } else { 0.0 };
        for (i, g) in self.gauges.iter().enumerate() {
            let now = g.cum_at(end);
            let d = now.minus(self.second_base[i]);
            self.second_base[i] = now;
            let cpu_now = self.cpu[i].cum_at(end);
            let cpu = frac(cpu_now.minus(self.cpu_second_base[i]));
            self.cpu_second_base[i] = cpu_now;
            let u = frac(d);
            row.servers_utilization.push(u as f32);
            row.cpu_utilization.push(cpu as f32);
            row.utilization.push(u.max(cpu) as f32);
            row.queue.push((d.queue as f64 / NS_PER_S as f64) as f32);
            let c = &mut self.counters[i];
            c.last_second_errors = c.second_errors;
            c.second_errors = 0;
        }
        let errors =
            ErrorCause::ALL.iter().map(|&c| (c, row.errors.get(c))).filter(|&(_, n)| n > 0).collect();
        let series = &mut self.metrics.series;
        if series.len() == Metrics::SERIES_LEN {
            series.pop_front();
        }
        self.last_second = Some(row.clone());
        series.push_back(row);
        self.second_start = end;
        errors
    }

    /// A request was born (counts in the current second; in the totals when measured).
    #[inline]
    pub fn born(&mut self, measured: bool) {
        self.second.arrived += 1;
        if measured {
            self.metrics.totals.arrived += 1;
        }
    }

    /// A request starts another attempt (in the totals when the request is measured).
    #[inline]
    pub fn retried(&mut self, measured: bool) {
        self.second.retries += 1;
        if measured {
            self.metrics.totals.retries += 1;
        }
    }

    #[inline]
    pub fn completed(&mut self, measured: bool, latency: Time) {
        let us = (latency / 1000).max(1);
        self.second.completed += 1;
        self.second_hist.saturating_record(us);
        self.second_latency_ns += latency as u128;
        if measured {
            let t = &mut self.metrics.totals;
            t.completed += 1;
            t.latency_us.saturating_record(us);
            t.latency_sum_s += latency as f64 / NS_PER_S as f64;
        }
    }

    /// A request failed `after` its birth: the time its client waited to learn it (for a
    /// timeout, the client's timeout: it gave up then, whatever the servers did later).
    #[inline]
    pub fn failed(&mut self, measured: bool, cause: ErrorCause, after: Time) {
        let us = (after / 1000).max(1);
        self.second.errors.add(cause);
        self.second_failed_hist.saturating_record(us);
        if measured {
            let t = &mut self.metrics.totals;
            t.failed += 1;
            t.errors.add(cause);
            t.failed_latency_us.saturating_record(us);
            t.failed_latency_sum_s += after as f64 / NS_PER_S as f64;
        }
    }

    /// A component failed a request (counts in its window totals and its recent errors).
    #[inline]
    pub fn component_error(&mut self, comp: usize) {
        let c = &mut self.counters[comp];
        c.second_errors += 1;
        if self.measuring {
            c.errors += 1;
        }
    }

    #[inline]
    pub fn component_arrival(&mut self, comp: usize) {
        if self.measuring {
            self.counters[comp].arrivals += 1;
        }
    }

    #[inline]
    pub fn component_completion(&mut self, comp: usize, sojourn: Time) {
        if self.measuring {
            let c = &mut self.counters[comp];
            c.completions += 1;
            c.sojourn_ns += sojourn as u128;
        }
    }

    /// Changes a gauge by the given deltas at `now`, keeping its integrals exact.
    #[inline]
    pub fn gauge(&mut self, comp: usize, now: Time, busy: i64, queue: i64, present: i64) {
        let g = &mut self.gauges[comp];
        g.touch(now);
        g.busy = (g.busy as i64 + busy) as u64;
        g.queue = (g.queue as i64 + queue) as u64;
        g.present = (g.present as i64 + present) as u64;
    }

    /// Changes the busy cores of `comp` by `delta` at `now`.
    #[inline]
    pub fn cpu_busy(&mut self, comp: usize, now: Time, delta: i64) {
        let g = &mut self.cpu[comp];
        g.touch(now);
        g.busy = (g.busy as i64 + delta) as u64;
    }

    /// Sets the cores `comp` has (those of its hosts that are up) from `now`.
    pub fn set_cpu_capacity(&mut self, comp: usize, now: Time, cores: u64) {
        let g = &mut self.cpu[comp];
        g.touch(now);
        g.capacity = cores;
    }

    pub fn set_capacity(&mut self, comp: usize, now: Time, capacity: u64) {
        let g = &mut self.gauges[comp];
        g.touch(now);
        g.capacity = capacity;
    }

    /// Brings the component totals of the window up to `now`.
    pub fn refresh(&mut self, now: Time) {
        let s = |ns: u128| ns as f64 / NS_PER_S as f64;
        for (i, out) in self.metrics.totals.components.iter_mut().enumerate() {
            let c = &self.counters[i];
            let (d, cpu) = if self.measuring {
                (
                    self.gauges[i].cum_at(now).minus(self.window_base[i]),
                    self.cpu[i].cum_at(now).minus(self.cpu_window_base[i]),
                )
            } else {
                (Cum::default(), Cum::default())
            };
            *out = ComponentTotals {
                arrivals: c.arrivals,
                completions: c.completions,
                errors: c.errors,
                busy_s: s(d.busy),
                queue_s: s(d.queue),
                present_s: s(d.present),
                sojourn_s: s(c.sojourn_ns),
                capacity_s: s(d.capacity),
                cpu_busy_s: s(cpu.busy),
                cpu_capacity_s: s(cpu.capacity),
            };
        }
    }
}
