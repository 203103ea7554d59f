//! The diagram canvas: an SVG of regions, zones, components and links, driven by pointer events.
//!
//! This component holds no editing logic. It turns pointer and wheel events into
//! [`Action`]s (canvas-relative screen pixels; the editor converts with its view) and draws
//! what the editor holds. The view it draws with is also written into `Lab.view`, so the
//! lab's per-frame `<canvas>` overlay draws dots in the same place.
//!
//! The folder also holds what sits on or beside the diagram: the palette, the live overlay, the
//! host pips under an app tier and the colour scales.

pub mod colors;
pub mod fleet;
pub mod overlay;
pub mod palette;

mod connect_keys;
mod controls;
mod fleet_tray;
mod gesture;
mod icons;
mod links;
mod node;
mod regions;
mod touch;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::ui::class::class_list;

use crate::editor::{self, Drag, Modifiers};
use crate::ui::components::canvas::overlay::{NARROW_CANVAS_PX, NARROW_LEGEND_H};
use crate::ui::keys::{shortcuts, use_keys};
use crate::ui::state::lab::{use_lab, use_tick};
use crate::ui::state::{Action, EditorHandle};

/// The canvas's own input: the editor, the running lab and the language come from the context.
#[derive(Properties, PartialEq)]
pub struct CanvasProps {
    /// Presentation mode is on (the canvas fits itself to its new size).
    #[prop_or_default]
    pub presenting: bool,
}
use controls::controls;

pub use icons::{color, icon};
pub use node::{num, status};

/// How long a notice stays, in milliseconds.
const NOTICE_MS: u32 = 2200;
/// Height kept free for the zoom controls at the bottom when fitting the view.
const CONTROLS_SPACE: f64 = 56.0;
/// Wheel zoom speed: the zoom factor is exp(-deltaY * this).
const WHEEL_ZOOM: f64 = 0.0015;

/// A label meant to read at `screen_px` on screen, in model units: never smaller than `min`
/// (its size at 100 %), never larger than `max` (what its container has room for). Zoomed out,
/// labels grow in model units so a two-region diagram still reads on a projector.
pub fn label_size(screen_px: f64, zoom: f64, min: f64, max: f64) -> f64 {
    (screen_px / zoom.max(0.01)).clamp(min, max)
}

/// Below this zoom a card shows only its icon and a larger id (its status would not read, and
/// the 15-unit id would render under 10 px below 0.67).
pub const COMPACT_ZOOM: f64 = 0.7;

/// The id of the SVG element; the palette finds it to turn a drop point into canvas units.
pub const SVG_ID: &str = "archlab-canvas";

/// A point relative to the SVG's top-left corner, in screen pixels.
fn local(svg: &NodeRef, client_x: i32, client_y: i32) -> (f64, f64) {
    match svg.cast::<Element>() {
        Some(el) => {
            let r = el.get_bounding_client_rect();
            (client_x as f64 - r.left(), client_y as f64 - r.top())
        }
        None => (client_x as f64, client_y as f64),
    }
}

/// "Fit to view" on the canvas above the controls, so they never cover the diagram (nor, on a
/// narrow canvas, the legend's two rows above them).
fn fit(state: &EditorHandle, svg: &NodeRef) {
    let (w, h) = size(svg);
    if w > 0.0 && h > 0.0 {
        let below = if w < NARROW_CANVAS_PX { CONTROLS_SPACE + NARROW_LEGEND_H } else { CONTROLS_SPACE };
        state.dispatch(Action::Fit { w, h: (h - below).max(h / 2.0) });
    }
}

fn size(svg: &NodeRef) -> (f64, f64) {
    svg.cast::<Element>().map_or((0.0, 0.0), |el| {
        let r = el.get_bounding_client_rect();
        (r.width(), r.height())
    })
}

/// Typing in the inspector ends when the user presses on the canvas.
fn blur_active() {
    let active = web_sys::window().and_then(|w| w.document()).and_then(|d| d.active_element());
    if let Some(el) = active.and_then(|a| a.dyn_into::<HtmlElement>().ok()) {
        let _ = el.blur();
    }
}

