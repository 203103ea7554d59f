//! App tiers: hosts, their process manager, and the cores the processes share.
//!
//! A host has `processes` synchronous workers and `vcpus` cores. A request that reaches a host
//! waits in its backlog (bounded; full means `QueueFull`) for an idle process; the process
//! manager hands idle processes out round robin. The process holds the request for its whole
//! stay: a CPU burst on a core (the cores are a FIFO station, so processes beyond the cores
//! contend), then its database queries one after another, then the response. With processes
//! <= vcpus and no queries a host is exactly an M/M/c station with one shared queue (and
//! M/M/c/K with K = processes + backlog). A crashed process still counts in the tier's
//! capacity (utilisation = busy processes / (processes x hosts up)).

use std::collections::VecDeque;

use super::log::LogKind;
use super::queue::Kind;
use super::request::{Stage, NONE};
use super::rng::to_ns;
use super::sim::Sim;
use super::station::{Offer, Station};
use super::{ErrorCause, Time};

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
    pub life: super::fleet::Life,
    /// Bumped on each life change, so stale boot and drain events do nothing.
    pub life_gen: u32,
    /// Index into `Sim::versions` of the code it runs.
    pub version: u32,
    /// Part of a blue/green fleet not yet switched to.
    pub green: bool,
    pub in_service_at: Time,
    pub drain_until: Time,
    pub after_drain: super::fleet::AfterDrain,
    /// Boot time of the restart that follows its draining.
    pub restart_boot: Time,
}

