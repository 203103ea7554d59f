//! Generated files kept in the repository (the language packs, the presets' JSON): a test writes
//! them from their source when asked to, and otherwise fails when one no longer matches it,
//! saying which file and the command that brings it up to date.

use std::path::Path;

/// Whether the environment variable `var` is `1`: the test then writes its files.
pub fn updating(var: &str) -> bool {
    std::env::var_os(var).is_some_and(|v| v == "1")
}

/// Writes `text` to `path` when `var` is `1`; otherwise the file must hold exactly `text`.
/// `how` is the command that rewrites it, for the message.
pub fn committed(path: &Path, text: &str, var: &str, how: &str) {
    if updating(var) {
        std::fs::create_dir_all(path.parent().expect("a file in a folder")).unwrap();
        std::fs::write(path, text).unwrap();
        return;
    }
    let on_disk =
        std::fs::read_to_string(path).unwrap_or_else(|_| panic!("{} missing: run {how}", path.display()));
    // Not assert_eq: a stale pack would print two 50 KB texts.
    assert!(on_disk == text, "{} is stale: run {how}", path.display());
}
