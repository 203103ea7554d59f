//! Keyboard shortcuts of the editor, and the shortcut list that `?` opens.
//!
//! One listener on the window maps keys to editor actions with `editor::Action::for_key`. It
//! stays out of the way while the user types in an input, so Backspace edits the text and
//! does not delete the selected component. Space held down turns a drag into a pan.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use super::state::{Action, EditorHandle};
use crate::editor;

mod text {
    pub const TITLE: &str = "Keyboard shortcuts";
    pub const CLOSE: &str = "Close";
    pub const UNDO: &str = "Undo";
    pub const REDO: &str = "Redo";
    pub const DELETE: &str = "Delete the selection";
    pub const DUPLICATE: &str = "Duplicate the selection";
    pub const SELECT_ALL: &str = "Select everything";
    pub const CANCEL: &str = "Cancel a drag, or clear the selection";
    /// Gestures that are not editor actions: (keys, what they do).
    pub const GESTURES: &[(&str, &str)] = &[
        ("Shift+click", "Add to or remove from the selection"),
        ("Shift+drag", "Select with a rubber band"),
        ("Space+drag", "Pan (or drag empty space)"),
        ("Wheel", "Zoom about the pointer"),
        ("Drag a handle", "Connect two components"),
        ("?", "Show this list"),
    ];
}

fn label(a: editor::Action) -> &'static str {
    match a {
        editor::Action::Undo => text::UNDO,
        editor::Action::Redo => text::REDO,
        editor::Action::Delete => text::DELETE,
        editor::Action::Duplicate => text::DUPLICATE,
        editor::Action::SelectAll => text::SELECT_ALL,
        editor::Action::Cancel => text::CANCEL,
    }
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

#[derive(Properties, PartialEq)]
pub struct KeysProps {
    /// Set while the space bar is held: the canvas pans instead of selecting or moving.
    pub space: Rc<Cell<bool>>,
}

#[component]
pub fn Keys(p: &KeysProps) -> Html {
    let state = use_context::<EditorHandle>().expect("Keys needs the EditorHandle context");
    let open = use_state(|| false);
    {
        let (state, open, space) = (state.clone(), open.clone(), p.space.clone());
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
                        space.set(true);
                        return;
                    }
                    let ctrl = e.ctrl_key() || e.meta_key();
                    if let Some(action) = editor::Action::for_key(&key, ctrl, e.shift_key()) {
                        e.prevent_default();
                        state.dispatch(Action::Key(action));
                    }
                })
            };
            let up = EventListener::new(&window, "keyup", move |e| {
                if e.dyn_ref::<KeyboardEvent>().is_some_and(|e| e.key() == " ") {
                    space.set(false);
                }
            });
            move || drop((down, up))
        });
    }
    if !*open {
        return Html::default();
    }
    let close = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    let rows = editor::Action::ALL.iter().map(|&a| {
        html! { <tr><td><kbd>{ a.shortcut().replace("Mod", "Ctrl/⌘") }</kbd></td><td>{ label(a) }</td></tr> }
    });
    let gestures = text::GESTURES
        .iter()
        .map(|(k, what)| html! { <tr><td><kbd>{ *k }</kbd></td><td>{ *what }</td></tr> });
    html! {
        <div class="shortcuts-backdrop" onclick={close.clone()}>
            <div class="shortcuts" data-testid="shortcuts" role="dialog" aria-label={text::TITLE}
                 onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
                <h2>{ text::TITLE }</h2>
                <table>{ for rows }{ for gestures }</table>
                <button data-testid="shortcuts-close" onclick={close}>{ text::CLOSE }</button>
            </div>
        </div>
    }
}
