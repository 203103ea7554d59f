//! Links in the browser: made by its `CompressionStream` (not miniz_oxide) and opened by its
//! `DecompressionStream` (`ui::deflate::decode_link_async`, the only decoder the wasm has),
//! they give back the scenario they were made from: every preset, the golden links written by
//! native builds, and hostile links refused with an error, never a panic. In headless Chromium.
//! Natively there is nothing to run; `tests/share/split.rs` checks the same halves natively.

#[cfg(target_arch = "wasm32")]
mod browser {
    use archlab::share::{self, ShareError, MAX_JSON_LEN};
    use archlab::{catalog::PRESETS, ui::platform::deflate};
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    use wasm_bindgen_test::*;
    wasm_bindgen_test_configure!(run_in_browser);

    /// Links written by native `share::encode` (miniz_oxide), frozen in `tests/golden/v1/`.
    const GOLDEN: &[(&str, &str)] = &[
        (include_str!("golden/v1/all-defaults.link"), include_str!("golden/v1/all-defaults.json")),
        (include_str!("golden/v1/generated.link"), include_str!("golden/v1/generated.json")),
        (include_str!("golden/v1/lb-two-zones.link"), include_str!("golden/v1/lb-two-zones.json")),
        (include_str!("golden/v1/single-server.link"), include_str!("golden/v1/single-server.json")),
        (include_str!("golden/v1/two-regions-20.link"), include_str!("golden/v1/two-regions-20.json")),
    ];

    /// 4 MiB of zero bytes, zlib-compressed natively (5 KB of link): a decompression bomb.
    const BOMB: &str = include_str!("fixtures/bomb.link");

    #[wasm_bindgen_test]
    async fn browser_made_links_decode_to_the_same_scenario() {
        for p in PRESETS {
            let scenario = p.scenario();
            let link = deflate::link(&scenario).await.expect("the browser compresses");
            assert!(link.starts_with("1."), "{}: {link}", p.id);
            assert_eq!(deflate::decode_link_async(&link).await, Ok(scenario.clone()), "{}", p.id);
            // In every form a person may paste.
            let url = format!("https://example.org/lab/#x=1&{}", &share::fragment_of(&link)[1..]);
            assert_eq!(deflate::decode_link_async(&url).await, Ok(scenario.clone()), "{}", p.id);
            // What the browser keeps reads back the same way, in both forms.
            let json = share::to_compact_json(&scenario);
            assert_eq!(deflate::decode_stored_async(&json).await, Ok(scenario.clone()), "{}", p.id);
            assert_eq!(deflate::decode_stored_async(&link).await, Ok(scenario), "{}", p.id);
        }
    }

    #[wasm_bindgen_test]
    async fn natively_made_golden_links_decode_in_the_browser() {
        for (link, json) in GOLDEN {
            let expected = share::from_json_file(json).expect("the golden scenario is valid");
            assert_eq!(deflate::decode_link_async(link).await, Ok(expected), "{link}");
        }
    }

    #[wasm_bindgen_test]
    async fn damaged_links_are_refused_without_a_panic() {
        let link = GOLDEN[2].0.trim();
        let zlib = URL_SAFE_NO_PAD.decode(&link[2..]).unwrap();
        let relink = |z: &[u8]| format!("1.{}", URL_SAFE_NO_PAD.encode(z));
        // Cut anywhere: the framing says Truncated where it can; the browser's inflater cannot
        // tell a cut stream from a corrupt one, so the rest is NotDeflate (or, cut inside the
        // trailer, a checksum that does not match).
        for cut in 0..zlib.len() {
            let e = deflate::decode_link_async(&relink(&zlib[..cut])).await.expect_err("a cut link");
            if cut < 6 {
                assert_eq!(e, ShareError::Truncated, "cut at {cut}: no room for header and trailer");
            }
            assert!(
                matches!(e, ShareError::Truncated | ShareError::NotDeflate | ShareError::ChecksumMismatch),
                "cut at {cut}: {e:?}"
            );
        }
        // A changed byte: the checksum (or the inflater) refuses it.
        for at in [2, zlib.len() / 2, zlib.len() - 1] {
            let mut z = zlib.clone();
            z[at] ^= 0x5a;
            let e = deflate::decode_link_async(&relink(&z)).await.expect_err("a changed byte");
            assert!(matches!(e, ShareError::NotDeflate | ShareError::ChecksumMismatch), "byte {at}: {e:?}");
        }
        assert_eq!(deflate::decode_link_async(&relink(b"hello, world")).await, Err(ShareError::NotDeflate));
    }

    #[wasm_bindgen_test]
    async fn a_bomb_stops_at_the_limit() {
        assert!(BOMB.len() < 8 * 1024);
        assert_eq!(
            deflate::decode_link_async(BOMB).await,
            Err(ShareError::DecodedTooLarge { max: MAX_JSON_LEN })
        );
        // The inflater itself stops: it never hands back more than the cap.
        let packed = share::unwrap_link(BOMB).unwrap();
        let small = deflate::inflate_raw(&packed.deflate, 1000).await;
        assert_eq!(small, Err(ShareError::DecodedTooLarge { max: 1000 }));
    }
}
