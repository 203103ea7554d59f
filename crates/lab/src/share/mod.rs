//! Share links and scenario files: how a scenario leaves the tab and comes back, unchanged.
//!
//! A scenario travels in two forms. A **file** (`to_json_file` / `from_json_file`) is the
//! scenario as pretty JSON, every field written out, for people to read, diff and keep. A
//! **link** (`encode` / `decode`) is the same scenario packed into a URL fragment, so that a
//! click opens exactly the same design — and, with the seed, settings and fault timeline it
//! carries, exactly the same run — with nothing sent to any server.
//!
//! # Link format 1 (frozen)
//!
//! ```text
//! URL      = <page address> "#s=" link            (other "&"-separated fragment keys allowed)
//! link     = "1" "." payload
//! payload  = base64url, RFC 4648 §5, no "=" padding, of
//!            zlib (RFC 1950: deflate + Adler-32 checksum, no preset dictionary) of
//!            UTF-8 JSON: the scenario minified, with
//!              - fields equal to their format-1 default left out (see `compact`),
//!              - whole-number floats written without ".0",
//!              - object keys replaced by the short codes of the frozen table in `keys`.
//! ```
//!
//! The leading `1` versions the *envelope* (this packing). The scenario inside carries its own
//! `version` (the model's [`crate::model::FORMAT_VERSION`]); a newer model reuses envelope 1
//! and is brought up to date by [`migrate`]. A new envelope (say a binary one) would get
//! marker `2`, and decoders keep reading `1` forever. Once released, nothing about envelope 1
//! changes: `tests/golden/v1/` holds links that must decode to the same scenarios in every
//! future build. The encoder may improve (a better deflate search) without breaking anything,
//! because only what a decoder accepts is frozen.
//!
//! # Reading untrusted input
//!
//! A link or file comes from a stranger. [`decode`] checks, in this order, each with its own
//! [`ShareError`]: empty; longer than [`MAX_LINK_LEN`]; version marker missing or unknown; not
//! base64url; zlib stream truncated, corrupt or failing its checksum; more than
//! [`MAX_JSON_LEN`] bytes once inflated (the inflater stops *at* the limit, so a
//! decompression bomb never allocates more); not UTF-8; not JSON (with line and column; nesting
//! deeper than 128 is an error, not a stack overflow); `version` missing, unknown or newer;
//! migration; not the shape of a scenario (unknown fields are refused, and the error names the
//! path); and finally [`crate::model::validate`], which checks every range, reference and limit
//! and names the component and field. Nothing panics and nothing partial is returned. In the
//! browser the same checks run around its own inflater: [`unwrap_link`] before it,
//! [`finish_link`] after. Text fields (the scenario's name) stay plain text, byte for byte: the
//! UI renders them as text.

mod compact;
mod detail;
mod error;
mod file;
pub mod format;
mod keys;
mod link;
mod load;
pub mod migrate;
mod packed;
mod stored;

pub use detail::{Base64Detail, JsonSyntax, ShapeDetail};
pub use error::ShareError;
pub use file::{file_text, from_file_bytes, from_json_file, to_json_file};
pub use format::InFormat;
#[cfg(not(target_arch = "wasm32"))]
pub use link::{decode, encode, fragment, from_fragment};
pub use link::{fragment_link, fragment_of, fragment_value, link_from_zlib, unwrap_link, unwrap_packed};
#[cfg(not(target_arch = "wasm32"))]
pub use packed::inflate_native;
pub use packed::{checked, finish_link, Packed};
#[cfg(not(target_arch = "wasm32"))]
pub use stored::from_stored;
pub use stored::{stored_form, Stored};

use crate::model::Scenario;

/// The envelope version written as the link's first characters (`1.`).
pub const LINK_VERSION: u32 = 1;
/// The URL fragment parameter that holds a link: `#s=1.…`.
pub const FRAGMENT_KEY: &str = "s";
/// Longest link text accepted, in bytes (128 KiB). A scenario as large as the validator allows
/// (200 components with 32-character ids, 1,000 links, 500 faults, 800 load-balancer weights,
/// every float with 17 significant digits) encodes to about 56,000 characters
/// (`tests/share/roundtrip.rs`), so every valid scenario has a link that opens; real designs
/// take a few hundred to a few thousand characters.
pub const MAX_LINK_LEN: usize = 128 * 1024;
/// Largest scenario JSON accepted, decompressed from a link or read from a file (1 MiB): the
/// largest valid scenario is about 480 KB as a pretty-printed file. Decompression stops here.
pub const MAX_JSON_LEN: usize = 1024 * 1024;

/// The minified JSON that a link compresses (defaults left out, short keys). The browser keeps
/// its autosave and recent list in this form, uncompressed: it is written synchronously on
/// every edit, and the browser's compressor is asynchronous. [`from_stored`] reads it back.
pub fn to_compact_json(scenario: &Scenario) -> String {
    let mut value = compact::compact(scenario);
    keys::shorten(&mut value);
    sort_keys(&mut value);
    value.to_string()
}

/// Every object's keys in sorted order, as links were written before serde_json kept insertion
/// order (`preserve_order`, for `format::tagged`): a scenario keeps the link text it had.
fn sort_keys(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Array(items) => items.iter_mut().for_each(sort_keys),
        serde_json::Value::Object(map) => {
            map.values_mut().for_each(sort_keys);
            map.sort_keys();
        }
        _ => {}
    }
}

/// Any piece of a scenario as the JSON value the format gives it.
pub fn to_value<T: InFormat>(t: &T) -> serde_json::Value {
    serde_json::to_value(T::Format::from(t))
        .expect("the format's types always serialize: string keys, no fallible Serialize")
}

/// Any piece of a scenario from a JSON value, with the path of whatever does not fit, and no
/// migration or validation: for code that writes a piece of a scenario as JSON (tests,
/// fixtures). Untrusted input goes through [`from_json_file`] or [`decode`].
pub fn from_value<T: InFormat>(value: &serde_json::Value) -> Result<T, ShareError> {
    load::read::<T::Format>(&mut value.clone()).map(Into::into)
}

/// Any piece of a scenario from JSON text, like [`from_value`]: no migration, no validation.
pub fn from_json_str<T: InFormat>(text: &str) -> Result<T, ShareError> {
    load::read::<T::Format>(&mut load::parse(text)?).map(Into::into)
}
