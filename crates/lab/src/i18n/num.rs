//! An `f64` as text without core's float printers: [`fixed`] is `format!("{x:.N}")`'s text and
//! [`plain`] is `format!("{x}")`'s, byte for byte.
//!
//! Any `{}`, `{:.N}` or `{:?}` of an `f64` (or `f64::to_string`, or a derived `Debug` that
//! reaches one) pulls core's Grisu and Dragon printers into the wasm, ≈ 14 KB raw, 5 KB
//! gzipped of issue 4's bundle budget, for what is always a short number on screen. [`fixed`]
//! rounds the exact binary value with integer arithmetic, to nearest with ties to even as core
//! does; [`plain`] takes the shortest digits that read back as the same `f64` from zmij
//! (already in the wasm: serde_json prints numbers with it) and lays them out as core does,
//! without an exponent. `tests/i18n_num.rs` compares both with `format!` on edge cases and
//! hundreds of thousands of random values; `tests/tidy.rs` keeps float formatting out of the
//! wasm code.

/// Callers ask for at most 6 decimals (money rates); a request for more than 9 prints 9.
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

/// `x` as `format!("{x}")` prints it: the shortest digits that read back as `x`, never an
/// exponent ("0.0001", "1500", "100000000000000000000"), "-0" keeps its sign, "NaN", "inf".
pub fn plain(x: f64) -> String {
    if !x.is_finite() {
        return fixed(x, 0);
    }
    let (mut z, mut k) = shortest(x.abs());
    // Where two shortest candidates are equally near, zmij takes the even one and core the
    // larger one (it rounds half up): `x` = 0.00050830841064453125 is "…5312" and "…5313".
    if is_tie_above(x.abs(), z, k) {
        z += 1;
    }
    let mut digits = z.to_string().into_bytes();
    while digits.len() > 1 && digits.last() == Some(&b'0') {
        digits.pop();
        k += 1;
    }
    let mut out = String::with_capacity(digits.len() + 8);
    if x.is_sign_negative() {
        out.push('-');
    }
    let point = digits.len() as i32 + k;
    if z == 0 {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-point) as usize));
        out.extend(digits.iter().map(|&d| d as char));
    } else {
        let point = point as usize;
        for (i, &d) in digits.iter().enumerate() {
            if i == point {
                out.push('.');
            }
            out.push(d as char);
        }
        out.extend(std::iter::repeat_n('0', point.saturating_sub(digits.len())));
    }
    out
}

/// zmij's shortest digits of finite `v ≥ 0` as `(z, k)`, `v` ≈ z × 10^k (z has at most 17
/// digits). zmij writes "1.5", "1.0", "1e-7" or "1.25e+21"; the exponent is read by hand.
fn shortest(v: f64) -> (u64, i32) {
    let mut buf = zmij::Buffer::new();
    let text = buf.format_finite(v);
    let (mantissa, exp) = text.split_once('e').unwrap_or((text, "0"));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digit = |b: u8| u64::from(b.wrapping_sub(b'0'));
    let z = int.bytes().chain(frac.bytes()).fold(0u64, |z, b| z * 10 + digit(b));
    let (neg, e) = match exp.strip_prefix('-') {
        Some(e) => (true, e),
        None => (false, exp.trim_start_matches('+')),
    };
    let e = e.bytes().fold(0i32, |n, b| n * 10 + digit(b) as i32);
    (z, if neg { -e } else { e } - frac.len() as i32)
}

/// Whether `v` lies exactly half-way between z × 10^k and (z + 1) × 10^k, that is
/// 2v = (2z + 1) × 10^k. With v = m × 2^e, m odd, both sides' powers of two and of five must
/// agree: e + 1 = k, and m × 5^-k = 2z + 1 (k < 0) or m = (2z + 1) × 5^k (k ≥ 0).
fn is_tie_above(v: f64, z: u64, k: i32) -> bool {
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    let (m, e) = if exp == 0 { (frac, -1074) } else { (frac | (1u64 << 52), exp - 1075) };
    if m == 0 {
        return false;
    }
    let (m, e) = (u128::from(m >> m.trailing_zeros()), e + m.trailing_zeros() as i32);
    if e + 1 != k {
        return false;
    }
    let odd = 2 * u128::from(z) + 1;
    let pow5 = 5u128.checked_pow(k.unsigned_abs());
    if k >= 0 {
        pow5.and_then(|p| odd.checked_mul(p)) == Some(m)
    } else {
        pow5.and_then(|p| m.checked_mul(p)) == Some(odd)
    }
}
