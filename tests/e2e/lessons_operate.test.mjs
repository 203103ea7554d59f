// The operating lessons in the browser: picking the spike preset opens its lesson; played
// through the spike as given, the task's check fails and names what is missing (p95 and the
// errors during the spike), in English and in Korean.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot, chooseLang } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Simulated seconds from the stats bar ("12.3 s" or "2:05.3"). */
function seconds(text) {
  const m = /^(?:(\d+):)?(\d+(?:\.\d+)?)/.exec(text.trim());
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : NaN;
}

test('the spike preset opens its lesson, and played as given its check names what is missing', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await page.getByTestId('preset-menu').click();
  await page.getByTestId('preset-spike-autoscaling').click();
  // Picking the preset brings its lesson into view.
  const panel = page.getByTestId('lesson-panel');
  await panel.waitFor();
  await page.getByTestId('lesson-intro').waitFor(); // the words come with lang/lessons-en.json
  assert.equal(await page.getByTestId('lesson-title').innerText(), 'Spike vs auto scaling');
  assert.equal(await page.getByTestId('lesson-item-spike-autoscaling').getAttribute('aria-current'), 'true');
  assert.match(await page.getByTestId('lesson-progress').innerText(), /of 13/);
  assert.match(await panel.innerText(), /keep p95 under 500 ms and errors under 1%/);
  const check = page.getByTestId('lesson-check');
  // Before the spike has been watched, the check asks to keep the run going.
  assert.match(await check.innerText(), /Not yet/);
  assert.match(await check.innerText(), /Keep the run going until 5:00\.0/);

  await page.getByTestId('speed').fill('833'); // about 32x
  await page.getByTestId('play').click();
  const end = Date.now() + 90000;
  while (seconds(await page.getByTestId('sim-time').innerText()) < 305) {
    assert.ok(Date.now() < end, 'the run reaches 5:05 in time');
    await page.waitForTimeout(200);
  }
  await page.getByTestId('play').click();

  const text = await check.innerText();
  assert.match(text, /✗ Not yet/);
  assert.doesNotMatch(text, /Keep the run going/);
  const p95 = /From 1:00\.0 to 5:00\.0, keep p95 under 500 ms \(now ([\d,.]+) ms\)/.exec(text);
  assert.ok(p95, `the p95 part is named: ${text}`);
  assert.ok(Number(p95[1].replace(/,/g, '')) >= 500, `p95 during the spike is over the limit (${p95[1]} ms)`);
  const err = /From 1:00\.0 to 5:00\.0, keep errors under 1\.0% \(now ([\d.]+)%\)/.exec(text);
  assert.ok(err, `the errors part is named: ${text}`);
  assert.ok(Number(err[1]) >= 1, `errors during the spike are over the limit (${err[1]}%)`);
  await check.scrollIntoViewIfNeeded();
  await screenshot(page, 'lessons-operate-spike-en');

  await chooseLang(page, 'ko');
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  assert.equal(await page.getByTestId('lesson-title').innerText(), '트래픽 급증과 오토 스케일링');
  const ko = await check.innerText();
  assert.match(ko, /아직 아닙니다/);
  assert.match(ko, /p95를 500 ms 미만으로 유지하세요/);
  assert.match(ko, /오류율을 1\.0% 미만으로 유지하세요/);
  await check.scrollIntoViewIfNeeded();
  await screenshot(page, 'lessons-operate-spike-ko');
  await page.getByTestId('lang-en').click();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the cost lesson quotes the month the cost meter shows', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await page.getByTestId('preset-menu').click();
  await page.getByTestId('preset-multi-az-cost').click();
  await page.getByTestId('lesson-panel').waitFor();
  await page.getByTestId('lesson-intro').waitFor(); // the words come with lang/lessons-en.json
  assert.equal(await page.getByTestId('lesson-title').innerText(), 'What multi-AZ costs');
  // The meter follows the running design from its next tick.
  await page.getByTestId('step').click();
  await page.waitForFunction(() => /\$722 \/ month/.test(document.querySelector('[data-testid=cost-meter]').innerText),
    null, { timeout: 10000 });
  assert.match(await page.getByTestId('lesson-body').innerText(), /about \$722 a month/);
  assert.match(await page.getByTestId('lesson-check').innerText(), /Inject the failure first/);
  assert.deepEqual(errors, []);
  await context.close();
});
