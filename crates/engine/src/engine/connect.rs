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
//! The app -> database hop is one more such caller: an app process whose query meets a dead
//! database, or a partition on its way there, keeps its worker (and its place in the tier)
//! until its driver's connect timeout (`catalog::DB_CONNECT_TIMEOUT_S`) after it sent the
//! query, then the query fails with `ConnectTimeout` and the request with it. During a failover
//! that is what fills an app tier: every worker that queries the dead primary hangs for the
//! timeout, so requests that would not touch the database wait behind them in the backlog.
//!
//! A query already inside a database when it dies, or whose answer is cut off on its way back,
//! is unanswered too, and its app waits the same timeout counted from when the query was sent:
//! one timeout for every unanswered query. A real driver on an established connection waits for
//! its socket timeout instead, which pgJDBC leaves unset (0, no timeout) by default, so the lab's
//! wait is the short end of what a real app sees. A query that has already waited longer than
//! the timeout when its database dies fails at once.

use crate::catalog::{DB_CONNECT_TIMEOUT_S, LB_CONNECT_TIMEOUT_S};

use super::queue::Kind;
use super::request::Stage;
use super::sim::Sim;
use super::topology::Role;
use super::{secs, ErrorCause, Time};

impl Sim {
    /// The connection attempt of `r` from component `from` to `to`, started at `since`, goes
    /// unanswered: the caller gives up at `since` + its connect timeout (at once when that has
    /// passed). An app tier's caller is the process that sent a query; it keeps its worker.
    pub(super) fn connect_unanswered(&mut self, r: u32, from: u32, to: u32, since: Time) {
        let wait = match self.topo.comps[from as usize].role {
            Role::Clients(c) => self.ingress.clients[c as usize].connect_timeout,
            Role::Lb(_) => secs(LB_CONNECT_TIMEOUT_S),
            Role::App(_) => secs(DB_CONNECT_TIMEOUT_S),
            Role::Dns(_) | Role::Db(_) => 0,
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

    /// The caller of `r` gives up on its connection attempt: a balancer answers its client, an
    /// app process fails its request as a failed query does, a client counts the failure.
    pub(super) fn on_connect_timeout(&mut self, r: u32, gen: u32) {
        if !self.slab.current(r, gen) {
            return;
        }
        let cause = Some(ErrorCause::ConnectTimeout);
        match self.topo.comps[self.slab.get(r).from as usize].role {
            Role::Lb(_) => self.reply_from_lb(r, cause),
            Role::App(_) => self.query_failed(r, ErrorCause::ConnectTimeout),
            Role::Clients(_) | Role::Dns(_) | Role::Db(_) => self.finish(r, cause),
        }
    }
}
