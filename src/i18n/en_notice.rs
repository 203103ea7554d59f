//! English: texts added by branch notice (the banner worded per render, the Korean audit).
//!
//! `en_operate::text` hands every key it does not match to this function.

use super::Key;

pub fn text(k: Key) -> &'static str {
    use Key::*;
    match k {
        KeepFromPresets => "the Presets menu",
        BenchScenarioName => "Benchmark: 100 components, 3 regions",
        ChaosNotRunning => "it is not part of the running simulation",
        _ => super::en_reason::text(k),
    }
}
