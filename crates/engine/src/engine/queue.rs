//! The event queue: a binary heap keyed by (time, insertion counter).
//!
//! The insertion counter breaks ties between events at the same instant in the order they were
//! scheduled, so a run never depends on the heap's internal layout. Events are small `Copy`
//! values that name what happens by index; the state they refer to lives in the engine.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

use super::Time;

/// What an event does when its time comes. Request events carry the request's generation so
/// an event of a cancelled request (its host died, its process crashed) is recognised as stale
/// and ignored: no event is ever removed from the heap.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// The next arrival of client population `client` (generation of its arrival stream).
    Arrival {
        client: u32,
        gen: u32,
    },
    /// A request (or its response, or a query) reaches the far end of its current crossing.
    Hop {
        req: u32,
        gen: u32,
    },
    /// A CPU burst (or a query on a shared host) ends on a core.
    CoreDone {
        req: u32,
        gen: u32,
    },
    /// A query ends on a database connection.
    QueryDone {
        req: u32,
        gen: u32,
    },
    /// A connection attempt of a request nobody answered: its caller's connect timeout ends.
    ConnectTimeout {
        req: u32,
        gen: u32,
    },
    /// A client's backoff before retrying a failed request ends: the next attempt starts.
    Retry {
        req: u32,
        gen: u32,
    },
    /// The health-check timer of load balancer `lb` (one per balancer, not per target).
    LbTick {
        lb: u32,
    },
    /// Failed checks of the last tick of `lb` take effect (after the check timeout).
    LbFails {
        lb: u32,
    },
    DnsTick {
        dns: u32,
    },
    DnsFails {
        dns: u32,
    },
    /// The process manager restarts crashed process `proc` of global host `host`.
    Restart {
        host: u32,
        proc: u32,
        gen: u32,
    },
    /// The standby of database group `group` finishes its promotion.
    FailoverDone {
        group: u32,
        gen: u32,
    },
    /// Fault `index` of the scenario's timeline.
    Fault {
        index: u32,
    },
    /// A launched or restarted host has booted (its life generation).
    BootDone {
        host: u32,
        gen: u32,
    },
    /// Is a draining host empty yet (or its deregistration delay over)?
    DrainCheck {
        host: u32,
        gen: u32,
    },
    /// Deployment `dep` starts, or looks at its progress.
    DeployTick {
        dep: u32,
    },
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Event {
    pub time: Time,
    pub seq: u64,
    pub kind: Kind,
}

impl PartialEq for Event {
    fn eq(&self, other: &Self) -> bool {
        self.time == other.time && self.seq == other.seq
    }
}
impl Eq for Event {}
impl PartialOrd for Event {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Event {
    /// Reversed, so that `BinaryHeap` (a max-heap) pops the earliest event first.
    fn cmp(&self, other: &Self) -> Ordering {
        other.time.cmp(&self.time).then_with(|| other.seq.cmp(&self.seq))
    }
}

/// Pending events, earliest first, FIFO among equal times.
#[derive(Default)]
pub(super) struct EventQueue {
    heap: BinaryHeap<Event>,
    seq: u64,
}

impl EventQueue {
    pub fn push(&mut self, time: Time, kind: Kind) {
        self.seq += 1;
        self.heap.push(Event { time, seq: self.seq, kind });
    }

    pub fn peek_time(&self) -> Option<Time> {
        self.heap.peek().map(|e| e.time)
    }

    pub fn pop(&mut self) -> Option<Event> {
        self.heap.pop()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_times_pop_in_insertion_order() {
        let mut q = EventQueue::default();
        q.push(5, Kind::LbTick { lb: 1 });
        q.push(3, Kind::LbTick { lb: 2 });
        q.push(5, Kind::LbTick { lb: 3 });
        q.push(3, Kind::LbTick { lb: 4 });
        let order: Vec<_> = std::iter::from_fn(|| q.pop()).map(|e| e.kind).collect();
        let lbs: Vec<u32> = order
            .iter()
            .map(|k| match k {
                Kind::LbTick { lb } => *lb,
                _ => 0,
            })
            .collect();
        assert_eq!(lbs, vec![2, 4, 1, 3]);
    }
}
