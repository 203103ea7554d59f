//! The two languages as tables indexed by [`Key`], built when the crate compiles.
//!
//! Each `en*.rs` / `ko*.rs` file holds its block of (key, text) pairs; [`table`] places every
//! pair at `key as usize`, and [`Texts`] keeps the result as one string with offsets. A `match`
//! with one arm per key compiled to ~20 KB of wasm code (WebAssembly has no switch-to-lookup-table
//! lowering); the tables are data, and a lookup is two indexes. `tests/i18n.rs` checks that
//! every key has exactly one text in each language.

use super::Key;
use super::{en, en_curve, en_editor, en_notice, en_operate, en_problem, en_reason};
#[cfg(not(target_arch = "wasm32"))]
use super::{ko, ko_curve, ko_editor, ko_notice, ko_operate, ko_problem, ko_reason};

/// How many keys there are.
pub const KEYS: usize = Key::ALL.len();

/// Every English block, in the order the files were written.
pub const EN_BLOCKS: &[&[(Key, &str)]] = &[
    en::TEXTS,
    en_editor::TEXTS,
    en_operate::TEXTS,
    en_reason::TEXTS,
    en_problem::TEXTS,
    en_notice::TEXTS,
    en_curve::TEXTS,
];

/// Every Korean block, in the same order (native only: the wasm build fetches them as a pack).
#[cfg(not(target_arch = "wasm32"))]
pub const KO_BLOCKS: &[&[(Key, &str)]] = &[
    ko::TEXTS,
    ko_editor::TEXTS,
    ko_operate::TEXTS,
    ko_reason::TEXTS,
    ko_problem::TEXTS,
    ko_notice::TEXTS,
    ko_curve::TEXTS,
];

/// English: every text in key order, one after another, and where each one ends.
pub static EN: Texts = Texts { all: as_str(&EN_BYTES), ends: &ends(&EN_TABLE) };
/// Korean, the same way.
#[cfg(not(target_arch = "wasm32"))]
pub static KO: Texts = Texts { all: as_str(&KO_BYTES), ends: &ends(&KO_TABLE) };

/// One language's texts as a single string and a `u16` end offset per key: two bytes a key
/// instead of an eight-byte `&str` (673 keys × 2 languages: 10.8 KB of pointer tables, which
/// gzip hardly shrinks).
pub struct Texts {
    all: &'static str,
    ends: &'static [u16; KEYS],
}

impl Texts {
    /// The text at index `i` (a key as `usize`).
    pub fn get(&self, i: usize) -> &'static str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.all.get(start..self.ends[i] as usize).unwrap_or("")
    }
}

const EN_TABLE: [&str; KEYS] = table(EN_BLOCKS);
#[cfg(not(target_arch = "wasm32"))]
const KO_TABLE: [&str; KEYS] = table(KO_BLOCKS);
static EN_BYTES: [u8; total_len(&EN_TABLE)] = concat(&EN_TABLE);
#[cfg(not(target_arch = "wasm32"))]
static KO_BYTES: [u8; total_len(&KO_TABLE)] = concat(&KO_TABLE);

/// Places each text at its key's index; a key without text stays empty (the test names it).
const fn table(blocks: &[&[(Key, &'static str)]]) -> [&'static str; KEYS] {
    let mut out = [""; KEYS];
    let mut b = 0;
    while b < blocks.len() {
        let mut i = 0;
        while i < blocks[b].len() {
            let (key, text) = blocks[b][i];
            out[key as usize] = text;
            i += 1;
        }
        b += 1;
    }
    out
}

/// The bytes of all texts together; the build fails if they outgrow a `u16` offset.
const fn total_len(table: &[&str; KEYS]) -> usize {
    let mut n = 0;
    let mut k = 0;
    while k < KEYS {
        n += table[k].len();
        k += 1;
    }
    assert!(n <= u16::MAX as usize, "the texts of one language outgrew u16 offsets");
    n
}

const fn concat<const N: usize>(table: &[&str; KEYS]) -> [u8; N] {
    let mut out = [0u8; N];
    let mut at = 0;
    let mut k = 0;
    while k < KEYS {
        let bytes = table[k].as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            out[at] = bytes[i];
            at += 1;
            i += 1;
        }
        k += 1;
    }
    out
}

const fn ends(table: &[&str; KEYS]) -> [u16; KEYS] {
    let mut out = [0u16; KEYS];
    let mut at = 0;
    let mut k = 0;
    while k < KEYS {
        at += table[k].len();
        out[k] = at as u16;
        k += 1;
    }
    out
}

/// Whole texts end on character boundaries, so the concatenation is UTF-8 as well.
const fn as_str(bytes: &'static [u8]) -> &'static str {
    match std::str::from_utf8(bytes) {
        Ok(s) => s,
        Err(_) => panic!("the texts are not UTF-8"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_packed_texts_are_the_written_ones() {
        for k in 0..KEYS {
            assert_eq!(EN.get(k), EN_TABLE[k], "English key {k}");
            #[cfg(not(target_arch = "wasm32"))]
            assert_eq!(KO.get(k), KO_TABLE[k], "Korean key {k}");
        }
    }
}
