//! What the engine measures: totals over the measurement window and one row per second.

use hdrhistogram::Histogram;

use super::Time;

/// Why a request failed. Every failed request has exactly one cause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ErrorCause {
    /// The client gave up waiting (its timeout passed).
    Timeout,
    /// The connection was refused at once: a crashed process on a live host (the OS resets
    /// the connection), or nothing to connect to (no DNS answer, no server in service).
    Refused,
    /// Nobody answered the connection attempt before the caller's connect timeout: a dead
    /// host, balancer or database, or a partition between the zones.
    ConnectTimeout,
    /// A load balancer (or DNS) had no healthy target to send to.
    NoHealthyTarget,
    /// A bounded queue was full.
    QueueFull,
    /// The app itself answered 500 (a bad version deployed).
    AppError,
    /// The app process holds no database connection: processes x hosts up exceed the
    /// database's `max_connections` and no proxy multiplexes them.
    TooManyConnections,
}

impl ErrorCause {
    pub const ALL: [ErrorCause; 7] = [
        ErrorCause::Timeout,
        ErrorCause::Refused,
        ErrorCause::ConnectTimeout,
        ErrorCause::NoHealthyTarget,
        ErrorCause::QueueFull,
        ErrorCause::AppError,
        ErrorCause::TooManyConnections,
    ];

    /// Stable snake_case name, used as a JSON key by the runner.
    pub fn key(self) -> &'static str {
        match self {
            ErrorCause::Timeout => "timeout",
            ErrorCause::Refused => "refused",
            ErrorCause::ConnectTimeout => "connect_timeout",
            ErrorCause::NoHealthyTarget => "no_healthy_target",
            ErrorCause::QueueFull => "queue_full",
            ErrorCause::AppError => "app_error",
            ErrorCause::TooManyConnections => "too_many_connections",
        }
    }
}

/// Counts of failed requests, by cause.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ErrorCounts {
    pub timeout: u64,
    pub refused: u64,
    pub connect_timeout: u64,
    pub no_healthy_target: u64,
    pub queue_full: u64,
    pub app_error: u64,
    pub too_many_connections: u64,
}

impl ErrorCounts {
    pub fn add(&mut self, cause: ErrorCause) {
        *self.get_mut(cause) += 1;
    }
    pub fn get(&self, cause: ErrorCause) -> u64 {
        match cause {
            ErrorCause::Timeout => self.timeout,
            ErrorCause::Refused => self.refused,
            ErrorCause::ConnectTimeout => self.connect_timeout,
            ErrorCause::NoHealthyTarget => self.no_healthy_target,
            ErrorCause::QueueFull => self.queue_full,
            ErrorCause::AppError => self.app_error,
            ErrorCause::TooManyConnections => self.too_many_connections,
        }
    }
    fn get_mut(&mut self, cause: ErrorCause) -> &mut u64 {
        match cause {
            ErrorCause::Timeout => &mut self.timeout,
            ErrorCause::Refused => &mut self.refused,
            ErrorCause::ConnectTimeout => &mut self.connect_timeout,
            ErrorCause::NoHealthyTarget => &mut self.no_healthy_target,
            ErrorCause::QueueFull => &mut self.queue_full,
            ErrorCause::AppError => &mut self.app_error,
            ErrorCause::TooManyConnections => &mut self.too_many_connections,
        }
    }
    pub fn total(&self) -> u64 {
        self.timeout
            + self.refused
            + self.no_healthy_target
            + self.queue_full
            + self.app_error
            + self.too_many_connections
            + self.connect_timeout
    }
}

