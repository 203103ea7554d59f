// A sweep's Web Worker (src/ui/platform/sweep_pool.rs starts it as a module worker): it loads
// the app's own wasm, whose main sees no window and answers sweep jobs instead of starting the
// page (src/ui/platform/sweep_worker.rs). No extra download: the same files as the page, from
// the browser's cache or the service worker. scripts/sweep-worker.mjs writes this build's
// hashed file names in place of the two markers after the build.
import init from './@GLUE@';

init({ module_or_path: './@WASM@' });
