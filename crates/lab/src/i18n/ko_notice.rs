//! Korean: texts added by branch notice (the banner worded per render, the Korean audit).
//!
//! `i18n::texts` gathers this block with the others into one table.

use super::Key;

/// This language's texts in this file, as (key, text) pairs gathered into one table by
/// `i18n::texts`.
pub const TEXTS: &[(Key, &str)] = {
    use Key::*;
    &[(KeepFromPresets, "예제 구성 메뉴"), (BenchScenarioName, "벤치마크: 구성 요소 100개, 리전 3개")]
};
