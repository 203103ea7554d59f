//! Fuzz run of the share decoder: at least 1,000,000 random and mutated inputs through
//! `share::decode`, each under `catch_unwind`; the run fails if any input panics.
//!
//! Inputs come from one seeded ChaCha8 stream, so a run is reproduced exactly by its seed:
//! a third are mutations of valid links (bit flips, cuts, insertions, duplicated spans, the
//! same mutator as `tests/share/mutate.rs`), a third are valid link headers followed by random
//! base64url or random bytes, a third are links around random or mutated JSON (so the later
//! stages — JSON, migration, shape, validation — see hostile input too, not just the checksum).
//!
//! `cargo bench --bench decode_fuzz` runs 1,000,000 inputs (or `FUZZ_INPUTS`); under
//! `cargo test --benches` it runs a 20,000-input smoke pass. `FUZZ_SEED` changes the seed.

#[path = "../tests/share/gen.rs"]
#[allow(dead_code, unused_imports)]
mod gen;
#[path = "../tests/share/mutate.rs"]
#[allow(dead_code, unused_imports)]
mod mutate;

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::Instant;

use archlab::share::{decode, encode};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

fn env_u64(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn zlib_link(bytes: &[u8]) -> String {
    format!("1.{}", URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(bytes, 1)))
}

/// One fuzz input of one of the three families described above.
fn input(rng: &mut ChaCha8Rng, links: &[String], jsons: &[String]) -> String {
    match rng.random_range(0..3) {
        0 => {
            let i = rng.random_range(0..links.len());
            mutate::mutate(rng, &links[i])
        }
        1 => {
            let n = rng.random_range(0..400);
            if rng.random_bool(0.5) {
                const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
                let body: String = (0..n).map(|_| B64[rng.random_range(0..64)] as char).collect();
                format!("{}.{body}", ["1", "eNq", "1.eNq", "2", "#s=1"][rng.random_range(0..5)])
            } else {
                let mut bytes = vec![0u8; n];
                rng.fill_bytes(&mut bytes);
                if rng.random_bool(0.5) {
                    zlib_link(&bytes)
                } else {
                    String::from_utf8_lossy(&bytes).into_owned()
                }
            }
        }
        _ => {
            let json = &jsons[rng.random_range(0..jsons.len())];
            let mutated = mutate::mutate(rng, json);
            zlib_link(mutated.as_bytes())
        }
    }
}

fn main() {
    let benching = std::env::args().any(|a| a == "--bench");
    let total = env_u64("FUZZ_INPUTS", if benching { 1_000_000 } else { 20_000 });
    let seed = env_u64("FUZZ_SEED", 0x5EED_5A4E);

    // The harness must really catch panics (release builds may abort instead): prove it.
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    assert!(catch_unwind(|| panic!("self-check")).is_err());
    std::panic::set_hook(prev);

    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let scenarios: Vec<_> = (0..200).map(|i| gen::scenario(&mut rng, 2 + i % 30)).collect();
    let links: Vec<String> = scenarios.iter().map(encode).collect();
    // Minified JSON of each scenario (keys sorted, as `serde_json::Value` keeps them).
    let jsons: Vec<String> =
        scenarios.iter().take(50).map(|s| archlab::share::to_value(s).to_string()).collect();

    let mut kinds: BTreeMap<&'static str, u64> = BTreeMap::new();
    let mut panics = Vec::new();
    let mut bytes = 0u64;
    std::panic::set_hook(Box::new(|_| {}));
    // Only the decoding is timed; making the inputs (compressing mutated JSON) is not.
    let mut decoding = std::time::Duration::ZERO;
    let start = Instant::now();
    for n in 0..total {
        let input = input(&mut rng, &links, &jsons);
        bytes += input.len() as u64;
        let t = Instant::now();
        let result = catch_unwind(AssertUnwindSafe(|| decode(&input)));
        decoding += t.elapsed();
        match result {
            Ok(Ok(_)) => *kinds.entry("ok").or_default() += 1,
            Ok(Err(e)) => *kinds.entry(e.kind()).or_default() += 1,
            Err(_) => panics.push((n, input)),
        }
    }
    let wall = start.elapsed().as_secs_f64();
    let secs = decoding.as_secs_f64();
    let _ = std::panic::take_hook();

    println!("decode_fuzz: seed {seed:#x}, {total} inputs, {bytes} input bytes, {wall:.1} s in all");
    println!(
        "  decoding: {secs:.2} s, {:.0} inputs/s, {:.1} MB/s, mean {:.1} us/input",
        total as f64 / secs,
        bytes as f64 / secs / 1e6,
        secs * 1e6 / total as f64
    );
    println!("  panics: {}", panics.len());
    for (kind, count) in &kinds {
        println!("  {kind:>22}: {count:>8} ({:.2}%)", 100.0 * *count as f64 / total as f64);
    }
    if let Some((n, input)) = panics.first() {
        eprintln!("first panic at input {n}: {input:?}");
        std::process::exit(1);
    }
}
