//! Connection attempts nobody answers: a dead host, balancer or database, or a partition.
//!
//! A crashed process on a live host refuses at once (the OS resets the connection, `Refused`),
//! but a machine that is gone, or a network that drops the packets, says nothing: the caller
//! waits until its connect timeout and then fails with `ConnectTimeout`. The caller is whoever
//! opened the connection: a client population (its `connect_timeout_ms`) or a load balancer
//! (`catalog::LB_CONNECT_TIMEOUT_S`). The wait is one event per unanswered attempt (none for
//! the requests that connect). Whether an attempt is answered is decided when it reaches its
//! target (or at once for a partition): a target revived during the wait does not rescue it.
//!
//! Not yet: the app -> database hop. A dead database (or a cut between an app and its
//! database) still refuses at once. With a driver's 10 s connect timeout
//! (`catalog::DB_CONNECT_TIMEOUT_S`) every worker that queries a dead primary would be held for
//! 10 s, exhausting the tier during a failover; the failover lessons and their checks were
//! measured with instant refusals and have to be rewritten with it.

use crate::catalog::LB_CONNECT_TIMEOUT_S;

use super::queue::Kind;
use super::request::Stage;
use super::sim::Sim;
use super::topology::Role;
use super::{secs, ErrorCause, Time};

impl Sim {
    /// The connection attempt of `r` from component `from` to `to`, started at `since`, goes
    /// unanswered: the caller gives up at `since` + its connect timeout.
    pub(super) fn connect_unanswered(&mut self, r: u32, from: u32, to: u32, since: Time) {
        let wait = match self.topo.comps[from as usize].role {
            Role::Clients(c) => self.ingress.clients[c as usize].connect_timeout,
            Role::Lb(_) => secs(LB_CONNECT_TIMEOUT_S),
            Role::App(_) | Role::Dns(_) | Role::Db(_) => 0,
        };
        let at = since.saturating_add(wait).max(self.clock.now);
        let req = self.slab.get_mut(r);
        req.stage = Stage::Connecting;
        req.from = from;
        req.to = to;
        req.t0 = since;
        req.t1 = at;
        let gen = req.gen;
        self.clock.queue.push(at, Kind::ConnectTimeout { req: r, gen });
    }

    /// The caller of `r` gives up on its connection attempt.
    pub(super) fn on_connect_timeout(&mut self, r: u32, gen: u32) {
        if !self.slab.current(r, gen) {
            return;
        }
        let cause = Some(ErrorCause::ConnectTimeout);
        match self.topo.comps[self.slab.get(r).from as usize].role {
            Role::Lb(_) => self.reply_from_lb(r, cause),
            Role::Clients(_) | Role::App(_) | Role::Dns(_) | Role::Db(_) => self.finish(r, cause),
        }
    }
}
