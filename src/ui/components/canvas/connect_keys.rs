//! Connecting from the keyboard: with a card selected, `c` opens this list of the components a
//! link from it may go to (the editor's `link_targets`, so every entry would be accepted).
//! ↑/↓ or Tab move between them, Enter connects, typing filters by name (Enter in the filter
//! takes the exact name, else the first match), Escape cancels.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

use crate::editor::link_targets;
use crate::i18n::{t, tf, Key};
use crate::ui::state::lab::use_lab;
use crate::ui::state::Action;

#[derive(Properties, PartialEq)]
pub struct ConnectProps {
    /// The component the link starts from.
    pub from: String,
    pub on_close: Callback<()>,
}

/// The entries a filter keeps: names containing it, ASCII case ignored (ids are ASCII).
pub fn filtered(targets: &[String], needle: &str) -> Vec<String> {
    let n = needle.trim().to_ascii_lowercase();
    targets.iter().filter(|id| id.to_ascii_lowercase().contains(&n)).cloned().collect()
}

/// Moves the focus `by` entries along the list (from the filter, down goes to the first).
fn step_focus(root: &NodeRef, by: i32) {
    let Some(root) = root.cast::<Element>() else { return };
    let Ok(list) = root.query_selector_all("input, button.connect-target") else { return };
    let items: Vec<HtmlElement> =
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok()).collect();
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    let at = items.iter().position(|el| active.as_ref().is_some_and(|a| a.is_same_node(Some(el))));
    let n = items.len() as i32;
    if n == 0 {
        return;
    }
    let next = at.map_or(0, |i| (i as i32 + by).rem_euclid(n));
    let _ = items[next as usize].focus();
}

#[component]
pub fn ConnectChooser(props: &ConnectProps) -> Html {
    let lab = use_lab();
    let lang = lab.lang;
    let needle = use_state(String::new);
    let root = use_node_ref();
    let input = use_node_ref();
    {
        let input = input.clone();
        use_effect_with((), move |_| {
            if let Some(el) = input.cast::<HtmlInputElement>() {
                let _ = el.focus();
            }
        });
    }
    let targets = link_targets(lab.editor.scenario(), &props.from);
    let shown = filtered(&targets, &needle);
    let pick = {
        let (state, from, close) = (lab.editor.clone(), props.from.clone(), props.on_close.clone());
        Callback::from(move |to: String| {
            state.dispatch(Action::Connect { from: from.clone(), to });
            close.emit(());
        })
    };
    let onkeydown = {
        let (root, close) = (root.clone(), props.on_close.clone());
        Callback::from(move |e: KeyboardEvent| {
            match e.key().as_str() {
                "Escape" => close.emit(()),
                "ArrowDown" => step_focus(&root, 1),
                "ArrowUp" => step_focus(&root, -1),
                _ => return,
            }
            e.prevent_default();
            e.stop_propagation();
        })
    };
    let on_enter = {
        let (pick, shown, needle) = (pick.clone(), shown.clone(), needle.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() != "Enter" {
                return;
            }
            e.prevent_default();
            let exact = shown.iter().find(|id| id.eq_ignore_ascii_case(needle.trim()));
            if let Some(to) = exact.or(shown.first()) {
                pick.emit(to.clone());
            }
        })
    };
    let oninput = {
        let needle = needle.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) {
                needle.set(el.value());
            }
        })
    };
    let close = {
        let close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| close.emit(()))
    };
    let rows = shown.iter().map(|id| {
        let (pick, to) = (pick.clone(), id.clone());
        html! {
            <li><button class="connect-target" data-testid={format!("connect-to-{id}")}
                onclick={Callback::from(move |_: MouseEvent| pick.emit(to.clone()))}>
                <bdi>{ id.clone() }</bdi>
            </button></li>
        }
    });
    let title = tf(lang, Key::ConnectTitle, &[&props.from]);
    html! {
        <div class="connect-chooser" data-testid="connect-chooser" role="dialog" aria-label={title.clone()}
             ref={root} {onkeydown}>
            <h3>{ title }</h3>
            <input type="text" ref={input} data-testid="connect-filter" placeholder={t(lang, Key::ConnectFilter)}
                   aria-label={t(lang, Key::ConnectFilter)} value={(*needle).clone()} {oninput}
                   onkeydown={on_enter} spellcheck="false" autocomplete="off" />
            if targets.is_empty() {
                <p class="muted">{ tf(lang, Key::ConnectNone, &[&props.from]) }</p>
            } else {
                <ul>{ for rows }</ul>
            }
            <p class="muted hint">{ t(lang, Key::ConnectHint) }</p>
            <button class="connect-cancel" data-testid="connect-cancel" onclick={close}>{ t(lang, Key::PalCancel) }</button>
        </div>
    }
}
