//! A link's zlib stream (RFC 1950) taken apart without inflating it: the two-byte header is
//! checked here, the raw deflate body goes to whichever inflater the platform has (miniz_oxide
//! natively, the browser's `DecompressionStream("deflate-raw")` in the wasm), and the Adler-32
//! trailer is checked on what came out. So the wasm carries no inflater of its own, and both
//! platforms apply the same header, size and checksum rules.

use super::{load, ShareError, MAX_JSON_LEN};
use crate::model::Scenario;

/// Bytes of the zlib header (CMF, FLG) and of the Adler-32 trailer.
const HEADER_LEN: usize = 2;
const TRAILER_LEN: usize = 4;

/// A link's payload once its zlib framing is checked: the raw deflate data and the checksum
/// its inflated bytes must have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Packed {
    /// The raw deflate stream (RFC 1951), between the header and the trailer.
    pub deflate: Vec<u8>,
    /// The Adler-32 of the inflated bytes, as the trailer states it (big-endian on the wire).
    pub adler32: u32,
}

/// Checks the zlib framing of a link's decoded payload, in the order a zlib inflater meets it:
/// fewer than 2 bytes is `Truncated`; a header that is not deflate (CM 8), announces a window
/// over 32 KiB, fails its FCHECK or asks for a preset dictionary is `NotDeflate`; no room left
/// for the 4-byte trailer is `Truncated`.
///
/// The trailer is taken to be the *last* four bytes: bytes after a zlib stream's end are not
/// part of format 1, and such a link fails its checksum (or the browser's inflater) instead of
/// being read.
pub fn unwrap_zlib(mut bytes: Vec<u8>) -> Result<Packed, ShareError> {
    let [cmf, flg, ..] = bytes[..] else { return Err(ShareError::Truncated) };
    let deflate = cmf & 0x0f == 8;
    let window_ok = cmf >> 4 <= 7;
    let fcheck_ok = (u16::from(cmf) << 8 | u16::from(flg)) % 31 == 0;
    let no_dictionary = flg & 0x20 == 0;
    if !(deflate && window_ok && fcheck_ok && no_dictionary) {
        return Err(ShareError::NotDeflate);
    }
    if bytes.len() < HEADER_LEN + TRAILER_LEN {
        return Err(ShareError::Truncated);
    }
    let trailer_at = bytes.len() - TRAILER_LEN;
    let mut trailer = [0; TRAILER_LEN];
    trailer.copy_from_slice(&bytes[trailer_at..]);
    bytes.truncate(trailer_at);
    bytes.drain(..HEADER_LEN);
    Ok(Packed { deflate: bytes, adler32: u32::from_be_bytes(trailer) })
}

/// The last step of reading a link, after the inflater: more than [`MAX_JSON_LEN`] bytes is
/// `DecodedTooLarge` (an inflater should have stopped there already), a checksum other than
/// the trailer's is `ChecksumMismatch`, and the JSON then loads as any link's does.
pub fn finish_link(packed: &Packed, inflated: Vec<u8>) -> Result<Scenario, ShareError> {
    load::from_link_bytes(checked(packed, inflated)?)
}

/// The inflated bytes of `packed`, if they are within [`MAX_JSON_LEN`] and match its
/// checksum: [`finish_link`]'s first checks, for other parts packed the same way.
pub fn checked(packed: &Packed, inflated: Vec<u8>) -> Result<Vec<u8>, ShareError> {
    if inflated.len() > MAX_JSON_LEN {
        return Err(ShareError::DecodedTooLarge { max: MAX_JSON_LEN });
    }
    if adler2::adler32_slice(&inflated) != packed.adler32 {
        return Err(ShareError::ChecksumMismatch);
    }
    Ok(inflated)
}

/// Native inflation of the raw deflate body with miniz_oxide, stopping at [`MAX_JSON_LEN`]:
/// input that ends early is `Truncated`, output past the limit `DecodedTooLarge`, anything
/// else it refuses `NotDeflate`.
#[cfg(not(target_arch = "wasm32"))]
pub fn inflate_native(packed: &Packed) -> Result<Vec<u8>, ShareError> {
    use miniz_oxide::inflate::{decompress_to_vec_with_limit, TINFLStatus};
    decompress_to_vec_with_limit(&packed.deflate, MAX_JSON_LEN).map_err(|e| match e.status {
        TINFLStatus::FailedCannotMakeProgress => ShareError::Truncated,
        TINFLStatus::HasMoreOutput => ShareError::DecodedTooLarge { max: MAX_JSON_LEN },
        _ => ShareError::NotDeflate,
    })
}
