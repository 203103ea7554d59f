// Phones and tablets, driven by touch: a student opens a shared design on a 390×844 phone, sees
// all of it, taps Play, taps a component and breaks it, reads the numbers, and pinches to zoom;
// a landscape phone and a portrait tablet keep the canvas clear of the panels. No page may
// scroll sideways.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { serve, launch, open, screenshot, until } from './harness.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** The page's geometry: viewport, scroll width, canvas, dock and every component card. */
const layout = (page) => page.evaluate(() => {
  const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height, right: r.right, bottom: r.bottom }; };
  const q = (s) => document.querySelector(s);
  return {
    vw: innerWidth, vh: innerHeight, scrollWidth: document.documentElement.scrollWidth,
    canvas: box(q('[data-testid=canvas]')),
    dock: box(q('.dashboard .stats')),
    side: box(q('.side')),
    top: box(q('.top')),
    cards: [...document.querySelectorAll('[data-testid^="component-"]')].map((c) => ({ id: c.dataset.id, ...box(c) })),
  };
});

const inside = (r, o) => r.x >= o.x - 0.5 && r.y >= o.y - 0.5 && r.right <= o.right + 0.5 && r.bottom <= o.bottom + 0.5;
const overlaps = (a, b) => a.x < b.right && b.x < a.right && a.y < b.bottom && b.y < a.bottom;
const text = (page, id) => page.getByTestId(id).textContent();
const zoom = async (page) => parseFloat(await text(page, 'zoom-level'));

/** Two touches on the canvas, dispatched as the browser would (pointer events, ids 11 and 12). */
async function pinch(page, from, to, steps = 6) {
  await page.evaluate(({ from, to, steps }) => {
    const svg = document.querySelector('[data-testid=canvas]');
    const r = svg.getBoundingClientRect();
    const fire = (type, id, [x, y]) => svg.dispatchEvent(new PointerEvent(type, {
      pointerId: id, pointerType: 'touch', isPrimary: id === 11, clientX: r.x + x, clientY: r.y + y,
      bubbles: true, cancelable: true, button: type === 'pointermove' ? -1 : 0, buttons: type === 'pointerup' ? 0 : 1,
    }));
    fire('pointerdown', 11, from[0]);
    fire('pointerdown', 12, from[1]);
    for (let i = 1; i <= steps; i++) {
      const at = (k) => [from[k][0] + (to[k][0] - from[k][0]) * i / steps, from[k][1] + (to[k][1] - from[k][1]) * i / steps];
      fire('pointermove', 11, at(0));
      fire('pointermove', 12, at(1));
    }
    fire('pointerup', 12, to[1]);
    fire('pointerup', 11, to[0]);
  }, { from, to, steps });
}

