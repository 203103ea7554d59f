//! The link decoder in halves (`unwrap_link` → an inflater of raw deflate → `finish_link`, the
//! browser's path) answers exactly as a zlib inflater over the whole stream (miniz_oxide's,
//! what `decode` used before the split) on valid links and on hostile ones: cut at every
//! byte, every bit flipped, bombs, foreign headers.

use archlab::catalog::PRESETS;
use archlab::share::{
    decode, encode, finish_link, from_json_file, unwrap_link, Packed, ShareError, MAX_JSON_LEN,
};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use miniz_oxide::inflate::{decompress_to_vec_zlib_with_limit, TINFLStatus};

const SINGLE_SERVER: &str = include_str!("../../scenarios/examples/single-server.json");

/// The decoder as it was before the split: one zlib inflate (header, body, checksum) of the
/// payload, then the loader (reached through `finish_link` with the right checksum).
fn whole_zlib(zlib: &[u8]) -> Result<archlab::model::Scenario, ShareError> {
    let json = decompress_to_vec_zlib_with_limit(zlib, MAX_JSON_LEN).map_err(|e| match e.status {
        TINFLStatus::FailedCannotMakeProgress => ShareError::Truncated,
        TINFLStatus::Adler32Mismatch => ShareError::ChecksumMismatch,
        TINFLStatus::HasMoreOutput => ShareError::DecodedTooLarge { max: MAX_JSON_LEN },
        _ => ShareError::NotDeflate,
    })?;
    let expected = Packed { deflate: Vec::new(), adler32: adler2::adler32_slice(&json) };
    finish_link(&expected, json)
}

fn link(zlib: &[u8]) -> String {
    format!("1.{}", URL_SAFE_NO_PAD.encode(zlib))
}

fn valid_zlib() -> Vec<u8> {
    let link = encode(&from_json_file(SINGLE_SERVER).unwrap());
    URL_SAFE_NO_PAD.decode(&link[2..]).unwrap()
}

fn same(zlib: &[u8], what: &str) {
    assert_eq!(decode(&link(zlib)), whole_zlib(zlib), "{what}");
}

#[test]
fn every_preset_decodes_the_same_both_ways() {
    for p in PRESETS {
        let l = encode(&p.scenario());
        let zlib = URL_SAFE_NO_PAD.decode(&l[2..]).unwrap();
        assert!(whole_zlib(&zlib).is_ok(), "{}", p.id);
        same(&zlib, p.id);
    }
}

#[test]
fn cut_at_every_byte_gives_the_same_error() {
    let zlib = valid_zlib();
    for cut in 0..zlib.len() {
        same(&zlib[..cut], &format!("cut at {cut}"));
    }
}

#[test]
fn every_flipped_bit_gives_the_same_answer() {
    let zlib = valid_zlib();
    for at in 0..zlib.len() {
        for bit in 0..8 {
            let mut z = zlib.clone();
            z[at] ^= 1 << bit;
            if (at, bit) == (2, 0) {
                // The only difference: the single block's BFINAL bit cleared. A zlib inflater
                // reads the trailer as the next block's header (corrupt); the raw inflater,
                // without the trailer, runs out of data (truncated). Both are a damaged link.
                assert_eq!(decode(&link(&z)), Err(ShareError::Truncated));
                assert_eq!(whole_zlib(&z), Err(ShareError::NotDeflate));
                continue;
            }
            same(&z, &format!("bit {bit} of byte {at}"));
        }
    }
}

#[test]
fn bombs_and_foreign_streams_give_the_same_error() {
    let bomb = miniz_oxide::deflate::compress_to_vec_zlib(&vec![0; 8 * MAX_JSON_LEN], 10);
    same(&bomb, "bomb");
    assert_eq!(decode(&link(&bomb)), Err(ShareError::DecodedTooLarge { max: MAX_JSON_LEN }));
    let at_limit = miniz_oxide::deflate::compress_to_vec_zlib(&vec![b' '; MAX_JSON_LEN], 10);
    same(&at_limit, "exactly at the limit");
    let raw = miniz_oxide::deflate::compress_to_vec(SINGLE_SERVER.as_bytes(), 10);
    same(&raw, "raw deflate, no zlib header");
    same(b"hello, world", "text");
    // Every two-byte header: method, window, FCHECK and FDICT are checked as zlib does.
    let body = &valid_zlib()[2..];
    for cmf in 0..=255u8 {
        for flg in 0..=255u8 {
            let z: Vec<u8> = [cmf, flg].iter().chain(body).copied().collect();
            same(&z, &format!("header {cmf:02x} {flg:02x}"));
        }
    }
}

#[test]
fn unwrap_link_returns_the_raw_body_and_the_trailer() {
    let zlib = valid_zlib();
    let packed = unwrap_link(&format!("https://example.org/#x=1&s={}", link(&zlib))).unwrap();
    assert_eq!(packed.deflate, zlib[2..zlib.len() - 4]);
    assert_eq!(packed.adler32.to_be_bytes(), zlib[zlib.len() - 4..]);
    assert_eq!(unwrap_link(&link(&zlib[..1])), Err(ShareError::Truncated));
    assert_eq!(unwrap_link(&link(&zlib[..5])), Err(ShareError::Truncated));
    assert_eq!(unwrap_link(&link(&[0x78, 0x9d, 0, 0, 0, 0])), Err(ShareError::NotDeflate), "FCHECK");
    assert_eq!(unwrap_link(&link(&[0x78, 0xbb, 0, 0, 0, 0])), Err(ShareError::NotDeflate), "FDICT");
    assert_eq!(unwrap_link(&link(&[0x88, 0x98, 0, 0, 0, 0])), Err(ShareError::NotDeflate), "window 64K");
    let inflated = miniz_oxide::inflate::decompress_to_vec(&packed.deflate).unwrap();
    let mut changed = inflated.clone();
    changed[0] ^= 1;
    assert_eq!(finish_link(&packed, changed), Err(ShareError::ChecksumMismatch));
    let too_much = vec![b' '; MAX_JSON_LEN + 1];
    assert_eq!(finish_link(&packed, too_much), Err(ShareError::DecodedTooLarge { max: MAX_JSON_LEN }));
    assert_eq!(finish_link(&packed, inflated), decode(&link(&zlib)));
}

/// The bomb the wasm test (`tests/wasm_share_link.rs`) embeds is one natively too.
#[test]
fn the_browser_tests_bomb_fixture_is_a_bomb() {
    let bomb = include_str!("../fixtures/bomb.link");
    assert_eq!(decode(bomb), Err(ShareError::DecodedTooLarge { max: MAX_JSON_LEN }));
    let zlib = URL_SAFE_NO_PAD.decode(&bomb[2..]).unwrap();
    assert_eq!(miniz_oxide::inflate::decompress_to_vec_zlib(&zlib).unwrap(), vec![0; 4 << 20]);
}
