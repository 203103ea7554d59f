//! What the UI reads: the per-component snapshot and the request dots on the wire.

use super::fleet::Life;
use super::request::{Stage, NONE};
use super::sim::Sim;
use super::topology::Role;
use super::{ComponentView, Dot, Health, Snapshot};

impl Sim {
    pub(super) fn build_snapshot(&self) -> Snapshot {
        let last = self.obs.rec.last_second.as_ref();
        let components = (0..self.topo.comps.len())
            .map(|i| {
                let g = &self.obs.rec.gauges[i];
                let mut v = ComponentView {
                    index: i,
                    utilization: last.and_then(|s| s.utilization.get(i)).map_or(0.0, |&u| u as f64),
                    queue: g.queue as u32,
                    busy: if matches!(self.topo.comps[i].role, Role::App(_) | Role::Db(_)) {
                        g.busy
                    } else {
                        g.present
                    } as u32,
                    recent_errors: self.obs.rec.counters[i].last_second_errors,
                    servers_up: 1,
                    servers_total: 1,
                    ..Default::default()
                };
                let up = self.topo.comp_up(i);
                v.health = if up { Health::Up } else { Health::Down };
                match self.topo.comps[i].role {
                    Role::Clients(_) | Role::Dns(_) => {
                        if let Role::Dns(n) = self.topo.comps[i].role {
                            let d = &self.ingress.dnss[n as usize];
                            v.healthy_targets = d.checks.iter().filter(|c| c.healthy).count() as u32;
                            v.total_targets = d.targets.len() as u32;
                        }
                    }
                    Role::Lb(l) => {
                        let lb = &self.ingress.lbs[l as usize];
                        v.healthy_targets = lb.healthy;
                        // Targets of billed hosts (booting, in service, draining), as a target
                        // group lists them: not the idle slots an auto-scaling group may fill.
                        v.total_targets = lb
                            .targets
                            .iter()
                            .filter(|t| self.tiers.hosts[t.host as usize].life.billable())
                            .count() as u32;
                        // Degraded when a server meant to be serving fails its checks; a
                        // booting or draining one (scaling, a deployment) is not a fault.
                        let serving = lb
                            .targets
                            .iter()
                            .filter(|t| self.tiers.hosts[t.host as usize].life == Life::InService)
                            .count() as u32;
                        if up && lb.healthy < serving {
                            v.health = Health::Degraded;
                        }
                    }
                    Role::App(a) => {
                        let app = &self.tiers.apps[a as usize];
                        let hosts =
                            &self.tiers.hosts[app.first_host as usize..(app.first_host + app.count) as usize];
                        let crashed = hosts.iter().any(|h| h.up && h.crashed != 0);
                        let count = |l: Life| hosts.iter().filter(|h| h.life == l).count() as u32;
                        v.booting = count(Life::Booting) + count(Life::Ready);
                        v.in_service = count(Life::InService);
                        v.draining = count(Life::Draining);
                        v.new_version =
                            hosts.iter().filter(|h| h.life.billable() && h.version != 0).count() as u32;
                        v.worker_utilization = v.utilization;
                        let vcpus = hosts.first().map_or(1, |h| h.cores.servers);
                        v.cpu_utilization = v.utilization * core_bound(app.processes, vcpus);
                        v.servers_up = app.hosts_up;
                        v.servers_total = app.billable;
                        v.capacity = app.processes * app.hosts_up;
                        v.queue_capacity = app.backlog.saturating_mul(app.billable);
                        v.health = match app.hosts_up {
                            0 => Health::Down,
                            n if n < v.in_service + v.draining || crashed => Health::Degraded,
                            _ => Health::Up,
                        };
                    }
                    Role::Db(d) => {
                        let db = &self.data.dbs[d as usize];
                        v.capacity = if db.up { db.conns.servers } else { 0 };
                        v.connection_utilization = v.utilization;
                        // The data tier has no cores of its own yet: its busy share stands in.
                        v.cpu_utilization = v.utilization;
                        v.queue_capacity = db.conns.bound;
                        let failing_over =
                            db.group != NONE && self.data.groups[db.group as usize].failing_over;
                        v.health = if !db.up {
                            Health::Down
                        } else if failing_over {
                            Health::Degraded
                        } else {
                            Health::Up
                        };
                    }
                }
                v
            })
            .collect();
        Snapshot { time: self.clock.now, components }
    }

    pub(super) fn build_dots(&self, max: usize) -> (Vec<Dot>, usize) {
        let on_wire = |s: Stage| s.on_wire();
        let total = self.slab.reqs.iter().filter(|r| on_wire(r.stage)).count();
        let mut out = Vec::with_capacity(total.min(max));
        if max == 0 || total == 0 {
            return (out, total);
        }
        for (k, r) in self.slab.reqs.iter().filter(|r| on_wire(r.stage)).enumerate() {
            // Evenly spaced picks: the k-th request is taken when k * max / total steps up.
            let (k, m, n) = (k as u64, max as u64, total as u64);
            let take = n <= m || (k * m) / n != ((k + 1) * m) / n;
            if !take {
                continue;
            }
            let span = r.t1.saturating_sub(r.t0);
            let progress =
                if span == 0 { 1.0 } else { (self.clock.now.saturating_sub(r.t0)) as f64 / span as f64 };
            out.push(Dot {
                from: r.from,
                to: r.to,
                progress: progress.clamp(0.0, 1.0) as f32,
                response: matches!(r.stage, Stage::FromDb | Stage::BackToLb | Stage::BackToClient),
                error: r.err.is_some(),
            });
        }
        (out, total)
    }
}

/// Busy cores per busy server at most: `min(1, servers ÷ cores)` (placeholder until the cores
/// are metered: see `ComponentView::cpu_utilization`).
pub(super) fn core_bound(servers: u32, vcpus: u32) -> f64 {
    if vcpus == 0 {
        1.0
    } else {
        (f64::from(servers) / f64::from(vcpus)).min(1.0)
    }
}
