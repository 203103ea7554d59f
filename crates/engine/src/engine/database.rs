//! Databases as machines: connections, cores, read replicas, and primary/standby failover.
//!
//! A query holds a connection for its whole service (`query_ms`): its CPU part
//! (`query_cpu_fraction` of it, one exponential draw split in two) needs one of the database's
//! cores (`vcpus`, a FIFO station: connections beyond the cores queue there), its wait part
//! (I/O, locks) needs none. So raising `max_connections` past the cores does not raise
//! throughput; more cores do. A database placed on an app host (`host`) uses that host's cores
//! instead, shared with the app's CPU bursts, and dies with the host.
//!
//! Connections come from pools. Without a proxy, each worker process of the app tiers that
//! query the database holds one connection for its life (a synchronous worker does); when
//! processes x hosts up exceed `max_connections`, the processes ranked past it (by process
//! index, then host order: a stand-in for "the last to connect") hold none, and their queries
//! fail `TooManyConnections`. With `proxy` (RDS Proxy, PgBouncer) the processes hold proxy
//! connections and every query waits for one of the `max_connections` server connections (a
//! queue bounded by `queue_limit`; full means `QueueFull`).
//!
//! Writes go to the group's primary; reads go round robin to the alive read replicas the app
//! links to, else to the primary. When a primary with an alive standby dies, the standby is
//! promoted after `failover_s`; meanwhile writes still go to the dead primary, which does not
//! answer: each holds its app worker for the driver's connect timeout and fails
//! `ConnectTimeout` (see `connect`). New queries go to the standby at once after its promotion;
//! a query already waiting on the old primary waits out its timeout, as a pooled connection to a
//! dead host does. A revived old primary becomes the standby. Without a standby the group stays
//! down until its primary is revived.

