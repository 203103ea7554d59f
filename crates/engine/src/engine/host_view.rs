//! The hosts of an app tier one by one, so the canvas can draw each billed server: a student
//! watching a rolling deployment must see *which* server leaves, boots the new version and
//! rejoins, which the tier's counts in [`ComponentView`](super::ComponentView) cannot show.

use super::fleet::Life;
use super::sim::Sim;
use super::topology::Role;

/// Where a billed host is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostPhase {
    /// Launched or restarting, or booted and waiting for a blue/green switch.
    Booting,
    InService,
    /// Deregistered, finishing its requests before it stops or restarts.
    Draining,
}

/// One billed host of an app tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HostView {
    /// Its position in the tier, as faults and the log name it (stable while it lives).
    pub index: u32,
    pub phase: HostPhase,
    /// Runs a deployed version, not the scenario's own.
    pub new_version: bool,
    /// Running and not killed (a booting host is down until its first health check).
    pub up: bool,
}

impl Sim {
    /// The billed hosts of app tier component `comp`, in slot order (empty for any other
    /// component). They are the hosts `ComponentView::servers_total` counts.
    pub fn hosts(&self, comp: usize) -> Vec<HostView> {
        let Some(Role::App(a)) = self.topo.comps.get(comp).map(|c| c.role) else { return Vec::new() };
        self.tiers
            .slots(a as usize)
            .map(|h| &self.tiers.hosts[h])
            .filter_map(|h| {
                let phase = match h.life {
                    Life::Stopped => return None,
                    Life::Booting | Life::Ready => HostPhase::Booting,
                    Life::InService => HostPhase::InService,
                    Life::Draining => HostPhase::Draining,
                };
                Some(HostView { index: h.index, phase, new_version: h.version != 0, up: h.up })
            })
            .collect()
    }
}
