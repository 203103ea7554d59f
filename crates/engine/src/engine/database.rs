//! Databases: connection-limited stations, read replicas, and primary/standby failover.
//!
//! A query waits for one of `max_connections` connections (the queue is bounded by
//! `queue_limit`; full means `QueueFull`) and takes `query_ms`. A database placed on an app
//! host (`host`) also needs one of that host's cores for the query and dies with the host.
//! Writes go to the group's primary; reads go round robin to the alive read replicas the app
//! links to, else to the primary. When a primary with an alive standby dies, the standby is
//! promoted after `failover_s`; meanwhile writes fail `Refused`. A revived old primary becomes
//! the standby. Without a standby the group stays down until its primary is revived.

use super::log::LogKind;
use super::queue::Kind;
use super::request::{Stage, NONE};
use super::sim::Sim;
use super::station::{Offer, Station};
use super::{secs, ErrorCause};

/// The data tier: every database and the primary/standby groups they form.
///
/// Indexed by `Role::Db` and by group; an app tier names its group and replicas (`App::group`,
/// `App::replicas`), and a database on an app host names that host (`Db::host`).
pub(super) struct Databases {
    pub dbs: Vec<Db>,
    pub groups: Vec<Group>,
}

pub(super) struct Db {
    pub comp: u32,
    pub group: u32,
    pub conns: Station,
    pub query_mean: f64,
    pub constant: bool,
    /// Global host index of the app host it shares (NONE for its own machine).
    pub host: u32,
    pub failover_s: f64,
    pub up: bool,
}

/// A primary with its standby (if any); replicas only point at their group.
pub(super) struct Group {
    pub primary: u32,
    pub standby: u32,
    pub failing_over: bool,
    pub gen: u32,
}

impl Sim {
    /// The database a query goes to.
    pub(super) fn query_target(&mut self, a: usize, write: bool) -> usize {
        if !write {
            let n = self.tiers.apps[a].replicas.len();
            for k in 0..n {
                let i = (self.tiers.apps[a].rr_replica as usize + k) % n;
                let d = self.tiers.apps[a].replicas[i] as usize;
                if self.data.dbs[d].up {
                    self.tiers.apps[a].rr_replica = (i + 1) as u32;
                    return d;
                }
            }
        }
        self.data.groups[self.tiers.apps[a].group as usize].primary as usize
    }

    /// A query reaches database `req.db`.
    pub(super) fn arrive_db(&mut self, r: u32) {
        let d = self.slab.get(r).db as usize;
        let comp = self.data.dbs[d].comp as usize;
        if !self.data.dbs[d].up {
            // Still an instant refusal, unlike a dead host or balancer (see `connect`).
            self.obs.rec.component_error(comp);
            self.query_back(r, Some(ErrorCause::Refused));
            return;
        }
        self.obs.rec.component_arrival(comp);
        self.slab.get_mut(r).at_db = self.clock.now;
        match self.data.dbs[d].conns.offer(r) {
            Offer::Served => {
                self.obs.rec.gauge(comp, self.clock.now, 1, 0, 1);
                self.start_query(r);
            }
            Offer::Queued => {
                self.slab.get_mut(r).stage = Stage::DbQueue;
                self.obs.rec.gauge(comp, self.clock.now, 0, 1, 1);
            }
            Offer::Full => {
                self.obs.rec.component_error(comp);
                self.queue_full(comp);
                self.query_back(r, Some(ErrorCause::QueueFull));
            }
        }
    }

    /// Sends the query result (or its error) back to the app host.
    fn query_back(&mut self, r: u32, err: Option<ErrorCause>) {
        let req = self.slab.get_mut(r);
        req.err = err;
        let (d, h) = (req.db as usize, req.host as usize);
        let from = self.data.dbs[d].comp;
        let to = self.tiers.comp_of_host(h) as u32;
        self.send(r, from, to, Stage::FromDb);
    }

    fn start_query(&mut self, r: u32) {
        let d = self.slab.get(r).db as usize;
        let h = self.data.dbs[d].host;
        if h != NONE {
            self.slab.get_mut(r).stage = Stage::DbCoreQueue;
            if self.tiers.hosts[h as usize].cores.offer(r) == Offer::Served {
                self.start_core(r);
            }
        } else {
            let (m, c) = (self.data.dbs[d].query_mean, self.data.dbs[d].constant);
            let t = self.clock.now + self.clock.rng.duration(m, c);
            let req = self.slab.get_mut(r);
            req.stage = Stage::DbService;
            let gen = req.gen;
            self.clock.queue.push(t, Kind::QueryDone { req: r, gen });
        }
    }

    pub(super) fn on_query_done(&mut self, r: u32, gen: u32) {
        if self.slab.current(r, gen) {
            self.query_served(r);
        }
    }

    /// The query of `r` is done: its connection goes to the next query, the result goes back.
    pub(super) fn query_served(&mut self, r: u32) {
        let d = self.slab.get(r).db as usize;
        let comp = self.data.dbs[d].comp as usize;
        self.obs.rec.gauge(comp, self.clock.now, -1, 0, -1);
        self.obs.rec.component_completion(comp, self.clock.now - self.slab.get(r).at_db);
        self.free_connection(d);
        self.query_back(r, None);
    }

