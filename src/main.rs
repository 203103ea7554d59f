//! The browser entry point: mounts the app and registers the service worker, or, inside a
//! sweep's Web Worker (no window there), answers sweep jobs instead. Everything else lives in
//! the library.

/// Talc instead of std's dlmalloc: 2.6 KB less gzipped wasm (issue 4's bundle budget). The page
/// is single-threaded, which is what `TalckWasm`'s lock assumes.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOC: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

fn main() {
    // `static/sweep-worker.js` starts this same wasm in a worker: it serves sweep points there.
    #[cfg(target_arch = "wasm32")]
    if web_sys::window().is_none() {
        archlab::ui::platform::sweep_worker::serve();
        return;
    }
    archlab::ui::start();
    #[cfg(target_arch = "wasm32")]
    register_service_worker();
}

/// Registers `sw.js` (static/sw.js, with this build's file list from scripts/precache.mjs), so a
/// second visit, and a classroom whose Wi-Fi fails, load the lab from the browser's cache. From
/// the wasm rather than an inline script, which the page's strict CSP would have to allow. The
/// URL is relative: the lab works under any path. Where there is no service worker (a page not
/// served over HTTPS or from localhost) the lab loads from the network as before, and a refused
/// registration (a browser setting) costs only the offline copy, so it is not reported.
#[cfg(target_arch = "wasm32")]
fn register_service_worker() {
    let Some(window) = web_sys::window() else { return };
    // `undefined` where there is none: the binding does not check the type it was given.
    let workers = window.navigator().service_worker();
    if workers.is_undefined() {
        return;
    }
    let registered = workers.register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(registered).await;
    });
}
