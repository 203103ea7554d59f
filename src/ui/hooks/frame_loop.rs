//! A requestAnimationFrame loop that runs until its handle is dropped.
//!
//! One persistent closure re-requests itself each frame. (Replacing a one-shot closure from
//! inside its own callback would drop the closure while it runs.)

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

type Slot = Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>>;

/// Keeps a callback running once per animation frame; dropping it stops the loop.
pub struct FrameLoop {
    stopped: Rc<Cell<bool>>,
}

impl FrameLoop {
    /// Calls `tick(timestamp_ms)` on every animation frame until the loop is dropped.
    pub fn start(mut tick: impl FnMut(f64) + 'static) -> Self {
        let stopped = Rc::new(Cell::new(false));
        let slot: Slot = Rc::new(RefCell::new(None));
        let again = slot.clone();
        let stop = stopped.clone();
        *slot.borrow_mut() = Some(Closure::new(move |ts: f64| {
            if stop.get() {
                // Stop re-requesting. The closure stays alive (it may not be dropped while it
                // runs); one small leak per stopped loop, and the app stops a loop rarely.
                return;
            }
            tick(ts);
            request(&again);
        }));
        request(&slot);
        FrameLoop { stopped }
    }
}

impl Drop for FrameLoop {
    fn drop(&mut self) {
        self.stopped.set(true);
    }
}

fn request(slot: &Slot) {
    let Some(window) = web_sys::window() else { return };
    if let Some(cb) = slot.borrow().as_ref() {
        let _ = window.request_animation_frame(cb.as_ref().unchecked_ref());
    }
}
