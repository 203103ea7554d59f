//! The engine's only source of randomness: a seeded ChaCha8 stream, sampled with `libm`.
//!
//! ChaCha8 gives the same stream on wasm32 and x86_64, and `libm::log` gives the same bits on
//! both, so a shared link replays exactly. No OS-seeded generator, and no generator whose
//! algorithm differs between platforms or releases, belongs here.

use chacha20::rand_core::{Rng as _, SeedableRng};
use chacha20::ChaCha8Rng;

pub(super) struct Rng(ChaCha8Rng);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(ChaCha8Rng::seed_from_u64(seed))
    }

    /// Uniform in [0, 1) with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Exponential with the given mean (inverse transform; 1 - u is in (0, 1], so ln is finite).
    pub fn exp(&mut self, mean: f64) -> f64 {
        -mean * libm::log(1.0 - self.uniform())
    }

    /// Uniform integer in [0, n), n > 0 (Lemire's multiply-shift; bias below 2^-32 for n < 2^32).
    pub fn below(&mut self, n: u32) -> u32 {
        (((self.0.next_u64() >> 32) * n as u64) >> 32) as u32
    }

    /// A service time with the given mean in ns: exactly the mean when `constant`, else
    /// exponential (no draw for a constant one, so the stream is not advanced).
    #[inline]
    pub fn duration(&mut self, mean: f64, constant: bool) -> super::Time {
        if constant {
            to_ns(mean)
        } else {
            to_ns(self.exp(mean))
        }
    }

    /// Uniform in [lo, hi).
    pub fn between(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.uniform()
    }
}

/// A non-negative duration in ns (f64) to engine time, rounded half up. Plain addition and a
/// truncating cast: as exact as `round` and identical on every target, without a libm call.
#[inline]
pub(super) fn to_ns(x: f64) -> super::Time {
    (x + 0.5) as super::Time
}
