//! The canvas's own buttons: undo, redo, zoom out, zoom in, fit to view.

use yew::prelude::*;

mod text {
    pub const UNDO: &str = "Undo";
    pub const REDO: &str = "Redo";
    pub const ZOOM_OUT: &str = "Zoom out";
    pub const ZOOM_IN: &str = "Zoom in";
    pub const FIT: &str = "Fit";
    pub const FIT_TITLE: &str = "Fit to view";
    pub const UNDO_KEYS: &str = "Undo (Ctrl+Z)";
    pub const REDO_KEYS: &str = "Redo (Ctrl+Shift+Z)";
}

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
            <button data-testid="undo" title={text::UNDO_KEYS} aria-label={text::UNDO}
                    disabled={!p.can_undo} onclick={click(&p.on_undo)}>{ "↶" }</button>
            <button data-testid="redo" title={text::REDO_KEYS} aria-label={text::REDO}
                    disabled={!p.can_redo} onclick={click(&p.on_redo)}>{ "↷" }</button>
            <span class="sep" />
            <button data-testid="zoom-out" title={text::ZOOM_OUT} aria-label={text::ZOOM_OUT}
                    onclick={zoom(1.0 / 1.25)}>{ "−" }</button>
            <span class="zoom-level" data-testid="zoom-level">{ format!("{:.0}%", p.zoom * 100.0) }</span>
            <button data-testid="zoom-in" title={text::ZOOM_IN} aria-label={text::ZOOM_IN}
                    onclick={zoom(1.25)}>{ "+" }</button>
            <button data-testid="fit" title={text::FIT_TITLE} onclick={click(&p.on_fit)}>{ text::FIT }</button>
        </div>
    }
}
