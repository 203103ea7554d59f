//! Mutated links never panic: bit flips, cuts, insertions and splices of valid links.
//!
//! A quick version of the fuzz run in `benches/decode_fuzz.rs` (which uses the same mutator),
//! small enough for every `cargo test`.

use std::panic::{catch_unwind, AssertUnwindSafe};

use archlab::share::{decode, encode};
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::gen;

/// One random edit of a link's text: flip a bit, cut, insert, duplicate, or swap a character.
pub fn mutate(rng: &mut impl RngCore, link: &str) -> String {
    let mut b = link.as_bytes().to_vec();
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/#&%\0\xff";
    for _ in 0..rng.random_range(1..=3) {
        let i = if b.is_empty() { 0 } else { rng.random_range(0..b.len()) };
        match rng.random_range(0..6) {
            0 if !b.is_empty() => b[i] ^= 1 << rng.random_range(0..8),
            1 => b.truncate(i),
            2 => b.insert(i, ALPHABET[rng.random_range(0..ALPHABET.len())]),
            3 if !b.is_empty() => b[i] = ALPHABET[rng.random_range(0..ALPHABET.len())],
            4 if !b.is_empty() => {
                let j = rng.random_range(i..b.len());
                let piece = b[i..=j].to_vec();
                b.splice(i..i, piece);
            }
            _ if !b.is_empty() => {
                b.remove(i);
            }
            _ => {}
        }
    }
    String::from_utf8_lossy(&b).into_owned()
}

#[test]
fn twenty_thousand_mutated_links_never_panic() {
    let mut rng = ChaCha8Rng::seed_from_u64(20_000);
    let links: Vec<String> = (0..50).map(|_| encode(&gen::scenario(&mut rng, 12))).collect();
    let mut accepted = 0;
    for n in 0..20_000 {
        let input = mutate(&mut rng, &links[n % links.len()]);
        match catch_unwind(AssertUnwindSafe(|| decode(&input))) {
            Ok(Ok(_)) => accepted += 1,
            Ok(Err(e)) => assert!(!e.to_string().is_empty()),
            Err(_) => panic!("decode panicked on {input:?}"),
        }
    }
    // Most mutations must be caught: a changed character almost always breaks the checksum.
    assert!(accepted < 20_000 / 10, "{accepted} of 20000 mutated links were accepted");
}
