//! The path of a request: birth at a client, crossings, the way back, and its end.
//!
//! A request goes client -> entry point (a balancer or an app host, maybe found through DNS)
//! -> host -> its database queries -> and back the same way. An error is produced by the
//! component that meets it (a dead component's "connection refused" comes back over the
//! crossing the request just made) and travels back to the client like a response; the client
//! counts it when it arrives. Failures the client meets itself (nothing to resolve, a
//! partitioned first crossing, too many live requests) count at once. A request that ends after
//! its client's timeout counts as `Timeout`, whatever it carried: exactly one cause each.

use super::queue::Kind;
use super::request::{Stage, NONE};
use super::sim::Sim;
use super::topology::Role;
use super::traffic::Entry;
use super::ErrorCause;

impl Sim {
    pub(super) fn start_request(&mut self, c: usize) {
        let now = self.clock.now;
        let client = &self.ingress.clients[c];
        let comp = client.comp as usize;
        let deadline = now.saturating_add(client.timeout);
        let measured = now >= self.obs.rec.metrics.measure_from;
        self.obs.born += 1;
        self.obs.rec.born(measured);
        self.obs.rec.component_arrival(comp);
        let Some(r) = self.slab.alloc(now, deadline, comp as u32) else {
            self.obs.done += 1;
            self.obs.rec.failed(measured, ErrorCause::QueueFull, 0);
            self.obs.rec.component_error(comp);
            self.queue_full(comp);
            return;
        };
        self.obs.rec.gauge(comp, now, 0, 0, 1);
        self.attempt(r, c);
    }

    /// An attempt of request `r` from client population `c`: resolve an entry point and go.
    pub(super) fn attempt(&mut self, r: u32, c: usize) {
        let now = self.clock.now;
        let comp = self.ingress.clients[c].comp as usize;
        let client = &mut self.ingress.clients[c];
        let n = client.entries.len();
        if n == 0 {
            self.finish(r, Some(ErrorCause::Refused));
            return;
        }
        let entry = client.entries[client.rr as usize % n];
        client.rr = client.rr.wrapping_add(1);
        let to = match entry {
            Entry::Direct(t) => Some(t),
            Entry::Dns { dns, slot } => {
                let dcomp = self.ingress.dnss[dns as usize].comp as usize;
                self.obs.rec.component_arrival(dcomp);
                let t = self.ingress.dnss[dns as usize].resolve(slot as usize, now, &mut self.clock.rng);
                if t.is_none() {
                    self.obs.rec.component_error(dcomp);
                }
                t
            }
        };
        match to {
            Some(t) => self.send(r, comp as u32, t, Stage::ToEntry),
            None => self.finish(r, Some(ErrorCause::Refused)),
        }
    }

    /// Starts a crossing from component `from` to `to`. A partition between their zones
    /// leaves a new connection to an entry point or a host, and a query to a database,
    /// unanswered until the sender's connect timeout; a query's answer that cannot cross back
    /// leaves its app waiting the same timeout from when it sent the query (the crossing's
    /// `t0` is still that send); a response that cannot cross fails at once (see `connect`).
    pub(super) fn send(&mut self, r: u32, from: u32, to: u32, stage: Stage) {
        let (za, zb) =
            (self.topo.comps[from as usize].zone as usize, self.topo.comps[to as usize].zone as usize);
        match self.topo.net.crossing(from as usize, to as usize, za, zb, &mut self.clock.rng) {
            Some(d) => {
                // A health check carries no body worth metering.
                if za != zb && !self.slab.get(r).check {
                    self.obs.xfer.count(
                        &self.topo.comps[from as usize],
                        &self.topo.comps[to as usize],
                        stage,
                    );
                }
                let now = self.clock.now;
                let req = self.slab.get_mut(r);
                req.stage = stage;
                req.from = from;
                req.to = to;
                req.t0 = now;
                req.t1 = now + d;
                let gen = req.gen;
                self.clock.queue.push(now + d, Kind::Hop { req: r, gen });
            }
            None if self.slab.get(r).check => self.slab.release(r),
            None => match stage {
                Stage::ToEntry | Stage::ToHost | Stage::ToDb => {
                    self.connect_unanswered(r, from, to, self.clock.now)
                }
                Stage::FromDb => {
                    // The app never sees the answer (nor the error it carried).
                    let req = self.slab.get_mut(r);
                    req.err = None;
                    let since = req.t0;
                    self.connect_unanswered(r, to, from, since);
                }
                _ => {
                    let err = self.slab.get(r).err.or(Some(ErrorCause::Refused));
                    self.finish(r, err);
                }
            },
        }
    }

