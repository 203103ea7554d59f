//! App tiers: hosts, their process manager, and the cores the processes share.
//!
//! A host has `processes` synchronous workers and `vcpus` cores. A request that reaches a host
//! waits in its backlog (bounded; full means `QueueFull`) for an idle process; the process
//! manager hands idle processes out round robin. The process holds the request for its whole
//! stay: a CPU burst on a core (the cores are a FIFO station, so processes beyond the cores
//! contend), then its database queries one after another, then the response. With processes
//! <= vcpus and no queries a host is exactly an M/M/c station with one shared queue (and
//! M/M/c/K with K = processes + backlog). A crashed process still counts in the tier's
//! capacity. Two utilisations are kept apart: workers (busy processes / (processes x hosts
//! up)) and CPU (busy cores / (vcpus x hosts up), a co-located database's queries included).
//!
//! The tables these handlers work on ([`Tiers`](super::tiers::Tiers): tiers, hosts, versions)
//! are in `tiers`; a request's stay crosses into the data tier, the clock and the recorder, so
//! it is `Sim`'s.

use super::log::LogKind;
use super::queue::Kind;
use super::request::{Stage, NONE};
use super::sim::Sim;
use super::station::Offer;
use super::ErrorCause;

impl Sim {
    /// A request reaches its host `req.host`.
    pub(super) fn arrive_host(&mut self, r: u32) {
        if self.slab.get(r).check {
            self.check_at_host(r);
            return;
        }
        let h = self.slab.get(r).host as usize;
        let a = self.tiers.hosts[h].app as usize;
        let comp = self.tiers.apps[a].comp as usize;
        if !self.tiers.hosts[h].up {
            // A dead host does not answer: its caller waits for its connect timeout.
            self.obs.rec.component_error(comp);
            let req = self.slab.get(r);
            self.connect_unanswered(r, req.from, req.to, req.t0);
            return;
        }
        self.obs.rec.component_arrival(comp);
        let now = self.clock.now;
        let req = self.slab.get_mut(r);
        req.in_app = true;
        req.at_host = now;
        if let Some(p) = self.tiers.hosts[h].take_idle() {
            self.obs.rec.gauge(comp, now, 1, 0, 1);
            self.start_process(r, h, p);
        } else if (self.tiers.hosts[h].backlog.len() as u64) < self.tiers.apps[a].backlog as u64 {
            self.tiers.hosts[h].backlog.push_back(r);
            self.slab.get_mut(r).stage = Stage::Backlog;
            self.obs.rec.gauge(comp, now, 0, 1, 1);
        } else {
            self.slab.get_mut(r).in_app = false;
            self.obs.rec.component_error(comp);
            self.queue_full(comp);
            self.reply_from_host(r, Some(ErrorCause::QueueFull));
        }
    }

    pub(super) fn start_process(&mut self, r: u32, h: usize, p: u32) {
        self.tiers.hosts[h].proc_req[p as usize] = r;
        let req = self.slab.get_mut(r);
        let q = if req.check { 0 } else { self.tiers.apps[self.tiers.hosts[h].app as usize].db_queries };
        req.proc = p;
        req.queries_left = q;
        req.stage = Stage::CpuQueue;
        if self.tiers.hosts[h].cores.offer(r) == Offer::Served {
            self.start_core(r);
        }
    }

    /// Starts the core service of `r` (a CPU burst, or the CPU part of a query of a database:
    /// on this host's cores or the database's own).
    pub(super) fn start_core(&mut self, r: u32) {
        let req = self.slab.get(r);
        let d = match req.stage {
            Stage::DbCoreQueue => {
                self.slab.get_mut(r).stage = Stage::DbCoreService;
                self.query_cpu_ns(r)
            }
            _ if req.check => {
                self.slab.get_mut(r).stage = Stage::CpuService;
                super::health::CHECK_CPU
            }
            _ => {
                let host = &self.tiers.hosts[req.host as usize];
                let extra = self.tiers.versions[host.version as usize].extra_ns;
                let app = &self.tiers.apps[host.app as usize];
                let (m, c) = (app.cpu_mean, app.constant);
                self.slab.get_mut(r).stage = Stage::CpuService;
                self.clock.rng.duration(m, c) + extra
            }
        };
        self.cpu_delta(r, 1);
        let gen = self.slab.get(r).gen;
        self.clock.queue.push(self.clock.now + d, Kind::CoreDone { req: r, gen });
    }

    /// Frees a core of host `h`; the next waiting burst takes it if the host is up.
    pub(super) fn release_core(&mut self, h: usize) {
        if !self.tiers.hosts[h].up {
            self.tiers.hosts[h].cores.release_idle();
        } else if let Some(next) = self.tiers.hosts[h].cores.release() {
            self.start_core(next);
        }
    }

