//! Faults: kill and revive anything, add latency, cut the network; from a click or the
//! scenario's timeline, through the same code.
//!
//! Liveness is layered: a component is up when it is not killed and neither its zone nor its
//! region is down; a host is up when its tier is up and the host itself is not killed; a
//! database on an app host is up only while that host is. Each fault changes one flag and
//! then re-derives the state of the components it touches, so a zone that recovers brings
//! back exactly what was not killed on its own.

use crate::model::{FaultAction, Placement, Problem, Target};

use super::log::{InjectedFault, LogKind};
use super::request::NONE;
use super::sim::Sim;
use super::topology::{Role, Topology};

impl Sim {
    /// Global host index of server `index` of app tier `id`.
    fn find_host(&self, id: &str, index: u32) -> Result<usize, Problem> {
        let c = self.topo.find_comp(id)?;
        match self.topo.comps[c].role {
            Role::App(a) if index < self.tiers.apps[a as usize].count => {
                Ok((self.tiers.apps[a as usize].first_host + index) as usize)
            }
            Role::App(_) => Err(Problem::NoServer { id: id.to_string(), index }),
            _ => Err(Problem::NotAnAppServer(id.to_string())),
        }
    }

    /// Applies a fault now. Errors name what does not exist (in the words of validation's
    /// problems, so the UI says them in its language); nothing changes then.
    pub(super) fn apply_fault(&mut self, action: &FaultAction) -> Result<(), Problem> {
        // Resolve everything first so that an error leaves the run untouched.
        let zone_pair =
            |t: &Topology, a: &Placement, b: &Placement| Ok::<_, Problem>((t.find_zone(a)?, t.find_zone(b)?));
        match action {
            FaultAction::Kill { target } | FaultAction::Revive { target } => {
                let kill = matches!(action, FaultAction::Kill { .. });
                match target {
                    Target::Component { id } => {
                        let c = self.topo.find_comp(id)?;
                        self.log_fault(action);
                        self.topo.comps[c].killed = kill;
                        self.refresh_comp(c);
                    }
                    Target::Server { id, index } => {
                        let h = self.find_host(id, *index)?;
                        self.log_fault(action);
                        self.tiers.hosts[h].killed = kill;
                        let c = self.tiers.comp_of_host(h);
                        self.refresh_comp(c);
                    }
                    Target::Process { id, server, index } => {
                        let h = self.find_host(id, *server)?;
                        if *index >= self.tiers.apps[self.tiers.hosts[h].app as usize].processes {
                            let (id, server, index) = (id.clone(), *server, *index);
                            return Err(Problem::NoProcess { id, server, index });
                        }
                        self.log_fault(action);
                        if kill {
                            self.crash_process(h, *index);
                        } else {
                            self.restart_process(h, *index, None);
                        }
                    }
                    Target::Zone { region, zone } => {
                        let z = self.topo.find_zone(&Placement::new(region, zone))?;
                        self.log_fault(action);
                        self.topo.zone_down[z] = kill;
                        let (region, zone) = (region.clone(), zone.clone());
                        let kind = if kill {
                            LogKind::ZoneDown { region, zone }
                        } else {
                            LogKind::ZoneUp { region, zone }
                        };
                        self.note(None, kind);
                        for c in 0..self.topo.comps.len() {
                            if self.topo.comps[c].zone as usize == z {
                                self.refresh_comp(c);
                            }
                        }
                    }
                    Target::Region { region } => {
                        let g = self.topo.find_region(region)?;
                        self.log_fault(action);
                        self.topo.region_down[g] = kill;
                        let region = region.clone();
                        self.note(
                            None,
                            if kill { LogKind::RegionDown { region } } else { LogKind::RegionUp { region } },
                        );
                        for c in 0..self.topo.comps.len() {
                            if self.topo.comps[c].region as usize == g {
                                self.refresh_comp(c);
                            }
                        }
                    }
                }
            }
            FaultAction::AddLatency { a, b, ms } => {
                let (za, zb) = zone_pair(&self.topo, a, b)?;
                self.log_fault(action);
                self.topo.net.set_extra(za, zb, *ms);
                self.note(None, LogKind::LatencyAdded { a: zone_name(a), b: zone_name(b), ms: *ms });
            }
            FaultAction::ClearLatency { a, b } => {
                let (za, zb) = zone_pair(&self.topo, a, b)?;
                self.log_fault(action);
                self.topo.net.set_extra(za, zb, 0.0);
                self.note(None, LogKind::LatencyCleared { a: zone_name(a), b: zone_name(b) });
            }
            FaultAction::Partition { a, b } | FaultAction::Heal { a, b } => {
                let (za, zb) = zone_pair(&self.topo, a, b)?;
                let cut = matches!(action, FaultAction::Partition { .. });
                self.log_fault(action);
                self.topo.net.set_cut(za, zb, cut);
                let (a, b) = (zone_name(a), zone_name(b));
                self.note(None, if cut { LogKind::Partitioned { a, b } } else { LogKind::Healed { a, b } });
            }
        }
        Ok(())
    }

