//! Auto-scaling groups: a target-tracking policy on the tier's average CPU utilisation.
//!
//! AWS target tracking creates two hidden CloudWatch alarms: scale out after 3 one-minute
//! datapoints above the target, scale in after 15 below 90 % of it. A lesson cannot wait that
//! long, so the lab keeps the shape and shortens the clock: periods of [`PERIOD_S`] seconds,
//! out after [`OUT_PERIODS`] periods above the target, in after [`IN_PERIODS`] periods below
//! [`IN_FRACTION`] of it. The metric is CPU, as AWS target tracking on `CPUUtilization`: the
//! busy-core time of the tier's hosts over the period (busy processes waiting on a database do
//! not count) divided by the cores of its warmed-up hosts in service (a host's metrics count only
//! `warmup_s` after it entered service, as AWS excludes warming instances), so it can exceed
//! 100 % while new hosts warm up. The new size is proportional, `ceil(size x metric / target)`
//! (at least one more when scaling out; scale-in happens only when that is smaller), within
//! min and max. The policy waits while a host is booting or warming up (the new capacity is not
//! measured yet: AWS likewise counts warming instances as already added) and while a
//! deployment runs on the tier. `cooldown_s` separates two actions of the group. Scale-out launches the lowest free
//! slots; scale-in drains the highest slots in service.

use crate::model::AutoScaling;

use super::fleet::{AfterDrain, Life};
use super::log::{LogKind, ScaleReason};
use super::sim::Sim;
use super::tiers::Tiers;
use super::{secs, Time, NS_PER_S};

pub(super) const PERIOD_S: u64 = 10;
pub(super) const OUT_PERIODS: u32 = 3;
pub(super) const IN_PERIODS: u32 = 6;
pub(super) const IN_FRACTION: f64 = 0.9;

pub(super) struct Asg {
    pub min: u32,
    pub max: u32,
    /// Target CPU utilisation (busy cores / cores, 0..1).
    pub target: f64,
    pub boot: Time,
    pub warmup: Time,
    pub cooldown: Time,
    pub last_action: Option<Time>,
    high: u32,
    low: u32,
    busy_base: u128,
}

impl Asg {
    pub fn from_model(a: &AutoScaling) -> Self {
        Asg {
            min: a.min,
            max: a.max,
            target: a.target_cpu_pct / 100.0,
            boot: secs(a.boot_s),
            warmup: secs(a.warmup_s),
            cooldown: secs(a.cooldown_s),
            last_action: None,
            high: 0,
            low: 0,
            busy_base: 0,
        }
    }
}

impl Sim {
    /// Called at the end of every simulated second `second` (its start, in seconds).
    pub(super) fn autoscale_second(&mut self, second: u64) {
        if !(second + 1).is_multiple_of(PERIOD_S) {
            return;
        }
        for a in 0..self.tiers.apps.len() {
            if self.tiers.apps[a].asg.is_some() {
                self.policy_period(a);
            }
        }
    }

    fn policy_period(&mut self, a: usize) {
        let now = self.clock.now;
        let comp = self.tiers.apps[a].comp as usize;
        let busy = self.obs.rec.cpu[comp].cum_at(now).busy;
        let Some(asg) = self.tiers.apps[a].asg.as_mut() else { return };
        let used = busy - asg.busy_base;
        asg.busy_base = busy;
        let warmup = asg.warmup;
        let warmed = self
            .tiers
            .slots(a)
            .filter(|&h| {
                let host = &self.tiers.hosts[h];
                host.life == Life::InService && host.up && now >= host.in_service_at + warmup
            })
            .count() as u64;
        let vcpus = self.tiers.hosts[self.tiers.apps[a].first_host as usize].cores.servers;
        let cap = warmed as f64 * vcpus as f64 * (PERIOD_S * NS_PER_S) as f64;
        let Some(asg) = self.tiers.apps[a].asg.as_mut() else { return };
        if cap <= 0.0 {
            (asg.high, asg.low) = (0, 0);
            return;
        }
        let metric = used as f64 / cap;
        if metric > asg.target {
            (asg.high, asg.low) = (asg.high + 1, 0);
        } else if metric < asg.target * IN_FRACTION {
            (asg.high, asg.low) = (0, asg.low + 1);
        } else {
            (asg.high, asg.low) = (0, 0);
        }
        let (high, low, target) = (asg.high, asg.low, asg.target);
        let size = self.tiers.group_size(a);
        let wanted = (size as f64 * metric / target).ceil() as u32;
        let reason = ScaleReason::Cpu { pct: metric * 100.0 };
        let acted = if self.tiers.warming(a, self.clock.now) {
            false
        } else if high >= OUT_PERIODS {
            self.scale_to(a, wanted.max(size + 1), reason)
        } else {
            low >= IN_PERIODS && wanted < size && self.scale_to(a, wanted, reason)
        };
        if let (true, Some(g)) = (acted, self.tiers.apps[a].asg.as_mut()) {
            (g.high, g.low) = (0, 0);
        }
    }

    /// Moves group `a` towards `wanted` hosts (within min and max), unless it is cooling down
    /// or being deployed; returns whether it acted.
    pub(super) fn scale_to(&mut self, a: usize, wanted: u32, reason: ScaleReason) -> bool {
        let now = self.clock.now;
        let deploying = self.ops.deploying(a);
        let Some(asg) = self.tiers.apps[a].asg.as_ref() else { return false };
        if deploying || asg.last_action.is_some_and(|t| now < t + asg.cooldown) {
            return false;
        }
        let (boot, free_slots) = (asg.boot, self.tiers.count_life(a, Life::Stopped));
        let size = self.tiers.group_size(a);
        let to = wanted.clamp(asg.min, asg.max).min(size + free_slots);
        if to == size {
            return false;
        }
        let comp = self.tiers.apps[a].comp as usize;
        if to > size {
            self.note(Some(comp), LogKind::ScaledOut { from: size, to, reason });
            let version = self.tiers.apps[a].version;
            let free: Vec<usize> =
                self.tiers.slots(a).filter(|&h| self.tiers.hosts[h].life == Life::Stopped).collect();
            for &h in free.iter().take((to - size) as usize) {
                self.launch(h, version, boot, false);
            }
        } else {
            self.note(Some(comp), LogKind::ScaledIn { from: size, to, reason });
            let serving: Vec<usize> =
                self.tiers.slots(a).rev().filter(|&h| self.tiers.hosts[h].life == Life::InService).collect();
            for &h in serving.iter().take((size - to) as usize) {
                self.drain(h, AfterDrain::Stop);
            }
        }
        if let Some(g) = self.tiers.apps[a].asg.as_mut() {
            g.last_action = Some(now);
        }
        true
    }
}

impl Tiers {
    /// Some host of tier `a` is booting or still inside its warm-up at `now`.
    fn warming(&self, a: usize, now: Time) -> bool {
        let warmup = self.apps[a].asg.as_ref().map_or(0, |g| g.warmup);
        self.slots(a).any(|h| {
            let host = &self.hosts[h];
            host.life == Life::Booting || (host.life == Life::InService && now < host.in_service_at + warmup)
        })
    }
}
