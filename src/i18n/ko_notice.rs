//! Korean: texts added by branch notice (the banner worded per render, the Korean audit).
//!
//! `ko_operate::text` hands every key it does not match to this function.

use super::Key;

pub fn text(k: Key) -> &'static str {
    use Key::*;
    match k {
        KeepFromPresets => "예제 구성 메뉴",
        BenchScenarioName => "벤치마크: 구성 요소 100개, 리전 3개",
        ChaosNotRunning => "실행 중인 시뮬레이션에 없는 대상입니다",
        _ => super::ko_reason::text(k),
    }
}
