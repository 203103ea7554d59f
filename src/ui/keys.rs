//! Keyboard shortcuts of the editor, and the shortcut list that `?` opens.
//!
//! One listener on the window maps keys to editor actions with `editor::Action::for_key`. It
//! stays out of the way while the user types in an input, so Backspace edits the text and
//! does not delete the selected component. Space held down turns a drag into a pan.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use super::state::{Action, EditorHandle};
use crate::editor;
use crate::i18n::{t, Key, Lang};

/// Gestures that are not editor actions: (keys, what they do). `None` keys are the same in
/// every language.
const GESTURES: &[(Option<Key>, &str, Key)] = &[
    (Some(Key::KeysShiftClick), "", Key::KeysShiftClickHelp),
    (Some(Key::KeysShiftDrag), "", Key::KeysShiftDragHelp),
    (Some(Key::KeysSpaceDrag), "", Key::KeysSpaceDragHelp),
    (Some(Key::KeysWheel), "", Key::KeysWheelHelp),
    (Some(Key::KeysHandle), "", Key::KeysHandleHelp),
    (None, "C", Key::KeysConnectHelp),
    (None, "?", Key::KeysQuestionHelp),
];

fn label(lang: Lang, a: editor::Action) -> &'static str {
    let key = match a {
        editor::Action::Undo => Key::Undo,
        editor::Action::Redo => Key::Redo,
        editor::Action::Delete => Key::KeysDelete,
        editor::Action::Duplicate => Key::KeysDuplicate,
        editor::Action::SelectAll => Key::KeysSelectAll,
        editor::Action::Cancel => Key::KeysCancel,
    };
    t(lang, key)
}

/// Whether the key went to a text field, a select or a button, which handle keys themselves.
fn typing(e: &KeyboardEvent) -> bool {
    e.target().and_then(|t| t.dyn_into::<Element>().ok()).is_some_and(|el| {
        matches!(el.tag_name().to_ascii_lowercase().as_str(), "input" | "textarea" | "select")
            || el.has_attribute("contenteditable")
    })
}

fn on_button(e: &KeyboardEvent) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().to_ascii_lowercase().as_str(), "button" | "a" | "summary"))
}

/// The window's key listener, for the canvas that holds it (a hook, not a component of its
/// own). `space` is set while the space bar is held: the canvas pans instead of selecting or
/// moving. Returns whether the shortcut list is open.
#[hook]
pub fn use_keys(
    state: &EditorHandle,
    space: &Rc<RefCell<bool>>,
    connecting: &UseStateHandle<Option<String>>,
) -> UseStateHandle<bool> {
    let open = use_state(|| false);
    {
        let (state, open, space, connecting) =
            (state.clone(), open.clone(), space.clone(), connecting.clone());
        use_effect_with((), move |_| {
            let window = web_sys::window().expect("a browser window");
            let opts = EventListenerOptions::enable_prevent_default();
            let down = {
                let space = space.clone();
                EventListener::new_with_options(&window, "keydown", opts, move |e| {
                    let Some(e) = e.dyn_ref::<KeyboardEvent>() else { return };
                    if typing(e) {
                        return;
                    }
                    let key = e.key();
                    if key == "?" {
                        e.prevent_default();
                        open.set(!*open);
                        return;
                    }
                    if key == "Escape" && *open {
                        open.set(false);
                        return;
                    }
                    if key == " " {
                        if on_button(e) {
                            return; // Space presses a focused button.
                        }
                        e.prevent_default();
                        *space.borrow_mut() = true;
                        return;
                    }
                    let ctrl = e.ctrl_key() || e.meta_key();
                    // `c`: connect the selected card from the keyboard (it lists the targets).
                    if key.eq_ignore_ascii_case("c") && !ctrl && !e.alt_key() {
                        let ed = state.editor();
                        let from = ed.selection.single().and_then(|id| ed.scenario.component(id));
                        if let Some(c) = from.filter(|c| editor::has_handle(&c.kind)) {
                            e.prevent_default();
                            connecting.set(Some(c.id.clone()));
                        }
                        return;
                    }
                    if let Some(action) = editor::Action::for_key(&key, ctrl, e.shift_key()) {
                        e.prevent_default();
                        state.dispatch(Action::Key(action));
                    }
                })
            };
            let up = EventListener::new(&window, "keyup", move |e| {
                if e.dyn_ref::<KeyboardEvent>().is_some_and(|e| e.key() == " ") {
                    *space.borrow_mut() = false;
                }
            });
            move || drop((down, up))
        });
    }
    open
}

/// The shortcut list, while `open`.
pub fn shortcuts(lang: Lang, open: &UseStateHandle<bool>) -> Html {
    if !**open {
        return Html::default();
    }
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    let rows = editor::Action::ALL.iter().map(|&a| {
        html! { <tr><td><kbd>{ a.shortcut().replace("Mod", "Ctrl/⌘") }</kbd></td><td>{ label(lang, a) }</td></tr> }
    });
    let gestures = GESTURES.iter().map(|&(k, same, what)| {
        let keys = k.map_or(same, |k| t(lang, k));
        html! { <tr><td><kbd>{ keys }</kbd></td><td>{ t(lang, what) }</td></tr> }
    });
    html! {
        <div class="shortcuts-backdrop" onclick={close.clone()}>
            <div class="shortcuts" data-testid="shortcuts" role="dialog" aria-label={t(lang, Key::KeyboardShortcuts)}
                 onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                <h2>{ t(lang, Key::KeyboardShortcuts) }</h2>
                <table>{ for rows }{ for gestures }</table>
                <button data-testid="shortcuts-close" onclick={close}>{ t(lang, Key::Close) }</button>
            </div>
        </div>
    }
}
