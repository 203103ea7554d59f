//! The words of each lesson, in English and Korean. Each language matches on every
//! [`LessonId`], so a lesson without text in either language does not compile. The wasm build
//! leaves Korean out and reads it from the fetched language pack (`i18n::install_pack`).

use super::lessons::LessonId;
use crate::i18n::Lang;

#[path = "lesson_en.rs"]
mod en;
#[cfg(not(target_arch = "wasm32"))]
#[path = "lesson_ko.rs"]
mod ko;

/// A lesson as the student reads it. The title is the preset's title key.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LessonText {
    /// The book's point for this step, in a short paragraph.
    pub intro: &'static str,
    pub notice: &'static [&'static str],
    pub steps: &'static [&'static str],
    pub task: &'static str,
}

pub fn lesson_text(lang: Lang, id: LessonId) -> LessonText {
    match lang {
        Lang::En => en::text(id),
        #[cfg(not(target_arch = "wasm32"))]
        Lang::Ko => ko::text(id),
        // The wasm build fetches Korean as a pack (`i18n::install_pack`); English until then.
        #[cfg(target_arch = "wasm32")]
        Lang::Ko => crate::i18n::installed_lesson(lang, id).unwrap_or_else(|| en::text(id)),
    }
}
