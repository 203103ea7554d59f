// Trunk post-build hook: Trunk starts the app with an inline <script type="module">, which a
// strict Content-Security-Policy blocks. This adds that exact script's sha256 to script-src,
// so the page allows its own loader and nothing else inline.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const file = join(dir, 'index.html');
let html = readFileSync(file, 'utf8');
const hashes = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)]
  .map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
if (hashes.length === 0) throw new Error('no inline module script found: the CSP hook is out of date');
html = html.replace("script-src 'self'", `script-src 'self' ${hashes.join(' ')}`);
writeFileSync(file, html);
console.log(`csp-hash: allowed ${hashes.length} inline loader script(s)`);
