//! Texts of the running lab that `i18n::Key` does not have yet, in one place so they can move
//! into `i18n` in one step.

use crate::i18n::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    RateInvalid,
    NumberInvalid,
    SeedInvalid,
    StepHelp,
    SelectForDetail,
    PlayHelp,
    BenchRunning,
    DotRequest,
    DotResponse,
    DotError,
}

pub fn text(lang: Lang, t: Text) -> &'static str {
    match (lang, t) {
        (Lang::En, Text::RateInvalid) => "Enter a number from 1 to 1,000,000",
        (Lang::Ko, Text::RateInvalid) => "1부터 1,000,000 사이의 숫자를 입력하세요",
        (Lang::En, Text::NumberInvalid) => "Enter a positive number",
        (Lang::Ko, Text::NumberInvalid) => "0보다 큰 숫자를 입력하세요",
        (Lang::En, Text::SeedInvalid) => "Enter a whole number from 0",
        (Lang::Ko, Text::SeedInvalid) => "0 이상의 정수를 입력하세요",
        (Lang::En, Text::StepHelp) => "Advance one second of simulated time",
        (Lang::Ko, Text::StepHelp) => "시뮬레이션 시간을 1초 진행",
        (Lang::En, Text::SelectForDetail) => "Select a component to see its numbers",
        (Lang::Ko, Text::SelectForDetail) => "구성 요소를 선택하면 수치가 보입니다",
        (Lang::En, Text::PlayHelp) => "Play or pause (Space)",
        (Lang::Ko, Text::PlayHelp) => "재생 또는 일시정지 (Space)",
        (Lang::En, Text::BenchRunning) => "Benchmark running…",
        (Lang::Ko, Text::BenchRunning) => "벤치마크 실행 중…",
        (Lang::En, Text::DotRequest) => "request",
        (Lang::Ko, Text::DotRequest) => "요청",
        (Lang::En, Text::DotResponse) => "response",
        (Lang::Ko, Text::DotResponse) => "응답",
        (Lang::En, Text::DotError) => "error",
        (Lang::Ko, Text::DotError) => "오류",
    }
}
