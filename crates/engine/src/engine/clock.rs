//! The clock and the events: what decides the order of a run.
//!
//! Simulated time, the queue of pending events ordered by (time, insertion counter), the count
//! of events processed and the seeded random stream. Together they are everything that makes
//! two runs of one scenario and seed the same run: a handler reads the time, schedules events
//! and draws numbers here, and nothing else does.

use super::queue::EventQueue;
use super::rng::Rng;
use super::Time;

pub(super) struct Clock {
    pub now: Time,
    pub queue: EventQueue,
    /// Events processed since the start (for benchmarks and the fingerprint).
    pub events: u64,
    pub rng: Rng,
}

impl Clock {
    pub fn new(seed: u64) -> Self {
        Clock { now: 0, queue: EventQueue::default(), events: 0, rng: Rng::new(seed) }
    }
}
