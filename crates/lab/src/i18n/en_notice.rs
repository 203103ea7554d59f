//! English: texts added by branch notice (the banner worded per render, the Korean audit).
//!
//! `i18n::texts` gathers this block with the others into one table.

use super::Key;

/// This language's texts in this file, as (key, text) pairs gathered into one table by
/// `i18n::texts`.
pub const TEXTS: &[(Key, &str)] = {
    use Key::*;
    &[(KeepFromPresets, "the Presets menu"), (BenchScenarioName, "Benchmark: 100 components, 3 regions")]
};