test('a phone shows the whole shared design, plays by tap, breaks a component and pinches to zoom', async () => {
  const { page, errors } = await open(browser, `${server.url}?preset=load-balancer`, { width: 390, height: 844, touch: true });
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="component-"]').length > 0);
  let l = await layout(page);
  assert.ok(l.scrollWidth <= l.vw, `no sideways scroll (${l.scrollWidth} > ${l.vw})`);
  // The canvas comes first, across the screen, and tall enough to read the design.
  assert.ok(l.canvas.w >= 0.9 * l.vw, `canvas ${l.canvas.w} px wide`);
  assert.ok(l.canvas.h >= 0.4 * l.vh && l.canvas.y < 10, `canvas at ${l.canvas.y}, ${l.canvas.h} px tall`);
  // The docked numbers and Play never cover it.
  assert.ok(l.canvas.bottom <= l.dock.y, `canvas ends at ${l.canvas.bottom}, dock at ${l.dock.y}`);
  // Every card on screen, inside the canvas: the design is fitted to it.
  assert.equal(l.cards.length, 4);
  for (const c of l.cards) {
    assert.ok(inside(c, l.canvas), `${c.id} at ${JSON.stringify(c)} outside the canvas ${JSON.stringify(l.canvas)}`);
  }
  assert.ok(!overlaps(l.canvas, l.side) && !overlaps(l.canvas, l.top), 'no panel over the canvas');
  // Play is within a thumb's reach: in the bottom fifth of the screen, on the dock.
  const play = await page.getByTestId('play').boundingBox();
  assert.ok(play.y > l.vh * 0.8 && play.y + play.height <= l.vh, `Play at ${play.y}`);
  assert.ok(play.height >= 40, 'a finger-sized Play button');
  // The dock's numbers read at 12 px or more.
  const small = await page.$$eval('.dashboard .stats .stat', (ss) => ss
    .filter((s) => getComputedStyle(s).display !== 'none')
    .flatMap((s) => [...s.children].map((c) => parseFloat(getComputedStyle(c).fontSize)))
    .filter((px) => px < 12));
  assert.deepEqual(small, []);
  await screenshot(page, 'phone-portrait');

  // Tap Play: the clock and the throughput advance.
  await page.getByTestId('play').tap();
  await until(async () => parseFloat(await text(page, 'sim-time')) >= 2, 20000, 'the clock to advance');
  await until(async () => parseFloat((await text(page, 'throughput')).replace(/,/g, '')) > 0, 20000, 'throughput');
  assert.equal(await text(page, 'error-rate'), '0 %');

  // Tap a card: it is selected and its Kill button is in the Properties tab.
  await page.getByTestId('component-app-1').tap();
  await until(async () => (await page.getByTestId('component-app-1').getAttribute('class')).includes('selected'), 5000, 'app-1 selected');
  await page.getByTestId('kill-comp-app-1').tap();
  // Errors show in the docked numbers, and availability falls below 100 %.
  await until(async () => parseFloat(await text(page, 'error-rate')) > 0, 30000, 'errors after the kill');
  assert.match(await text(page, 'availability'), /^\d+(\.\d+)? %$/);
  assert.ok(parseFloat(await text(page, 'availability')) < 100);
  l = await layout(page);
  assert.ok(l.scrollWidth <= l.vw, `no sideways scroll with the panel open (${l.scrollWidth})`);
  await page.evaluate(() => scrollTo(0, 0));
  await screenshot(page, 'phone-portrait-broken');

  // Two fingers apart: the zoom grows about them; together: it shrinks back.
  const before = await zoom(page);
  await pinch(page, [[150, 200], [240, 200]], [[100, 200], [290, 200]]);
  const bigger = await zoom(page);
  assert.ok(bigger > before * 1.5, `pinch out: ${before}% → ${bigger}%`);
  await pinch(page, [[100, 200], [290, 200]], [[150, 200], [240, 200]]);
  const back = await zoom(page);
  assert.ok(Math.abs(back - before) <= 1, `pinch in: ${bigger}% → ${back}% (started at ${before}%)`);
  // A pinch moves no card and adds no undo step.
  assert.equal(await page.getByTestId('undo').isDisabled(), true);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('every preset opened on a 390×844 phone shows all its cards inside the canvas', async () => {
  // The presets' ids, read from the table the app reads them from.
  const table = await readFile(new URL('../../crates/lab/src/catalog/preset_table.rs', import.meta.url), 'utf8');
  const ids = [...table.matchAll(/^\s+id: "([a-z0-9-]+)",$/gm)].map((m) => m[1]);
  assert.ok(ids.length >= 10, `found ${ids.length} presets`);
  const { page, errors } = await open(browser, server.url, { width: 390, height: 844, touch: true });
  for (const id of ids) {
    await page.goto(`${server.url}?preset=${id}`);
    await page.waitForSelector('.app:not([aria-busy])');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="component-"]').length > 0);
    const l = await layout(page);
    assert.ok(l.scrollWidth <= l.vw, `${id}: no sideways scroll (${l.scrollWidth})`);
    for (const c of l.cards) {
      assert.ok(inside(c, l.canvas), `${id}: ${c.id} at ${JSON.stringify(c)} outside the canvas ${JSON.stringify(l.canvas)}`);
    }
    if (id === 'multi-region') await screenshot(page, 'phone-portrait-multi-region');
  }
  assert.deepEqual(errors, []);
  await page.context().close();
});

for (const [name, width, height] of [['phone-landscape', 844, 390], ['tablet-portrait', 768, 1024]]) {
  test(`a ${name} at ${width}×${height} keeps the canvas clear of the panels and never scrolls sideways`, async () => {
    const { page, errors } = await open(browser, `${server.url}?preset=load-balancer`, { width, height, touch: true });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid^="component-"]').length > 0);
    const l = await layout(page);
    assert.ok(l.scrollWidth <= l.vw, `no sideways scroll (${l.scrollWidth} > ${l.vw})`);
    assert.ok(l.canvas.w >= 0.9 * l.vw, `canvas ${l.canvas.w} px wide`);
    assert.ok(l.canvas.h >= 0.6 * (l.vh - l.dock.h), `canvas ${l.canvas.h} px tall`);
    assert.ok(l.canvas.bottom <= l.dock.y + 0.5, 'the dock is below the canvas');
    assert.ok(!overlaps(l.canvas, l.side) && !overlaps(l.canvas, l.top), 'no panel over the canvas');
    for (const c of l.cards) assert.ok(inside(c, l.canvas), `${c.id} outside the canvas`);
    // Each tab's panel fits the width too.
    for (const tab of ['tab-chaos', 'tab-operate', 'tab-lessons', 'tab-inspect']) {
      await page.getByTestId(tab).tap();
      const sw = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(sw <= l.vw, `${tab}: no sideways scroll (${sw})`);
    }
    await screenshot(page, name);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
}

test('a desktop keeps its three columns', async () => {
  const { page, errors } = await open(browser, `${server.url}?preset=load-balancer`);
  const l = await layout(page);
  // Palette, canvas and side panel side by side; the numbers in the dashboard, not docked.
  assert.ok(l.canvas.x > 100 && l.side.x >= l.canvas.right - 0.5, JSON.stringify([l.canvas, l.side]));
  assert.equal(await page.$eval('.dashboard .stats', (s) => getComputedStyle(s).position), 'static');
  assert.equal(await page.$eval('[data-testid=play]', (s) => getComputedStyle(s).position), 'static');
  assert.deepEqual(errors, []);
  await page.context().close();
});
