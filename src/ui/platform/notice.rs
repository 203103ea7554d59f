//! The share banner's message as what happened, not as a sentence.
//!
//! A notice can stay on screen while the user switches language, so it keeps the facts (which
//! scenario, where from, why it was refused) and [`Notice::words`] writes the sentence in the
//! language of each render. Scenario names are kept whole and shortened only when shown.

use crate::catalog::PRESETS;
use crate::i18n::{describe_share_error, t, tf, Key, Lang};
use crate::model::is_format_char;
use crate::share::ShareError;

/// The benchmark page's scenario's name (`bench/scenario.rs` builds it with this name); outside
/// English the banner and the recent list show `Key::BenchScenarioName` instead, as they show a
/// preset's title. Here, with the names the banner knows, so the page above is not named below.
pub const BENCH_NAME: &str = "Benchmark: 100 components, 3 regions";

/// FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE: [`Notice::marked`] puts each user text
/// between them, and the banner renders what is between as a `<bdi>` (`isolated_parts`), so a
/// right-to-left name cannot reorder the lab's own sentence around it. Names cannot hold
/// these (validation refuses format characters; [`clip`] drops them from file names).
pub const ISOLATE_START: char = '\u{2068}';
pub const ISOLATE_END: char = '\u{2069}';

/// Longest name shown in notices and the recent list (names are plain text, but may be long).
const SHOWN_NAME_CHARS: usize = 48;

/// A message for the banner. `back` holds the work that was replaced, as the recent list keeps
/// it (`share::to_compact_json`).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub says: Says,
    pub back: Option<String>,
}

/// What the banner reports.
#[derive(Clone, Debug, PartialEq)]
pub enum Says {
    /// `next` was opened from `from`; the work `previous` went to the recent list.
    Opened {
        next: String,
        from: Source,
        previous: String,
    },
    AlreadyOpen {
        name: String,
    },
    /// Nothing was loaded from `what`, because of `why`.
    Rejected {
        what: Source,
        why: Why,
    },
    /// A dropped or chosen file that is not JSON at all.
    NotJson {
        file: String,
    },
    /// The browser refused a download; `detail` is the browser's own message.
    DownloadFailed {
        detail: String,
    },
    StorageFailed,
}

/// Where a scenario came from (or would have).
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    Link,
    File(String),
    Recent,
    Preset,
    /// The autosave; `kept` says whether the unreadable record was copied aside (storage may
    /// refuse the copy when it is full, and then the banner must not claim a copy exists).
    Autosave {
        kept: bool,
    },
}

/// Why something did not open.
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    Share(ShareError),
    /// The autosave slot holds text that is not JSON (at this line and column).
    NotAutosave {
        line: usize,
        column: usize,
    },
    /// The autosave slot holds valid JSON that is not an autosave record (`[1,2,3]`).
    NotAutosaveRecord,
    /// The autosave record is longer than any this app writes.
    AutosaveTooLarge {
        len: usize,
        max: usize,
    },
}

impl Notice {
    pub fn new(says: Says) -> Self {
        Notice { says, back: None }
    }

    /// Errors are announced as alerts and drawn in the error colour.
    pub fn error(&self) -> bool {
        matches!(self.says, Says::Rejected { .. } | Says::NotJson { .. } | Says::DownloadFailed { .. })
            || self.says == Says::StorageFailed
    }