/// Per-component totals over the measurement window.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ComponentTotals {
    /// Requests (or queries) that reached the component.
    pub arrivals: u64,
    /// Requests (or queries) that left it served.
    pub completions: u64,
    /// Requests it failed (refused, queue full, no healthy target).
    pub errors: u64,
    /// Time-integral of busy servers, in server-seconds.
    pub busy_s: f64,
    /// Time-integral of the queue length, in request-seconds.
    pub queue_s: f64,
    /// Time-integral of requests present (waiting + in service), in request-seconds.
    pub present_s: f64,
    /// Sum of the time completed requests spent here (waiting + service), in seconds.
    pub sojourn_s: f64,
    /// Server capacity (servers x seconds) available over the window, for utilisation.
    pub capacity_s: f64,
    /// Time-integral of busy cores (core-seconds) and of the cores of the hosts that were up.
    /// An app tier counts every busy core of its hosts (a database sharing a host uses them
    /// too, as `top` on that host would show); a database its own cores, or on an app host
    /// the host's core-seconds its queries used over the host's cores.
    pub cpu_busy_s: f64,
    pub cpu_capacity_s: f64,
}

impl ComponentTotals {
    /// The limiting resource's busy fraction: the larger of [`Self::servers_utilization`]
    /// and [`Self::cpu_utilization`].
    pub fn utilization(&self) -> f64 {
        self.servers_utilization().max(self.cpu_utilization())
    }
    /// Busy fraction of the component's own servers: worker processes of an app tier,
    /// connections (running a query) of a database.
    pub fn servers_utilization(&self) -> f64 {
        if self.capacity_s > 0.0 {
            self.busy_s / self.capacity_s
        } else {
            0.0
        }
    }
    /// Busy cores over the cores of the hosts that were up (0 for components without cores).
    pub fn cpu_utilization(&self) -> f64 {
        if self.cpu_capacity_s > 0.0 {
            self.cpu_busy_s / self.cpu_capacity_s
        } else {
            0.0
        }
    }
    pub fn mean_queue(&self, window_s: f64) -> f64 {
        if window_s > 0.0 {
            self.queue_s / window_s
        } else {
            0.0
        }
    }
    /// Mean time a completed request spent here, in seconds.
    pub fn mean_sojourn_s(&self) -> f64 {
        if self.completions > 0 {
            self.sojourn_s / self.completions as f64
        } else {
            0.0
        }
    }
}

/// Totals over the measurement window (from `measure_from` to now). Only requests that
/// arrive inside the window are counted, so a warm-up cut removes the empty-system bias.
#[derive(Clone, Debug)]
pub struct Totals {
    /// Requests born in the window (each counts once, however many attempts it takes).
    pub arrived: u64,
    /// Retries of those requests (attempts after the first); `attempts()` is the sum.
    pub retries: u64,
    pub completed: u64,
    pub failed: u64,
    pub errors: ErrorCounts,
    /// End-to-end latency of completed requests, in microseconds.
    pub latency_us: Histogram<u64>,
    pub latency_sum_s: f64,
    /// Time to failure of failed requests (from birth until the client learnt of the failure:
    /// its timeout, or the error's arrival), in microseconds. Kept apart from `latency_us` so
    /// that neither hides the other: a run with many timeouts has a short successful p99 and a
    /// long failed one.
    pub failed_latency_us: Histogram<u64>,
    pub failed_latency_sum_s: f64,
    pub components: Vec<ComponentTotals>,
}

/// One simulated second of the run, for the live charts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SecondStats {
    /// Start of the second, in whole simulated seconds.
    pub second: u64,
    /// Requests born in this second (their first attempts).
    pub arrived: u64,
    /// Successful responses in this second: the goodput (see [`SecondStats::goodput`]).
    /// Retries started in this second; `attempts_per_request` shows a retry storm.
    pub retries: u64,
    pub completed: u64,
    pub errors: ErrorCounts,
    /// Latency percentiles of requests completed in this second, in ms (0 when none).
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub mean_ms: f64,
    /// Time-to-failure percentiles of requests failed in this second, in ms (0 when none).
    pub failed_p50_ms: f64,
    pub failed_p95_ms: f64,
    pub failed_p99_ms: f64,
    /// Per component, in scenario order: utilisation (the limiting resource: the larger of the
    /// two below) and mean queue over this second.
    pub utilization: Vec<f32>,
    pub queue: Vec<f32>,
    /// Per component: busy fraction of its own servers (processes of an app tier, connections
    /// of a database) and of its cores (see [`ComponentTotals::cpu_busy_s`]).
    pub servers_utilization: Vec<f32>,
    pub cpu_utilization: Vec<f32>,
}

