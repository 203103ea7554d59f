// The service worker (issue 17, item 5): a second visit, and a classroom whose Wi-Fi fails,
// still load the lab; and a new build's files replace the old build's cache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { serve, launch, open, settled, until } from './harness.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const worker = readFileSync(`${DIST}sw.js`, 'utf8');
// scripts/precache.mjs wrote these into the (minified) worker.
const build = worker.match(/\bBUILD="([^"]+)"/)?.[1];
const files = JSON.parse(worker.match(/\bFILES=(\[[^\]]*\])/)?.[1] ?? 'null');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Waits until the service worker controls the page (it claims the page that registered it). */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
}

/** The lab is usable: the default design (the single server) is drawn on the canvas. */
async function drawn(page) {
  await page.getByTestId('component-users-1').waitFor();
  await page.getByTestId('component-app-1').waitFor();
}

const keys = (page) => page.evaluate(() => caches.keys());

test('the worker lists every file of the build and names the build', () => {
  assert.match(build ?? '', /^[0-9a-f]{16}$/, 'scripts/precache.mjs wrote the build hash');
  const built = readdirSync(DIST, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => `${e.parentPath ?? e.path}/${e.name}`.slice(DIST.length).replace(/^\/+/, ''))
    .filter((f) => f !== 'sw.js')
    .map((f) => (f === 'index.html' ? './' : `./${f}`))
    .sort();
  assert.deepEqual([...files].sort(), built);
  assert.ok(files.some((f) => f.endsWith('.wasm')) && files.some((f) => f.endsWith('.js')));
});

test('a page that was visited once loads offline, cache first', async () => {
  const server = await serve();
  try {
    const { page, context, errors } = await open(browser, server.url, { serviceWorkers: 'allow' });
    await drawn(page);
    await controlled(page);
    assert.deepEqual(await keys(page), [`archlab-${build}`]);
    const cached = await page.evaluate(async (name) =>
      (await (await caches.open(name)).keys()).length, `archlab-${build}`);
    assert.equal(cached, files.length);

    await context.setOffline(true);
    // Offline indeed: what the worker does not hold fails. (In a page of its own, itself loaded
    // offline, because Chromium logs the failed fetch as a console error.)
    const probe = await context.newPage();
    await probe.goto(server.url);
    assert.equal(await probe.evaluate(() => fetch('./not-in-the-build').then(() => 'answered', () => 'failed')), 'failed');
    await probe.close();
    await page.reload();
    await settled(page);
    await drawn(page);
    // Any address of the page is the page (a preset asked for in the query).
    await page.goto(`${server.url}?preset=separate-db`);
    await settled(page);
    await page.getByTestId('component-db-1').waitFor();
    assert.deepEqual(errors, []);
  } finally {
    await server.close();
  }
});

test("a new build's files replace the old build's cache", async () => {
  const server = await serve();
  try {
    const { page, context, errors } = await open(browser, server.url, { serviceWorkers: 'allow' });
    await controlled(page);
    assert.deepEqual(await keys(page), [`archlab-${build}`]);
    // The next build, as a deploy would put it on the host: a page that differs, and the
    // worker precache.mjs writes for it (another hash).
    const next = 'feedfacefeedface';
    const html = readFileSync(`${DIST}index.html`, 'utf8');
    server.override('/index.html', html.replace('<title>', '<meta name="archlab-build" content="next"><title>'));
    server.override('/sw.js', worker.replaceAll(build, next));
    // What the browser does on a later visit: check sw.js, install the new one.
    await page.evaluate(async () => { await (await navigator.serviceWorker.getRegistration()).update(); });
    await until(async () => JSON.stringify(await keys(page)) === JSON.stringify([`archlab-${next}`]), 60000,
      "the new build's cache, and only it");

    await context.setOffline(true);
    await page.reload();
    await settled(page);
    await drawn(page);
    assert.equal(await page.locator('meta[name=archlab-build]').getAttribute('content'), 'next');
    assert.deepEqual(errors, []);
  } finally {
    await server.close();
  }
});
