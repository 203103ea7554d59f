//! The life of a host in a tier whose size changes: launch, boot, service, draining, stop.
//!
//! A tier keeps a fixed array of host slots (its `count`, or the auto-scaling maximum, doubled
//! when a blue/green deployment needs a second fleet; 64 at most), so nothing is allocated or
//! rebuilt while the run changes the fleet: each slot has a [`Life`]. A launched host is billed
//! from launch; it boots (down, refusing nothing because nothing is sent to it), then is in
//! service: registered at its balancers, which send to it once `healthy_threshold` checks have
//! passed (a tier without balancer uses it at once). Removal goes through connection draining:
//! the host is deregistered (no new requests), keeps serving what it has until it is empty or
//! `deregistration_delay_s` has passed, and only then stops (or restarts with a new version).
//! What it still holds at the end of the delay fails `Refused`, as at AWS.

use super::log::LogKind;
use super::queue::Kind;
use super::request::NONE;
use super::sim::Sim;
use super::{Time, NS_PER_S};

/// Where a host slot is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Life {
    /// Not running and not billed.
    Stopped,
    /// Launched or restarting: billed, down, passes its first health check at the end.
    Booting,
    /// A booted blue/green host waiting for the switch (down, receives nothing).
    Ready,
    InService,
    /// Deregistered: finishing its requests before it stops or restarts.
    Draining,
}

impl Life {
    /// Billed: booting, waiting, serving or draining.
    pub fn billable(self) -> bool {
        self != Life::Stopped
    }
    /// Running the app (may hold requests).
    pub fn powered(self) -> bool {
        matches!(self, Life::InService | Life::Draining)
    }
}

/// What a draining host does when it is empty (or its delay is over).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum AfterDrain {
    Stop,
    /// Restart with this version (a rolling deployment's batch).
    Restart(u32),
}

/// How often a draining host is checked for being empty.
const DRAIN_POLL: Time = NS_PER_S / 2;

impl Sim {
    /// Starts a stopped slot with `version`; `green` hosts wait for a blue/green switch instead
    /// of entering service when booted.
    pub(super) fn launch(&mut self, h: usize, version: u32, boot: Time, green: bool) {
        self.tiers.bill_change(self.tiers.hosts[h].app as usize, 1, self.clock.now);
        let host = &mut self.tiers.hosts[h];
        host.killed = false;
        host.green = green;
        let server = host.index;
        let comp = self.tiers.apps[host.app as usize].comp as usize;
        self.note(Some(comp), LogKind::HostLaunched { server });
        self.boot(h, version, boot);
    }

    /// (Re)boots host `h` with `version`: it goes down now and comes up after `boot`.
    pub(super) fn boot(&mut self, h: usize, version: u32, boot: Time) {
        if self.tiers.hosts[h].up {
            self.host_stop(h);
        }
        let host = &mut self.tiers.hosts[h];
        host.life = Life::Booting;
        host.version = version;
        host.life_gen = host.life_gen.wrapping_add(1);
        let gen = host.life_gen;
        if !self.tiers.hosts[h].green {
            self.ingress.register(h, false);
        }
        self.clock.queue.push(self.clock.now + boot, Kind::BootDone { host: h as u32, gen });
    }

    pub(super) fn on_boot_done(&mut self, h: usize, gen: u32) {
        let host = &mut self.tiers.hosts[h];
        if host.life_gen != gen || host.life != Life::Booting {
            return;
        }
        if host.green {
            host.life = Life::Ready;
            return;
        }
        self.enter_service(h);
    }

    /// Host `h` starts serving: up (unless killed or its tier is down), metrics warm-up starts.
    pub(super) fn enter_service(&mut self, h: usize) {
        let host = &mut self.tiers.hosts[h];
        host.life = Life::InService;
        host.green = false;
        host.in_service_at = self.clock.now;
        let (a, server) = (host.app as usize, host.index);
        let comp = self.tiers.apps[a].comp as usize;
        if self.topo.comp_up(comp) && !self.tiers.hosts[h].killed {
            self.host_start(h);
        }
        self.note(Some(comp), LogKind::HostInService { server });
    }

    /// Connection draining: deregisters `h` and lets it finish, then `then`.
    pub(super) fn drain(&mut self, h: usize, then: AfterDrain) {
        let delay = self.ingress.drain_delay(h);
        self.ingress.deregister(h);
        let host = &mut self.tiers.hosts[h];
        host.life = Life::Draining;
        host.after_drain = then;
        host.drain_until = self.clock.now + delay;
        host.life_gen = host.life_gen.wrapping_add(1);
        let gen = host.life_gen;
        let (a, server) = (host.app as usize, host.index);
        let comp = self.tiers.apps[a].comp as usize;
        self.note(Some(comp), LogKind::HostDraining { server });
        self.on_drain_check(h, gen);
    }

    pub(super) fn on_drain_check(&mut self, h: usize, gen: u32) {
        let host = &self.tiers.hosts[h];
        if host.life_gen != gen || host.life != Life::Draining {
            return;
        }
        if self.clock.now >= host.drain_until || self.host_empty(h) {
            match host.after_drain {
                AfterDrain::Stop => self.terminate(h),
                AfterDrain::Restart(v) => {
                    let boot = self.tiers.hosts[h].restart_boot;
                    self.boot(h, v, boot);
                }
            }
        } else {
            let at = (self.clock.now + DRAIN_POLL).min(host.drain_until);
            self.clock.queue.push(at, Kind::DrainCheck { host: h as u32, gen });
        }
    }

    /// No request held, waiting, or on its way to or from `h` through a balancer.
    fn host_empty(&self, h: usize) -> bool {
        let host = &self.tiers.hosts[h];
        host.proc_req.iter().all(|&r| r == NONE) && host.backlog.is_empty() && self.ingress.none_active(h)
    }

    /// Stops host `h` for good (its slot becomes free); billing stops.
    pub(super) fn terminate(&mut self, h: usize) {
        if self.tiers.hosts[h].up {
            self.host_stop(h);
        }
        self.ingress.deregister(h);
        let host = &mut self.tiers.hosts[h];
        host.life = Life::Stopped;
        host.life_gen = host.life_gen.wrapping_add(1);
        host.killed = false;
        host.green = false;
        let (a, server) = (host.app as usize, host.index);
        self.tiers.bill_change(a, -1, self.clock.now);
        let comp = self.tiers.apps[a].comp as usize;
        self.note(Some(comp), LogKind::HostTerminated { server });
    }
}