    /// The sentence in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        self.sentence(lang, &|s| s)
    }

    /// The sentence in `lang` with every user text (scenario and file names) between
    /// [`ISOLATE_START`] and [`ISOLATE_END`], for the banner to isolate.
    pub fn marked(&self, lang: Lang) -> String {
        self.sentence(lang, &|s| format!("{ISOLATE_START}{s}{ISOLATE_END}"))
    }

    fn sentence(&self, lang: Lang, mark: &dyn Fn(String) -> String) -> String {
        match &self.says {
            Says::Opened { next, from, previous } => {
                let from = match from {
                    Source::File(name) => tf(lang, Key::KeepFromFile, &[&mark(clip(lang, name))]),
                    Source::Recent => t(lang, Key::KeepFromRecent).to_string(),
                    Source::Preset => t(lang, Key::KeepFromPresets).to_string(),
                    Source::Link | Source::Autosave { .. } => t(lang, Key::KeepFromLink).to_string(),
                };
                let (next, previous) = (mark(scenario_name(lang, next)), mark(scenario_name(lang, previous)));
                tf(lang, Key::KeepOpened, &[&next, &from, &previous])
            }
            Says::AlreadyOpen { name } => tf(lang, Key::KeepAlreadyOpen, &[&mark(scenario_name(lang, name))]),
            Says::Rejected { what, why } => {
                let what = t(
                    lang,
                    match what {
                        Source::Link => Key::KeepLinkRejected,
                        Source::File(_) => Key::KeepFileRejected,
                        Source::Recent | Source::Preset => Key::KeepRecentRejected,
                        Source::Autosave { kept: true } => Key::KeepAutosaveRejected,
                        Source::Autosave { kept: false } => Key::KeepAutosaveLost,
                    },
                );
                // The why is the codec's own sentence, which never echoes the input.
                let why = match why {
                    Why::Share(e) => describe_share_error(lang, e),
                    Why::NotAutosave { line, column } => tf(
                        lang,
                        Key::ShareErrJson,
                        &[&line.to_string(), &column.to_string(), t(lang, Key::KeepNotAutosave)],
                    ),
                    Why::NotAutosaveRecord => t(lang, Key::KeepNotAutosaveRecord).to_string(),
                    Why::AutosaveTooLarge { len, max } => {
                        tf(lang, Key::KeepAutosaveTooLarge, &[&len.to_string(), &max.to_string()])
                    }
                };
                format!("{what}: {why}")
            }
            Says::NotJson { file } => tf(lang, Key::ShareNotJson, &[&mark(clip(lang, file))]),
            Says::DownloadFailed { detail } => tf(lang, Key::DownloadFailed, &[detail]),
            Says::StorageFailed => t(lang, Key::KeepStorageFailed).to_string(),
        }
    }
}

/// A scenario's name as shown: a preset's own name reads as that preset's title in the page's
/// language (outside English, where the name already is the title's words); any other name,
/// typed by someone, is shown as typed, clipped.
pub fn scenario_name(lang: Lang, name: &str) -> String {
    preset_title(lang, name).map_or_else(|| clip(lang, name), str::to_string)
}

/// The translated title of the preset (or the benchmark page's design) whose own name `name`
/// is, outside English.
pub fn preset_title(lang: Lang, name: &str) -> Option<&'static str> {
    let name = name.trim();
    let key = match PRESETS.iter().find(|p| p.name == name) {
        Some(p) => p.title,
        None if name == BENCH_NAME => Key::BenchScenarioName,
        None => return None,
    };
    (lang != Lang::En).then(|| t(lang, key))
}

/// Splits text made by [`Notice::marked`] into `(isolated, text)` runs, markers removed.
pub fn isolated_parts(marked: &str) -> Vec<(bool, &str)> {
    let mut parts = Vec::new();
    let mut rest = marked;
    while let Some((before, after)) = rest.split_once(ISOLATE_START) {
        parts.push((false, before));
        let (inside, next) = after.split_once(ISOLATE_END).unwrap_or((after, ""));
        parts.push((true, inside));
        rest = next;
    }
    parts.push((false, rest));
    parts.retain(|(_, s)| !s.is_empty());
    parts
}

/// A name clipped to [`SHOWN_NAME_CHARS`], or "Untitled design" in `lang` when blank. Format
/// characters are dropped: a file's name comes from the user's disk, unvalidated.
pub fn clip(lang: Lang, name: &str) -> String {
    let name: String = name.chars().filter(|c| !is_format_char(*c)).collect();
    let name = name.trim();
    if name.is_empty() {
        return t(lang, Key::Untitled).to_string();
    }
    let mut short: String = name.chars().take(SHOWN_NAME_CHARS).collect();
    if short.len() < name.len() {
        short.push('…');
    }
    short
}
