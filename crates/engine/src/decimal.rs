//! The nearest `f64` to a decimal number's text, from the platform the crate runs on.
//!
//! Natively that is the standard library's parser. In the wasm it is the browser's `parseFloat`:
//! core's parser would bring its decimal-to-float code and a 10 KB table of powers of five into
//! the bundle (issue 4), and the browser has one already. Both round correctly (to the nearest
//! double, ties to even), so a text gives the same bits on either side; `tests/json_parse.rs`
//! and `tests/wasm_json_parse.rs` check them against serde_json's reader. This is the one module
//! outside `src/ui` that may call the browser (`tests/tidy.rs`): a pure function, no page.

/// The nearest `f64` to `literal`, a JSON number (infinite when too large, zero when too small).
/// Anything else is a caller's bug and gives NaN.
pub fn to_f64(literal: &str) -> f64 {
    literal.parse().unwrap_or(f64::NAN)
}
