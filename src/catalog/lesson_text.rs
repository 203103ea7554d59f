//! The words of each lesson, in English and Korean. Each language matches on every
//! [`LessonId`], so a lesson without text in either language does not compile.

use super::lessons::LessonId;
use crate::i18n::Lang;

#[path = "lesson_en.rs"]
mod en;
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
        Lang::Ko => ko::text(id),
    }
}
