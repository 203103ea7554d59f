//! The canvas's own buttons: undo, redo, zoom out, zoom in, fit to view.
//!
//! A plain function of the canvas, not a component: it holds no state of its own.

use yew::prelude::*;

use super::{fit, size};
use crate::editor;
use crate::i18n::{t, Key, Lang};
use crate::ui::state::{on_click, Action, EditorHandle};

pub fn controls(lang: Lang, state: &EditorHandle, svg: &NodeRef) -> Html {
    let ed = state.editor();
    let key = |a: editor::Action| on_click(state, Action::Key(a));
    // Multiplies the zoom by the factor, about the canvas centre.
    let zoom = |factor: f64| {
        let (state, svg) = (state.clone(), svg.clone());
        Callback::from(move |_: MouseEvent| {
            let (w, h) = size(&svg);
            state.dispatch(Action::ZoomAt { factor, x: w / 2.0, y: h / 2.0 });
        })
    };
    let on_fit = {
        let (state, svg) = (state.clone(), svg.clone());
        Callback::from(move |_: MouseEvent| fit(&state, &svg))
    };
    html! {
        <div class="canvas-controls">
            <button data-testid="undo" title={t(lang, Key::CtlUndoKeys)} aria-label={t(lang, Key::Undo)}
                    disabled={!ed.history.can_undo()} onclick={key(editor::Action::Undo)}>{ "↶" }</button>
            <button data-testid="redo" title={t(lang, Key::CtlRedoKeys)} aria-label={t(lang, Key::Redo)}
                    disabled={!ed.history.can_redo()} onclick={key(editor::Action::Redo)}>{ "↷" }</button>
            <span class="sep" />
            <button data-testid="zoom-out" title={t(lang, Key::ZoomOut)} aria-label={t(lang, Key::ZoomOut)}
                    onclick={zoom(1.0 / 1.25)}>{ "−" }</button>
            <span class="zoom-level" data-testid="zoom-level">{ format!("{:.0}%", ed.view.zoom * 100.0) }</span>
            <button data-testid="zoom-in" title={t(lang, Key::ZoomIn)} aria-label={t(lang, Key::ZoomIn)}
                    onclick={zoom(1.25)}>{ "+" }</button>
            <button data-testid="fit" title={t(lang, Key::FitView)} onclick={on_fit}>{ t(lang, Key::CtlFit) }</button>
        </div>
    }
}
