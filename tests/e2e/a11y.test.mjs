// Accessibility and the i18n2 screenshots: every control of the top bar and the side panel is
// reached with Tab, shows where the focus is, and has a name a screen reader can say; picking a
// preset brings its lesson into view; the palette fits a projector; and the lab, a lesson, the
// chaos tab, the share dialog and presentation mode in English and Korean (looked at by a person).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot, chooseLang } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** What a screen reader would call the focused element, its place, and whether focus shows. */
function focused() {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const byIds = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent || '').join(' ');
  const labels = el.labels ? [...el.labels].map((l) => l.textContent).join(' ') : '';
  const name = [byIds, el.getAttribute('aria-label'), labels, el.getAttribute('alt'),
    el.tagName === 'INPUT' ? '' : el.textContent, el.getAttribute('title')]
    .map((s) => (s || '').trim()).find((s) => /[\p{L}\p{N}]/u.test(s)) || '';
  const style = getComputedStyle(el);
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  const where = el.closest('header.top') ? 'top' : el.closest('aside.side') ? 'side'
    : el.closest('.palette-slot') ? 'palette' : 'other';
  const id = el.getAttribute('data-testid') || el.id || el.tagName.toLowerCase();
  return { id, name, ring, where, tag: el.tagName };
}

/** Tabs through the page from its title, returning every control met in `places`. */
async function tabThrough(page, places, max = 260) {
  await page.locator('.topbar h1').click();
  const met = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focused);
    if (!f) break;
    if (places.includes(f.where)) met.push(f);
    if (f.where === 'other' && met.some((m) => m.where === 'side')) break;
  }
  return met;
}

function assertNamedAndVisible(met, lang) {
  const unnamed = met.filter((m) => !m.name).map((m) => m.id);
  assert.deepEqual(unnamed, [], `${lang}: controls without an accessible name`);
  const noRing = met.filter((m) => !m.ring).map((m) => m.id);
  assert.deepEqual(noRing, [], `${lang}: controls whose keyboard focus does not show`);
}