impl Host {
    /// Next idle process at or after the round-robin pointer.
    fn take_idle(&mut self) -> Option<u32> {
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

impl Sim {
    #[inline]
    pub(super) fn sample(&mut self, mean: f64, constant: bool) -> Time {
        if constant {
            to_ns(mean)
        } else {
            to_ns(self.rng.exp(mean))
        }
    }

    /// A request reaches its host `req.host`.
    pub(super) fn arrive_host(&mut self, r: u32) {
        let h = self.slab.get(r).host as usize;
        let a = self.hosts[h].app as usize;
        let comp = self.apps[a].comp as usize;
        if !self.hosts[h].up {
            self.rec.component_error(comp);
            self.reply_from_host(r, Some(ErrorCause::Refused));
            return;
        }
        self.rec.component_arrival(comp);
        let now = self.now;
        let req = self.slab.get_mut(r);
        req.in_app = true;
        req.at_host = now;
        if let Some(p) = self.hosts[h].take_idle() {
            self.rec.gauge(comp, now, 1, 0, 1);
            self.start_process(r, h, p);
        } else if (self.hosts[h].backlog.len() as u64) < self.apps[a].backlog as u64 {
            self.hosts[h].backlog.push_back(r);
            self.slab.get_mut(r).stage = Stage::Backlog;
            self.rec.gauge(comp, now, 0, 1, 1);
        } else {
            self.slab.get_mut(r).in_app = false;
            self.rec.component_error(comp);
            self.queue_full(comp);
            self.reply_from_host(r, Some(ErrorCause::QueueFull));
        }
    }

    fn start_process(&mut self, r: u32, h: usize, p: u32) {
        self.hosts[h].proc_req[p as usize] = r;
        let q = self.apps[self.hosts[h].app as usize].db_queries;
        let req = self.slab.get_mut(r);
        req.proc = p;
        req.queries_left = q;
        req.stage = Stage::CpuQueue;
        if self.hosts[h].cores.offer(r) == Offer::Served {
            self.start_core(r);
        }
    }

    /// Starts the core service of `r` (a CPU burst, or a query of a database on this host).
    pub(super) fn start_core(&mut self, r: u32) {
        let req = self.slab.get(r);
        let d = match req.stage {
            Stage::DbCoreQueue => {
                let db = &self.dbs[req.db as usize];
                let (m, c) = (db.query_mean, db.constant);
                self.slab.get_mut(r).stage = Stage::DbCoreService;
                self.sample(m, c)
            }
            _ => {
                let host = &self.hosts[req.host as usize];
                let extra = self.versions[host.version as usize].extra_ns;
                let app = &self.apps[host.app as usize];
                let (m, c) = (app.cpu_mean, app.constant);
                self.slab.get_mut(r).stage = Stage::CpuService;
                self.sample(m, c) + extra
            }
        };
        let gen = self.slab.get(r).gen;
        self.queue.push(self.now + d, Kind::CoreDone { req: r, gen });
    }

    /// Frees a core of host `h`; the next waiting burst takes it if the host is up.
    pub(super) fn release_core(&mut self, h: usize) {
        if !self.hosts[h].up {
            self.hosts[h].cores.release_idle();
        } else if let Some(next) = self.hosts[h].cores.release() {
            self.start_core(next);
        }
    }

    pub(super) fn on_core_done(&mut self, r: u32, gen: u32) {
        if !self.slab.current(r, gen) {
            return;
        }
        let req = *self.slab.get(r);
        if req.stage == Stage::DbCoreService {
            let h = self.dbs[req.db as usize].host as usize;
            self.release_core(h);
            self.query_served(r);
        } else {
            self.release_core(req.host as usize);
            self.next_query_or_respond(r);
        }
    }

    /// After the CPU burst or a query result: the next query, or the response.
    pub(super) fn next_query_or_respond(&mut self, r: u32) {
        let req = *self.slab.get(r);
        let a = self.hosts[req.host as usize].app as usize;
        if req.queries_left > 0 && self.apps[a].group != NONE {
            self.slab.get_mut(r).queries_left -= 1;
            let wr = self.apps[a].write_ratio;
            let write = wr >= 1.0 || (wr > 0.0 && self.rng.uniform() < wr);
            let d = self.query_target(a, write);
            self.slab.get_mut(r).db = d as u32;
            let (from, to) = (self.apps[a].comp, self.dbs[d].comp);
            self.send(r, from, to, Stage::ToDb);
        } else {
            let comp = self.apps[a].comp as usize;
            let bad = self.versions[self.hosts[req.host as usize].version as usize].error_rate;
            self.release_process(req.host as usize, req.proc);
            if bad > 0.0 && (bad >= 1.0 || self.rng.uniform() < bad) {
                self.rec.component_error(comp);
                self.reply_from_host(r, Some(ErrorCause::AppError));
            } else {
                self.rec.component_completion(comp, self.now - req.at_host);
                self.reply_from_host(r, None);
            }
        }
    }

    /// A query failed (database refused, queue full, network cut): the request fails.
    pub(super) fn query_failed(&mut self, r: u32, cause: ErrorCause) {
        let req = *self.slab.get(r);
        let comp = self.apps[self.hosts[req.host as usize].app as usize].comp as usize;
        self.rec.component_error(comp);
        self.release_process(req.host as usize, req.proc);
        self.reply_from_host(r, Some(cause));
    }

    /// Process `p` of host `h` is done with its request: it takes the next one waiting.
    pub(super) fn release_process(&mut self, h: usize, p: u32) {
        let comp = self.apps[self.hosts[h].app as usize].comp as usize;
        self.hosts[h].proc_req[p as usize] = NONE;
        self.rec.gauge(comp, self.now, -1, 0, 0);
        self.process_free(h, p);
    }

    /// An idle (or just restarted) process takes the head of the backlog, dropping requests
    /// whose client has already given up.
    pub(super) fn process_free(&mut self, h: usize, p: u32) {
        let comp = self.apps[self.hosts[h].app as usize].comp as usize;
        if !self.hosts[h].up || self.hosts[h].crashed & (1u64 << p) != 0 {
            return;
        }
        while let Some(n) = self.hosts[h].backlog.pop_front() {
            if self.now > self.slab.get(n).deadline {
                self.rec.gauge(comp, self.now, 0, -1, 0);
                self.abandon(n);
                continue;
            }
            self.rec.gauge(comp, self.now, 1, -1, 0);
            self.start_process(n, h, p);
            return;
        }
        self.hosts[h].idle |= 1u64 << p;
    }

    /// The client of `r` has hung up: the server drops it (a `Timeout`), freeing what it held.
    pub(super) fn abandon(&mut self, r: u32) {
        let req = *self.slab.get(r);
        if req.in_app && req.proc != NONE && req.stage != Stage::Backlog {
            self.release_process(req.host as usize, req.proc);
        }
        self.finish(r, Some(ErrorCause::Timeout));
    }

    pub(super) fn set_app_capacity(&mut self, a: usize) {
        let app = &self.apps[a];
        let cap = app.processes as u64 * app.hosts_up as u64;
        self.rec.set_capacity(app.comp as usize, self.now, cap);
    }

    /// Host `h` went down (a fault): everything it held fails `Refused`. `note` is false when
    /// the tier's own line will say it (a one-server tier).
    pub(super) fn host_down(&mut self, h: usize, note: bool) {
        self.host_stop(h);
        let host = &self.hosts[h];
        let (comp, server) = (self.apps[host.app as usize].comp as usize, host.index);
        if note {
            self.note(Some(comp), LogKind::ServerDown { server });
        }
    }

    /// Host `h` stops: everything it held fails `Refused` and its stations empty.
    pub(super) fn host_stop(&mut self, h: usize) {
        let a = self.hosts[h].app as usize;
        let comp = self.apps[a].comp as usize;
        self.hosts[h].up = false;
        self.apps[a].hosts_up -= 1;
        self.set_app_capacity(a);
        // Cancelling one request can end another of this list (a freed database connection
        // drops a queued query whose client gave up), so each is checked before it is touched.
        let held: Vec<(u32, u32)> = self.hosts[h]
            .proc_req
            .iter()
            .filter(|&&r| r != NONE)
            .map(|&r| (r, self.slab.get(r).gen))
            .collect();
        for (r, gen) in held {
            if !self.slab.current(r, gen) {
                continue;
            }
            self.cancel(r);
            self.rec.gauge(comp, self.now, -1, 0, 0);
            self.reply_from_host(r, Some(ErrorCause::Refused));
        }
        let waiting: Vec<u32> = self.hosts[h].backlog.drain(..).collect();
        for r in waiting {
            self.slab.get_mut(r).gen = self.slab.get(r).gen.wrapping_add(1);
            self.rec.gauge(comp, self.now, 0, -1, 0);
            self.reply_from_host(r, Some(ErrorCause::Refused));
        }
        let host = &mut self.hosts[h];
        host.proc_req.iter_mut().for_each(|r| *r = NONE);
        host.cores.busy = 0;
        host.cores.queue.clear();
        host.idle = 0;
        host.crashed = 0;
    }

    /// Host `h` came back up (a fault repaired).
    pub(super) fn host_up(&mut self, h: usize, note: bool) {
        self.host_start(h);
        let host = &self.hosts[h];
        let (comp, server) = (self.apps[host.app as usize].comp as usize, host.index);
        if note {
            self.note(Some(comp), LogKind::ServerUp { server });
        }
    }

    /// Host `h` starts with all its processes idle.
    pub(super) fn host_start(&mut self, h: usize) {
        let a = self.hosts[h].app as usize;
        let full = self.apps[a].full_mask();
        let host = &mut self.hosts[h];
        host.up = true;
        host.idle = full;
        host.crashed = 0;
        host.crash_gen.iter_mut().for_each(|g| *g = g.wrapping_add(1));
        self.apps[a].hosts_up += 1;
        self.set_app_capacity(a);
    }

    /// Process `p` of host `h` crashes: its request fails `Refused`; the manager restarts it.
    pub(super) fn crash_process(&mut self, h: usize, p: u32) {
        let bit = 1u64 << p;
        if !self.hosts[h].up || self.hosts[h].crashed & bit != 0 {
            return;
        }
        let a = self.hosts[h].app as usize;
        let comp = self.apps[a].comp as usize;
        let host = &mut self.hosts[h];
        host.crashed |= bit;
        host.idle &= !bit;
        host.crash_gen[p as usize] = host.crash_gen[p as usize].wrapping_add(1);
        let gen = host.crash_gen[p as usize];
        let r = std::mem::replace(&mut host.proc_req[p as usize], NONE);
        let server = host.index;
        if r != NONE {
            self.cancel(r);
            self.rec.gauge(comp, self.now, -1, 0, 0);
            self.reply_from_host(r, Some(ErrorCause::Refused));
        }
        self.note(Some(comp), LogKind::ProcessCrashed { server, process: p });
        let at = self.now + self.apps[a].restart;
        self.queue.push(at, Kind::Restart { host: h as u32, proc: p, gen });
    }

    /// The process manager brings process `p` back (or a click revives it early).
    pub(super) fn restart_process(&mut self, h: usize, p: u32, gen: Option<u32>) {
        let bit = 1u64 << p;
        let host = &mut self.hosts[h];
        if gen.is_some_and(|g| g != host.crash_gen[p as usize]) || host.crashed & bit == 0 {
            return;
        }
        host.crashed &= !bit;
        host.crash_gen[p as usize] = host.crash_gen[p as usize].wrapping_add(1);
        let server = host.index;
        let comp = self.apps[host.app as usize].comp as usize;
        self.note(Some(comp), LogKind::ProcessRestarted { server, process: p });
        self.process_free(h, p);
    }
}