#[component]
pub fn Canvas(props: &CanvasProps) -> Html {
    let lab = use_lab();
    // The host trays under app tiers show the run: they refresh with the live panels.
    use_tick();
    let state = lab.editor.clone();
    let lang = lab.lang;
    let svg = use_node_ref();
    let space = use_mut_ref(|| false);
    // The component a link is being made from with the keyboard (`c`), while its list is open.
    let connecting = use_state(|| None::<String>);
    let keys_open = use_keys(&state, &space, &connecting);

    // Fit the scenario to the canvas when it first has a size, and when asked (a scenario was
    // loaded, a region added). Presentation mode gives the canvas another size: fit again once
    // the new layout is in. One effect for both, which remembers the last mode to tell them
    // apart.
    {
        let (state2, svg) = (state.clone(), svg.clone());
        let presenting = props.presenting;
        let mode = use_mut_ref(|| presenting);
        use_effect_with((state.refit, presenting), move |&(_, presenting)| {
            let switched = std::mem::replace(&mut *mode.borrow_mut(), presenting) != presenting;
            let timer = if switched {
                Some(Timeout::new(50, move || fit(&state2, &svg)))
            } else {
                fit(&state2, &svg);
                None
            };
            move || drop(timer)
        });
    }
    // A notice goes away by itself; a newer notice restarts the clock.
    {
        let state2 = state.clone();
        let seq = state.notice.as_ref().map(|n| n.seq);
        use_effect_with(seq, move |seq| {
            let timer =
                seq.map(|seq| Timeout::new(NOTICE_MS, move || state2.dispatch(Action::DismissNotice(seq))));
            move || drop(timer)
        });
    }

    // While a gesture lasts, follow the pointer on the whole window: a drag may leave the SVG,
    // and pointer capture does not survive Yew moving nodes while it re-renders.
    {
        let (state, svg) = (state.clone(), svg.clone());
        let active = state.editor().drag != Drag::Idle;
        use_effect_with(active, move |active| {
            let listeners = active.then(|| follow(state, svg));
            move || drop(listeners)
        });
    }

    let touches = touch::use_touches(&state, &svg);
    let onpointerdown = {
        let (state, svg, space) = (state.clone(), svg.clone(), space.clone());
        Callback::from(move |e: PointerEvent| {
            if e.button() != 0 && e.button() != 1 {
                return;
            }
            e.prevent_default();
            blur_active();
            if touch::down(&touches, &state, &svg, &e) {
                return;
            }
            let (x, y) = local(&svg, e.client_x(), e.client_y());
            let mods = Modifiers { shift: e.shift_key(), pan: *space.borrow() || e.button() == 1 };
            state.dispatch(Action::PointerDown { x, y, mods });
        })
    };
    let onpointerup = {
        let (state, svg) = (state.clone(), svg.clone());
        Callback::from(move |e: PointerEvent| pointer_up(&state, &svg, &e))
    };
    let onwheel = {
        let (state, svg) = (state.clone(), svg.clone());
        Callback::from(move |e: WheelEvent| {
            e.prevent_default();
            let per_line = if e.delta_mode() == WheelEvent::DOM_DELTA_LINE { 16.0 } else { 1.0 };
            let factor = crate::ui::platform::math::exp(-e.delta_y() * per_line * WHEEL_ZOOM);
            let (x, y) = local(&svg, e.client_x(), e.client_y());
            state.dispatch(Action::ZoomAt { factor, x, y });
        })
    };
    let ed = state.editor();
    let s = state.scenario();
    let view = ed.view;
    lab.view.set(view);
    let transform =
        format!("translate({} {}) scale({})", (-view.x * view.zoom), (-view.y * view.zoom), view.zoom);

    let (drop, moving, refused) = match &ed.drag {
        Drag::Moving(m) => {
            let place = s.component(&m.grab).map(|c| c.place.clone());
            (place, m.ids.clone(), m.refusal.is_some())
        }
        _ => (state.palette_target.clone(), Vec::new(), false),
    };
    let (link_target, link_ok) = match &ed.drag {
        Drag::Connecting { target: Some(t), verdict, .. } => (Some(t.as_str()), verdict.is_ok()),
        _ => (None, false),
    };
    let nodes = s.components.iter().map(|c| {
        let marks = node::Marks {
            selected: ed.selection.contains(&c.id),
            link_target: (link_target == Some(c.id.as_str())).then_some(link_ok),
            refused: refused && moving.contains(&c.id),
        };
        node::node(lang, c, marks, view.zoom)
    });
    let class = class_list(
        "canvas",
        &[
            matches!(ed.drag, Drag::Panning { .. }).then_some("panning"),
            matches!(ed.drag, Drag::Moving(_)).then_some("moving"),
            matches!(ed.drag, Drag::Connecting { .. }).then_some("connecting"),
        ],
    );
    let hint = ed.drag.hint().map(|h| {
        let (x, y) = state.pointer;
        html! {
            <div class="canvas-hint" data-testid="canvas-hint" style={format!("left:{}px;top:{}px", (x + 16.0), (y + 18.0))}>
                { crate::i18n::describe_reason(lang, h) }
            </div>
        }
    });
    let notice = state.notice.as_ref().map(|n| {
        let style =
            n.at.map_or(String::new(), |(x, y)| format!("left:{}px;top:{}px", (x + 16.0), (y + 18.0)));
        let class = class_list("canvas-notice", &[n.at.is_none().then_some("top")]);
        html! { <div class={class} data-testid="notice" role="status" style={style}>{ n.words(lang) }</div> }
    });
    let trays = fleet_tray::trays(lang, s, &lab.runtime.borrow(), view.zoom);
    let ctl = controls(lang, &state, &svg);
    let empty = s.regions.is_empty().then(
        || html! { <div class="canvas-empty">{ crate::i18n::t(lang, crate::i18n::Key::CanvasEmpty) }</div> },
    );

    html! {
        <div class="canvas-root" data-testid="canvas-root" data-components={s.components.len().to_string()}
             data-links={s.links.len().to_string()} data-revision={state.revision.to_string()}>
            <svg id={SVG_ID} class={class} data-testid="canvas" ref={svg}
                 onpointerdown={onpointerdown} onpointerup={onpointerup}
                 onwheel={onwheel}>
                { links::defs() }
                <g transform={transform}>
                    <rect class="grid" x="-20000" y="-20000" width="40000" height="40000" fill="url(#grid)" />
                    { for s.regions.iter().map(|r| regions::region(lang, r, drop.as_ref(), view.zoom)) }
                    { links::links(s, &ed.selection, view.zoom) }
                    { for nodes }
                    { trays }
                    { gesture::gesture(s, &ed.drag) }
                </g>
            </svg>
            { empty }
            { hint }
            { notice }
            { ctl }
            { shortcuts(lang, &keys_open) }
            if let Some(from) = (*connecting).clone() {
                <connect_keys::ConnectChooser {from}
                    on_close={{ let c = connecting.clone(); Callback::from(move |_| c.set(None)) }} />
            }
        </div>
    }
}

