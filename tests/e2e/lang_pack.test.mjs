// Branch kopack: Korean is a language pack (dist/lang/ko.json) fetched when chosen, not part of
// the wasm. The page switches only once the pack is in, says it is loading meanwhile, stays in
// English with a notice when the pack cannot be fetched, and retries when Korean is chosen again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, open, screenshot, chooseLang } from './harness.mjs';

const DIST = new URL('../../dist/', import.meta.url).pathname;
let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the wasm holds no Korean table; the pack next to it does', () => {
  const wasm = readdirSync(DIST).filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, `one wasm in dist/: ${wasm}`);
  const bytes = readFileSync(join(DIST, wasm[0]));
  for (const word of ['재생', '로드 밸런서', '가용 영역']) {
    assert.equal(bytes.indexOf(Buffer.from(word)), -1, `the wasm contains "${word}"`);
  }
  const pack = JSON.parse(readFileSync(join(DIST, 'lang/ko.json'), 'utf8'));
  assert.ok(Array.isArray(pack) && pack.includes('재생'), 'dist/lang/ko.json is the Korean pack');
});

test('a blocked pack leaves the page in English with a notice; choosing Korean again retries', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await page.route('**/lang/ko.json?v=*', (route) => route.abort());
  await page.getByTestId('lang-ko').click();
  const notice = page.getByTestId('lang-notice');
  await notice.waitFor();
  assert.match(await notice.innerText(), /^한국어 could not be loaded\. Choose 한국어 again to retry\.$/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.getByTestId('play').innerText(), 'Play');
  assert.equal(await page.getByTestId('lang-en').getAttribute('aria-pressed'), 'true');
  await screenshot(page, 'lang-pack-failed');

  // Retry, with the pack held back until the loading state has been seen.
  await page.unroute('**/lang/ko.json?v=*');
  let release;
  const gate = new Promise((ok) => { release = ok; });
  await page.route('**/lang/ko.json?v=*', async (route) => { await gate; await route.continue(); });
  await page.getByTestId('lang-ko').click();
  await page.waitForFunction(() => /Loading 한국어…/.test(document.querySelector('[data-testid=lang-ko]')?.textContent));
  assert.equal(await notice.count(), 0, 'the notice goes when Korean is chosen again');
  assert.equal(await page.getByTestId('play').innerText(), 'Play', 'no half-translated page while loading');
  await screenshot(page, 'lang-pack-loading');
  release();
  await page.waitForSelector('html[lang=ko]');
  assert.equal(await page.getByTestId('play').innerText(), '재생');
  assert.match(await page.getByTestId('lang-ko').innerText(), /^✓ 한국어$/);
  await screenshot(page, 'lang-pack-loaded');

  // English is compiled in: switching back is immediate and needs no fetch.
  await chooseLang(page, 'en');
  assert.equal(await page.getByTestId('play').innerText(), 'Play');
  // The only console error is the blocked fetch itself.
  assert.deepEqual(errors.filter((e) => !/ERR_FAILED|Failed to load resource/.test(e)), []);
  await context.close();
});

test('a stored Korean choice loads the pack at startup', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await page.evaluate(() => localStorage.setItem('archlab.lang', 'ko'));
  await page.reload();
  await page.waitForSelector('html[lang=ko]');
  assert.equal(await page.getByTestId('play').innerText(), '재생');
  // The lessons' own texts come from the pack as well (lesson_ko.rs, flattened after the keys).
  await page.getByTestId('tab-lessons').click();
  await page.getByTestId('lesson-panel').waitFor();
  assert.match(await page.getByTestId('lesson-body').innerText(), /가장 기본적인 구성입니다/);
  await screenshot(page, 'lang-pack-lesson-ko');
  assert.deepEqual(errors, []);
  await context.close();
});
