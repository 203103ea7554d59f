// Trunk's one post-build hook. Trunk starts the hooks of a stage all at once, and these steps
// rewrite the build's files, so they run here one after the other: minify first (it changes
// the page's links), then the CSP hash of the inline loader (it reads the final page), the
// sweep worker's imports (the glue's and wasm's hashed names), then the
// service worker's list of the build's files and its hash (it reads every final file).
await import('./minify.mjs');
await import('./csp-hash.mjs');
await import('./sweep-worker.mjs');
await import('./precache.mjs');
