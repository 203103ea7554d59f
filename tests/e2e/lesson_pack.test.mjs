// Branch lessonpack: the lessons' English words are a pack (dist/lang/lessons-en.json) fetched
// the first time a lesson is shown, not part of the wasm. Until it is in, the lesson says it is
// loading; if it cannot be fetched, the lesson says so with a retry button, and nothing else is
// lost: the list, the check and the slides keep working. Korean readers never fetch it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, open, screenshot, chooseLang } from './harness.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
const PACK = '**/lang/lessons-en.json?v=*';
// Distinctive sentences of crates/lab/src/i18n/lesson_en.rs (lesson 1's task and its last step).
const SENTENCES = [
  'Push the single server into saturation',
  'Inject the failure (kill app-1) and watch every request fail.',
];
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the wasm holds no English lesson sentence; the lessons pack next to it does', () => {
  const wasm = readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one wasm in dist/: ${wasm}`);
  const bytes = readFileSync(join(DIST, wasm[0]));
  const pack = readFileSync(join(DIST, 'lang/lessons-en.json'), 'utf8');
  assert.ok(Array.isArray(JSON.parse(pack)), 'dist/lang/lessons-en.json is a JSON array');
  for (const s of SENTENCES) {
    assert.ok(pack.includes(s), `the pack holds "${s}"`);
    assert.equal(bytes.indexOf(Buffer.from(s)), -1, `the wasm contains "${s}"`);
  }
});

/** A returning student (lesson progress stored): a first visit opens on lesson 1 and fetches
 *  its words at once (issue 19), so these tests start from a later visit. */
const returning = () => localStorage.setItem('archlab.progress.v1', '{"passed":[],"current":null}');

test('the lessons pack is fetched only when a lesson is shown', async () => {
  const { page, context, errors } = await open(browser, server.url, { init: returning });
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('lessons-en.json')) asked.push(r.url()); });
  await page.getByTestId('play').click();
  await page.getByTestId('tab-chaos').click();
  await page.waitForTimeout(300); // a quiet moment in which nothing should ask for the lessons
  assert.deepEqual(asked, [], 'no lesson shown, no fetch');
  await page.getByTestId('tab-lessons').click();
  await page.getByTestId('lesson-intro').waitFor();
  assert.match(await page.getByTestId('lesson-intro').innerText(), /The simplest setup/);
  assert.equal(asked.length, 1, `fetched once: ${asked}`);
  assert.match(asked[0], /lang\/lessons-en\.json\?v=[0-9a-f]{16}$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a blocked lessons pack shows the failure with a retry; retry works once unblocked', async () => {
  const { page, context, errors } = await open(browser, server.url, { init: returning });
  await page.route(PACK, (route) => route.abort());
  await page.getByTestId('tab-lessons').click();
  const failed = page.getByTestId('lesson-failed');
  await failed.waitFor();
  assert.match(await failed.innerText(), /The lesson text could not be loaded/);
  // Nothing else is lost: the title, the list, the check and the lesson navigation are there.
  assert.match(await page.getByTestId('lesson-title').innerText(), /^1\./);
  await page.getByTestId('lesson-check').waitFor();
  await page.getByTestId('lesson-next').click();
  assert.match(await page.getByTestId('lesson-title').innerText(), /^2\./);
  await failed.waitFor();
  await failed.scrollIntoViewIfNeeded();
  await screenshot(page, 'lesson-pack-failed');

  // Presentation mode steps through the slides by keyboard even without the words.
  await page.getByTestId('present-toggle').click();
  await page.getByTestId('stage').waitFor();
  await page.getByTestId('stage').getByTestId('lesson-failed').waitFor();
  const step = page.getByTestId('stage-step');
  assert.match(await step.textContent(), /Step 1 of/);
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => /Step 2 of/.test(document.querySelector('[data-testid=stage-step]').textContent));
  await screenshot(page, 'lesson-pack-failed-stage');

  // Unblocked, with the pack held back until the loading state has been seen.
  await page.unroute(PACK);
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route(PACK, async (route) => { await gate; await route.continue(); });
  await page.getByTestId('stage').getByTestId('lesson-retry').click();
  const loading = page.getByTestId('stage').getByTestId('lesson-loading');
  await loading.waitFor();
  assert.equal(await loading.innerText(), 'Loading the lesson…');
  await screenshot(page, 'lesson-pack-loading-stage');
  release();
  // Slide 2 of lesson 2 is what to notice, and the stage stayed on it.
  await page.waitForFunction(() =>
    /app-1 now spends its 2 cores/.test(document.querySelector('[data-testid=stage-slide]').innerText));
  assert.match(await step.textContent(), /Step 2 of/);
  assert.equal(await page.getByTestId('lesson-failed').count(), 0);
  await screenshot(page, 'lesson-pack-retried-stage');
  await page.keyboard.press('Escape');
  await page.getByTestId('lesson-intro').waitFor();
  assert.match(await page.getByTestId('lesson-intro').innerText(), /database moves to its own server/);
  // The only console errors are the blocked fetch itself.
  assert.deepEqual(errors.filter((e) => !/ERR_FAILED|Failed to load resource/.test(e)), []);
  await context.close();
});

test('Korean lessons come from the Korean pack alone', async () => {
  const { page, context, errors } = await open(browser, server.url);
  const asked = [];
  page.on('request', (r) => { if (r.url().includes('lessons-en.json')) asked.push(r.url()); });
  await chooseLang(page, 'ko');
  await page.getByTestId('tab-lessons').click();
  await page.getByTestId('lesson-intro').waitFor();
  assert.match(await page.getByTestId('lesson-intro').innerText(), /가장 기본적인 구성입니다/);
  assert.deepEqual(asked, [], 'Korean needs no English lessons pack');
  assert.deepEqual(errors, []);
  await context.close();
});
