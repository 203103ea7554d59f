//! The English lessons pack: the lessons' English words as a static file, fetched the first
//! time a student opens a lesson (`ui/components/lessons/texts.rs`).
//!
//! The lesson texts are ~5 KB of the gzipped wasm that a student who never opens a lesson does
//! not need, and a Korean reader has them in the Korean pack already. `lesson_en.rs`
//! stays the source; `tests/lang_pack.rs` writes `static/lang/lessons-en.json` from it
//! (`UPDATE_PACKS=1`) and fails when the committed file is stale.
//!
//! The file is a JSON array of strings: for each lesson in `LessonId::ALL`, its intro, notice
//! points, steps and task, exactly as the lesson part of `ko.json`. [`install_lessons_pack`]
//! checks it before keeping anything: an array of as many strings as the compiled shapes
//! (`lesson_shape.rs`) say, none with a `{N}` slot (lesson texts have none).

use std::cell::OnceCell;

use super::pack::{lessons_len, read_texts, rebuild_lessons, PackError};
use super::LessonText;

thread_local! {
    /// The English lessons, once installed (per thread, like the Korean pack).
    static EN_LESSONS: OnceCell<Vec<LessonText>> = const { OnceCell::new() };
}

/// Lesson entry `index` named for an error message.
#[cfg(not(target_arch = "wasm32"))]
fn entry_name(index: usize) -> String {
    super::pack::lesson_entry_name(index)
}

/// By index only in the wasm build (see `pack.rs`).
#[cfg(target_arch = "wasm32")]
fn entry_name(index: usize) -> String {
    format!("entry {index}")
}

/// Checks `json` and keeps it as the English lessons. Installing again keeps the first one
/// (the same file) but still checks the new one.
pub fn install_lessons_pack(json: &str) -> Result<(), PackError> {
    let texts = read_texts(json, lessons_len(), |_| Vec::new(), entry_name)?;
    if EN_LESSONS.with(|c| c.get().is_some()) {
        return Ok(());
    }
    let mut it = texts.into_iter().map(|s| -> &'static str { Box::leak(s.into_boxed_str()) });
    let lessons = rebuild_lessons(&mut it);
    EN_LESSONS.with(|cell| {
        let _ = cell.set(lessons);
    });
    Ok(())
}

/// The installed English text of the lesson at `index` in `LessonId::ALL`.
pub(super) fn installed_english(index: usize) -> Option<LessonText> {
    EN_LESSONS.with(|c| c.get().and_then(|l| l.get(index).copied()))
}

/// Where the page fetches the English lessons, with the content hash as the cache key.
pub fn lessons_pack_url() -> String {
    format!("lang/lessons-en.json?v={}", super::pack_version::LESSONS_EN)
}

/// The English lessons pack as `lesson_en.rs` gives it: the text of
/// `static/lang/lessons-en.json` (one string a line).
#[cfg(not(target_arch = "wasm32"))]
pub fn lessons_pack_json() -> String {
    use super::{lesson_text, Lang, LessonId};
    let mut all: Vec<&str> = Vec::new();
    for id in LessonId::ALL {
        all.extend(super::pack::lesson_entries(&lesson_text(Lang::En, id)));
    }
    serde_json::to_string_pretty(&all).unwrap_or_default() + "\n"
}