impl SecondStats {
    /// Successful responses in this second.
    pub fn goodput(&self) -> u64 {
        self.completed
    }
    /// Responses of any kind in this second (successes and failures): the throughput.
    pub fn answered(&self) -> u64 {
        self.completed + self.errors.total()
    }
}

impl Totals {
    /// Attempts of the window's requests: first attempts plus retries.
    pub fn attempts(&self) -> u64 {
        self.arrived + self.retries
    }
}

impl SecondStats {
    /// Attempts started in this second per request born in it (1 without retries; 0 when no
    /// request was born): how much the clients multiply the load they offer.
    pub fn attempts_per_request(&self) -> f64 {
        if self.arrived > 0 {
            (self.arrived + self.retries) as f64 / self.arrived as f64
        } else {
            0.0
        }
    }
}

/// Everything measured so far.
#[derive(Clone, Debug)]
pub struct Metrics {
    /// Measurement starts here (the runner's --warmup); requests born earlier are ignored.
    pub measure_from: Time,
    pub totals: Totals,
    /// The most recent seconds, oldest first (at most `SERIES_LEN`).
    pub series: std::collections::VecDeque<SecondStats>,
}

impl Metrics {
    /// How many seconds of history the live charts keep (10 minutes).
    pub const SERIES_LEN: usize = 600;

    /// Successful responses per second of the window, of requests born in it (the goodput;
    /// [`Metrics::answered_rps`] counts failures too).
    pub fn throughput_rps(&self, now: Time) -> f64 {
        let w = self.window_s(now);
        if w > 0.0 {
            self.totals.completed as f64 / w
        } else {
            0.0
        }
    }
    pub fn window_s(&self, now: Time) -> f64 {
        super::to_secs(now.saturating_sub(self.measure_from))
    }
    pub fn error_rate(&self) -> f64 {
        let done = self.totals.completed + self.totals.failed;
        if done > 0 {
            self.totals.failed as f64 / done as f64
        } else {
            0.0
        }
    }
    /// A latency quantile (0..1) of completed requests, in ms.
    pub fn latency_ms(&self, q: f64) -> f64 {
        if self.totals.latency_us.is_empty() {
            0.0
        } else {
            self.totals.latency_us.value_at_quantile(q) as f64 / 1000.0
        }
    }
    /// A time-to-failure quantile (0..1) of failed requests, in ms.
    pub fn failed_latency_ms(&self, q: f64) -> f64 {
        if self.totals.failed_latency_us.is_empty() {
            0.0
        } else {
            self.totals.failed_latency_us.value_at_quantile(q) as f64 / 1000.0
        }
    }
    pub fn mean_failed_latency_ms(&self) -> f64 {
        if self.totals.failed > 0 {
            self.totals.failed_latency_sum_s * 1000.0 / self.totals.failed as f64
        } else {
            0.0
        }
    }
    /// Successful responses per second of the window, of requests born in it.
    pub fn goodput_rps(&self, now: Time) -> f64 {
        self.throughput_rps(now)
    }
    /// Responses of any kind (successes and failures) per second of the window.
    pub fn answered_rps(&self, now: Time) -> f64 {
        let w = self.window_s(now);
        if w > 0.0 {
            (self.totals.completed + self.totals.failed) as f64 / w
        } else {
            0.0
        }
    }
    pub fn mean_latency_ms(&self) -> f64 {
        if self.totals.completed > 0 {
            self.totals.latency_sum_s * 1000.0 / self.totals.completed as f64
        } else {
            0.0
        }
    }
}
