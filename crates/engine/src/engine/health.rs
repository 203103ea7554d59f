//! Health checks: a state machine per target, shared by load balancers and DNS.
//!
//! A target starts healthy. Each check passes or fails; `unhealthy_threshold` consecutive
//! failures take a healthy target out, `healthy_threshold` consecutive passes put an unhealthy
//! one back. A check of a dead or unreachable target fails only when its timeout expires, so
//! detection takes up to `interval x unhealthy_threshold + timeout` after a failure: the
//! window in which requests still go to the dead target and fail.
//!
//! A load balancer's check is a request on the real path (`balancer::on_lb_tick`): it crosses
//! the network to the host, waits in its backlog for a worker like any request, uses
//! [`CHECK_CPU`] of a core and comes back. It passes when its answer is back within the
//! timeout; it fails when the host answers with an error (backlog full, host stopping) or not
//! in time: a dead or partitioned host never answers, and an overloaded or slow host answers
//! too late, so it is taken out too and may flap back in once its backlog drains. The check's
//! result applies when its answer arrives; the checks still out when the timeout expires fail
//! then, together (one `LbFails` event per tick, not one timer per check). DNS checks stay
//! "is it alive" probes (`dns.rs`): Route 53 checks an endpoint from outside the region and
//! the lab has no path for them.

use crate::model::HealthCheck;

use super::{secs, Time};

/// The settings, in engine time.
#[derive(Clone, Copy, Debug)]
pub(super) struct Settings {
    pub interval: Time,
    pub timeout: Time,
    pub unhealthy: u32,
    pub healthy: u32,
}

impl Settings {
    pub fn from_model(h: &HealthCheck) -> Self {
        Settings {
            interval: secs(h.interval_s).max(1),
            timeout: secs(h.timeout_s),
            unhealthy: h.unhealthy_threshold.max(1),
            healthy: h.healthy_threshold.max(1),
        }
    }
}

/// What one target looks like to its checker.
#[derive(Clone, Copy, Debug)]
pub(super) struct Check {
    pub healthy: bool,
    pub fails: u32,
    pub passes: u32,
    /// The last tick's check failed; it counts when the timeout expires (DNS checks).
    pub pending_fail: bool,
    /// A load balancer's check sent at `sent` (the tick) is still out; it fails if it is not
    /// answered by the time the timeout expires.
    pub outstanding: bool,
    pub sent: Time,
}

/// CPU time a health check takes on the target: a health endpoint that answers from memory
/// (no database query). Tiny next to a request's, so checks hardly load a host, but it needs a
/// worker and a core like any request, so a host with none free answers late.
pub(super) const CHECK_CPU: Time = 100_000;

/// A change of a target's state, to log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Transition {
    Healthy { passes: u32 },
    Unhealthy { failures: u32 },
}

impl Default for Check {
    fn default() -> Self {
        Check { healthy: true, fails: 0, passes: 0, pending_fail: false, outstanding: false, sent: 0 }
    }
}

impl Check {
    pub fn pass(&mut self, s: &Settings) -> Option<Transition> {
        self.fails = 0;
        self.passes = self.passes.saturating_add(1);
        if !self.healthy && self.passes >= s.healthy {
            self.healthy = true;
            return Some(Transition::Healthy { passes: self.passes });
        }
        None
    }

    pub fn fail(&mut self, s: &Settings) -> Option<Transition> {
        self.passes = 0;
        self.fails = self.fails.saturating_add(1);
        if self.healthy && self.fails >= s.unhealthy {
            self.healthy = false;
            return Some(Transition::Unhealthy { failures: self.fails });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings { interval: 10, timeout: 2, unhealthy: 2, healthy: 3 }
    }

    #[test]
    fn takes_thresholds_of_consecutive_results() {
        let s = settings();
        let mut c = Check::default();
        assert_eq!(c.fail(&s), None);
        assert_eq!(c.pass(&s), None);
        assert_eq!(c.fail(&s), None);
        assert_eq!(c.fail(&s), Some(Transition::Unhealthy { failures: 2 }));
        assert_eq!(c.pass(&s), None);
        assert_eq!(c.pass(&s), None);
        assert_eq!(c.pass(&s), Some(Transition::Healthy { passes: 3 }));
        assert!(c.healthy);
    }
}
