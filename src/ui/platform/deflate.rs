//! Share links compressed and inflated by the browser: its built-in `CompressionStream("deflate")`
//! writes the zlib format (RFC 1950) a link carries, and `DecompressionStream("deflate-raw")`
//! inflates the body `share::unwrap_link` leaves, so the wasm holds no deflate code of its own
//! (miniz_oxide's compressor costs 8.5 KB gzipped, its inflater about 6 KB).
//!
//! web-sys has these streams only behind `--cfg=web_sys_unstable_apis`, a flag for the whole
//! build; the few lines of binding below are all this needs.

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    Blob, ReadableStreamDefaultReader, ReadableWritablePair, Response, WritableStreamDefaultWriter,
};

use crate::model::Scenario;
use crate::share::{self, ShareError, Stored, MAX_JSON_LEN};

#[wasm_bindgen]
extern "C" {
    /// A transform stream: a `{ readable, writable }` pair, as `pipeThrough` takes.
    #[wasm_bindgen(extends = js_sys::Object)]
    type CompressionStream;

    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<CompressionStream, JsValue>;

    /// The inflating twin, the same kind of pair.
    #[wasm_bindgen(extends = js_sys::Object)]
    type DecompressionStream;

    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, JsValue>;
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

/// Compressed bytes go into the inflater this many at a time. The stream transforms each chunk
/// it is given whole, whatever the reader wants, and deflate expands at most about 1032:1, so a
/// chunk of this size inflates to at most about half a megabyte before the next one waits.
const FEED_CHUNK: usize = 512;

/// The raw deflate stream (RFC 1951) `bytes` inflated, at most `max` bytes of it. The input is
/// fed in [`FEED_CHUNK`]s, each only when the stream asks for more (its writer is ready once
/// the reader has taken the output), and the output is read chunk by chunk and the stream
/// cancelled as soon as it passes `max`, so a bomb costs about the cap plus one chunk's output:
/// `DecodedTooLarge`. (Fed as one chunk, a 122 KB link inflated whole to 90 MB first.) Any error of the stream is `NotDeflate`:
/// the browser's `TypeError` does not tell data that ends too early from corrupt data, so a cut
/// link reads as corrupt here where native decoding says `Truncated`. A browser without the API
/// says `NotDeflate` too (all browsers since 2023 have it).
pub async fn inflate_raw(bytes: &[u8], max: usize) -> Result<Vec<u8>, ShareError> {
    inflate_js(bytes, max).await.map_err(|e| e.unwrap_or(ShareError::NotDeflate))
}

/// [`inflate_raw`] with the stream's own failures as `Err(None)`.
async fn inflate_js(bytes: &[u8], max: usize) -> Result<Vec<u8>, Option<ShareError>> {
    let pair = DecompressionStream::new("deflate-raw").map_err(|_| None)?;
    let pair = pair.unchecked_ref::<ReadableWritablePair>();
    let writer = pair.get_writable().get_writer().map_err(|_| None)?;
    let reader: ReadableStreamDefaultReader = pair.get_readable().get_reader().unchecked_into();
    wasm_bindgen_futures::spawn_local(feed(writer, bytes.to_vec()));
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(|_| None)?;
        if Reflect::get(&chunk, &"done".into()).map_err(|_| None)?.is_truthy() {
            return Ok(out);
        }
        let value = Reflect::get(&chunk, &"value".into()).map_err(|_| None)?;
        let value: Uint8Array = value.dyn_into().map_err(|_| None)?;
        if out.len() + value.length() as usize > max {
            // Dropping the rest: the promise of the cancellation is of no interest.
            let _ = reader.cancel();
            return Err(Some(ShareError::DecodedTooLarge { max }));
        }
        let at = out.len();
        out.resize(at + value.length() as usize, 0);
        value.copy_to(&mut out[at..]);
    }
}

/// Writes `bytes` into the inflater a chunk at a time, each once the previous one has been
/// transformed (which waits for the reader), then closes it. Every promise is awaited, so a
/// stream that errors or is cancelled ends the feed without an unhandled rejection.
async fn feed(writer: WritableStreamDefaultWriter, bytes: Vec<u8>) {
    for chunk in bytes.chunks(FEED_CHUNK) {
        if JsFuture::from(writer.ready()).await.is_err() {
            return;
        }
        if JsFuture::from(writer.write_with_chunk(&Uint8Array::from(chunk))).await.is_err() {
            return;
        }
    }
    let _ = JsFuture::from(writer.close()).await;
}

/// Decodes a link in any form `share::unwrap_link` takes, inflating with the browser: what
/// `share::decode` does natively, with the browser's stream errors as `NotDeflate`.
pub async fn decode_link_async(text: &str) -> Result<Scenario, ShareError> {
    let packed = share::unwrap_link(text)?;
    let json = inflate_raw(&packed.deflate, MAX_JSON_LEN).await?;
    share::finish_link(&packed, json)
}

/// Reads a kept scenario (compact JSON, or link text from older builds) in the browser: what
/// `share::from_stored` does natively.
pub async fn decode_stored_async(text: &str) -> Result<Scenario, ShareError> {
    match share::stored_form(text) {
        Stored::Json(result) => result,
        Stored::Link(link) => decode_link_async(link).await,
    }
}
