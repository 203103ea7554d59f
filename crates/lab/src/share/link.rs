//! Share links: a scenario as `1.<base64url(zlib(json))>`, and the URL fragment `#s=` around it.
//!
//! Decoding checks the cheapest and most telling things first (empty, length, marker), then
//! unpacks layer by layer, each with its own error, and never holds more than
//! [`super::MAX_JSON_LEN`] decompressed bytes: the inflater stops at the limit.
//!
//! Everything before inflating is [`unwrap_link`] and everything after is
//! [`super::finish_link`]; the inflater between them is miniz_oxide natively ([`decode`]) and
//! the browser's `DecompressionStream` in the wasm (`ui::deflate::decode_link_async`).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::{DecodeError, Engine};

use super::packed::{unwrap_zlib, Packed};
use super::{Base64Detail, ShareError, FRAGMENT_KEY, LINK_VERSION, MAX_LINK_LEN};
#[cfg(not(target_arch = "wasm32"))]
use crate::model::Scenario;

/// Bytes a pasted URL may have around its link (address, other fragment parameters).
const ADDRESS_ALLOWANCE: usize = 2048;

/// The highest deflate effort miniz_oxide offers; links are small, so time is no concern.
#[cfg(not(target_arch = "wasm32"))]
const COMPRESSION_LEVEL: u8 = 10;

/// Encodes a scenario as link text: `"1."` then base64url, without padding, of the zlib
/// stream of its minified JSON. Deterministic: the same scenario always gives the same text.
///
/// Native only: the browser compresses with its own `CompressionStream` (`ui/platform/deflate.rs`) and
/// wraps the result with [`link_from_zlib`], so miniz_oxide's compressor (8.5 KB of gzipped
/// wasm) never reaches the bundle. Its inflater does: decoding is the same everywhere.
#[cfg(not(target_arch = "wasm32"))]
pub fn encode(scenario: &Scenario) -> String {
    let json = super::to_compact_json(scenario);
    link_from_zlib(&miniz_oxide::deflate::compress_to_vec_zlib(json.as_bytes(), COMPRESSION_LEVEL))
}

/// The URL fragment that carries a scenario: `#s=1.…`. Append it to the app's address.
#[cfg(not(target_arch = "wasm32"))]
pub fn fragment(scenario: &Scenario) -> String {
    fragment_of(&encode(scenario))
}

/// Link text around a zlib stream (RFC 1950) of [`super::to_compact_json`]'s text, whichever
/// deflate made it: `"1."` then base64url without padding.
pub fn link_from_zlib(zlib: &[u8]) -> String {
    format!("{LINK_VERSION}.{}", URL_SAFE_NO_PAD.encode(zlib))
}

/// The URL fragment around link text: `#s=1.…`.
pub fn fragment_of(link: &str) -> String {
    format!("#{FRAGMENT_KEY}={link}")
}

/// The link text a URL fragment carries (`#s=1.…`, with or without the `#`, among other
/// `&`-separated parameters), not yet checked. `None` when the fragment carries no scenario at
/// all, so the app keeps what it has.
pub fn fragment_link(fragment: &str) -> Option<&str> {
    fragment_param(fragment.strip_prefix('#').unwrap_or(fragment))
}

/// Reads the scenario out of a URL fragment (see [`fragment_link`]). `None` when the fragment
/// carries no scenario at all; `Some(Err)` when it carries one that cannot be opened.
#[cfg(not(target_arch = "wasm32"))]
pub fn from_fragment(fragment: &str) -> Option<Result<Scenario, ShareError>> {
    fragment_link(fragment).map(decode)
}

