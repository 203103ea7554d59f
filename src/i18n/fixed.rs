//! `fixed(x, d)`: the same text as `format!("{x:.d$}")`, without core's exact float printer.
//!
//! `{:.N}` on an `f64` pulls core's Grisu/Dragon "exact" mode (about 5 KB raw of wasm, issue
//! 4's bundle budget) into the page for what is always a short, small number on screen. The
//! binary value is rounded here with integer arithmetic, exactly as core does (to nearest,
//! ties to even on the exact binary value), so the output is byte-for-byte the same; the test
//! below compares the two over millions of values. `tests/tidy.rs` keeps `{:.N}` out of the
//! wasm code.

/// Most decimals any caller asks for (money rates use 6); more falls back to no rounding.
const MAX_DECIMALS: usize = 9;

/// `x` with exactly `decimals` digits after the point, as `format!("{x:.decimals$}")` prints it:
/// "-0.0" keeps its sign, "NaN", "inf" and "-inf" as core writes them.
pub fn fixed(x: f64, decimals: usize) -> String {
    let mut out = String::new();
    if x.is_nan() {
        out.push_str("NaN");
        return out;
    }
    if x.is_sign_negative() {
        out.push('-');
    }
    if x.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let d = decimals.min(MAX_DECIMALS);
    match scaled(x.abs(), d) {
        Some(n) => push_digits(&mut out, n, d),
        None => push_huge(&mut out, x.abs(), d),
    }
    out
}

/// Values from 2^93 up are whole numbers: their exact decimal digits (base 10^9 limbs, as
/// core prints them), then `d` zeros.
fn push_huge(out: &mut String, v: f64, d: usize) {
    let bits = v.to_bits();
    let (m, e) = ((bits & ((1u64 << 52) - 1)) | (1u64 << 52), ((bits >> 52) & 0x7ff) as i32 - 1075);
    let mut limbs: Vec<u64> =
        vec![m % 1_000_000_000, m / 1_000_000_000 % 1_000_000_000, m / 1_000_000_000_000_000_000];
    for _ in 0..e {
        let mut carry = 0;
        for l in limbs.iter_mut() {
            let x = *l * 2 + carry;
            (*l, carry) = (x % 1_000_000_000, x / 1_000_000_000);
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut first = true;
    for l in limbs.iter().rev() {
        let s = l.to_string();
        if !first {
            out.extend(std::iter::repeat_n('0', 9 - s.len()));
        }
        out.push_str(&s);
        first = false;
    }
    if d > 0 {
        out.push('.');
        out.extend(std::iter::repeat_n('0', d));
    }
}

/// round(v × 10^d) to nearest, ties to even, for finite `v ≥ 0`, if it fits in a u128.
fn scaled(v: f64, d: usize) -> Option<u128> {
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    // v = m × 2^e exactly.
    let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp - 1075) };
    let n = m as u128 * 10u128.pow(d as u32); // < 2^53 × 10^9 < 2^83
    if e >= 0 {
        return if e <= 40 { Some(n << e) } else { None };
    }
    let shift = (-e) as u32;
    if shift >= 127 {
        // v × 10^d < 2^83 / 2^127: far below one half.
        return Some(0);
    }
    let (q, r, half) = (n >> shift, n & ((1u128 << shift) - 1), 1u128 << (shift - 1));
    Some(if r > half || (r == half && q & 1 == 1) { q + 1 } else { q })
}

/// Writes `n / 10^d` with `d` decimals ("0.05" for n = 5, d = 2).
fn push_digits(out: &mut String, mut n: u128, d: usize) {
    let mut digits = Vec::with_capacity(40);
    while n > 0 || digits.len() <= d {
        digits.push(b'0' + (n % 10) as u8);
        n /= 10;
    }
    for (i, c) in digits.iter().rev().enumerate() {
        if d > 0 && i == digits.len() - d {
            out.push('.');
        }
        out.push(*c as char);
    }
}

#[cfg(test)]
mod tests {
    use super::fixed;
    use rand::{Rng, SeedableRng};

    fn check(x: f64) {
        for d in 0..=6 {
            assert_eq!(fixed(x, d), format!("{x:.d$}"), "x = {x:e} ({:#x}), {d} decimals", x.to_bits());
        }
    }

    #[test]
    fn same_text_as_core_on_edge_cases() {
        for x in [
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
            5e-324,
            -5e-324,
            1e-300,
            1e15,
            1e16,
            1e17,
            4.5e15,
            9_007_199_254_740_993.0,
            1e22,
            1e300,
            f64::MAX,
            f64::MIN_POSITIVE,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            97.35,
            12.25,
            0.05,
            0.15,
            0.25,
            0.35,
        ] {
            check(x);
        }
    }

    #[test]
    fn same_text_as_core_on_ties_of_every_precision() {
        // k / 2^j are exact binary values whose decimal expansion ends in 5: true ties.
        for j in 1..=20 {
            for k in (1..2000u32).step_by(7) {
                check(k as f64 / (1u64 << j) as f64);
            }
        }
    }

    #[test]
    fn same_text_as_core_on_random_values() {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(4);
        for _ in 0..100_000 {
            // Screen-sized numbers (the callers' range) and arbitrary bit patterns.
            check(rng.random_range(-1e6..1e6));
            check(rng.random::<f64>() * 10f64.powi(rng.random_range(-8..8)));
            check(f64::from_bits(rng.random::<u64>()));
        }
    }
}
