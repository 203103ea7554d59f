//! The sweep's Web Worker, inside the worker: the app's own wasm, started by
//! `static/sweep-worker.js` with no page around it. `src/main.rs` sees no window and calls
//! [`serve`] instead of starting Yew, so the worker costs no extra download (the same wasm the
//! page already has, from the browser's cache or the service worker).
//!
//! Everything it does is [`crate::sweep::message::answer`], a pure function natively tested:
//! here a message's text goes in and the answer's text goes back.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::sweep::message::{answer, WorkerAnswer};

/// Answers every job posted to this worker, one at a time, then says it is ready (the page
/// sends nothing before that, so no job arrives before the handler is in place).
pub fn serve() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |e: MessageEvent| {
        let text = e.data().as_string().unwrap_or_default();
        let _ = reply.post_message(&JsValue::from_str(&answer(&text)));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker (until the page terminates it).
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(&WorkerAnswer::Ready.to_json()));
}
