//! The hook that ties the editor to storage and to links: autosave on every change, links
//! opened from the address bar while the app runs, and one `Keep` handle through which every
//! "open" (link, file, recent entry, "go back") passes, so none of them can lose work.
//!
//! Wiring, in the root component:
//! ```ignore
//! let boot = keep::use_boot(|| catalog::PRESETS[0].scenario());
//! let editor = use_reducer(|| EditorState::new(boot.scenario.clone()));
//! // Selection and view, from the editor state when it has them (restore them from
//! // `boot.extras` once, at start).
//! let extras = Extras { selection: Vec::new(), view: Some(view.get().into()) };
//! let keep = keep::use_persistence(&editor, &boot, extras);
//! html! { <>
//!     <header>{ /* … */ }{ share_menu(lang, &keep, &share) }</header>
//!     { share_notice(lang, &keep) }   // in the flow, under the top bar
//! </> }
//! ```

use std::rc::Rc;

use gloo::events::EventListener;
use yew::prelude::*;

use wasm_bindgen_futures::spawn_local;

use crate::model::Scenario;
use crate::share::{self, ShareError, Stored};
use crate::ui::platform::deflate::{decode_link_async, decode_stored_async};
use crate::ui::platform::notice::{Notice, Why};
use crate::ui::platform::persist::{self, Boot, Extras, Origin, Pending, Recent, Saved};
use crate::ui::state::{Action, EditorHandle};

/// The banner and the recent list, plus the editor they load into.
#[derive(Clone, PartialEq)]
pub struct Keep {
    pub notice: UseStateHandle<Option<Notice>>,
    pub recent: UseStateHandle<Vec<Recent>>,
    /// True while the start waits for the browser to inflate a link (the page says
    /// `aria-busy`, and tests wait for it).
    pub opening: UseStateHandle<bool>,
    editor: EditorHandle,
}

impl Keep {
    /// Opens `next` in the editor. Work that differs is kept on the recent list first, and the
    /// banner says where it went, with a button back to it.
    pub fn open(&self, next: Scenario, origin: Origin) {
        let current = self.editor.scenario();
        let notice = persist::before_open(current, &next, origin);
        if *current != next {
            self.editor.dispatch(Action::Replace(next));
        }
        self.recent.set(persist::load_recent());
        self.notice.set(Some(notice));
    }

    /// Opens a decoded link or file, or says why it was refused (and loads nothing).
    pub fn open_result(&self, result: Result<Scenario, ShareError>, origin: Origin) {
        match result {
            Ok(s) => self.open(s, origin),
            Err(e) => self.notice.set(Some(persist::rejected(origin, &e))),
        }
    }

    /// Opens a kept scenario (a recent entry, the banner's "go back"): compact JSON at once, or
    /// link text in what older builds kept once the browser has inflated it.
    pub fn open_link(&self, kept: &str) {
        match share::stored_form(kept) {
            Stored::Json(result) => self.open_result(result, Origin::Recent),
            Stored::Link(_) => {
                let (keep, kept) = (self.clone(), kept.to_string());
                spawn_local(
                    async move { keep.open_result(decode_stored_async(&kept).await, Origin::Recent) },
                );
            }
        }
    }

    /// Ends a start that waited for link text ([`persist::finish_boot`]): the editor, banner
    /// and recent list become what a synchronous start would have made them.
    fn finish_start(&self, start: Boot) {
        if *self.editor.scenario() != start.scenario {
            self.editor.dispatch(Action::Replace(start.scenario));
        }
        self.recent.set(persist::load_recent());
        self.notice.set(start.notice);
        self.opening.set(false);
    }

    /// Shows a message without loading anything.
    pub fn tell(&self, notice: Notice) {
        self.notice.set(Some(notice));
    }

    pub fn dismiss(&self) {
        self.notice.set(None);
    }

    /// The scenario being edited (what Share and Export write).
    pub fn scenario(&self) -> &Scenario {
        self.editor.scenario()
    }
}

/// Reads the starting scenario once (what the query asks for, else the URL's link, else the
/// autosave, else `default`).
#[hook]
pub fn use_boot(default: fn() -> Scenario, asked: fn() -> Option<Scenario>) -> Rc<Boot> {
    use_memo((), move |_| persist::boot(default, asked()))
}

/// Autosaves on every revision (and whenever `extras` change), opens links pasted into the
/// address bar while the app runs, and returns the handle the share menu works through.
#[hook]
pub fn use_persistence(editor: &EditorHandle, boot: &Boot, extras: Extras) -> Keep {
    let notice = use_state(|| boot.notice.clone());
    let recent = use_state(persist::load_recent);
    let opening = use_state(|| boot.pending.is_some());
    let keep = Keep { notice, recent, opening, editor: editor.clone() };
    // Listeners registered once read the newest handle (a captured one would see old state).
    let latest = use_mut_ref(|| keep.clone());
    *latest.borrow_mut() = keep.clone();

    {
        let keep = keep.clone();
        // A start the address asked for holds the autosave until the first edit (`Boot::
        // hold_autosave`): the work it holds is not overwritten by merely opening a link.
        let held = use_mut_ref(|| boot.hold_autosave.then_some(editor.revision));
        let held = held.clone();
        use_effect_with((editor.revision, extras), move |(revision, extras)| {
            let start = *held.borrow();
            match start {
                Some(start) if start == *revision => return,
                Some(_) => *held.borrow_mut() = None,
                None => {}
            }
            if !persist::save_autosave(keep.scenario(), extras) {
                let failed = persist::storage_failed();
                if keep.notice.as_ref() != Some(&failed) {
                    keep.tell(failed);
                }
            }
        });
    }
    {
        let (latest, pending) = (latest.clone(), boot.pending.clone());
        use_effect_with((), move |_| {
            let Some(pending) = pending else { return };
            spawn_local(async move {
                let start = finish_boot(pending).await;
                latest.borrow().clone().finish_start(start);
            })
        });
    }
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|w| {
            EventListener::new(&w, "hashchange", move |_| {
                let Some(link) = share::fragment_link(&persist::current_hash()).map(str::to_string) else {
                    return;
                };
                let latest = latest.clone();
                spawn_local(async move {
                    let result = decode_link_async(&link).await;
                    // Cleared once opened, so the address says when the link has been read.
                    persist::clear_hash();
                    latest.borrow().clone().open_result(result, Origin::Link);
                });
            })
        });
        move || drop(listener)
    });
    keep
}

/// Decodes what the start left pending, then chooses as a synchronous start would have.
async fn finish_boot(pending: Pending) -> Boot {
    let link = match &pending.link {
        Some(link) => Some(decode_link_async(link).await),
        None => None,
    };
    let saved = match &pending.saved {
        Some(Saved::Ready(ready)) => Some(ready.clone()),
        Some(Saved::Link(kept, extras)) => {
            let decoded = decode_link_async(kept).await;
            Some(decoded.map(|s| (s, extras.clone())).map_err(Why::Share))
        }
        None => None,
    };
    persist::finish_boot(pending, link, saved)
}