    pub(super) fn on_core_done(&mut self, r: u32, gen: u32) {
        if !self.slab.current(r, gen) {
            return;
        }
        let req = *self.slab.get(r);
        if req.stage == Stage::DbCoreService {
            self.query_cpu_done(r);
        } else {
            self.cpu_delta(r, -1);
            self.release_core(req.host as usize);
            self.next_query_or_respond(r);
        }
    }

    /// After the CPU burst or a query result: the next query, or the response.
    pub(super) fn next_query_or_respond(&mut self, r: u32) {
        let req = *self.slab.get(r);
        let a = self.tiers.hosts[req.host as usize].app as usize;
        if req.queries_left > 0 && self.tiers.apps[a].group != NONE {
            self.slab.get_mut(r).queries_left -= 1;
            let wr = self.tiers.apps[a].write_ratio;
            let write = wr >= 1.0 || (wr > 0.0 && self.clock.rng.uniform() < wr);
            let d = self.query_target(a, write);
            self.slab.get_mut(r).db = d as u32;
            let (from, to) = (self.tiers.apps[a].comp, self.data.dbs[d].comp);
            self.send(r, from, to, Stage::ToDb);
        } else {
            let comp = self.tiers.apps[a].comp as usize;
            let bad = self.tiers.versions[self.tiers.hosts[req.host as usize].version as usize].error_rate;
            self.release_process(req.host as usize, req.proc);
            if req.check {
                self.reply_from_host(r, None);
            } else if bad > 0.0 && (bad >= 1.0 || self.clock.rng.uniform() < bad) {
                self.obs.rec.component_error(comp);
                self.reply_from_host(r, Some(ErrorCause::AppError));
            } else {
                self.obs.rec.component_completion(comp, self.clock.now - req.at_host);
                self.reply_from_host(r, None);
            }
        }
    }

    /// A query failed (too many connections, a full queue, or no answer until the driver's
    /// connect timeout: a dead database or a cut, see `connect`): the request fails.
    pub(super) fn query_failed(&mut self, r: u32, cause: ErrorCause) {
        let req = *self.slab.get(r);
        let comp = self.tiers.comp_of_host(req.host as usize);
        self.obs.rec.component_error(comp);
        self.release_process(req.host as usize, req.proc);
        self.reply_from_host(r, Some(cause));
    }

    /// Process `p` of host `h` is done with its request: it takes the next one waiting.
    pub(super) fn release_process(&mut self, h: usize, p: u32) {
        let comp = self.tiers.comp_of_host(h);
        self.tiers.hosts[h].proc_req[p as usize] = NONE;
        self.obs.rec.gauge(comp, self.clock.now, -1, 0, 0);
        self.process_free(h, p);
    }

    /// An idle (or just restarted) process takes the head of the backlog, dropping requests
    /// whose client has already given up.
    pub(super) fn process_free(&mut self, h: usize, p: u32) {
        let comp = self.tiers.comp_of_host(h);
        if !self.tiers.hosts[h].up || self.tiers.hosts[h].crashed & (1u64 << p) != 0 {
            return;
        }
        while let Some(n) = self.tiers.hosts[h].backlog.pop_front() {
            if self.clock.now > self.slab.get(n).deadline {
                self.obs.rec.gauge(comp, self.clock.now, 0, -1, 0);
                self.abandon(n);
                continue;
            }
            self.obs.rec.gauge(comp, self.clock.now, 1, -1, 0);
            self.start_process(n, h, p);
            return;
        }
        self.tiers.hosts[h].idle |= 1u64 << p;
    }

    /// The client of `r` has hung up: the server drops it (a `Timeout`), freeing what it held.
    pub(super) fn abandon(&mut self, r: u32) {
        let req = *self.slab.get(r);
        if req.in_app && req.proc != NONE && req.stage != Stage::Backlog {
            self.release_process(req.host as usize, req.proc);
        }
        self.finish(r, Some(ErrorCause::Timeout));
    }

    /// The tier's workers (processes x hosts up) and cores (vcpus x hosts up) from now.
    pub(super) fn set_app_capacity(&mut self, a: usize) {
        let app = &self.tiers.apps[a];
        let cap = app.processes as u64 * app.hosts_up as u64;
        let vcpus = self.tiers.hosts[app.first_host as usize].cores.servers as u64;
        self.obs.rec.set_capacity(app.comp as usize, self.clock.now, cap);
        self.obs.rec.set_cpu_capacity(app.comp as usize, self.clock.now, vcpus * app.hosts_up as u64);
    }

