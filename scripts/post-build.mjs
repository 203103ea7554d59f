// Trunk's one post-build hook. Trunk starts the hooks of a stage all at once, and both steps
// rewrite index.html, so they run here one after the other: minify first (it changes the
// page's links), then the CSP hash of the inline loader (it reads the final page).
await import('./minify.mjs');
await import('./csp-hash.mjs');
