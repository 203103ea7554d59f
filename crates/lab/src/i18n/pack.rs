//! A language pack: one language's texts as a static file fetched when a student chooses it.
//!
//! Korean is ~16 KB of the gzipped wasm that only students who pick it need, so the wasm build
//! leaves the Korean tables out and the page fetches `lang/ko.json` instead. The Rust files
//! (`ko*.rs`, `lesson_ko.rs`) stay the source translators edit; `tests/lang_pack.rs`
//! writes the file from them (`UPDATE_PACKS=1`) and fails when the committed file is stale.
//!
//! The file is a JSON array of strings, in this fixed order:
//! 1. every UI text in [`Key`] order (`Key::ALL`), one per key;
//! 2. for each lesson in `LessonId::ALL`: its intro, its notice points, its steps, its task.
//!    How many notice points and steps a lesson has is the compiled shape
//!    (`lesson_shape.rs`, checked against both languages by `tests/lesson_shape.rs`), so
//!    the flat list rebuilds into the same lessons without the English text.
//!
//! [`install_pack`] checks the shape before keeping anything: an array of strings, exactly as
//! many as the tables have, every `{N}` slot the English text has and no other. The texts are
//! kept once for the life of the page (leaked `&'static str`s, like the compiled tables).

use std::cell::OnceCell;
use std::fmt;

#[cfg(not(target_arch = "wasm32"))]
use super::lesson_text;
use super::{lesson_shape, slots, t, Key, Lang, LessonId, LessonText};

/// Why a pack was refused. The page stays in English; the message is for developers and tests.
#[derive(Clone, Debug, PartialEq)]
pub enum PackError {
    /// English is compiled in; there is no pack for it.
    NotAPackLanguage(Lang),
    /// The text is not JSON at all (serde_json's message).
    NotJson(String),
    /// The JSON is not an array.
    NotAnArray,
    /// The array does not hold as many texts as the tables.
    WrongCount { expected: usize, found: usize },
    /// Entry `index` (named by `what`) is not a string.
    NotText { index: usize, what: String },
    /// Entry `index` (named by `what`) has other `{N}` slots than the English text.
    Slots { index: usize, what: String, english: Vec<usize>, found: Vec<usize> },
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackError::NotAPackLanguage(l) => write!(f, "{l:?} is compiled in, not loaded from a pack"),
            PackError::NotJson(e) => write!(f, "the language pack is not JSON: {e}"),
            PackError::NotAnArray => write!(f, "the language pack is not a JSON array"),
            PackError::WrongCount { expected, found } => {
                write!(f, "the language pack has {found} texts, expected {expected}")
            }
            PackError::NotText { index, what } => write!(f, "entry {index} ({what}) is not a string"),
            PackError::Slots { index, what, english, found } => write!(
                f,
                "entry {index} ({what}) has the slots {found:?}, but the English text has {english:?}"
            ),
        }
    }
}

impl std::error::Error for PackError {}

/// The texts of an installed pack.
struct Pack {
    ui: Vec<&'static str>,
    lessons: Vec<LessonText>,
}

thread_local! {
    /// The Korean pack, once installed (the page is single-threaded; native tests each get
    /// their own, since every test runs on a thread of its own).
    static KO_PACK: OnceCell<Pack> = const { OnceCell::new() };
}

/// One lesson's entries in a pack, in order: intro, notice…, steps…, task.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn lesson_entries(text: &LessonText) -> impl Iterator<Item = &'static str> + '_ {
    [text.intro]
        .into_iter()
        .chain(text.notice.iter().copied())
        .chain(text.steps.iter().copied())
        .chain([text.task])
}

/// How many entries the lessons take in a pack, from the compiled shapes (no text needed).
pub(super) fn lessons_len() -> usize {
    LessonId::ALL.iter().map(|&id| lesson_shape(id).entries()).sum()
}

/// Lesson entry `index` (counted from the first lesson's intro) named by lesson and part.
#[cfg(not(target_arch = "wasm32"))]
pub(super) fn lesson_entry_name(index: usize) -> String {
    let mut at = 0;
    for id in LessonId::ALL {
        let shape = lesson_shape(id);
        let (n, s) = (shape.notice, shape.steps);
        if index < at + 2 + n + s {
            let part = match index - at {
                0 => "intro".to_string(),
                i if i <= n => format!("notice {}", i - 1),
                i if i <= n + s => format!("step {}", i - 1 - n),
                _ => "task".to_string(),
            };
            return format!("lesson {id:?} {part}");
        }
        at += 2 + n + s;
    }
    format!("entry {index}")
}

/// Entry `index` of a language pack named for an error message: its key, or its lesson and part.
#[cfg(not(target_arch = "wasm32"))]
fn entry_name(index: usize) -> String {
    match Key::ALL.get(index) {
        Some(k) => format!("{k:?}"),
        None => lesson_entry_name(index - Key::ALL.len()),
    }
}

/// In the wasm build an entry is named by its index only: `Key`'s and `LessonId`'s `Debug`
/// names would bring every variant's name into the bundle (the page never shows this error).
#[cfg(target_arch = "wasm32")]
fn entry_name(index: usize) -> String {
    format!("entry {index}")
}

/// How many texts a pack holds: one per key, then every lesson's entries.
pub fn pack_len() -> usize {
    Key::ALL.len() + lessons_len()
}

