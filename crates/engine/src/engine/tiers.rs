//! App tiers as one owned table: every tier, its host slots, and the versions of code they run.
//!
//! A tier (a target group, an auto-scaling group) is one [`App`] with a fixed run of host slots
//! in `hosts` (`first_host .. first_host + count`), so a tier of identical servers is one thing,
//! not N copies, and nothing is allocated while the fleet changes. What a request does on a
//! host is `app`'s; a host's life (launch, boot, draining) is `fleet`'s. The methods here read
//! and change only the tiers: which slots a tier has, what state they are in, billing counts.

use std::collections::VecDeque;

use super::fleet::{AfterDrain, Life};
use super::request::NONE;
use super::station::Station;
use super::Time;

pub(super) struct Tiers {
    pub apps: Vec<App>,
    pub hosts: Vec<Host>,
    /// Effects of each version (0: the scenario's own code; then one per deployment).
    pub versions: Vec<VersionFx>,
}

/// How requests served by a version behave.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct VersionFx {
    pub error_rate: f64,
    pub extra_ns: Time,
}

pub(super) struct App {
    pub comp: u32,
    pub first_host: u32,
    pub count: u32,
    pub processes: u32,
    /// Mean CPU burst in ns, and whether it is constant rather than exponential.
    pub cpu_mean: f64,
    pub constant: bool,
    pub db_queries: u32,
    pub write_ratio: f64,
    pub backlog: u32,
    pub restart: Time,
    /// Database group the tier writes to (NONE without a database), and the read replicas it
    /// links to.
    pub group: u32,
    pub replicas: Vec<u32>,
    pub rr_replica: u32,
    /// Round robin over hosts for clients (or DNS) that reach the tier without a balancer.
    pub rr_host: u32,
    pub hosts_up: u32,
    /// The version new and restarted hosts run (0: the one the scenario starts with).
    pub version: u32,
    /// Auto-scaling group settings and policy state.
    pub asg: Option<super::autoscale::Asg>,
    /// Billed hosts now, their time integral (host x ns) and the price of one host-hour.
    pub billable: u32,
    pub host_ns: u128,
    pub bill_last: Time,
    pub host_hour_usd: f64,
}

impl App {
    /// Bit mask with one bit per process.
    pub fn full_mask(&self) -> u64 {
        if self.processes >= 64 {
            u64::MAX
        } else {
            (1u64 << self.processes) - 1
        }
    }
}

pub(super) struct Host {
    pub app: u32,
    /// Position inside its tier (0-based), as faults and the log name it.
    pub index: u32,
    pub killed: bool,
    pub up: bool,
    pub cores: Station,
    pub backlog: VecDeque<u32>,
    /// Idle and crashed processes, one bit each.
    pub idle: u64,
    pub crashed: u64,
    /// The request each process holds (NONE when idle).
    pub proc_req: Vec<u32>,
    pub rr: u32,
    /// Bumped on each crash and on host restarts, so a stale restart event does nothing.
    pub crash_gen: Vec<u32>,
    pub life: Life,
    /// Bumped on each life change, so stale boot and drain events do nothing.
    pub life_gen: u32,
    /// Index into `Tiers::versions` of the code it runs.
    pub version: u32,
    /// Part of a blue/green fleet not yet switched to.
    pub green: bool,
    pub in_service_at: Time,
    pub drain_until: Time,
    pub after_drain: AfterDrain,
    /// Boot time of the restart that follows its draining.
    pub restart_boot: Time,
}

impl Host {
    /// Next idle process at or after the round-robin pointer.
    pub fn take_idle(&mut self) -> Option<u32> {
        if self.idle == 0 {
            return None;
        }
        let ahead = if self.rr >= 64 { 0 } else { self.idle & (u64::MAX << self.rr) };
        let p = if ahead != 0 { ahead.trailing_zeros() } else { self.idle.trailing_zeros() };
        self.idle &= !(1u64 << p);
        self.rr = p + 1;
        Some(p)
    }
}

impl Tiers {
    /// Host slots of tier `a` (global indices).
    pub fn slots(&self, a: usize) -> std::ops::Range<usize> {
        let app = &self.apps[a];
        app.first_host as usize..(app.first_host + app.count) as usize
    }

    /// Hosts of tier `a` in a given life state.
    pub fn count_life(&self, a: usize, life: Life) -> u32 {
        self.slots(a).filter(|&h| self.hosts[h].life == life).count() as u32
    }

    /// Hosts that count as the group's capacity: booting and in service (not draining).
    pub fn group_size(&self, a: usize) -> u32 {
        self.count_life(a, Life::InService) + self.count_life(a, Life::Booting)
    }

    /// The component index of the tier host `h` belongs to.
    pub fn comp_of_host(&self, h: usize) -> usize {
        self.apps[self.hosts[h].app as usize].comp as usize
    }

    /// A host for a request that reaches tier `a` without a balancer: the next in service,
    /// round robin (NONE when none is).
    pub fn direct_host(&mut self, a: usize) -> u32 {
        let app = &mut self.apps[a];
        let n = app.count;
        for k in 0..n {
            let h = app.first_host + (app.rr_host.wrapping_add(k)) % n;
            if self.hosts[h as usize].life == Life::InService {
                app.rr_host = app.rr_host.wrapping_add(k + 1);
                return h;
            }
        }
        NONE
    }

    /// `delta` hosts of tier `a` start (or stop) being billed at `now`.
    pub fn bill_change(&mut self, a: usize, delta: i32, now: Time) {
        let app = &mut self.apps[a];
        app.host_ns += app.billable as u128 * (now - app.bill_last) as u128;
        app.bill_last = now;
        app.billable = app.billable.saturating_add_signed(delta);
    }
}
