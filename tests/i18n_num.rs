//! `i18n::fixed` and `i18n::plain` print exactly what `format!("{x:.N}")` and `format!("{x}")`
//! print, so replacing core's float printers in the wasm changes no number a student sees.
//! Natively core's printers are the reference: every check is an exact string comparison.

use archlab::i18n::{fixed, plain};
use rand::{Rng, SeedableRng};

fn check(x: f64) {
    for d in 0..=6 {
        assert_eq!(fixed(x, d), format!("{x:.d$}"), "fixed: x = {x:e} ({:#x}), {d} decimals", x.to_bits());
    }
    assert_eq!(plain(x), format!("{x}"), "plain: x = {x:e} ({:#x})", x.to_bits());
}

const EDGES: &[f64] = &[
    0.0,
    -0.0,
    0.5,
    1.5,
    2.5,
    -2.5,
    0.125,
    0.375,
    1.005,
    1.015,
    2.675,
    0.045,
    9.995,
    99.95,
    999_999.5,
    0.000_000_4,
    0.000_000_5,
    0.000_000_6,
    0.1,
    0.2,
    0.3,
    1.0 / 3.0,
    2.0 / 3.0,
    1e-4,
    1e-5,
    1e-7,
    123_456.789,
    5e-324,
    -5e-324,
    1e-300,
    1e15,
    1e16,
    1e17,
    4.5e15,
    9_007_199_254_740_993.0,
    1e21,
    1e22,
    1.25e21,
    1e300,
    f64::MAX,
    f64::MIN,
    f64::MIN_POSITIVE,
    f64::EPSILON,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::NAN,
    97.35,
    12.25,
    0.05,
    0.15,
    0.25,
    0.35,
    0.045_6,
    1234.5678,
    -1234.5678,
];

#[test]
fn same_text_as_core_on_edge_cases() {
    for &x in EDGES {
        check(x);
    }
    assert_eq!(plain(-f64::NAN), format!("{}", -f64::NAN));
}

/// Half-way cases are where a rounding rule shows: `k / 2^j` are exact binary values whose
/// decimal expansion ends in 5, true ties at some precision. Core rounds them to even (on the
/// exact binary value); `fixed` must too, so rounding ties up or away from zero fails here.
#[test]
fn same_text_as_core_on_ties_of_every_precision() {
    for j in 1..=20 {
        for k in (1..2000u32).step_by(7) {
            let x = k as f64 / (1u64 << j) as f64;
            check(x);
            check(-x);
        }
    }
}

/// The values the screens show (rates, milliseconds, percentages, dollars, coordinates) and
/// arbitrary bit patterns (tiny, huge and subnormal numbers, where the shortest digits of
/// `plain` are hardest).
#[test]
fn same_text_as_core_on_random_values() {
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(4);
    for _ in 0..100_000 {
        check(rng.random_range(-1e6..1e6));
        check(rng.random::<f64>() * 10f64.powi(rng.random_range(-8..8)));
        check(f64::from_bits(rng.random::<u64>()));
    }
}

/// Short decimals typed by people (0.35, 12.5, 1e-3 steps) sit next to a tie or on the
/// shortest form's boundary; every one with up to four decimals below 1000 is checked.
#[test]
fn same_text_as_core_on_short_decimals() {
    for n in 0..10_000_000u32 {
        let x = n as f64 / 10_000.0;
        assert_eq!(plain(x), format!("{x}"), "plain: {n}/10000");
        if n % 7 == 0 {
            for d in 0..=4 {
                assert_eq!(fixed(x, d), format!("{x:.d$}"), "fixed: {n}/10000, {d} decimals");
            }
        }
    }
}
