// Shared harness for the browser end-to-end tests: serves dist/ on 127.0.0.1 (a free port),
// launches Debian's Chromium headless through playwright-core, and cleans both up.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = new URL('../../dist/', import.meta.url).pathname;
export const OUT = new URL('../../test-output/', import.meta.url).pathname;
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json',
};

/**
 * Serves the built app from dist/ on 127.0.0.1 at a free port. `override(path, body)` serves
 * `body` for that file from then on (`/index.html` for the page), to stand for another build.
 */
export async function serve() {
  const overrides = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = normalize(join(ROOT, path === '/' ? 'index.html' : path));
    if (!file.startsWith(ROOT)) { res.writeHead(403).end(); return; }
    try {
      const body = overrides.get(file) ?? await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((ok) => { server.close(ok); server.closeAllConnections(); }),
    override: (path, body) => overrides.set(normalize(join(ROOT, path)), body),
  };
}

/** Launches headless Chromium with the flags this machine needs and a fresh profile. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    // playwright gives every launch a fresh, empty profile directory of its own.
  });
}

/**
 * Opens the app in a new page, failing the test on any page error or console error. `init`, if
 * given, runs in the page before the app's own scripts (to record what the app does); `touch`
 * makes it a phone or tablet.
 * The service worker is blocked unless `serviceWorkers: 'allow'` (tests/e2e/offline.test.mjs):
 * requests it answers bypass playwright's `page.route`, which other tests use to fail or hold a
 * fetch.
 */
export async function open(browser, url, { width = 1280, height = 720, init, serviceWorkers = 'block', touch = false } = {}) {
  // `touch`: a phone or tablet (touch events, and the mobile viewport meta tag honoured).
  const device = touch ? { hasTouch: true, isMobile: true } : {};
  const context = await browser.newContext({ viewport: { width, height }, serviceWorkers, ...device });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await settled(page);
  return { page, context, errors };
}

/**
 * Waits for the app to be up with any `#s=` link of the address read: the browser inflates a
 * link asynchronously, and the app clears the fragment (and its `aria-busy`) once the link is
 * opened or refused.
 */
export async function settled(page) {
  await page.waitForSelector('.app:not([aria-busy])', { timeout: 20000 });
  await page.waitForFunction(() => !/(^#|&)s=/.test(location.hash), null, { timeout: 5000 });
}

export async function screenshot(page, name) {
  await mkdir(OUT, { recursive: true });
  const path = join(OUT, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Polls `f` until it returns a truthy value (which it returns) or `ms` pass. */
export async function until(f, ms, what) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((ok) => setTimeout(ok, 100));
  }
}

/**
 * Chooses a language with its button and waits until the page is in it: Korean is a language
 * pack fetched on demand (lang/ko.json), so the switch happens once it has arrived.
 */
export async function chooseLang(page, lang) {
  await page.getByTestId(`lang-${lang}`).click();
  await page.waitForSelector(`html[lang=${lang}]`);
}
