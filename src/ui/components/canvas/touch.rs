//! Two fingers on the canvas: pinch to zoom and pan at once (a phone or a tablet).
//!
//! One finger is a pointer like a mouse's (tap selects, drag moves a card or pans empty
//! space), so it goes through the editor's drag machine unchanged. When a second touch lands,
//! the one-finger gesture gives way ([`Action::PinchStart`]) and, while both stay down, every
//! move sets the view from the view and the finger positions at the start of the pinch
//! ([`crate::editor::View::pinch`]), so it never drifts. The touches are followed on the
//! window: a finger may leave the canvas, and a touch's implicit pointer capture goes to the
//! element it landed on, which a re-render may replace.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use web_sys::PointerEvent;
use yew::prelude::*;

use super::local;
use crate::editor::View;
use crate::ui::state::{Action, EditorHandle};

/// A pinch under way: the view and the two fingers when it began (the view is read at the
/// first move, once the editor has let go of the one-finger gesture).
struct Pinch {
    start: Option<View>,
    from: [(f64, f64); 2],
}

/// The touches down on the canvas, in the order they landed, and the pinch they make.
#[derive(Default)]
pub struct Touches {
    down: Vec<(i32, (f64, f64))>,
    pinch: Option<Pinch>,
}

impl Touches {
    fn pair(&self) -> Option<[(f64, f64); 2]> {
        match self.down.as_slice() {
            [a, b, ..] => Some([a.1, b.1]),
            _ => None,
        }
    }
}

pub type TouchesHandle = Rc<RefCell<Touches>>;

/// Follows touches on the window for the component's life.
#[hook]
pub fn use_touches(state: &EditorHandle, svg: &NodeRef) -> TouchesHandle {
    let touches: TouchesHandle = use_mut_ref(Touches::default);
    {
        let (touches, state, svg) = (touches.clone(), state.clone(), svg.clone());
        use_effect_with((), move |_| {
            let listeners = follow(touches, state, svg);
            move || drop(listeners)
        });
    }
    touches
}

/// A pointer went down on the canvas. Returns true when it was taken for a pinch (the second
/// finger), so the editor must not see it as a press.
pub fn down(touches: &TouchesHandle, state: &EditorHandle, svg: &NodeRef, e: &PointerEvent) -> bool {
    if e.pointer_type() != "touch" {
        return false;
    }
    let mut t = touches.borrow_mut();
    let at = local(svg, e.client_x(), e.client_y());
    t.down.retain(|(id, _)| *id != e.pointer_id());
    t.down.push((e.pointer_id(), at));
    if t.down.len() < 2 {
        return false;
    }
    // A pinch starts (or starts afresh, when a finger came back) from where the fingers are.
    let first = t.pinch.is_none();
    t.pinch = t.pair().map(|from| Pinch { start: None, from });
    drop(t);
    if first {
        state.dispatch(Action::PinchStart);
    }
    true
}

fn follow(touches: TouchesHandle, state: EditorHandle, svg: NodeRef) -> [EventListener; 3] {
    let window = web_sys::window().expect("a browser window");
    let moved = {
        let (touches, state, svg) = (touches.clone(), state.clone(), svg.clone());
        EventListener::new(&window, "pointermove", move |e| {
            let Some(e) = e.dyn_ref::<PointerEvent>() else { return };
            let mut t = touches.borrow_mut();
            let Some(slot) = t.down.iter_mut().find(|(id, _)| *id == e.pointer_id()) else { return };
            slot.1 = local(&svg, e.client_x(), e.client_y());
            let Some(to) = t.pair() else { return };
            let Some(pinch) = t.pinch.as_mut() else { return };
            let start = *pinch.start.get_or_insert_with(|| state.editor().view);
            let from = pinch.from;
            drop(t);
            state.dispatch(Action::Pinch { start, from, to });
        })
    };
    // A finger lifted or taken by the browser ends the pinch; the other finger then does
    // nothing until it lifts too (it did not start a gesture of its own).
    let ended = |kind: &'static str| {
        let touches = touches.clone();
        EventListener::new(&window, kind, move |e| {
            let Some(e) = e.dyn_ref::<PointerEvent>() else { return };
            let mut t = touches.borrow_mut();
            t.down.retain(|(id, _)| *id != e.pointer_id());
            if t.down.is_empty() {
                t.pinch = None;
            }
        })
    };
    [moved, ended("pointerup"), ended("pointercancel")]
}
