//! Simulated time: integer nanoseconds, so sums never drift and compare exactly.

/// A simulated instant or duration in nanoseconds since the start of the run.
pub type Time = u64;

pub const NS_PER_MS: Time = 1_000_000;
pub const NS_PER_S: Time = 1_000_000_000;

/// Seconds (from the scenario's f64 fields) to simulated time, rounded to the nanosecond.
/// Negative and non-finite inputs, which validation rules out, become 0 instead of wrapping.
pub fn secs(s: f64) -> Time {
    if s.is_finite() && s > 0.0 {
        (s * NS_PER_S as f64).round().min(u64::MAX as f64 / 2.0) as Time
    } else {
        0
    }
}

/// Milliseconds to simulated time.
pub fn ms(m: f64) -> Time {
    secs(m / 1000.0)
}

/// Simulated time to seconds, for display and for metrics.
pub fn to_secs(t: Time) -> f64 {
    t as f64 / NS_PER_S as f64
}
