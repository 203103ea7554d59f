// Issue 21, item 4: the load-balancer lesson asks for the knee before and after the change, and
// checks it. A student opens lesson 3, sweeps the four servers in the Curve tab and pins the
// curve, raises the servers to ten, sweeps again, and plays at 600 req/s: the check follows
// each step, with the knees the sweeps found; a design changed after the sweep makes it ask
// for a new one. The knees are the runner's (`tests/lesson_knees.rs`): 232 and 609 req/s.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot, until } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const points = (page) => page.locator('[data-testid=curve-latency] [data-testid=curve-point]').count();

async function sweep(page) {
  await page.getByTestId('tab-curve').click();
  await page.getByTestId('curve-sweep').click();
  await until(async () => (await points(page)) === 12 && (await page.getByTestId('curve-sweep').count()) === 1, 30000, '12 points');
}

/** Sets app-1's number of servers in the inspector, as a student does, and waits for its card. */
async function servers(page, n) {
  await page.getByTestId('component-app-1').click();
  await page.getByTestId('tab-inspect').click(); // a card already selected does not switch tabs
  await page.getByTestId('field-count').fill(String(n));
  await until(async () => new RegExp(`${n} × 2 vCPU`).test(await page.getByTestId('component-app-1').textContent()), 5000, `${n} servers`);
}

/** The lesson check's text, from the Learn tab. */
async function checkText(page) {
  await page.getByTestId('tab-lessons').click();
  await page.getByTestId('lesson-check').waitFor();
  return page.getByTestId('lesson-check').innerText();
}

test('lesson 3 checks the knee before and after adding servers, then the live run', async () => {
  const { page, errors } = await open(browser, server.url);
  await page.getByTestId('preset-menu').click();
  await page.getByTestId('preset-load-balancer').click();
  await page.getByTestId('lesson-intro').waitFor(); // the words come with lang/lessons-en.json
  assert.match(await page.getByTestId('lesson-title').innerText(), /^3\./);
  assert.match(await page.getByTestId('lesson-body').innerText(), /Open the Curve tab and press Sweep/);
  let text = await checkText(page);
  assert.match(text, /Sweep the design before your change in the Curve tab and pin its curve \(knee below 400 req\/s\)/);
  assert.match(text, /Sweep the changed design: its knee must reach 600 req\/s/);

  // Before: the four servers' curve, its knee, pinned.
  await sweep(page);
  assert.equal(await page.getByTestId('curve-knee-line').textContent(), 'knee ≈ 232 req/s');
  text = await checkText(page);
  assert.match(text, /Move the knee to 600 req\/s or more \(the last sweep puts it at 232 req\/s\)/);
  await page.getByTestId('tab-curve').click();
  await page.getByTestId('curve-pin').click();
  text = await checkText(page);
  assert.doesNotMatch(text, /pin its curve/, 'the pinned curve is the "before"');
  assert.match(text, /Sweep the changed design/);

  // The change: ten servers. The check asks for a sweep of the changed design.
  await servers(page, 10);
  await sweep(page);
  assert.equal(await page.getByTestId('curve-knee-line').textContent(), 'knee ≈ 609 req/s');
  assert.equal(await page.locator('[data-testid=curve-latency] [data-testid=curve-point-pinned]').count(), 12, 'both curves');
  text = await checkText(page);
  assert.doesNotMatch(text, /knee/, `nothing about the knee is missing: ${text}`);

  // Changing the design after the sweep makes the sweep stale.
  await servers(page, 11);
  text = await checkText(page);
  assert.match(text, /The design changed since the last sweep: sweep again \(knee at 600 req\/s or more\)/);
  await servers(page, 10);
  text = await checkText(page);
  assert.doesNotMatch(text, /knee/, 'ten servers again: the design the sweep measured');

  // The live part: 600 req/s served.
  await page.getByTestId('rate').fill('600');
  await page.getByTestId('rate').press('Enter');
  if ((await page.getByTestId('play').textContent()) !== 'Pause') await page.getByTestId('play').click();
  await page.getByTestId('speed').fill('833');
  await until(async () => /✓/.test(await page.getByTestId('lesson-verdict').innerText()), 60000, 'the check to pass');
  assert.match(await page.getByTestId('lesson-item-load-balancer').innerText(), /✓/, 'the pass is remembered in the list');
  await page.getByTestId('lesson-check').scrollIntoViewIfNeeded();
  await screenshot(page, 'lesson-knee-1280');
  assert.deepEqual(errors, []);
});

test('what the knee check still misses reads on the projector and on a phone', async () => {
  {
    const { page, errors } = await open(browser, `${server.url}?preset=load-balancer`, { width: 1920, height: 1080 });
    await page.getByTestId('present-toggle').click();
    await page.waitForSelector('html.presenting');
    const check = page.getByTestId('stage').getByTestId('lesson-check');
    await until(async () => /Sweep the changed design/.test(await check.innerText()), 10000, 'the knee lines on the stage');
    const box = await check.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 1920 && box.y + box.height <= 1080, `the check is on the screen (${JSON.stringify(box)})`);
    await screenshot(page, 'lesson-knee-1920-presenting');
    assert.deepEqual(errors, []);
    await page.context().close();
  }
  {
    const { page, errors } = await open(browser, `${server.url}?preset=load-balancer`, { width: 390, height: 844, touch: true });
    await page.getByTestId('tab-lessons').tap();
    const check = page.getByTestId('lesson-check');
    await check.scrollIntoViewIfNeeded();
    assert.match(await check.innerText(), /pin its curve/);
    const box = await check.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `the check fits the phone (${JSON.stringify(box)})`);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= 390, 'no sideways scroll');
    await screenshot(page, 'lesson-knee-390');
    assert.deepEqual(errors, []);
  }
});
