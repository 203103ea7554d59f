//! The few words of the chaos panel and the timeline that `i18n::Key` does not have yet, kept in
//! one place so they move into `i18n` as keys in one step. Everything else comes from `i18n`.

use crate::i18n::{fill, Lang};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Word {
    /// Heading of the zone-pair section.
    Network,
    /// State of a zone pair whose link is cut / intact.
    NetworkCut,
    NetworkOk,
    /// "+{0} ms": round trip added between two zones.
    PlusMs,
    /// Label of the added-latency field.
    ExtraMs,
    /// Heading of the list of zone pairs broken now.
    BrokenNow,
    /// A zone pair with nothing wrong: shown when that list is empty.
    NothingBroken,
    /// Summary of an app tier's hosts and processes.
    HostsAndProcesses,
    /// "+{0} more": rows left out of a long list.
    More,
    /// The panel of an empty scenario.
    NothingToBreak,
    /// "P{0}": short visible label of a process button (the full name is its accessible name).
    ProcessShort,
    /// "{0}/{1} servers up".
    ServersUp,
    /// Seconds unit after a time field.
    Seconds,
    /// Label of the "now" marker on the timeline strip: "now {0}".
    Now,
    /// State of a timeline entry: already applied in this run / still to come.
    Done,
    ToCome,
    /// Labels of the add form's fields.
    FaultField,
    TargetField,
    /// "Could not apply: {0}".
    Failed,
    /// "Applied: {0}".
    Applied,
    /// A time outside 0..=86,400 s in the add form.
    BadTime,
    /// An added latency outside 0..=10,000 ms.
    BadMs,
    /// The chosen fault does not fit the chosen target (revive a process).
    BadTarget,
}

impl Word {
    /// Every word, for the test that checks both languages.
    pub const ALL: [Word; 23] = [
        Word::Network,
        Word::NetworkCut,
        Word::NetworkOk,
        Word::PlusMs,
        Word::ExtraMs,
        Word::BrokenNow,
        Word::NothingBroken,
        Word::HostsAndProcesses,
        Word::More,
        Word::NothingToBreak,
        Word::ProcessShort,
        Word::ServersUp,
        Word::Seconds,
        Word::Now,
        Word::Done,
        Word::ToCome,
        Word::FaultField,
        Word::TargetField,
        Word::Failed,
        Word::Applied,
        Word::BadTime,
        Word::BadMs,
        Word::BadTarget,
    ];
}

pub fn word(lang: Lang, w: Word) -> &'static str {
    use Word::*;
    match lang {
        Lang::En => match w {
            Network => "Network between zones",
            NetworkCut => "network cut",
            NetworkOk => "connected",
            PlusMs => "+{0} ms",
            ExtraMs => "Extra round trip (ms)",
            BrokenNow => "Broken now",
            NothingBroken => "Every zone pair is connected with no extra latency",
            HostsAndProcesses => "Servers and processes",
            More => "+{0} more",
            NothingToBreak => "Nothing to break yet: add a region and components first",
            ProcessShort => "P{0}",
            ServersUp => "{0}/{1} servers up",
            Seconds => "s",
            Now => "now {0}",
            Done => "done",
            ToCome => "to come",
            FaultField => "Fault",
            TargetField => "Target",
            Failed => "Could not apply: {0}",
            Applied => "Applied: {0}",
            BadTime => "Enter a time from 0 to 86,400 seconds",
            BadMs => "Enter a latency from 1 to 10,000 ms",
            BadTarget => "This fault does not apply to that target",
        },
        Lang::Ko => match w {
            Network => "가용 영역 간 네트워크",
            NetworkCut => "단절됨",
            NetworkOk => "연결됨",
            PlusMs => "+{0} ms",
            ExtraMs => "추가 왕복 지연 (ms)",
            BrokenNow => "현재 장애",
            NothingBroken => "모든 가용 영역 쌍이 추가 지연 없이 연결되어 있습니다",
            HostsAndProcesses => "서버와 프로세스",
            More => "외 {0}개",
            NothingToBreak => "아직 중단할 대상이 없습니다: 먼저 리전과 구성 요소를 추가하세요",
            ProcessShort => "P{0}",
            ServersUp => "서버 {1}대 중 {0}대 정상",
            Seconds => "초",
            Now => "현재 {0}",
            Done => "적용됨",
            ToCome => "예정",
            FaultField => "장애",
            TargetField => "대상",
            Failed => "적용하지 못했습니다: {0}",
            Applied => "적용됨: {0}",
            BadTime => "0초에서 86,400초 사이의 시각을 입력하세요",
            BadMs => "1 ms에서 10,000 ms 사이의 지연을 입력하세요",
            BadTarget => "이 장애는 그 대상에 적용할 수 없습니다",
        },
    }
}

/// `word` with its `{0}`, `{1}` slots filled.
pub fn wordf(lang: Lang, w: Word, args: &[&str]) -> String {
    fill(word(lang, w), args)
}
