//! `model::parse_json` in the browser, where its decimals go to `parseFloat` (natively they go
//! to the standard library): every number reads to the same kind and bits as serde_json's own
//! reader gives, compiled into this same test, so a scenario holds the same numbers natively
//! and in the page. In headless Chromium; `tests/json_parse.rs` checks the rest natively.

#[cfg(target_arch = "wasm32")]
#[path = "support/json_agree.rs"]
mod json_agree;

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::json_agree::{agree, agree_on_float};
    use rand::{Rng, RngCore, SeedableRng};
    use rand_chacha::ChaCha8Rng;
    use wasm_bindgen_test::*;
    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn decimals_read_to_the_same_bits_as_serde_json() {
        for text in [
            "0.1",
            "-0.0",
            "1e400",
            "-1e400",
            "1e-400",
            "4.9e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "9007199254740993",
            "18446744073709551616",
            "0.30000000000000004",
            "123.456e-7",
            "2.2250738585072011e-308",
            "2.2250738585072012e-308",
        ] {
            agree(text);
        }
        let mut rng = ChaCha8Rng::seed_from_u64(17);
        for _ in 0..5000 {
            agree_on_float(f64::from_bits(rng.next_u64()));
        }
        let digits = |rng: &mut ChaCha8Rng, n: usize| -> String {
            (0..n).map(|_| char::from(b'1' + rng.random_range(0..9u8))).collect()
        };
        for _ in 0..5000 {
            let (int, frac) = (rng.random_range(1..25), rng.random_range(0..40));
            let text = format!(
                "{}.{}e{}",
                digits(&mut rng, int),
                digits(&mut rng, frac),
                rng.random_range(-340..320)
            );
            agree(&text);
        }
        // A long mantissa, past what a double can tell apart: still correctly rounded.
        agree(&format!("0.{}e-300", "9".repeat(800)));
    }
}
