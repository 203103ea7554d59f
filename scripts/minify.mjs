// Trunk post-build hook (runs before csp-hash.mjs): minifies the wasm-bindgen JS glue and
// merges the stylesheets into one minified file. Trunk's own `--minify` cannot parse
// wasm-bindgen's ES module and rewrites the inline loader (which breaks the CSP hash), and six
// separately gzipped stylesheets cost more than one. Issue 4 counts wasm + js + css gzipped:
// this saves about 7 KB of it (BENCHMARKS.md, "Bundle size").
//
// The page's Subresource Integrity hashes are recomputed for every file this changes, so the
// browser still refuses a file that differs from the one built.
import { readFileSync, writeFileSync, unlinkSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { transform } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const page = join(dir, 'index.html');
let html = readFileSync(page, 'utf8');
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

// Stylesheets, in the page's order (later rules win, so order matters).
const links = [...html.matchAll(/[ \t]*<link rel="stylesheet" href="\.\/([\w.-]+\.css)"[^>]*>\n?/g)];
if (links.length === 0) throw new Error('minify: no stylesheet link found: the hook is out of date');
const css = links.map((m) => `/* ${m[1]} */\n${readFileSync(join(dir, m[1]), 'utf8')}`).join('\n');
const merged = (await transform(css, { loader: 'css', minify: true })).code;
const name = `app-${createHash('sha256').update(merged).digest('hex').slice(0, 16)}.css`;
writeFileSync(join(dir, name), merged);
for (const m of links) unlinkSync(join(dir, m[1]));
const tag = `  <link rel="stylesheet" href="./${name}" integrity="${sri(merged)}"/>\n`;
html = html.replace(links[0][0], tag);
for (const m of links.slice(1)) html = html.replace(m[0], '');

// The JS glue: same file name (the loader imports it by name), new integrity hash.
const js = [...html.matchAll(/<link rel="modulepreload" href="\.\/([\w.-]+\.js)"[^>]*integrity="([^"]+)"/g)];
if (js.length !== 1) throw new Error(`minify: expected one module preload, found ${js.length}`);
const [, jsName, oldSri] = js[0];
const code = (await transform(readFileSync(join(dir, jsName), 'utf8'), { loader: 'js', format: 'esm', minify: true })).code;
writeFileSync(join(dir, jsName), code);
html = html.replace(oldSri, sri(code));

writeFileSync(page, html);
console.log(`minify: ${links.length} stylesheets -> ${name} (${merged.length} B), ${jsName} -> ${code.length} B`);
