//! The share banner's message as what happened, not as a sentence.
//!
//! A notice can stay on screen while the user switches language, so it keeps the facts (which
//! scenario, where from, why it was refused) and [`Notice::words`] writes the sentence in the
//! language of each render. Scenario names are kept whole and shortened only when shown.

use super::bench_scenario::BENCH_NAME;
use crate::catalog::PRESETS;
use crate::i18n::{describe_share_error, t, tf, Key, Lang};
use crate::share::ShareError;

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
    Autosave,
}

/// Why something did not open.
#[derive(Clone, Debug, PartialEq)]
pub enum Why {
    Share(ShareError),
    /// The autosave slot holds JSON that is not an autosave record (at this line and column).
    NotAutosave {
        line: usize,
        column: usize,
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
        match &self.says {
            Says::Opened { next, from, previous } => {
                let from = match from {
                    Source::File(name) => tf(lang, Key::KeepFromFile, &[&clip(lang, name)]),
                    Source::Recent => t(lang, Key::KeepFromRecent).to_string(),
                    Source::Preset => t(lang, Key::KeepFromPresets).to_string(),
                    Source::Link | Source::Autosave => t(lang, Key::KeepFromLink).to_string(),
                };
                let (next, previous) = (scenario_name(lang, next), scenario_name(lang, previous));
                tf(lang, Key::KeepOpened, &[&next, &from, &previous])
            }
            Says::AlreadyOpen { name } => tf(lang, Key::KeepAlreadyOpen, &[&scenario_name(lang, name)]),
            Says::Rejected { what, why } => {
                let what = t(
                    lang,
                    match what {
                        Source::Link => Key::KeepLinkRejected,
                        Source::File(_) => Key::KeepFileRejected,
                        Source::Recent | Source::Preset => Key::KeepRecentRejected,
                        Source::Autosave => Key::KeepAutosaveRejected,
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
                };
                format!("{what}: {why}")
            }
            Says::NotJson { file } => tf(lang, Key::ShareNotJson, &[&clip(lang, file)]),
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

/// A name clipped to [`SHOWN_NAME_CHARS`], or "Untitled design" in `lang` when blank.
pub fn clip(lang: Lang, name: &str) -> String {
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