    pub(super) fn on_hop(&mut self, r: u32, gen: u32) {
        if !self.slab.current(r, gen) {
            return;
        }
        let req = *self.slab.get(r);
        match req.stage {
            Stage::ToEntry => match self.topo.comps[req.to as usize].role {
                Role::Lb(l) => self.arrive_lb(r, l as usize),
                Role::App(a) => {
                    let h = self.tiers.direct_host(a as usize);
                    if h == NONE {
                        self.finish(r, Some(ErrorCause::Refused));
                        return;
                    }
                    self.slab.get_mut(r).host = h;
                    self.arrive_host(r);
                }
                _ => self.finish(r, Some(ErrorCause::Refused)),
            },
            Stage::ToHost => self.arrive_host(r),
            Stage::ToDb => self.arrive_db(r),
            Stage::FromDb => {
                let q = self.slab.get_mut(r);
                q.db = NONE;
                match q.err.take() {
                    Some(cause) => self.query_failed(r, cause),
                    None => self.next_query_or_respond(r),
                }
            }
            Stage::BackToLb if req.check => self.check_back(r),
            Stage::BackToLb => {
                let comp = self.ingress.lbs[req.lb as usize].comp as usize;
                if self.topo.comp_up(comp) {
                    self.reply_from_lb(r, None);
                } else {
                    self.finish(r, req.err.or(Some(ErrorCause::Refused)));
                }
            }
            Stage::BackToClient => self.finish(r, req.err),
            _ => {}
        }
    }

    /// The host answers (or its failure is seen): the response goes back towards the client.
    pub(super) fn reply_from_host(&mut self, r: u32, err: Option<ErrorCause>) {
        self.leave_app(r);
        let req = self.slab.get_mut(r);
        req.err = req.err.or(err);
        let (host, lb, client) = (req.host as usize, req.lb, req.client);
        let from = self.tiers.comp_of_host(host) as u32;
        if lb != NONE {
            self.send(r, from, self.ingress.lbs[lb as usize].comp, Stage::BackToLb);
        } else {
            self.send(r, from, client, Stage::BackToClient);
        }
    }

    pub(super) fn reply_from_lb(&mut self, r: u32, err: Option<ErrorCause>) {
        let req = *self.slab.get(r);
        if req.in_lb && req.err.is_none() && err.is_none() {
            let comp = self.ingress.lbs[req.lb as usize].comp as usize;
            self.obs.rec.component_completion(comp, self.clock.now - req.at_lb);
        }
        self.leave_lb(r);
        let req = self.slab.get_mut(r);
        req.err = req.err.or(err);
        let (lb, client) = (req.lb as usize, req.client);
        self.send(r, self.ingress.lbs[lb].comp, client, Stage::BackToClient);
    }

    pub(super) fn leave_app(&mut self, r: u32) {
        let req = self.slab.get_mut(r);
        if req.in_app {
            req.in_app = false;
            let comp = self.tiers.comp_of_host(req.host as usize);
            self.obs.rec.gauge(comp, self.clock.now, 0, 0, -1);
        }
    }

    /// The attempt ends at its client: the request is completed, retried (a failed attempt
    /// with attempts left, see `retry`), or failed; a request that ends has its slot freed.
    pub(super) fn finish(&mut self, r: u32, err: Option<ErrorCause>) {
        if self.slab.get(r).check {
            // A health check that ends on the way (its host dropped it) fails by its timeout.
            self.slab.release(r);
            return;
        }
        self.leave_app(r);
        self.leave_lb(r);
        let req = *self.slab.get(r);
        let now = self.clock.now;
        let cause = if now > req.deadline { Some(ErrorCause::Timeout) } else { err };
        if cause.is_some() && self.retry_later(r) {
            return;
        }
        let comp = req.client as usize;
        self.obs.rec.gauge(comp, now, 0, 0, -1);
        let measured = req.born >= self.obs.rec.metrics.measure_from;
        match cause {
            None => {
                self.obs.rec.completed(measured, now - req.born);
                self.obs.rec.component_completion(comp, now - req.born);
            }
            Some(c) => {
                // A client that timed out learnt it at its deadline, not when the servers let go.
                let after = now.min(req.deadline) - req.born;
                self.obs.rec.failed(measured, c, after);
                self.obs.rec.component_error(comp);
            }
        }
        self.obs.done += 1;
        self.slab.release(r);
    }
}