for (const lang of ['en', 'ko']) {
  test(`${lang}: Tab reaches every top-bar, palette and side-panel control, each named and with visible focus`, async () => {
    const { page, context, errors } = await open(browser, server.url);
    await chooseLang(page, lang);
    let met = await tabThrough(page, ['top', 'palette', 'side']);
    const ids = met.map((m) => m.id);
    for (const want of ['play', 'step', 'rate', 'preset-menu', 'share', 'present-toggle', `lang-${lang}`,
      'palette-clients', 'palette-db_replica', 'add-region',
      'tab-inspect', 'tab-chaos', 'tab-lessons']) {
      assert.ok(ids.includes(want), `${lang}: Tab never reached ${want} (met ${ids.join(', ')})`);
    }
    assertNamedAndVisible(met, lang);
    // The other tabs, opened from the keyboard: their controls too.
    for (const tab of ['tab-chaos', 'tab-lessons']) {
      await page.getByTestId(tab).focus();
      await page.keyboard.press('Enter');
      assert.equal(await page.getByTestId(tab).getAttribute('aria-selected'), 'true', `${tab} opens with Enter`);
      met = (await tabThrough(page, ['side'])).filter((m) => !m.id.startsWith('tab-'));
      assert.ok(met.length >= 3, `${lang}: ${tab} has controls reached by Tab (${met.map((m) => m.id)})`);
      assertNamedAndVisible(met, `${lang} ${tab}`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a palette item is added with the keyboard alone (Enter or Space), without starting the run', async () => {
  const { page, context, errors } = await open(browser, server.url);
  const count = () => page.locator('g[data-testid^="component-"]').count();
  const before = await count();
  await page.locator('.topbar h1').click();
  let reached = false;
  for (let i = 0; i < 80 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'palette-app_server');
  }
  assert.ok(reached, 'Tab reaches the App server palette item');
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('g[data-testid^="component-"]').length === n + 1, before);
  await page.getByTestId('palette-app_server').focus();
  await page.keyboard.press(' ');
  await page.waitForFunction((n) => document.querySelectorAll('g[data-testid^="component-"]').length === n + 2, before);
  assert.match(await page.getByTestId('play').innerText(), /Play/, 'Space on the palette did not start the run');
  assert.deepEqual(errors, []);
  await context.close();
});

test('in Korean, a damaged link is refused in Korean, with its reason', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await chooseLang(page, 'ko');
  // An edited design (an unchanged preset is shared as `?preset=ID`, with no payload to damage).
  await page.getByTestId('rate').fill('101');
  await page.getByTestId('rate').press('Enter');
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  await page.getByTestId('share-close').click();
  const payload = url.split('#s=1.')[1];
  const cut = payload.slice(0, Math.floor(payload.length / 2));
  await page.evaluate((u) => { window.location.hash = u.split('#')[1]; }, `${server.url}#s=1.${cut}!!`);
  const n = page.getByTestId('share-notice');
  await n.waitFor();
  assert.match(await n.textContent(), /^이 링크를 열 수 없어 아무것도 불러오지 않았습니다: 링크가 손상되었습니다/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('picking a preset opens its lesson in the side panel', async () => {
  const { page, context, errors } = await open(browser, server.url);
  // A first visit opens on the lessons (issue 19); start from another tab.
  await page.getByTestId('tab-inspect').click();
  assert.equal(await page.getByTestId('tab-inspect').getAttribute('aria-selected'), 'true');
  await page.getByTestId('preset-menu').click();
  await page.getByTestId('preset-zone-outage').click();
  assert.equal(await page.getByTestId('tab-lessons').getAttribute('aria-selected'), 'true');
  await page.getByTestId('lesson-panel').waitFor();
  assert.match(await page.getByTestId('lesson-title').innerText(), /zone/i);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the zone outage design fits without cards over labels, and the palette fits 1280×720', async () => {
  const { page, context, errors } = await open(browser, `${server.url}?preset=zone-outage`);
  await page.getByTestId('fit').click();
  await page.waitForTimeout(300);
  // Cards do not overlap each other, and every name is shown whole.
  const cards = await page.evaluate(() => [...document.querySelectorAll('g[data-testid^="component-"]')]
    .map((n) => { const r = n.getBoundingClientRect(); return { id: n.getAttribute('data-testid'), x: r.x, y: r.y, w: r.width, h: r.height, text: n.textContent }; }));
  assert.ok(cards.length >= 8, `the zone outage design shows its 8 cards (${cards.length})`);
  for (let i = 0; i < cards.length; i++) {
    for (let j = i + 1; j < cards.length; j++) {
      const [p, q] = [cards[i], cards[j]];
      const apart = p.x + p.w <= q.x || q.x + q.w <= p.x || p.y + p.h <= q.y || q.y + q.h <= p.y;
      assert.ok(apart, `${p.id} and ${q.id} overlap`);
    }
  }
  // Fit keeps the full cards (not the compact ones that clip names): "standby-1" is shown whole.
  const shown = await page.evaluate(() => [...document.querySelectorAll('g[data-testid^="component-"] text')]
    .map((t) => t.textContent.trim()));
  assert.ok(shown.includes('standby-1'), `standby-1 is not cut short (${shown.join(' | ')})`);
  await screenshot(page, 'i18n2-zone-outage-fit');
  // Every component of the palette is seen whole without scrolling; the region list below it
  // may scroll into view.
  for (const sel of ['li.palette-item', '[data-testid="add-region"]']) {
    const last = page.locator(`[data-testid="palette"] ${sel}`).last();
    if (!sel.includes('palette-item')) await last.scrollIntoViewIfNeeded();
    const box = await last.boundingBox();
    const slot = await page.locator('.palette-slot').boundingBox();
    assert.ok(box && box.y >= slot.y - 0.5 && box.y + box.height <= slot.y + slot.height + 0.5,
      `the palette's last ${sel} is inside the palette (${JSON.stringify(box)} in ${JSON.stringify(slot)})`);
    assert.ok(box.y + box.height <= 720, `the palette's last ${sel} is on screen`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

for (const lang of ['en', 'ko']) {
  test(`${lang}: screenshots of the lab, a lesson, the chaos tab, the share dialog and presentation mode`, async () => {
    const { page, context, errors } = await open(browser, `${server.url}?preset=zone-outage`);
    await chooseLang(page, lang);
    await page.getByTestId('fit').click();
    await page.getByTestId('play').click();
    await page.waitForTimeout(4000);
    await screenshot(page, `i18n2-${lang}-lab`);
    await page.getByTestId('tab-lessons').click();
    await page.getByTestId('lesson-panel').waitFor();
    await page.getByTestId('lesson-intro').waitFor(); // the words come with a pack
    await screenshot(page, `i18n2-${lang}-lesson`);
    await page.getByTestId('tab-chaos').click();
    await page.waitForTimeout(300);
    await screenshot(page, `i18n2-${lang}-chaos`);
    await page.getByTestId('share').click();
    await page.getByTestId('share-dialog').waitFor();
    await page.getByTestId('share-url').waitFor(); // the browser compresses the link first
    await screenshot(page, `i18n2-${lang}-share`);
    await page.getByTestId('share-close').click();
    await page.getByTestId('present-toggle').click();
    await page.getByTestId('stage').waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, `i18n2-${lang}-present`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
