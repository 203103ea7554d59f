//! The words of each lesson, in English and Korean. Each language matches on every
//! [`LessonId`], so a lesson without text in either language does not compile. The wasm build
//! compiles neither: English comes from the fetched lessons pack (`i18n::install_lessons_pack`),
//! Korean from the Korean pack (`i18n::install_pack`), so the UI asks [`loaded_lesson_text`],
//! which says `None` until the one it needs is in.

use super::{Lang, LessonId};

#[cfg(not(target_arch = "wasm32"))]
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

/// The compiled text (native builds only: tests, tools, the pack writer).
#[cfg(not(target_arch = "wasm32"))]
pub fn lesson_text(lang: Lang, id: LessonId) -> LessonText {
    match lang {
        Lang::En => en::text(id),
        Lang::Ko => ko::text(id),
    }
}

/// The text of lesson `id` in `lang` if it is at hand: natively always; in the wasm build
/// Korean once the Korean pack is installed, English once the lessons pack is (and English
/// for Korean while the Korean pack is not in, as the rest of the page).
pub fn loaded_lesson_text(lang: Lang, id: LessonId) -> Option<LessonText> {
    #[cfg(not(target_arch = "wasm32"))]
    return Some(lesson_text(lang, id));
    #[cfg(target_arch = "wasm32")]
    super::installed_lesson(lang, id).or_else(|| super::installed_lesson(Lang::En, id))
}