    /// Host `h` went down (a fault): everything it held fails `Refused`. `note` is false when
    /// the tier's own line will say it (a one-server tier).
    pub(super) fn host_down(&mut self, h: usize, note: bool) {
        self.host_stop(h);
        let host = &self.tiers.hosts[h];
        let (comp, server) = (self.tiers.apps[host.app as usize].comp as usize, host.index);
        if note {
            self.note(Some(comp), LogKind::ServerDown { server });
        }
    }

    /// Host `h` stops: everything it held fails `Refused` and its stations empty.
    pub(super) fn host_stop(&mut self, h: usize) {
        let a = self.tiers.hosts[h].app as usize;
        let comp = self.tiers.apps[a].comp as usize;
        self.tiers.hosts[h].up = false;
        self.tiers.apps[a].hosts_up -= 1;
        self.set_app_capacity(a);
        // Cancelling one request can end another of this list (a freed database connection
        // drops a queued query whose client gave up), so each is checked before it is touched.
        let held: Vec<(u32, u32)> = self.tiers.hosts[h]
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
            self.obs.rec.gauge(comp, self.clock.now, -1, 0, 0);
            self.reply_from_host(r, Some(ErrorCause::Refused));
        }
        let waiting: Vec<u32> = self.tiers.hosts[h].backlog.drain(..).collect();
        for r in waiting {
            self.slab.get_mut(r).gen = self.slab.get(r).gen.wrapping_add(1);
            self.obs.rec.gauge(comp, self.clock.now, 0, -1, 0);
            self.reply_from_host(r, Some(ErrorCause::Refused));
        }
        let host = &mut self.tiers.hosts[h];
        host.proc_req.iter_mut().for_each(|r| *r = NONE);
        host.cores.busy = 0;
        host.cores.queue.clear();
        host.idle = 0;
        host.crashed = 0;
    }

    /// Host `h` came back up (a fault repaired).
    pub(super) fn host_up(&mut self, h: usize, note: bool) {
        self.host_start(h);
        let host = &self.tiers.hosts[h];
        let (comp, server) = (self.tiers.apps[host.app as usize].comp as usize, host.index);
        if note {
            self.note(Some(comp), LogKind::ServerUp { server });
        }
    }

    /// Host `h` starts with all its processes idle.
    pub(super) fn host_start(&mut self, h: usize) {
        let a = self.tiers.hosts[h].app as usize;
        let full = self.tiers.apps[a].full_mask();
        let host = &mut self.tiers.hosts[h];
        host.up = true;
        host.idle = full;
        host.crashed = 0;
        host.crash_gen.iter_mut().for_each(|g| *g = g.wrapping_add(1));
        self.tiers.apps[a].hosts_up += 1;
        self.set_app_capacity(a);
    }

    /// Process `p` of host `h` crashes: its request fails `Refused`; the manager restarts it.
    pub(super) fn crash_process(&mut self, h: usize, p: u32) {
        let bit = 1u64 << p;
        if !self.tiers.hosts[h].up || self.tiers.hosts[h].crashed & bit != 0 {
            return;
        }
        let a = self.tiers.hosts[h].app as usize;
        let comp = self.tiers.apps[a].comp as usize;
        let host = &mut self.tiers.hosts[h];
        host.crashed |= bit;
        host.idle &= !bit;
        host.crash_gen[p as usize] = host.crash_gen[p as usize].wrapping_add(1);
        let gen = host.crash_gen[p as usize];
        let r = std::mem::replace(&mut host.proc_req[p as usize], NONE);
        let server = host.index;
        if r != NONE {
            self.cancel(r);
            self.obs.rec.gauge(comp, self.clock.now, -1, 0, 0);
            self.reply_from_host(r, Some(ErrorCause::Refused));
        }
        self.note(Some(comp), LogKind::ProcessCrashed { server, process: p });
        let at = self.clock.now + self.tiers.apps[a].restart;
        self.clock.queue.push(at, Kind::Restart { host: h as u32, proc: p, gen });
    }

    /// The process manager brings process `p` back (or a click revives it early).
    pub(super) fn restart_process(&mut self, h: usize, p: u32, gen: Option<u32>) {
        let bit = 1u64 << p;
        let host = &mut self.tiers.hosts[h];
        if gen.is_some_and(|g| g != host.crash_gen[p as usize]) || host.crashed & bit == 0 {
            return;
        }
        host.crashed &= !bit;
        host.crash_gen[p as usize] = host.crash_gen[p as usize].wrapping_add(1);
        let server = host.index;
        let comp = self.tiers.apps[host.app as usize].comp as usize;
        self.note(Some(comp), LogKind::ProcessRestarted { server, process: p });
        self.process_free(h, p);
    }
}
