// Issue #7, diag: a refused link or file lists its problems in Korean when the page is Korean —
// validation problems with their paths and numbers, serde's shape errors and JSON syntax errors.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { deflateSync } from 'node:zlib';
import { serve, launch, open, screenshot, chooseLang } from './harness.mjs';

const EXAMPLE = new URL('../../scenarios/examples/lb-two-zones.json', import.meta.url);
const HANGUL = /[\uAC00-\uD7A3]/;

let server, browser, example;
before(async () => {
  server = await serve();
  browser = await launch();
  example = JSON.parse(await readFile(EXAMPLE, 'utf8'));
});
after(async () => { await browser?.close(); await server?.close(); });

/** A link in the codec's envelope ("1." + base64url(zlib(JSON))); long keys are accepted. */
const link = (text) => `${server.url}#s=1.${deflateSync(Buffer.from(text), { level: 9 }).toString('base64url')}`;
const noticeText = (page) => page.getByTestId('notice-text').textContent();
const name = (page) => page.getByTestId('scenario-name').textContent();

/** Opens a link in the running page (the hashchange path) and returns the notice it shows. */
async function openRefused(page, url) {
  await page.evaluate((h) => { location.hash = h; }, new URL(url).hash);
  await page.waitForFunction(() => !location.hash, null, { timeout: 5000 });
  await page.waitForFunction(() => document.querySelector('[data-testid=share-notice]')?.getAttribute('role') === 'alert');
  return noticeText(page);
}

/** The example with several fields broken; `kind` edits go to the component with that id. */
function broken() {
  const s = structuredClone(example);
  const kind = (id) => s.components.find((c) => c.id === id).kind;
  kind('app-1').processes = 500;
  kind('app-2').write_ratio = 1.5;
  kind('lb-1').health_check.timeout_s = 90;
  s.links.push({ from: 'app-1', to: 'ghost' });
  s.traffic.rate_rps = -5;
  return s;
}

test('in Korean, an invalid shared scenario lists its problems in Korean, with paths and numbers', async () => {
  const { page, errors } = await open(browser, `${server.url}?preset=single-server`);
  await chooseLang(page, 'ko');
  await page.getByTestId('component-app-1').waitFor();
  const before = await name(page);

  const text = await openRefused(page, link(JSON.stringify(broken())));
  assert.match(text, HANGUL, text);
  assert.match(text, /문제가 \d+개/, text);
  // Each problem keeps its path (the file's own field names) and its numbers.
  assert.match(text, /app-1\.processes: 1에서 64 사이여야 합니다 \(지금 값 500\)/, text);
  assert.match(text, /app-2\.write_ratio: 0에서 1 사이여야 합니다 \(지금 값 1\.5\)/, text);
  assert.match(text, /lb-1\.health_check\.timeout_s: /, text);
  assert.match(text, /links\.app-1->ghost: ghost 구성 요소가 없습니다/, text);
  assert.match(text, /traffic\.rate_rps: 0에서 1000000 사이여야 합니다 \(지금 값 -5\)/, text);
  // No English sentence is left: only paths, ids and numbers are in Latin letters.
  for (const english of ['must be', 'no component', 'got', 'problem', 'interval', 'between']) {
    assert.ok(!text.includes(english), `"${english}" left in: ${text}`);
  }
  assert.equal(await name(page), before, 'nothing was loaded');
  await screenshot(page, 'diag-ko');

  // A field the format does not have, and a value of the wrong type: serde's words, in Korean.
  const unknown = await openRefused(page, link(JSON.stringify({ ...example, gpus: 8 })));
  assert.match(unknown, /`gpus`은\(는\) 알 수 없는 항목입니다/, unknown);
  const typed = structuredClone(example);
  typed.components.find((c) => c.id === 'app-1').kind.count = 'two';
  const wrongType = await openRefused(page, link(JSON.stringify(typed)));
  assert.match(wrongType, /kind\.count 부분이 잘못된 모양입니다: 값의 종류가 맞지 않습니다: 음수가 아닌 정수\(u32\)이\(가\) 와야 하는데 문자열 "two"/, wrongType);
  // Text that stops early is not JSON: said in Korean, with the line and column.
  const cut = await openRefused(page, link('{"version": 1,'));
  assert.match(cut, /올바른 JSON이 아닙니다 \(1행 \d+열\): .*중간에 끊겼습니다/, cut);
  // A character base64url never uses: where it is, in Korean.
  const damaged = await openRefused(page, `${server.url}#s=1.eNq+`);
  assert.match(damaged, /링크가 손상되었습니다: 5번 위치의 '\+'은\(는\) 링크에 쓸 수 없는 문자입니다/, damaged);
  await screenshot(page, 'diag-ko-json');

  assert.equal(await name(page), before, 'nothing was loaded');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('in English, the same scenario lists the same problems as the runner prints them', async () => {
  const { page, errors } = await open(browser, `${server.url}?preset=single-server`);
  await page.getByTestId('lang-en').click();
  const text = await openRefused(page, link(JSON.stringify(broken())));
  assert.match(text, /This scenario has \d+ problems: /, text);
  assert.match(text, /app-1\.processes: must be between 1 and 64 \(got 500\)/, text);
  assert.match(text, /links\.app-1->ghost: no component ghost/, text);
  assert.doesNotMatch(text, HANGUL, text);
  assert.deepEqual(errors, []);
  await page.context().close();
});
