// Trunk post-build hook step (after minify.mjs, before precache.mjs): writes this build's
// hashed wasm-bindgen glue and wasm file names into the sweep's worker script
// (static/sweep-worker.js, copied by Trunk), so the worker loads the page's own wasm.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const glue = html.match(/<link rel="modulepreload" href="\.\/([\w.-]+\.js)"/);
const wasm = html.match(/<link rel="preload" href="\.\/([\w.-]+_bg\.wasm)"/);
if (!glue || !wasm) throw new Error('sweep-worker: no glue or wasm preload in the page: the hook is out of date');
const path = join(dir, 'sweep-worker.js');
const source = readFileSync(path, 'utf8');
if (!source.includes('@GLUE@') || !source.includes('@WASM@')) {
  throw new Error('sweep-worker: sweep-worker.js has no @GLUE@ or @WASM@ marker: the hook is out of date');
}
const filled = source.replace('@GLUE@', glue[1]).replace('@WASM@', wasm[1]);
writeFileSync(path, (await transform(filled, { loader: 'js', format: 'esm', minify: true })).code);
console.log(`sweep-worker: ${glue[1]}, ${wasm[1]}`);
