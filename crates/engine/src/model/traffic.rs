//! The traffic profile: how many requests per second, and how that changes over time.

/// Total request rate over all client populations, and its shape in time.
#[derive(Clone, Debug, PartialEq)]
pub struct Traffic {
    /// Base rate in requests per second (1 to 1,000,000).
    pub rate_rps: f64,
    pub pattern: Pattern,
    pub arrivals: Arrivals,
}

impl Default for Traffic {
    fn default() -> Self {
        Traffic { rate_rps: 50.0, pattern: Pattern::Steady, arrivals: Arrivals::Poisson }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Pattern {
    Steady,
    /// From `rate_rps` at t = 0 linearly to `to_rps` at `over_s`, then steady.
    Ramp {
        to_rps: f64,
        over_s: f64,
    },
    /// `rate_rps` times `factor` from `at_s` for `for_s` seconds.
    Spike {
        at_s: f64,
        for_s: f64,
        factor: f64,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrivals {
    /// Independent users: exponential gaps (a Poisson process).
    Poisson,
    /// Evenly spaced requests, for demonstrations without randomness.
    Uniform,
}

impl Traffic {
    /// The total rate at simulated second `t`.
    pub fn rate_at(&self, t: f64) -> f64 {
        match self.pattern {
            Pattern::Steady => self.rate_rps,
            Pattern::Ramp { to_rps, over_s } => {
                if over_s <= 0.0 || t >= over_s {
                    to_rps
                } else {
                    self.rate_rps + (to_rps - self.rate_rps) * (t / over_s)
                }
            }
            Pattern::Spike { at_s, for_s, factor } => {
                if t >= at_s && t < at_s + for_s {
                    self.rate_rps * factor
                } else {
                    self.rate_rps
                }
            }
        }
    }

    /// The highest rate the pattern ever reaches (for thinning a Poisson process).
    pub fn peak_rate(&self) -> f64 {
        match self.pattern {
            Pattern::Steady => self.rate_rps,
            Pattern::Ramp { to_rps, .. } => self.rate_rps.max(to_rps),
            Pattern::Spike { factor, .. } => self.rate_rps * factor.max(1.0),
        }
    }
}
