//! The lessons' English words in the browser: the wasm does not hold them, so the first lesson
//! shown fetches `lang/lessons-en.json` (`i18n::install_lessons_pack`) and says it is loading
//! until it is in; if the fetch fails, the lesson says so with a retry button. Nothing else
//! waits for it: the lesson list, the check and slide navigation need only the compiled shapes.
//!
//! A student reading Korean has the lessons in the Korean pack and never fetches this one.
//! The state lives in the lessons' root ([`use_lesson_texts`], inside `use_lessons_root`), so
//! the arrival re-renders the lesson panel and the presentation stage alike.

use std::cell::Cell;

use yew::prelude::*;

use crate::catalog::{loaded_lesson_text, LessonId, LessonText};
use crate::i18n::{install_lessons_pack, lessons_pack_url, t, Key, Lang};

/// Where the English lessons pack is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextsState {
    /// Not asked for yet (or not needed: native builds, Korean).
    Idle,
    Loading,
    Ready,
    Failed,
}

thread_local! {
    /// Whether a fetch was started: the panel and the stage both ask at every render, and
    /// one fetch is enough.
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// The lesson texts' state and the way to fetch them, handed down with the lessons.
#[derive(Clone, PartialEq)]
pub struct LessonTexts {
    pub state: TextsState,
    /// Starts the fetch; `true` starts it again after a failure.
    fetch: Callback<bool>,
}

#[hook]
pub fn use_lesson_texts() -> LessonTexts {
    let state = use_state_eq(|| TextsState::Idle);
    let now = *state;
    let fetch = Callback::from(move |again: bool| {
        if STARTED.with(|s| s.replace(true)) && !again {
            return;
        }
        let state = state.clone();
        // The state is set from the task, never during the render that asked.
        wasm_bindgen_futures::spawn_local(async move {
            state.set(TextsState::Loading);
            let installed = match crate::ui::state::lang::fetch_text(&lessons_pack_url()).await {
                Some(text) => install_lessons_pack(&text).is_ok(),
                None => false,
            };
            state.set(if installed { TextsState::Ready } else { TextsState::Failed });
        });
    });
    LessonTexts { state: now, fetch }
}

impl LessonTexts {
    /// Lesson `id`'s words in `lang` if they are in; if not, starts the fetch (once) and the
    /// caller shows [`LessonTexts::placeholder`].
    pub fn get(&self, lang: Lang, id: LessonId) -> Option<LessonText> {
        let text = loaded_lesson_text(lang, id);
        if text.is_none() && self.state != TextsState::Failed {
            self.fetch.emit(false);
        }
        text
    }

    /// What stands in for the lesson's words: "loading", or the failure with a retry button.
    pub fn placeholder(&self, lang: Lang) -> Html {
        if self.state != TextsState::Failed {
            return html! {
                <p class="lesson-loading" data-testid="lesson-loading" role="status" aria-live="polite">
                    { t(lang, Key::LessonLoading) }
                </p>
            };
        }
        let fetch = self.fetch.clone();
        html! {
            <div class="share-notice error lesson-failed" role="alert" data-testid="lesson-failed">
                <span class="share-notice-text">{ t(lang, Key::LessonLoadFailed) }</span>
                <button type="button" data-testid="lesson-retry" onclick={Callback::from(move |_| fetch.emit(true))}>
                    { t(lang, Key::LessonRetry) }
                </button>
            </div>
        }
    }
}