fn pointer_up(state: &EditorHandle, svg: &NodeRef, e: &PointerEvent) {
    if state.editor().drag == Drag::Idle {
        return;
    }
    let (x, y) = local(svg, e.client_x(), e.client_y());
    state.dispatch(Action::PointerUp { x, y });
}

/// Window listeners that feed a gesture in progress with pointer moves and its release.
fn follow(state: EditorHandle, svg: NodeRef) -> [EventListener; 3] {
    let window = web_sys::window().expect("a browser window");
    let moved = {
        let (state, svg) = (state.clone(), svg.clone());
        EventListener::new(&window, "pointermove", move |e| {
            let Some(e) = e.dyn_ref::<PointerEvent>() else { return };
            if state.editor().drag == Drag::Idle {
                return;
            }
            let (x, y) = local(&svg, e.client_x(), e.client_y());
            state.dispatch(Action::PointerMove { x, y });
        })
    };
    let up = {
        let state = state.clone();
        EventListener::new(&window, "pointerup", move |e| {
            if let Some(e) = e.dyn_ref::<PointerEvent>() {
                pointer_up(&state, &svg, e);
            }
        })
    };
    let cancel = EventListener::new(&window, "pointercancel", move |_| {
        state.dispatch(Action::Key(editor::Action::Cancel));
    });
    [moved, up, cancel]
}
