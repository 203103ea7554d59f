//! The canvas's own buttons: undo, redo, zoom out, zoom in, fit to view.

use yew::prelude::*;

use crate::i18n::{t, Key};

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub can_undo: bool,
    pub can_redo: bool,
    pub zoom: f64,
    pub on_undo: Callback<()>,
    pub on_redo: Callback<()>,
    /// Multiplies the zoom by the factor, about the canvas centre.
    pub on_zoom: Callback<f64>,
    pub on_fit: Callback<()>,
}

#[component]
pub fn Controls(p: &ControlsProps) -> Html {
    let lang = crate::ui::lang::use_lang();
    let click = |cb: &Callback<()>| {
        let cb = cb.clone();
        Callback::from(move |_: MouseEvent| cb.emit(()))
    };
    let zoom = |f: f64| {
        let cb = p.on_zoom.clone();
        Callback::from(move |_: MouseEvent| cb.emit(f))
    };
    html! {
        <div class="canvas-controls">
            <button data-testid="undo" title={t(lang, Key::CtlUndoKeys)} aria-label={t(lang, Key::Undo)}
                    disabled={!p.can_undo} onclick={click(&p.on_undo)}>{ "↶" }</button>
            <button data-testid="redo" title={t(lang, Key::CtlRedoKeys)} aria-label={t(lang, Key::Redo)}
                    disabled={!p.can_redo} onclick={click(&p.on_redo)}>{ "↷" }</button>
            <span class="sep" />
            <button data-testid="zoom-out" title={t(lang, Key::ZoomOut)} aria-label={t(lang, Key::ZoomOut)}
                    onclick={zoom(1.0 / 1.25)}>{ "−" }</button>
            <span class="zoom-level" data-testid="zoom-level">{ format!("{:.0}%", p.zoom * 100.0) }</span>
            <button data-testid="zoom-in" title={t(lang, Key::ZoomIn)} aria-label={t(lang, Key::ZoomIn)}
                    onclick={zoom(1.25)}>{ "+" }</button>
            <button data-testid="fit" title={t(lang, Key::FitView)} onclick={click(&p.on_fit)}>{ t(lang, Key::CtlFit) }</button>
        </div>
    }
}
