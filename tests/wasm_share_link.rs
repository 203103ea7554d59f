//! Links made in the browser (its `CompressionStream`, not miniz_oxide) decode with our own
//! `share::decode` to the scenario they were made from: every preset, in headless Chromium.
//! Natively there is nothing to run; `tests/share/stored.rs` checks other encoders' streams.

#[cfg(target_arch = "wasm32")]
mod browser {
    use archlab::{catalog::PRESETS, share, ui::deflate};
    use wasm_bindgen_test::*;
    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    async fn browser_made_links_decode_to_the_same_scenario() {
        for p in PRESETS {
            let scenario = (p.build)();
            let link = deflate::link(&scenario).await.expect("the browser compresses");
            assert!(link.starts_with("1."), "{}: {link}", p.id);
            assert_eq!(share::decode(&link), Ok(scenario.clone()), "{}", p.id);
            // What the browser keeps reads back the same way.
            assert_eq!(share::from_stored(&share::to_compact_json(&scenario)), Ok(scenario), "{}", p.id);
        }
    }
}
