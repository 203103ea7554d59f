// Issue #7's last English-only texts and three layout nits (i18n3): an editor refusal and a
// field error in Korean (screenshots looked at by a person), the event log's filter inside its
// panel at 1280 px, the compact cards of presentation mode, and `?preset=ID` with its lesson.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot, chooseLang } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const HANGUL = /[\uAC00-\uD7A3]/;

async function center(page, testid) {
  const b = await page.getByTestId(testid).boundingBox();
  assert.ok(b, `${testid} is on screen`);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

test('in Korean, a refused link and a wrong field value say why in Korean, with the numbers', async () => {
  const { page, errors } = await open(browser, `${server.url}?preset=single-server`);
  await chooseLang(page, 'ko');
  await page.getByTestId('component-app-1').waitFor();
  // app-1 → users-1 makes no sense: the hint while dragging and the notice after are Korean.
  const h = await page.locator('[data-testid="component-app-1"] .handle').boundingBox();
  const target = await center(page, 'component-users-1');
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 12 });
  const hint = await page.getByTestId('canvas-hint').textContent();
  assert.match(hint, HANGUL, hint);
  await page.mouse.up();
  const notice = await page.getByTestId('notice').textContent();
  assert.match(notice, /클라이언트/, notice);
  assert.doesNotMatch(notice, /[A-Za-z]{4,}/, `no English words left: ${notice}`);
  await screenshot(page, 'i18n3-ko-refusal');
  // A value out of range: the error under the field is Korean and carries the range.
  await page.getByTestId('component-app-1').click();
  const field = page.getByTestId('field-processes');
  await field.fill('999');
  await field.press('Enter');
  const err = await page.getByTestId('field-error-processes').textContent();
  assert.match(err, HANGUL, err);
  assert.match(err, /1.*64/, err);
  await page.getByTestId('field-error-processes').scrollIntoViewIfNeeded();
  await screenshot(page, 'i18n3-ko-field-error');
  assert.deepEqual(errors, []);
  await page.context().close();
});

for (const lang of ['en', 'ko']) {
  test(`${lang}: the event log's filter drop-down stays inside its panel at 1280 px`, async () => {
    const { page, errors } = await open(browser, server.url);
    await chooseLang(page, lang);
    const panel = await page.locator('section.event-log').boundingBox();
    for (const id of ['log-filter', 'log-kind']) {
      const b = await page.getByTestId(id).boundingBox();
      assert.ok(b.x >= panel.x && b.x + b.width <= panel.x + panel.width + 0.5,
        `${id} [${b.x}, ${b.x + b.width}] is outside the panel [${panel.x}, ${panel.x + panel.width}]`);
      assert.ok(b.x + b.width <= 1280, `${id} runs past the window`);
    }
    // The longest choice, picked, stays inside too.
    await page.getByTestId('log-kind').selectOption('operations');
    const kind = await page.getByTestId('log-kind').boundingBox();
    assert.ok(kind.x + kind.width <= panel.x + panel.width + 0.5, 'log-kind with its longest choice');
    await screenshot(page, `i18n3-${lang}-event-log`);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}

test('?preset=ID opens the design with its lesson selected, as the Presets menu does', async () => {
  const { page, errors } = await open(browser, `${server.url}?preset=multi-az`);
  await page.getByTestId('tab-lessons').click();
  await page.getByTestId('lesson-panel').waitFor();
  const item = page.getByTestId('lesson-item-multi-az');
  assert.equal(await item.getAttribute('aria-current'), 'true');
  assert.match(await page.getByTestId('lesson-title').innerText(), /^5\./);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('zoomed out to compact cards, ids of up to 10 characters are shown whole', async () => {
  const { page, errors } = await open(browser, `${server.url}?preset=zone-outage`);
  await page.getByTestId('component-standby-1').waitFor();
  for (let i = 0; i < 12 && (await page.locator('text.id.compact').count()) === 0; i++) {
    await page.getByTestId('zoom-out').click();
  }
  assert.ok(await page.locator('text.id.compact').count() > 0, 'zooming out makes the cards compact');
  const shown = await page.locator('[data-testid="component-standby-1"] text.id.compact').textContent();
  assert.equal(shown.trim(), 'standby-1');
  // Squeezed into the card: the text ends before the card does.
  const t = await page.locator('[data-testid="component-standby-1"] text.id.compact').boundingBox();
  const card = await page.getByTestId('component-standby-1').boundingBox();
  assert.ok(t.x + t.width <= card.x + card.width + 0.5, `standby-1 runs past its card (${t.x + t.width} > ${card.x + card.width})`);
  await screenshot(page, 'i18n3-compact-cards');
  assert.deepEqual(errors, []);
  await page.context().close();
});
