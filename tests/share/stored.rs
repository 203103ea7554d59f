//! What the browser keeps (compact JSON) and what it kept before (link text) both open, and a
//! link whose zlib stream came from another deflate (the browser's) decodes like ours.

use archlab::share::{
    decode, encode, from_stored, link_from_zlib, to_compact_json, ShareError, MAX_JSON_LEN,
};
use proptest::prelude::*;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use crate::gen;

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn kept_scenarios_open_in_both_forms(seed in any::<u64>(), max in 2usize..30) {
        let s = gen::scenario(&mut ChaCha8Rng::seed_from_u64(seed), max);
        let json = to_compact_json(&s);
        prop_assert_eq!(from_stored(&json), Ok(s.clone()));
        prop_assert_eq!(from_stored(&format!("\n {json}")), Ok(s.clone()));
        // An autosave or recent entry written by an older build holds link text.
        prop_assert_eq!(from_stored(&encode(&s)), Ok(s.clone()));
    }

    /// Links are deterministic per encoder, not across encoders: a stream made at another
    /// level (standing in for the browser's CompressionStream) gives other text, same scenario.
    #[test]
    fn any_zlib_encoder_makes_a_link_that_decodes(seed in any::<u64>(), level in 0u8..=9) {
        let s = gen::scenario(&mut ChaCha8Rng::seed_from_u64(seed), 12);
        let json = to_compact_json(&s);
        let link = link_from_zlib(&miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), level));
        prop_assert_eq!(decode(&link), Ok(s.clone()));
    }
}

#[test]
fn encode_is_link_from_zlib_of_the_compact_json_at_level_10() {
    let s = gen::scenario(&mut ChaCha8Rng::seed_from_u64(5), 10);
    let zlib = miniz_oxide::deflate::compress_to_vec_zlib(to_compact_json(&s).as_bytes(), 10);
    assert_eq!(link_from_zlib(&zlib), encode(&s));
}

#[test]
fn kept_json_gets_the_checks_a_link_gets() {
    let err = |text: &str| from_stored(text).unwrap_err().kind();
    assert_eq!(err(""), "empty");
    assert_eq!(err("{"), "json");
    assert_eq!(err("{}"), "missing_version");
    assert_eq!(err("1.<script>"), "not_base64");
    let s = gen::scenario(&mut ChaCha8Rng::seed_from_u64(9), 4);
    let json = to_compact_json(&s);
    // The size cap holds before parsing, counted without the leading blank space.
    let padded = format!("{}{}", &json[..json.len() - 1], " ".repeat(MAX_JSON_LEN - json.len() + 1));
    let at_limit = format!("{padded}}}");
    assert_eq!(at_limit.len(), MAX_JSON_LEN + 1);
    assert_eq!(from_stored(&at_limit), Err(ShareError::DecodedTooLarge { max: MAX_JSON_LEN }));
    assert_eq!(from_stored(&format!("  {}}}", &padded[..padded.len() - 1])), Ok(s));
}