    fn log_fault(&mut self, action: &FaultAction) {
        self.note(None, LogKind::FaultInjected { what: InjectedFault(action.clone()) });
    }

    /// Re-derives whether component `c` (and its hosts) is up and applies the transitions.
    pub(super) fn refresh_comp(&mut self, c: usize) {
        let up = self.topo.comp_up(c);
        match self.topo.comps[c].role {
            Role::App(a) => {
                let app = &self.tiers.apps[a as usize];
                let (first, count) = (app.first_host as usize, app.count as usize);
                let before = app.hosts_up;
                // With one host slot, that host going down or up is the tier going down or up,
                // which the tier's own line below says (the log names such a server by the
                // tier's id, so a second line would read the same).
                let per_server = count > 1;
                for h in first..first + count {
                    let want = up && !self.tiers.hosts[h].killed && self.tiers.hosts[h].life.powered();
                    if want != self.tiers.hosts[h].up {
                        if want {
                            self.host_up(h, per_server);
                        } else {
                            self.host_down(h, per_server);
                        }
                        self.refresh_hosted_dbs(h);
                    }
                }
                let after = self.tiers.apps[a as usize].hosts_up;
                if before > 0 && after == 0 {
                    self.note(Some(c), LogKind::ComponentDown);
                } else if before == 0 && after > 0 {
                    self.note(Some(c), LogKind::ComponentUp);
                }
            }
            Role::Db(d) => {
                let host = self.data.dbs[d as usize].host;
                let want = up && (host == NONE || self.tiers.hosts[host as usize].up);
                if want != self.data.dbs[d as usize].up {
                    if want {
                        self.db_up(d as usize);
                    } else {
                        self.db_down(d as usize);
                    }
                }
            }
            Role::Clients(_) | Role::Lb(_) | Role::Dns(_) => {
                if up == self.topo.comps[c].up {
                    return;
                }
                self.topo.comps[c].up = up;
                if let Role::Dns(n) = self.topo.comps[c].role {
                    self.ingress.dnss[n as usize].dead_since = if up { None } else { Some(self.clock.now) };
                }
                self.note(Some(c), if up { LogKind::ComponentUp } else { LogKind::ComponentDown });
            }
        }
    }

    fn refresh_hosted_dbs(&mut self, h: usize) {
        for d in 0..self.data.dbs.len() {
            if self.data.dbs[d].host as usize == h {
                let c = self.data.dbs[d].comp as usize;
                self.refresh_comp(c);
            }
        }
    }
}

fn zone_name(p: &Placement) -> String {
    format!("{}{}", p.region, p.zone)
}

/// The engine's terse English wording of a fault, kept only as the `Debug` text of
/// [`InjectedFault`] (the fingerprint hashes it); people read `i18n::describe_fault`.
pub(super) fn describe(action: &FaultAction) -> String {
    let target = |t: &Target| match t {
        Target::Component { id } => id.clone(),
        Target::Server { id, index } => format!("{id} server {index}"),
        Target::Process { id, server, index } => format!("{id} server {server} process {index}"),
        Target::Zone { region, zone } => format!("zone {region}{zone}"),
        Target::Region { region } => format!("region {region}"),
    };
    match action {
        FaultAction::Kill { target: t } => format!("kill {}", target(t)),
        FaultAction::Revive { target: t } => format!("revive {}", target(t)),
        FaultAction::AddLatency { a, b, ms } => {
            format!("add {ms} ms between {} and {}", zone_name(a), zone_name(b))
        }
        FaultAction::ClearLatency { a, b } => {
            format!("clear latency between {} and {}", zone_name(a), zone_name(b))
        }
        FaultAction::Partition { a, b } => format!("partition {} from {}", zone_name(a), zone_name(b)),
        FaultAction::Heal { a, b } => format!("heal {} and {}", zone_name(a), zone_name(b)),
    }
}
