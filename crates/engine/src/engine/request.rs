//! Requests in flight: a slab of fixed-size records reused through a free list.
//!
//! A request never allocates: it is one `Req` slot from birth to its last event, and events
//! refer to it by index plus generation. Bumping the generation cancels whatever event is
//! pending for the request (the event finds a different generation and is ignored), which is
//! how a host death or a process crash stops a request without searching the heap.

use super::{ErrorCause, Time};

/// "No component / no host / no balancer" in the dense `u32` fields.
pub(super) const NONE: u32 = u32::MAX;

/// At most this many requests live at once; beyond it clients are refused (`QueueFull`), so a
/// pathological scenario cannot exhaust memory.
pub(super) const MAX_LIVE: usize = 2_000_000;

/// Where a request is and which way it is going.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Stage {
    /// On the wire from the client to its entry point (a load balancer or an app host).
    ToEntry,
    /// A connection attempt nobody answers (a dead host, a partition): its caller waits for
    /// its connect timeout (`from` is the caller, `to` the target, `t1` when it gives up).
    Connecting,
    /// A failed attempt whose client waits its backoff before the next attempt.
    Backoff,
    /// On the wire from a load balancer to the chosen host.
    ToHost,
    /// Waiting in its host's backlog for a free process.
    Backlog,
    /// Held by a process, waiting for a core / on a core for its CPU burst.
    CpuQueue,
    CpuService,
    /// A query on the wire to a database, waiting for a connection, in its wait part (I/O,
    /// locks: holding the connection, no core).
    ToDb,
    DbQueue,
    DbService,
    /// A query holding its connection, waiting for / using one of the database's cores (its
    /// own, or its app host's) for its CPU part.
    DbCoreQueue,
    DbCoreService,
    /// A query result (or query error) on the wire back to the app host.
    FromDb,
    /// The response (or error) on the wire back to the load balancer / the client.
    BackToLb,
    BackToClient,
    /// In the free list.
    Free,
}

impl Stage {
    pub fn on_wire(self) -> bool {
        matches!(
            self,
            Stage::ToEntry
                | Stage::ToHost
                | Stage::ToDb
                | Stage::FromDb
                | Stage::BackToLb
                | Stage::BackToClient
        )
    }
}

/// One request. Component fields are indices into `Scenario::components`; `lb`, `host`, `db`
/// index the engine's own tables.
#[derive(Clone, Copy, Debug)]
pub(super) struct Req {
    pub gen: u32,
    pub stage: Stage,
    pub born: Time,
    pub deadline: Time,
    pub client: u32,
    /// Load balancer index and target index inside it, or NONE when the client reached the
    /// app tier directly.
    pub lb: u32,
    pub target: u32,
    /// Global host index, and the process holding the request there.
    pub host: u32,
    pub proc: u32,
    pub queries_left: u32,
    /// Database of the query in progress, and its service time (CPU part and wait together).
    pub db: u32,
    pub query_ns: Time,
    /// The crossing in progress: component indices and its start/end, for drawing dots.
    pub from: u32,
    pub to: u32,
    pub t0: Time,
    pub t1: Time,
    /// When it entered its host (sojourn at the app tier) and its current database.
    pub at_host: Time,
    pub at_db: Time,
    pub at_lb: Time,
    /// The error this request (or its current query) carries back, if any.
    pub err: Option<ErrorCause>,
    /// Counted as present at the app tier / at the load balancer (must be undone on exit).
    pub in_app: bool,
    pub in_lb: bool,
    /// A load balancer's health check (`check.rs`), not a user's request: it occupies workers
    /// and cores like one but is never counted as one.
    pub check: bool,
    /// Which attempt of the request this is (1 for the first; retries count up).
    pub attempt: u8,
}

impl Req {
    const EMPTY: Req = Req {
        gen: 0,
        stage: Stage::Free,
        born: 0,
        deadline: 0,
        client: NONE,
        lb: NONE,
        target: NONE,
        host: NONE,
        proc: NONE,
        queries_left: 0,
        db: NONE,
        query_ns: 0,
        from: NONE,
        to: NONE,
        t0: 0,
        t1: 0,
        at_host: 0,
        at_db: 0,
        at_lb: 0,
        err: None,
        in_app: false,
        in_lb: false,
        check: false,
        attempt: 1,
    };
}

/// Live requests and the free slots between them.
#[derive(Default)]
pub(super) struct Slab {
    pub reqs: Vec<Req>,
    free: Vec<u32>,
    live: usize,
}

impl Slab {
    /// A fresh request record, or None when `MAX_LIVE` requests already live.
    pub fn alloc(&mut self, born: Time, deadline: Time, client: u32) -> Option<u32> {
        if self.live >= MAX_LIVE {
            return None;
        }
        let id = match self.free.pop() {
            Some(id) => id,
            None => {
                self.reqs.push(Req::EMPTY);
                (self.reqs.len() - 1) as u32
            }
        };
        let gen = self.reqs[id as usize].gen;
        self.reqs[id as usize] = Req { gen, born, deadline, client, stage: Stage::ToEntry, ..Req::EMPTY };
        self.live += 1;
        Some(id)
    }

    /// Returns the slot; its generation changes so that pending events for it go stale.
    pub fn release(&mut self, id: u32) {
        let r = &mut self.reqs[id as usize];
        if r.stage == Stage::Free {
            return;
        }
        r.gen = r.gen.wrapping_add(1);
        r.stage = Stage::Free;
        self.free.push(id);
        self.live -= 1;
    }

    /// True when an event carrying `gen` still refers to the live request `id`.
    #[inline]
    pub fn current(&self, id: u32, gen: u32) -> bool {
        let r = &self.reqs[id as usize];
        r.gen == gen && r.stage != Stage::Free
    }

    #[inline]
    pub fn get(&self, id: u32) -> &Req {
        &self.reqs[id as usize]
    }

    #[inline]
    pub fn get_mut(&mut self, id: u32) -> &mut Req {
        &mut self.reqs[id as usize]
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn records_stay_small() {
        // 2 million live requests must stay within a few hundred MB, and events within a cache line.
        assert!(std::mem::size_of::<super::Req>() <= 112, "{}", std::mem::size_of::<super::Req>());
        assert!(std::mem::size_of::<super::super::queue::Event>() <= 32);
    }
}
