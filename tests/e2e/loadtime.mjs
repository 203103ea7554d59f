// Load-time benchmark (not a test; run by hand after `trunk build --release`):
//
//   node tests/e2e/loadtime.mjs [runs]      (default 5 runs of each kind)
//   ARCHLAB_DIST=/path/to/dist/ node tests/e2e/loadtime.mjs   (another build)
//   ARCHLAB_LOAD_KINDS=cold,warm-http …   (only these kinds of visit)
//
// Serves dist/ gzip-compressed as a static host or CDN would (ETag, `cache-control: no-cache`:
// the browser may keep a file but asks whether it changed), emulates a phone-class link over
// Chromium's DevTools protocol (1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip, 4x CPU
// slowdown), and measures from navigation to the lab being usable: the default design drawn,
// i.e. its component cards (`component-users-1`, `component-app-1`) in the page with the app no
// longer busy. Three kinds of visit, each in a fresh profile:
//   cold     nothing cached;
//   warm     a second visit with the service worker in place (it answers from its cache);
//   warm-http a second visit with service workers blocked: only the HTTP cache, revalidated.
// Prints each run, then the median and range of each kind, and the bytes that crossed the link.
import { createServer } from 'node:http';
import { readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize } from 'node:path';
import { launch } from './harness.mjs';

const RUNS = Number(process.argv[2] ?? 5);
// ARCHLAB_DIST=DIR measures another build (to compare two builds under the same conditions).
const ROOT = process.env.ARCHLAB_DIST || new URL('../../dist/', import.meta.url).pathname;
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
};
export const PHONE = { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8, cpu: 4 };

/** A static host: every file gzipped once (level 9, as CDNs do for static assets), with an ETag. */
export async function serveGzip() {
  const cache = new Map();
  const load = (file) => {
    const { mtimeMs } = statSync(file);
    const hit = cache.get(file);
    if (hit && hit.mtimeMs === mtimeMs) return hit;
    const raw = readFileSync(file);
    const entry = { mtimeMs, raw, gz: gzipSync(raw, { level: 9 }), etag: `"${createHash('sha1').update(raw).digest('hex')}"` };
    cache.set(file, entry);
    return entry;
  };
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(ROOT, path === '/' ? 'index.html' : path));
    if (!file.startsWith(ROOT)) { res.writeHead(403).end(); return; }
    let f;
    try { f = load(file); } catch { res.writeHead(404).end('not found'); return; }
    const headers = {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-cache', etag: f.etag, vary: 'accept-encoding',
    };
    if (req.headers['if-none-match'] === f.etag) { res.writeHead(304, headers).end(); return; }
    const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
    const body = gzip ? f.gz : f.raw;
    if (gzip) headers['content-encoding'] = 'gzip';
    headers['content-length'] = body.length;
    res.writeHead(200, headers).end(body);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }),
  };
}

/** Throttles this page like a phone on a slow link; returns a counter of bytes received. */
export async function throttle(context, page, profile = PHONE) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false, latency: profile.latency,
    downloadThroughput: profile.downloadThroughput, uploadThroughput: profile.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  // Bytes that crossed the (emulated) link: answers from the service worker did not.
  const bytes = { n: 0 };
  const fromWorker = new Set();
  cdp.on('Network.responseReceived', (e) => { if (e.response.fromServiceWorker) fromWorker.add(e.requestId); });
  cdp.on('Network.loadingFinished', (e) => { if (!fromWorker.has(e.requestId)) bytes.n += e.encodedDataLength; });
  return bytes;
}

/** Records, in the page, when the default design is first drawn (ms since navigation start). */
const WATCH = () => {
  const usable = () => document.querySelector('.app:not([aria-busy])')
    && document.querySelector('[data-testid="component-users-1"]')
    && document.querySelector('[data-testid="component-app-1"]');
  new MutationObserver((_, obs) => {
    if (usable()) { window.__usableMs = performance.now(); obs.disconnect(); }
  }).observe(document, { childList: true, subtree: true, attributes: true });
};

/** One visit in `context`: navigate, wait until usable, return ms and bytes. */
async function visit(context, url) {
  const page = await context.newPage();
  const bytes = await throttle(context, page);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => window.__usableMs !== undefined, null, { timeout: 120000, polling: 50 });
  const ms = await page.evaluate(() => window.__usableMs);
  return { page, ms, bytes };
}

async function run(browser, url, kind) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    serviceWorkers: kind === 'warm-http' ? 'block' : 'allow',
  });
  await context.addInitScript(WATCH);
  try {
    const first = await visit(context, url);
    if (kind === 'cold') return { ms: first.ms, bytes: first.bytes.n };
    if (kind === 'warm') {
      // The worker has installed (cached every file) once it controls the page.
      await first.page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 120000 });
    } else {
      await first.page.waitForLoadState('load');
    }
    await first.page.close();
    const second = await visit(context, url);
    return { ms: second.ms, bytes: second.bytes.n };
  } finally {
    await context.close();
  }
}

const median = (xs) => { const v = [...xs].sort((a, b) => a - b); const m = v.length >> 1; return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2; };

if (import.meta.url === `file://${process.argv[1]}`) {
  const server = await serveGzip();
  const browser = await launch();
  try {
    // ARCHLAB_LOAD_KINDS=cold,warm-http leaves out the service-worker visit (a build without one).
    const kinds = (process.env.ARCHLAB_LOAD_KINDS || 'cold,warm,warm-http').split(',');
    const results = Object.fromEntries(kinds.map((k) => [k, []]));
    for (let i = 0; i < RUNS; i++) {
      for (const kind of Object.keys(results)) {
        const r = await run(browser, server.url, kind);
        results[kind].push(r);
        console.log(`run ${i + 1} ${kind.padEnd(9)} ${(r.ms / 1000).toFixed(2)} s, ${r.bytes} B over the link`);
      }
    }
    console.log(`\nnavigation -> default design drawn, ${RUNS} runs each (1.6 Mbit/s down, 750 kbit/s up, 150 ms RTT, 4x CPU):`);
    for (const [kind, rs] of Object.entries(results)) {
      const ms = rs.map((r) => r.ms);
      console.log(`${kind.padEnd(9)} median ${(median(ms) / 1000).toFixed(2)} s, range ${(Math.min(...ms) / 1000).toFixed(2)}–${(Math.max(...ms) / 1000).toFixed(2)} s, median ${median(rs.map((r) => r.bytes))} B over the link`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