    /// A connection of `d` is free: the next waiting query takes it, skipping queries whose
    /// client has already given up.
    fn free_connection(&mut self, d: usize) {
        let comp = self.data.dbs[d].comp as usize;
        loop {
            if !self.data.dbs[d].up {
                self.data.dbs[d].conns.release_idle();
                return;
            }
            let Some(n) = self.data.dbs[d].conns.release() else { return };
            if self.clock.now > self.slab.get(n).deadline {
                self.obs.rec.gauge(comp, self.clock.now, 0, -1, -1);
                self.abandon(n);
                continue;
            }
            self.obs.rec.gauge(comp, self.clock.now, 1, -1, 0);
            self.start_query(n);
            return;
        }
    }

    /// Frees whatever station place `r` occupies (a core or a connection) and invalidates its
    /// pending event. Processes and backlogs are the caller's business.
    pub(super) fn cancel(&mut self, r: u32) {
        let req = *self.slab.get(r);
        let db_comp = |s: &Sim| s.data.dbs[req.db as usize].comp as usize;
        match req.stage {
            Stage::CpuQueue => {
                self.tiers.hosts[req.host as usize].cores.remove(r);
            }
            Stage::CpuService => self.release_core(req.host as usize),
            Stage::DbQueue => {
                self.data.dbs[req.db as usize].conns.remove(r);
                let c = db_comp(self);
                self.obs.rec.gauge(c, self.clock.now, 0, -1, -1);
            }
            Stage::DbService | Stage::DbCoreQueue | Stage::DbCoreService => {
                let h = self.data.dbs[req.db as usize].host as usize;
                if req.stage == Stage::DbCoreQueue {
                    self.tiers.hosts[h].cores.remove(r);
                } else if req.stage == Stage::DbCoreService {
                    self.release_core(h);
                }
                let c = db_comp(self);
                self.obs.rec.gauge(c, self.clock.now, -1, 0, -1);
                self.free_connection(req.db as usize);
            }
            _ => {}
        }
        let req = self.slab.get_mut(r);
        req.gen = req.gen.wrapping_add(1);
    }

    /// Database `d` went down: its queries fail `Refused` back to their app hosts.
    pub(super) fn db_down(&mut self, d: usize) {
        self.data.dbs[d].up = false;
        let comp = self.data.dbs[d].comp as usize;
        self.obs.rec.set_capacity(comp, self.clock.now, 0);
        let inside: Vec<(u32, u32)> = (0..self.slab.reqs.len() as u32)
            .filter(|&r| {
                let q = self.slab.get(r);
                q.db as usize == d
                    && matches!(
                        q.stage,
                        Stage::DbQueue | Stage::DbService | Stage::DbCoreQueue | Stage::DbCoreService
                    )
            })
            .map(|r| (r, self.slab.get(r).gen))
            .collect();
        for (r, gen) in inside {
            if !self.slab.current(r, gen) {
                continue;
            }
            self.cancel(r);
            self.query_back(r, Some(ErrorCause::Refused));
        }
        self.note(Some(comp), LogKind::ComponentDown);
        self.check_failover(self.data.dbs[d].group as usize);
    }

    pub(super) fn db_up(&mut self, d: usize) {
        self.data.dbs[d].up = true;
        let comp = self.data.dbs[d].comp as usize;
        let cap = self.data.dbs[d].conns.servers as u64;
        self.obs.rec.set_capacity(comp, self.clock.now, cap);
        self.note(Some(comp), LogKind::ComponentUp);
        let g = self.data.dbs[d].group as usize;
        if self.data.groups[g].primary as usize == d && self.data.groups[g].failing_over {
            // The primary came back before its standby was promoted: the failover is moot.
            self.data.groups[g].failing_over = false;
            self.data.groups[g].gen = self.data.groups[g].gen.wrapping_add(1);
        }
        self.check_failover(g);
    }

    /// Starts a failover when the primary is down and the standby can take over.
    fn check_failover(&mut self, g: usize) {
        let grp = &self.data.groups[g];
        if grp.failing_over || grp.standby == NONE {
            return;
        }
        let (p, s) = (grp.primary as usize, grp.standby as usize);
        if self.data.dbs[p].up || !self.data.dbs[s].up {
            return;
        }
        let seconds = self.data.dbs[p].failover_s;
        let grp = &mut self.data.groups[g];
        grp.failing_over = true;
        grp.gen = grp.gen.wrapping_add(1);
        let gen = grp.gen;
        self.clock.queue.push(self.clock.now + secs(seconds), Kind::FailoverDone { group: g as u32, gen });
        let comp = self.data.dbs[p].comp as usize;
        let standby = self.data.dbs[s].comp as usize;
        self.note(Some(comp), LogKind::FailoverStarted { standby, seconds });
    }

    pub(super) fn on_failover_done(&mut self, g: usize, gen: u32) {
        let grp = &self.data.groups[g];
        if grp.gen != gen || !grp.failing_over {
            return;
        }
        let (p, s) = (grp.primary, grp.standby);
        self.data.groups[g].failing_over = false;
        if !self.data.dbs[s as usize].up {
            return;
        }
        self.data.groups[g].primary = s;
        self.data.groups[g].standby = p;
        let comp = self.data.dbs[s as usize].comp as usize;
        self.note(Some(comp), LogKind::FailoverDone { standby: comp });
    }
}
