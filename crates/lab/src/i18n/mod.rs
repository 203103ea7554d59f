//! Every word the interface shows, in English and Korean.
//!
//! **Architecture Invariant:** no text of the UI is written outside this module, lesson texts
//! included (`lesson_en.rs`, `lesson_ko.rs`, keyed by [`LessonId`]). The UI asks for a [`Key`];
//! sentences that carry data (the event log, fault descriptions, check results) are built here
//! from templates with `{0}`-style slots.
//! Texts are plain text, never HTML: the UI inserts them as text nodes.
//!
//! Pure: no yew, no DOM. The browser's language arrives as a tag via [`Lang::from_browser_tag`].

mod diagnosis;
mod en;
mod en_curve;
mod en_editor;
mod en_notice;
mod en_operate;
mod en_problem;
mod en_reason;
mod fault;
mod format;
mod key;
#[cfg(not(target_arch = "wasm32"))]
mod ko;
#[cfg(not(target_arch = "wasm32"))]
mod ko_curve;
#[cfg(not(target_arch = "wasm32"))]
mod ko_editor;
#[cfg(not(target_arch = "wasm32"))]
mod ko_notice;
#[cfg(not(target_arch = "wasm32"))]
mod ko_operate;
#[cfg(not(target_arch = "wasm32"))]
mod ko_problem;
#[cfg(not(target_arch = "wasm32"))]
mod ko_reason;
mod labels;
mod lesson_id;
mod lesson_pack;
mod lesson_shape;
mod lesson_text;
mod log;
mod pack;
mod pack_version;
mod problem;
mod reason;
mod resources;
mod share;
mod share_detail;
mod texts;

pub use diagnosis::{describe_diagnosis, describe_suggestion, DiagnosisText};
pub use fault::{describe_fault, describe_scheduled, describe_target};
pub use format::{format_duration, format_ms, format_number, format_percent, format_rate, format_time};
pub use key::Key;
pub use labels::{
    algorithm_key, cause_key, choice_key, dns_policy_key, health_key, layer_key, pattern_key, region_name,
    role_key, service_key, unit_key, zone_label,
};
pub use lesson_id::LessonId;
#[cfg(not(target_arch = "wasm32"))]
pub use lesson_pack::lessons_pack_json;
pub use lesson_pack::{install_lessons_pack, lessons_pack_url};
pub use lesson_shape::{lesson_shape, LessonShape};
#[cfg(not(target_arch = "wasm32"))]
pub use lesson_text::lesson_text;
pub use lesson_text::{loaded_lesson_text, LessonText};
pub use log::{alarm_key, describe_log, describe_log_line, Names};
pub use pack::{install_pack, installed_lesson, installed_text, is_ready, pack_len, pack_url, PackError};
#[cfg(not(target_arch = "wasm32"))]
pub use pack::{pack_hash, pack_json};
pub use problem::{describe_diagnostic, describe_problem};
pub use reason::{capitalize, describe_reason};
pub use resources::{describe_resources, limiting_resource};
pub use share::describe_share_error;
pub use share_detail::{describe_base64_detail, describe_json_syntax, describe_shape_detail};

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    #[default]
    En,
    Ko,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ko];

    /// The language for a BCP 47 tag from the browser ("ko-KR", "ko", "en-US"); anything that
    /// is not Korean falls back to English.
    pub fn from_browser_tag(tag: &str) -> Lang {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        if primary.eq_ignore_ascii_case("ko") {
            Lang::Ko
        } else {
            Lang::En
        }
    }

    /// The tag stored in local storage and set as `<html lang>`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ko => "ko",
        }
    }

    /// Reads a stored [`Lang::code`]; unknown text gives `None` so the caller can fall back.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }
}

/// Every (key, text) pair written for `lang`, block by block (for tests and tools; [`t`] reads
/// the table built from them).
/// Native builds only: the wasm build has no Korean tables (see [`install_pack`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn text_blocks(lang: Lang) -> &'static [&'static [(Key, &'static str)]] {
    match lang {
        Lang::En => texts::EN_BLOCKS,
        Lang::Ko => texts::KO_BLOCKS,
    }
}

/// The text of `key` in `lang`. Native builds compile Korean in; the wasm build reads the
/// installed pack and shows English until it is there (`is_ready` says when).
pub fn t(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => texts::EN.get(key as usize),
        #[cfg(not(target_arch = "wasm32"))]
        Lang::Ko => texts::KO.get(key as usize),
        #[cfg(target_arch = "wasm32")]
        Lang::Ko => installed_text(lang, key).unwrap_or_else(|| texts::EN.get(key as usize)),
    }
}

/// The text of `key` with its `{0}`, `{1}` … slots filled from `args`.
pub fn tf(lang: Lang, key: Key, args: &[&str]) -> String {
    fill(t(lang, key), args)
}

/// Replaces `{i}` by `args[i]`. A slot without an argument is left as written, so a missing
/// argument shows up in a test instead of vanishing.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let slot = after.find('}').and_then(|close| Some((after[..close].parse::<usize>().ok()?, close)));
        match slot {
            Some((i, close)) if i < args.len() => {
                out.push_str(args[i]);
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The slot numbers a template uses, sorted and without repeats (for tests and tools).
pub fn slots(template: &str) -> Vec<usize> {
    let mut out: Vec<usize> = template
        .split('{')
        .skip(1)
        .filter_map(|s| s.split_once('}').and_then(|(n, _)| n.parse().ok()))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}