/// Decodes a link in any of the forms a person may paste: a whole URL
/// (`https://…/#s=1.…`), a fragment (`#s=1.…`, `s=1.…`) or the bare link text (`1.…`).
///
/// Native only, so that no wasm code reaches miniz_oxide's inflater: the browser inflates with
/// its own `DecompressionStream` between the same two halves, [`unwrap_link`] and
/// [`super::finish_link`].
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(input: &str) -> Result<Scenario, ShareError> {
    let packed = unwrap_link(input)?;
    let json = super::packed::inflate_native(&packed)?;
    super::finish_link(&packed, json)
}

/// Everything [`decode`] does before inflating, for input in any of its forms: the length
/// caps, the version marker, base64url and the zlib framing (`unwrap_zlib`). What is left is
/// the raw deflate body and the checksum its output must have.
pub fn unwrap_link(input: &str) -> Result<Packed, ShareError> {
    // Checked before anything scans the text, with room for the page address around a link
    // of the largest allowed length; the link itself is measured exactly below.
    if input.len() > MAX_LINK_LEN + ADDRESS_ALLOWANCE {
        return Err(ShareError::LinkTooLong { len: input.len(), max: MAX_LINK_LEN });
    }
    let input = input.trim();
    let link = match input.split_once('#') {
        Some((_, frag)) => fragment_param(frag).unwrap_or(frag),
        None => fragment_param(input).unwrap_or(input),
    };
    unwrap_bare(link)
}

/// The value of the `s=` parameter of a fragment, if present.
fn fragment_param(fragment: &str) -> Option<&str> {
    fragment_value(fragment, FRAGMENT_KEY)
}

/// The value of parameter `key` in a URL fragment (`#s=…&c=…`, the `#` optional): the
/// design's link is `s`, a pinned curve's `c` (`sweep::pinned`).
pub fn fragment_value<'a>(fragment: &'a str, key: &str) -> Option<&'a str> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.split('&').find_map(|p| p.strip_prefix(key)?.strip_prefix('='))
}

/// A bare link (`1.…`, no address or fragment) unwrapped to its zlib parts, with every check
/// of [`unwrap_link`]: for other parts of an address packed the same way (a pinned curve).
pub fn unwrap_packed(link: &str) -> Result<Packed, ShareError> {
    unwrap_bare(link)
}

/// Unwraps bare link text `<marker>.<payload>`, in the order the format documents.
fn unwrap_bare(link: &str) -> Result<Packed, ShareError> {
    let link = link.trim();
    if link.is_empty() {
        return Err(ShareError::Empty);
    }
    if link.len() > MAX_LINK_LEN {
        return Err(ShareError::LinkTooLong { len: link.len(), max: MAX_LINK_LEN });
    }
    let (marker, payload) = link.split_once('.').ok_or(ShareError::NoVersionMarker)?;
    let version = parse_marker(marker)?;
    if version != LINK_VERSION {
        return Err(ShareError::UnknownLinkVersion { found: version, supported: LINK_VERSION });
    }
    let offset = marker.len() + 1;
    let zlib = URL_SAFE_NO_PAD.decode(payload).map_err(|e| base64_error(&e, offset))?;
    unwrap_zlib(zlib)
}

/// A marker is a decimal version number of at most 9 digits; anything else is not a link.
fn parse_marker(marker: &str) -> Result<u32, ShareError> {
    let digits = !marker.is_empty() && marker.len() <= 9 && marker.bytes().all(|b| b.is_ascii_digit());
    if !digits {
        return Err(ShareError::NoVersionMarker);
    }
    marker.parse().map_err(|_| ShareError::NoVersionMarker)
}

fn base64_error(e: &DecodeError, offset: usize) -> ShareError {
    let detail = match *e {
        DecodeError::InvalidByte(i, byte) => Base64Detail::BadSymbol { byte, at: i + offset },
        DecodeError::InvalidLastSymbol(i, byte) => Base64Detail::BadLastSymbol { byte, at: i + offset },
        DecodeError::InvalidLength(_) => Base64Detail::BadLength,
        DecodeError::InvalidPadding => Base64Detail::Padding,
    };
    ShareError::NotBase64 { detail }
}
