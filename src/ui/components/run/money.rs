//! Money and availability as the stats bar writes them. Pure, so the rounding rules are
//! tested natively (tests/operate_live.rs): a student compares these numbers with each other.

use crate::i18n::format_number;

/// US dollars with the precision that still says something: "$0.0004" for a few seconds of a
/// small design, "$1.23" per hour, "$898" per month, "$12,345" per month for a big one.
pub fn format_usd(usd: f64) -> String {
    if !usd.is_finite() || usd <= 0.0 {
        "$0.00".to_string()
    } else if usd < 0.01 {
        format!("${usd:.4}")
    } else if usd < 100.0 {
        format!("${usd:.2}")
    } else {
        format!("${}", format_number(usd.round() as u64))
    }
}

/// Requests answered / requests that ended, or None before any request ended.
pub fn availability(completed: u64, failed: u64) -> Option<f64> {
    let ended = completed + failed;
    (ended > 0).then(|| completed as f64 / ended as f64)
}

/// An availability as "99.95 %": rounded *down* to a hundredth of a percent, so a run with
/// any failed request never reads "100 %", computed in integers so 9,995 of 10,000 is exactly
/// "99.95 %". "–" before any request ended.
pub fn format_availability(completed: u64, failed: u64) -> String {
    let ended = u128::from(completed) + u128::from(failed);
    if ended == 0 {
        return "–".to_string();
    }
    if failed == 0 {
        return "100 %".to_string();
    }
    // At most 10,000: printed as a u64, because `u128`'s Display is 0.6 KB of wasm of its own.
    let hundredths = (u128::from(completed) * 10_000 / ended) as u64;
    format!("{}.{:02} %", hundredths / 100, hundredths % 100)
}

/// Bytes as gigabytes (10^9 bytes, as AWS bills transfer) with three decimals.
pub fn format_gb(bytes: u64) -> String {
    format!("{:.3}", bytes as f64 / 1e9)
}
