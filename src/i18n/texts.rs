//! The two languages as tables indexed by [`Key`], built when the crate compiles.
//!
//! Each `en*.rs` / `ko*.rs` file holds its block of (key, text) pairs; [`table`] places every
//! pair at `key as usize`. A `match` with one arm per key compiled to ~20 KB of wasm code
//! (WebAssembly has no switch-to-lookup-table lowering); the tables are data, and a lookup is
//! one index. `tests/i18n.rs` checks that every key has exactly one text in each language.

use super::Key;
use super::{
    en, en_editor, en_notice, en_operate, en_problem, en_reason, ko, ko_editor, ko_notice, ko_operate,
    ko_problem, ko_reason,
};

/// How many keys there are.
pub const KEYS: usize = Key::ALL.len();

/// Every English block, in the order the files were written.
pub const EN_BLOCKS: &[&[(Key, &str)]] =
    &[en::TEXTS, en_editor::TEXTS, en_operate::TEXTS, en_reason::TEXTS, en_problem::TEXTS, en_notice::TEXTS];

/// Every Korean block, in the same order.
pub const KO_BLOCKS: &[&[(Key, &str)]] =
    &[ko::TEXTS, ko_editor::TEXTS, ko_operate::TEXTS, ko_reason::TEXTS, ko_problem::TEXTS, ko_notice::TEXTS];

pub static EN: [&str; KEYS] = table(EN_BLOCKS);
pub static KO: [&str; KEYS] = table(KO_BLOCKS);

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
