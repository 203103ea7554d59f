//! The compiled lesson shapes (`i18n::lesson_shape`) are what the wasm knows of a lesson
//! before its words arrive: slide navigation and the rebuilding of a fetched pack rest on them,
//! so they must equal both languages' texts. Lesson texts carry no `{N}` slot, which lets the
//! wasm check a pack's lesson entries without the English text.

use archlab::catalog::{lesson_shape, lesson_text, loaded_lesson_text, LessonId, LessonShape};
use archlab::i18n::{slots, Lang};

#[test]
fn the_shape_table_equals_both_languages_texts() {
    for lang in Lang::ALL {
        for id in LessonId::ALL {
            let text = lesson_text(lang, id);
            let shape = LessonShape { notice: text.notice.len(), steps: text.steps.len() };
            assert_eq!(lesson_shape(id), shape, "{lang:?} {id:?}");
        }
    }
}

#[test]
fn lesson_texts_have_no_slots() {
    for lang in Lang::ALL {
        for id in LessonId::ALL {
            let text = lesson_text(lang, id);
            let all = [text.intro, text.task].into_iter().chain(text.notice.iter().copied());
            for s in all.chain(text.steps.iter().copied()) {
                assert_eq!(slots(s), Vec::<usize>::new(), "{lang:?} {id:?}: {s}");
            }
        }
    }
}

#[test]
fn natively_every_lesson_text_is_loaded() {
    for lang in Lang::ALL {
        for id in LessonId::ALL {
            assert_eq!(loaded_lesson_text(lang, id), Some(lesson_text(lang, id)), "{lang:?} {id:?}");
        }
    }
}
