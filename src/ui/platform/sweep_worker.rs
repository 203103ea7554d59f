//! The sweep's Web Worker, inside the worker: the app's own wasm, started by
//! `static/sweep-worker.js` with no page around it. `src/main.rs` sees no window and calls
//! [`serve`] instead of starting Yew, so the worker costs no extra download (the same wasm the
//! page already has, from the browser's cache or the service worker).
//!
//! Everything it does is [`crate::sweep::message::answer`], a pure function natively tested:
//! here a message's text goes in and the answer's text goes back, with one addition the pure
//! lab cannot make: the job's wall time on the worker's own clock (`CurvePoint::compute_ms`),
//! so the in-page benchmark can tell the engine's rate from the worker's start and messages.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::sweep::message::{answer_of, WorkerAnswer};

/// Answers every job posted to this worker, one at a time, then says it is ready (the page
/// sends nothing before that, so no job arrives before the handler is in place).
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let clock = scope.performance();
    let now = move || clock.as_ref().map_or(0.0, web_sys::Performance::now);
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let text = e.data().as_string().unwrap_or_default();
        let start = now();
        let mut answer = answer_of(&text);
        if let WorkerAnswer::Point(p) = &mut answer {
            p.compute_ms = Some(now() - start);
        }
        let _ = reply.post_message(&JsValue::from_str(&answer.to_json()));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker (until the page terminates it).
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(&WorkerAnswer::Ready.to_json()));
}
