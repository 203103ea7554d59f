//! Same seed, same numbers, natively and in the browser.
//!
//! Each check computes a fingerprint of a seeded computation and compares it with
//! `tests/fixtures/determinism.txt`. The native run writes that file when
//! `UPDATE_FIXTURES=1` and otherwise checks it; the wasm run (headless Chromium, through
//! wasm-bindgen-test-runner) checks the same file, so a difference between platforms fails.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

const FIXTURE: &str = include_str!("fixtures/determinism.txt");

/// The basis of determinism: a seeded ChaCha8 stream through `libm::log` (exponential samples,
/// exactly as the engine draws service times). `f64::ln` would differ in its last bits.
fn rng_libm_sum() -> u64 {
    let mut rng = ChaCha8Rng::seed_from_u64(42);
    let sum: f64 = (0..100_000).map(|_| -libm::log(1.0 - rng.random::<f64>())).sum();
    sum.to_bits()
}

/// Every preset (faults and all) run for 60 simulated seconds with seed 7, in frame-sized
/// advances as the browser runs it: a fingerprint of all totals, every per-second row and the
/// log. The native side of `tests/determinism.rs` shows slicing does not matter; this shows the
/// platform does not either.
fn preset_runs() -> Vec<(&'static str, u64)> {
    archlab::catalog::PRESETS
        .iter()
        .map(|p| {
            let scenario = p.scenario();
            let mut sim = archlab::engine::Sim::new(&scenario, 7).expect("presets are valid");
            let frame = archlab::engine::NS_PER_S / 60;
            for i in 1..=60 * 60 {
                sim.advance_to(i * frame);
            }
            (p.id, sim.fingerprint())
        })
        .collect()
}

fn fingerprints() -> Vec<(&'static str, u64)> {
    let mut v = vec![("rng_libm_sum", rng_libm_sum())];
    v.extend(preset_runs());
    v
}

fn render() -> String {
    fingerprints().iter().map(|(k, v)| format!("{k} {v:016x}\n")).collect()
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn native_matches_fixture() {
    let got = render();
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/determinism.txt"), &got).unwrap();
    }
    assert_eq!(got, FIXTURE, "re-run with UPDATE_FIXTURES=1 only if the change is intended");
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use wasm_bindgen_test::*;
    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn browser_matches_native_fixture() {
        assert_eq!(super::render(), super::FIXTURE);
    }
}