use super::log::LogKind;
use super::queue::Kind;
use super::request::{Stage, NONE};
use super::sim::Sim;
use super::station::{Offer, Station};
use super::{secs, ErrorCause, Time};

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
    /// Its own cores (unused when it runs on an app host).
    pub cores: Station,
    /// Share of a query's service time spent on a core.
    pub cpu_fraction: f64,
    pub proxy: bool,
    /// App tiers whose processes hold a connection to it, and the most connections they can
    /// hold (processes x host slots): at most `conns.servers`, no process ever lacks one.
    pub pool_apps: Vec<u32>,
    pub pool_max: u64,
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
    ///
    /// Reads skip a read replica that is down from the instant it dies: a stand-in for a pool
    /// that has detected the failure (as a driver does after one failed connect, like pgJDBC's
    /// multi-host `hostRecheckSeconds`), without the first unanswered attempt. It is the
    /// optimistic end: reads already sent to the replica, or inside it, still wait their
    /// timeout. Writes, and reads without an alive replica, go to the group's current primary,
    /// dead or not: only a promotion moves them.
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
            // A dead database does not answer: the app process waits for its driver's connect
            // timeout, counted from when it sent the query (see `connect`).
            self.obs.rec.component_error(comp);
            let req = self.slab.get(r);
            self.connect_unanswered(r, req.from, req.to, req.t0);
            return;
        }
        self.obs.rec.component_arrival(comp);
        let (h, p) = (self.slab.get(r).host as usize, self.slab.get(r).proc);
        if !self.holds_connection(d, h, p) {
            self.obs.rec.component_error(comp);
            self.query_back(r, Some(ErrorCause::TooManyConnections));
            return;
        }
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

    /// Whether process `p` of host `h` holds a connection to database `d` (always, through a
    /// proxy or while the pools cannot exceed `max_connections`). Otherwise connections go by
    /// rank (process index, then global host index) over the processes of the linked tiers'
    /// hosts that are up.
    fn holds_connection(&self, d: usize, h: usize, p: u32) -> bool {
        let db = &self.data.dbs[d];
        let max = u64::from(db.conns.servers);
        if db.proxy || db.pool_max <= max {
            return true;
        }
        let mut rank = 0u64;
        for &a in &db.pool_apps {
            let app = &self.tiers.apps[a as usize];
            rank += u64::from(app.hosts_up) * u64::from(p.min(app.processes));
            if app.processes > p {
                rank +=
                    self.tiers.slots(a as usize).filter(|&x| x < h && self.tiers.hosts[x].up).count() as u64;
            }
        }
        rank < max
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

    /// The query of `r` has its connection: its service time is drawn, then its CPU part waits
    /// for a core (or, with no CPU part, its wait starts).
    fn start_query(&mut self, r: u32) {
        let d = self.slab.get(r).db as usize;
        let (m, c) = (self.data.dbs[d].query_mean, self.data.dbs[d].constant);
        let total = self.clock.rng.duration(m, c);
        let req = self.slab.get_mut(r);
        req.query_ns = total;
        if self.data.dbs[d].cpu_fraction <= 0.0 {
            self.query_wait(r, total);
            return;
        }
        req.stage = Stage::DbCoreQueue;
        let h = self.data.dbs[d].host;
        let cores =
            if h != NONE { &mut self.tiers.hosts[h as usize].cores } else { &mut self.data.dbs[d].cores };
        if cores.offer(r) == Offer::Served {
            self.start_core(r);
        }
    }

    /// The CPU part of the query of `r` in ns (what `start_core` schedules).
    pub(super) fn query_cpu_ns(&self, r: u32) -> Time {
        let req = self.slab.get(r);
        let f = self.data.dbs[req.db as usize].cpu_fraction;
        (req.query_ns as f64 * f).round() as Time
    }

    /// The CPU part of the query of `r` is done: its core goes to the next waiting query (or
    /// burst), and its wait part (I/O, locks) starts, or the result goes back.
    pub(super) fn query_cpu_done(&mut self, r: u32) {
        let d = self.slab.get(r).db as usize;
        let wait = self.slab.get(r).query_ns.saturating_sub(self.query_cpu_ns(r));
        self.cpu_delta(r, -1);
        self.release_query_core(d);
        if wait > 0 {
            self.query_wait(r, wait);
        } else {
            self.query_served(r);
        }
    }

    /// Starts the wait part of a query: `wait` ns holding the connection, no core.
    fn query_wait(&mut self, r: u32, wait: Time) {
        let req = self.slab.get_mut(r);
        req.stage = Stage::DbService;
        let gen = req.gen;
        self.clock.queue.push(self.clock.now + wait, Kind::QueryDone { req: r, gen });
    }

    /// Frees a core that a query of database `d` used: its host's, or its own.
    fn release_query_core(&mut self, d: usize) {
        let h = self.data.dbs[d].host;
        if h != NONE {
            self.release_core(h as usize);
        } else if !self.data.dbs[d].up {
            self.data.dbs[d].cores.release_idle();
        } else if let Some(next) = self.data.dbs[d].cores.release() {
            self.start_core(next);
        }
    }

    /// Sets the cores database `d` counts for its CPU utilisation: its own, or its host's,
    /// while it is up.
    pub(super) fn set_db_cpu_capacity(&mut self, d: usize) {
        let db = &self.data.dbs[d];
        let cores = match (db.up, db.host) {
            (false, _) => 0,
            (true, NONE) => db.cores.servers,
            (true, h) => self.tiers.hosts[h as usize].cores.servers,
        };
        self.obs.rec.set_cpu_capacity(db.comp as usize, self.clock.now, u64::from(cores));
    }

    /// Request `r` takes (`delta` 1) or leaves (-1) a core, as its stage says (a burst on its
    /// host, or a query of its database): the busy cores of the tier whose host it is, and of
    /// the database whose query it is, change.
    pub(super) fn cpu_delta(&mut self, r: u32, delta: i64) {
        let req = *self.slab.get(r);
        let now = self.clock.now;
        match req.stage {
            Stage::DbCoreQueue | Stage::DbCoreService => {
                let db = &self.data.dbs[req.db as usize];
                let (comp, h) = (db.comp as usize, db.host);
                self.obs.rec.cpu_busy(comp, now, delta);
                if h != NONE {
                    let app = self.tiers.comp_of_host(h as usize);
                    self.obs.rec.cpu_busy(app, now, delta);
                }
            }
            _ => {
                let app = self.tiers.comp_of_host(req.host as usize);
                self.obs.rec.cpu_busy(app, now, delta);
            }
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
            Stage::CpuService => {
                self.cpu_delta(r, -1);
                self.release_core(req.host as usize);
            }
            Stage::DbQueue => {
                self.data.dbs[req.db as usize].conns.remove(r);
                let c = db_comp(self);
                self.obs.rec.gauge(c, self.clock.now, 0, -1, -1);
            }
            Stage::DbService | Stage::DbCoreQueue | Stage::DbCoreService => {
                let d = req.db as usize;
                let h = self.data.dbs[d].host;
                if req.stage == Stage::DbCoreQueue {
                    if h != NONE {
                        self.tiers.hosts[h as usize].cores.remove(r);
                    } else {
                        self.data.dbs[d].cores.remove(r);
                    }
                } else if req.stage == Stage::DbCoreService {
                    self.cpu_delta(r, -1);
                    self.release_query_core(d);
                }
                let c = db_comp(self);
                self.obs.rec.gauge(c, self.clock.now, -1, 0, -1);
                self.free_connection(d);
            }
            _ => {}
        }
        let req = self.slab.get_mut(r);
        req.gen = req.gen.wrapping_add(1);
    }

    /// Database `d` went down: its queries get no answer, so their app processes wait until the
    /// driver's connect timeout after they sent them (`t0` of their crossing to it, see
    /// `connect`).
    pub(super) fn db_down(&mut self, d: usize) {
        self.data.dbs[d].up = false;
        let comp = self.data.dbs[d].comp as usize;
        self.obs.rec.set_capacity(comp, self.clock.now, 0);
        self.set_db_cpu_capacity(d);
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
            let req = self.slab.get(r);
            let app = self.tiers.comp_of_host(req.host as usize) as u32;
            self.connect_unanswered(r, app, comp as u32, req.t0);
        }
        self.note(Some(comp), LogKind::ComponentDown);
        self.check_failover(self.data.dbs[d].group as usize);
    }

    pub(super) fn db_up(&mut self, d: usize) {
        self.data.dbs[d].up = true;
        let comp = self.data.dbs[d].comp as usize;
        let cap = self.data.dbs[d].conns.servers as u64;
        self.obs.rec.set_capacity(comp, self.clock.now, cap);
        self.set_db_cpu_capacity(d);
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
