//! A station: `servers` identical servers in front of one FIFO queue, optionally bounded.
//!
//! Host cores, database cores and database connections are stations. The station only counts;
//! the caller schedules service completions and keeps the time integrals (see `recorder`), so
//! the same type serves a CPU burst and a query.

use std::collections::VecDeque;

#[derive(Clone, Debug)]
pub(super) struct Station {
    pub servers: u32,
    pub busy: u32,
    pub queue: VecDeque<u32>,
    /// Longest allowed queue; `u32::MAX` for unbounded (cores: bounded by the processes).
    pub bound: u32,
}

/// What happened to a request offered to a station.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Offer {
    Served,
    Queued,
    Full,
}

impl Station {
    pub fn new(servers: u32, bound: u32) -> Self {
        Station { servers, busy: 0, queue: VecDeque::new(), bound }
    }

    /// Takes a free server or a queue place for `req`.
    pub fn offer(&mut self, req: u32) -> Offer {
        if self.busy < self.servers {
            self.busy += 1;
            Offer::Served
        } else if (self.queue.len() as u64) < self.bound as u64 {
            self.queue.push_back(req);
            Offer::Queued
        } else {
            Offer::Full
        }
    }

    /// Frees a server and hands it to the head of the queue if any (the server stays busy).
    pub fn release(&mut self) -> Option<u32> {
        match self.queue.pop_front() {
            Some(next) => Some(next),
            None => {
                self.busy = self.busy.saturating_sub(1);
                None
            }
        }
    }

    /// Frees a server without serving anyone next (its host is down).
    pub fn release_idle(&mut self) {
        self.busy = self.busy.saturating_sub(1);
    }

    /// Removes a waiting request (cancelled); true when it was there.
    pub fn remove(&mut self, req: u32) -> bool {
        match self.queue.iter().position(|&r| r == req) {
            Some(i) => {
                self.queue.remove(i);
                true
            }
            None => false,
        }
    }
}
