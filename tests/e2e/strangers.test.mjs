// Issue 20: a stranger's link or file never costs a student their work, and never speaks with
// the lab's voice. Each finding of the hostile corpus is a named case here, run in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { serve, launch, open, screenshot, settled, until } from './harness.mjs';

const EXAMPLE = new URL('../../scenarios/examples/lb-two-zones.json', import.meta.url);

let server, browser, example;
before(async () => {
  server = await serve();
  browser = await launch();
  example = JSON.parse(await readFile(EXAMPLE, 'utf8'));
});
after(async () => { await browser?.close(); await server?.close(); });

const name = (page) => page.getByTestId('scenario-name').textContent();
const noticeText = (page) => page.getByTestId('notice-text').textContent();
const MY_WORK = 'Load balancer over two zones';

async function pickFile(page, fileName, buffer) {
  await page.getByTestId('import-file').setInputFiles({ name: fileName, mimeType: 'application/json', buffer });
}

/** Picks a scenario file and waits until it is open. */
async function importScenario(page, scenario, fileName = 'scenario.json') {
  await pickFile(page, fileName, Buffer.from(JSON.stringify(scenario, null, 2)));
  await page.waitForFunction((n) => document.querySelector('[data-testid=scenario-name]')?.title === n,
    scenario.name, { timeout: 5000 });
}

/** Waits for the banner to turn into an alert and returns its words. */
async function refusal(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid=share-notice]')?.getAttribute('role') === 'alert');
  return noticeText(page);
}

/** The names on the recent list. */
async function recentNames(page) {
  await page.getByTestId('recent').click();
  const names = await page.locator('.share-recent-name').allTextContents();
  await page.getByTestId('recent').click();
  return names;
}

/** The name inside the autosave record (compact JSON with the link's short keys: "N"). */
const autosavedName = (page) => page.evaluate(() => {
  const rec = JSON.parse(localStorage.getItem('archlab.autosave.v1'));
  return JSON.parse(rec.link).N;
});

test('finding 1: a ?preset= link keeps the work in Recent, leaves the autosave and survives a reload', async () => {
  const { page, errors } = await open(browser, server.url);
  await importScenario(page, example);
  assert.equal(await autosavedName(page), MY_WORK);
  await page.goto(`${server.url}?preset=lb-spof`);
  await settled(page);
  assert.notEqual(await page.getByTestId('scenario-name').getAttribute('title'), MY_WORK);
  assert.match(await noticeText(page), new RegExp(`Your previous work “${MY_WORK}” was kept`));
  assert.ok((await recentNames(page)).includes(MY_WORK), 'the work is on the recent list');
  assert.equal(await autosavedName(page), MY_WORK, 'opening the preset did not overwrite the autosave');
  assert.ok(!page.url().includes('preset='), `the preset is taken out of the address: ${page.url()}`);
  await screenshot(page, 'strangers-preset-kept');
  // A reload restores the autosave, not the preset as first opened.
  await page.reload();
  await settled(page);
  assert.equal(await page.getByTestId('scenario-name').getAttribute('title'), MY_WORK);
  // The banner's "go back" after a preset link brings the work back too.
  await page.goto(`${server.url}?preset=lb-spof`);
  await settled(page);
  await page.getByTestId('notice-back').click();
  await until(async () => (await page.getByTestId('scenario-name').getAttribute('title')) === MY_WORK, 5000, 'back');
  assert.deepEqual(errors, []);
});

test('finding 1: a ?bench link keeps the work in Recent', async () => {
  const { page, errors } = await open(browser, server.url);
  await importScenario(page, example);
  await page.goto(`${server.url}?bench=1`);
  await settled(page);
  assert.match(await noticeText(page), new RegExp(`Your previous work “${MY_WORK}” was kept`));
  assert.ok((await recentNames(page)).includes(MY_WORK), 'the work is on the recent list');
  assert.equal(await autosavedName(page), MY_WORK, 'the benchmark did not overwrite the autosave');
  assert.deepEqual(errors, []);
});

