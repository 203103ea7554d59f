//! Share links compressed by the browser: its built-in `CompressionStream("deflate")` writes
//! the zlib format (RFC 1950) a link carries, so the wasm needs no deflate compressor of its
//! own (miniz_oxide's costs 8.5 KB gzipped; its inflater, which decoding uses, stays).
//!
//! web-sys has `CompressionStream` only behind `--cfg=web_sys_unstable_apis`, a flag for the
//! whole build; the two lines of binding below are all this needs.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, ReadableWritablePair, Response};

use crate::model::Scenario;
use crate::share;

#[wasm_bindgen]
extern "C" {
    /// A transform stream: a `{ readable, writable }` pair, as `pipeThrough` takes.
    #[wasm_bindgen(extends = js_sys::Object)]
    type CompressionStream;

    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;
}

/// The zlib stream of `bytes`: a `Blob` of them, streamed through the compressor, collected by
/// a `Response`. Fails only where the browser lacks the API (before 2023) or refuses.
pub async fn zlib(bytes: &[u8]) -> Result<Vec<u8>, JsValue> {
    let parts = Array::of1(&Uint8Array::from(bytes));
    let blob = Blob::new_with_u8_array_sequence(&parts)?;
    let pair = CompressionStream::new("deflate")?;
    let stream = blob.stream().pipe_through(pair.unchecked_ref::<ReadableWritablePair>());
    let response = Response::new_with_opt_readable_stream(Some(&stream))?;
    let buffer = JsFuture::from(response.array_buffer()?).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The link text of a scenario, as `share::encode` makes it natively but with the browser's
/// deflate: the same scenario, possibly other characters (the format freezes what decodes).
pub async fn link(scenario: &Scenario) -> Result<String, JsValue> {
    let packed = zlib(share::to_compact_json(scenario).as_bytes()).await?;
    Ok(share::link_from_zlib(&packed))
}
