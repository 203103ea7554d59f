//! The "appears twice" sets of validation, as one sorted list of string pairs.
//!
//! Each `BTreeSet` with a new key type (`&str`, `&String`, a pair of them) brought its own copy
//! of std's B-tree code into the wasm (≈ 23 KB before wasm-opt for five sets); every set here
//! is small, so one sorted `Vec` searched by halving gives the same answers through one
//! instantiation.

/// Keys seen so far; a single key is stored as `("", key)`.
#[derive(Default)]
pub(super) struct Seen<'a>(Vec<(&'a str, &'a str)>);

impl<'a> Seen<'a> {
    /// Adds the pair `(a, b)`; false when it was already there (like `BTreeSet::insert`).
    pub(super) fn insert_pair(&mut self, a: &'a str, b: &'a str) -> bool {
        match self.0.binary_search(&(a, b)) {
            Ok(_) => false,
            Err(i) => {
                self.0.insert(i, (a, b));
                true
            }
        }
    }

    /// Adds `key`; false when it was already there.
    pub(super) fn insert(&mut self, key: &'a str) -> bool {
        self.insert_pair("", key)
    }

    pub(super) fn contains(&self, key: &str) -> bool {
        self.0.binary_search(&("", key)).is_ok()
    }
}
