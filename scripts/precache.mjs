// Trunk post-build hook (runs last, after the page is final): writes the build into the service
// worker (static/sw.js, copied to sw.js by Trunk): BUILD, a hash of every file of the build, so
// a new build is a new sw.js and a new cache; FILES, every file of the build (the page as `./`),
// so the worker can answer for all of them offline. With ARCHLAB_SERVE=1 (scripts/serve.sh)
// FILES stays empty and the worker caches nothing, so a developer's reload shows the new build.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { transform } from 'esbuild';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const WORKER = 'sw.js';

const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
  .filter((f) => f !== WORKER)
  .sort();
const hash = createHash('sha256');
for (const f of files) hash.update(`${f}\0`).update(readFileSync(join(dir, f))).update('\0');
const serving = process.env.ARCHLAB_SERVE === '1';
const build = (serving ? 'serve-' : '') + hash.digest('hex').slice(0, 16);
const urls = serving ? [] : files.map((f) => (f === 'index.html' ? './' : `./${f}`));

const path = join(dir, WORKER);
const source = readFileSync(path, 'utf8');
const filled = source
  .replace(/^const BUILD = '[^']*';$/m, `const BUILD = '${build}';`)
  .replace(/^const FILES = \[\];$/m, `const FILES = ${JSON.stringify(urls)};`);
if (!filled.includes(`'${build}'`) || !filled.includes(`const FILES = ${JSON.stringify(urls)};`)) {
  throw new Error('precache: sw.js has no BUILD or FILES line to fill: the hook is out of date');
}
// Minified, like the JS glue (scripts/minify.mjs): the comments are for the source.
writeFileSync(path, (await transform(filled, { loader: 'js', minify: true })).code);
console.log(`precache: sw.js build ${build}, ${urls.length} files`);