test('finding 2: a right-to-left name is isolated in the header, the banner and the recent list; overrides are refused', async () => {
  const { page, errors } = await open(browser, server.url);
  const rtl = 'שלום עולם 2';
  // Zone a fails at once, so the run writes to the event log.
  const faults = [{ ...example.faults[0], at_s: 0.2 }];
  await importScenario(page, { ...example, name: rtl, faults }, 'rtl.json');
  const bidi = (sel) => page.$eval(sel, (e) => getComputedStyle(e).unicodeBidi);
  assert.equal(await bidi('[data-testid=scenario-name]'), 'isolate', 'the header');
  // The banner: each name in its own <bdi> (isolated by default), none left in the sentence.
  const isolated = await page.$$eval('[data-testid=notice-text] bdi', (bs) => bs.map((b) => b.textContent));
  assert.deepEqual(isolated, [rtl, 'rtl.json', 'Single server', 'Single server']);
  assert.equal(await bidi('[data-testid=notice-text] bdi'), 'isolate');
  // The event log: each line's words are isolated from the time and from each other.
  await page.getByTestId('play').click();
  await page.waitForSelector('.event-log .entry span', { timeout: 15000 });
  assert.equal(await bidi('.event-log .entry span'), 'isolate', 'the event log');
  // ... and each id inside a line's sentence is a <bdi> of its own, so it cannot reorder it.
  await page.waitForSelector('.event-log .entry span bdi', { timeout: 15000 });
  assert.equal(await bidi('.event-log .entry span bdi'), 'isolate', 'an id inside a log sentence');
  await importScenario(page, example);
  await page.getByTestId('recent').click();
  assert.equal(await bidi('.share-recent-name'), 'isolate', 'the recent list');
  await page.getByTestId('recent').click();
  // An override that would show "invoice\u202Egnp.exe" as "invoiceexe.png" is refused.
  await pickFile(page, 'evil.json', Buffer.from(JSON.stringify({ ...example, name: 'invoice\u202Egnp.exe' })));
  assert.match(await refusal(page), /name: contains invisible formatting characters/);
  await pickFile(page, 'void.json', Buffer.from(JSON.stringify({ ...example, name: '\u202E'.repeat(64) })));
  assert.match(await refusal(page), /invisible formatting characters/);
  assert.equal(await page.getByTestId('scenario-name').getAttribute('title'), MY_WORK);
  await screenshot(page, 'strangers-override-refused');
  assert.deepEqual(errors, []);
});

test('finding 3: Latin-1 and UTF-16 files are refused as not UTF-8; a UTF-8 byte-order mark is skipped', async () => {
  const { page, errors } = await open(browser, server.url);
  const text = JSON.stringify({ ...example, name: 'Café' }, null, 2);
  const latin1 = Buffer.from(text, 'latin1');
  await pickFile(page, 'latin1.json', latin1);
  const at = latin1.indexOf(0xe9);
  assert.equal(await refusal(page),
    `This file could not be opened, so nothing was loaded: This scenario is not UTF-8 text: byte ${at} is not valid UTF-8 (save it as UTF-8).`);
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  await pickFile(page, 'utf16.json', utf16);
  assert.match(await refusal(page), /UTF-16 text, not UTF-8/);
  assert.equal(await name(page), 'Single server', 'nothing was loaded');
  await pickFile(page, 'bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
  await page.waitForFunction(() => document.querySelector('[data-testid=scenario-name]')?.title === 'Café');
  assert.deepEqual(errors, []);
});

test('finding 4: a 90 MB decompression bomb costs about the cap in JS heap, not its output', async () => {
  const { page, errors } = await open(browser, server.url);
  const bomb = deflateSync(Buffer.alloc(90 << 20, 32), { level: 9 }).toString('base64url');
  const hash = `#s=1.${bomb}`;
  assert.ok(hash.length < 128 * 1024, `within the link limit (${hash.length})`);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = async () => {
    const u = await cdp.send('Runtime.getHeapUsage');
    return u.usedSize + (u.backingStorageSize ?? 0);
  };
  const base = await heap();
  let peak = base, done = false;
  const sampler = (async () => {
    while (!done) { peak = Math.max(peak, await heap()); await new Promise((ok) => setTimeout(ok, 5)); }
  })();
  await page.evaluate((h) => { location.hash = h; }, hash);
  const words = await refusal(page);
  peak = Math.max(peak, await heap());
  done = true;
  await sampler;
  assert.match(words, /unpacks to more than 1048576 bytes/);
  const grew = (peak - base) / (1 << 20);
  console.log(`JS heap (used + array buffers) grew by ${grew.toFixed(1)} MB for a 90 MB bomb (cap 1 MB)`);
  assert.ok(grew < 6, `the heap grew by ${grew.toFixed(1)} MB, more than a few MB past the 1 MB cap`);
  assert.deepEqual(errors, []);
});

test('finding 5: a broken autosave whose copy storage refuses is said to be lost', async () => {
  const { page, context } = await open(browser, server.url);
  // The lab in that first tab saves its own work (last writer wins), so it is closed, and the
  // new tab writes the broken record itself, before the app's scripts run: 3 MB of junk in the
  // autosave slot, and storage filled so that no copy of it fits.
  await page.close();
  const page2 = await context.newPage();
  await page2.addInitScript(() => {
    localStorage.clear();
    localStorage.setItem('archlab.autosave.v1', 'x'.repeat(3e6));
    let n = 0;
    const mb = 'y'.repeat(1 << 19);
    try { for (;;) { localStorage.setItem(`fill${n}`, mb); n++; } } catch { /* full */ }
    try { localStorage.setItem('probe', 'x'.repeat(3e6)); window.__filled = -1; } catch { window.__filled = n; }
  });
  const errors = [];
  page2.on('pageerror', (e) => errors.push(String(e)));
  await page2.goto(server.url);
  await settled(page2);
  assert.ok(await page2.evaluate(() => window.__filled) >= 0, 'storage is full enough that a 3 MB copy cannot be kept');
  const words = await refusal(page2);
  assert.match(words, /no copy of it could be kept .* it is lost/);
  assert.doesNotMatch(words, /a copy was kept/);
  assert.match(words, /more than any autosave this lab writes/);
  assert.doesNotMatch(words, /link/i);
  await screenshot(page2, 'strangers-autosave-lost');
  assert.deepEqual(errors, []);
});