/// Reads a pack's JSON array of exactly `expected` strings, where entry `i` has the `{N}` slots
/// `english_slots(i)` and no other. `name` names an entry for the error.
pub(super) fn read_texts(
    json: &str,
    expected: usize,
    english_slots: impl Fn(usize) -> Vec<usize>,
    name: impl Fn(usize) -> String,
) -> Result<Vec<String>, PackError> {
    let value =
        serde_json::from_str::<serde_json::Value>(json).map_err(|e| PackError::NotJson(e.to_string()))?;
    let serde_json::Value::Array(items) = value else {
        return Err(PackError::NotAnArray);
    };
    if items.len() != expected {
        return Err(PackError::WrongCount { expected, found: items.len() });
    }
    let mut texts: Vec<String> = Vec::with_capacity(items.len());
    for (index, item) in items.into_iter().enumerate() {
        let serde_json::Value::String(s) = item else {
            return Err(PackError::NotText { index, what: name(index) });
        };
        let (english, found) = (english_slots(index), slots(&s));
        if english != found {
            return Err(PackError::Slots { index, what: name(index), english, found });
        }
        texts.push(s);
    }
    Ok(texts)
}

/// Rebuilds the lessons from their entries, in `LessonId::ALL` order by the compiled shapes.
/// The caller checked the count, so every `next` finds its text.
pub(super) fn rebuild_lessons(it: &mut impl Iterator<Item = &'static str>) -> Vec<LessonText> {
    let mut lessons = Vec::with_capacity(LessonId::ALL.len());
    for id in LessonId::ALL {
        let shape = lesson_shape(id);
        let intro = it.next().unwrap_or_default();
        let notice: &'static [&'static str] = Vec::leak(it.by_ref().take(shape.notice).collect());
        let steps: &'static [&'static str] = Vec::leak(it.by_ref().take(shape.steps).collect());
        let task = it.next().unwrap_or_default();
        lessons.push(LessonText { intro, notice, steps, task });
    }
    lessons
}

/// Checks `json` and keeps its texts as `lang`'s. Installing again keeps the first pack (the
/// texts are the same file) but still checks the new one. UI texts must have the English
/// text's `{N}` slots; lesson texts have none in either language (`tests/lesson_shape.rs`),
/// so they are checked without the English lessons, which the wasm does not hold.
pub fn install_pack(lang: Lang, json: &str) -> Result<(), PackError> {
    if lang == Lang::En {
        return Err(PackError::NotAPackLanguage(lang));
    }
    let keys = Key::ALL.len();
    let english_slots = |i: usize| Key::ALL.get(i).map_or_else(Vec::new, |&k| slots(t(Lang::En, k)));
    let texts = read_texts(json, pack_len(), english_slots, entry_name)?;
    // Leaked only once the whole pack passed, and only once per page.
    if KO_PACK.with(|c| c.get().is_some()) {
        return Ok(());
    }
    let mut it = texts.into_iter().map(|s| -> &'static str { Box::leak(s.into_boxed_str()) });
    let ui: Vec<&'static str> = it.by_ref().take(keys).collect();
    let lessons = rebuild_lessons(&mut it);
    KO_PACK.with(|cell| {
        let _ = cell.set(Pack { ui, lessons });
    });
    Ok(())
}

/// Whether `lang`'s texts are at hand: English and native builds always, Korean in the wasm
/// build once its pack is installed.
pub fn is_ready(lang: Lang) -> bool {
    lang == Lang::En || cfg!(not(target_arch = "wasm32")) || KO_PACK.with(|c| c.get().is_some())
}

/// The installed pack's text of `key`, if a pack for `lang` is installed.
pub fn installed_text(lang: Lang, key: Key) -> Option<&'static str> {
    if lang != Lang::Ko {
        return None;
    }
    KO_PACK.with(|c| c.get().and_then(|p| p.ui.get(key as usize).copied()))
}

/// The installed text of lesson `id` in `lang`: Korean from the Korean pack, English from the
/// lessons pack (`lesson_pack.rs`), if that pack is installed.
pub fn installed_lesson(lang: Lang, id: LessonId) -> Option<LessonText> {
    let i = LessonId::ALL.iter().position(|&l| l == id)?;
    match lang {
        Lang::Ko => KO_PACK.with(|c| c.get().and_then(|p| p.lessons.get(i).copied())),
        Lang::En => super::lesson_pack::installed_english(i),
    }
}

/// Where the page fetches `lang`'s pack, relative to the page: the file Trunk copies from
/// `static/lang/`, with its content hash as the query so a cached older pack is not reused.
pub fn pack_url(lang: Lang) -> String {
    format!("lang/{}.json?v={}", lang.code(), super::pack_version::KO)
}

/// The content hash `pack_version.rs` records: FNV-1a, 64 bits, as 16 hex digits.
#[cfg(not(target_arch = "wasm32"))]
pub fn pack_hash(json: &str) -> String {
    let h =
        json.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
    format!("{h:016x}")
}

/// The pack of `lang` as the compiled tables give it: the text of `static/lang/ko.json`
/// (one string a line, so a translation change is a one-line diff).
#[cfg(not(target_arch = "wasm32"))]
pub fn pack_json(lang: Lang) -> String {
    let mut all: Vec<&str> = Key::ALL.iter().map(|&k| t(lang, k)).collect();
    for id in LessonId::ALL {
        all.extend(lesson_entries(&lesson_text(lang, id)));
    }
    serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"
}
