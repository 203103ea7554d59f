// Issue 19, items 2 and 6, driven like an instructor and a first-time student: presentation mode
// on a 1920×1080 projector (the canvas, the live numbers and the card ids measured, a lesson step
// done by keyboard), the share link's QR code full screen (its module size measured from the
// rendered element), and the first five minutes (start here, a lesson loads its design, a
// component shows its properties, New forgets the old design's title and legends).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const W = 1920;
const H = 1080;
/** Pixels per module a phone needs to read the code from 8 m on a 90″ screen (docs/qr-reach.md). */
const PX_PER_MODULE_8M = 21;

/** Presses Tab until the element with this test id has focus (at most `max` presses). */
async function tabTo(page, testid, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const at = await page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
    if (at === testid) return i + 1;
  }
  throw new Error(`Tab never reached ${testid}`);
}

/** What the projector shows, measured: the canvas's box, each live number's computed font size,
 *  and each card id's size on screen (its computed font size times the diagram's zoom). */
function measure(page) {
  return page.evaluate(() => {
    const box = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; };
    const canvas = box(document.querySelector('[data-testid=canvas-area]'));
    const numbers = [...document.querySelectorAll('.stats .stat .value')]
      .filter((v) => v.getClientRects().length > 0)
      .map((v) => ({ id: v.dataset.testid ?? v.parentElement.className, px: parseFloat(getComputedStyle(v).fontSize) }));
    const ids = [...document.querySelectorAll('.component text.id')].map((t) => ({
      id: t.closest('[data-id]').dataset.id,
      px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().a,
      inside: (() => { const r = t.getBoundingClientRect(); return r.left >= canvas.x && r.right <= canvas.x + canvas.w; })(),
    }));
    return { canvas, numbers, ids };
  });
}

test('presentation mode at 1920×1080: the canvas has half the screen, numbers 28 px, card ids 18 px, a step by keyboard', async () => {
  const { page, context, errors } = await open(browser, `${server.url}?preset=multi-az`, { width: W, height: H });
  await page.getByTestId('present-toggle').click();
  await page.waitForSelector('html.presenting');
  await page.getByTestId('stage').waitFor();
  await page.waitForTimeout(300); // the canvas fits the design to its new size
  const m = await measure(page);
  const share = (m.canvas.w * m.canvas.h) / (W * H);
  console.log(`presentation 1920×1080: canvas ${m.canvas.w}×${m.canvas.h} = ${(share * 100).toFixed(1)} % of the screen; `
    + `numbers ${[...new Set(m.numbers.map((n) => n.px))].join('/')} px; card ids ${Math.min(...m.ids.map((i) => i.px)).toFixed(1)}–${Math.max(...m.ids.map((i) => i.px)).toFixed(1)} px`);
  assert.ok(share >= 0.5, `the canvas takes ${(share * 100).toFixed(1)} % of the screen`);
  assert.ok(m.canvas.w >= W / 2, `the canvas is ${m.canvas.w} px wide`);
  assert.ok(m.numbers.length >= 5, 'the live numbers are shown');
  for (const n of m.numbers) assert.ok(n.px >= 28, `${n.id} is ${n.px} px`);
  assert.equal(m.ids.length, 8, 'every card of the design');
  for (const i of m.ids) {
    assert.ok(i.px >= 18, `${i.id}'s id is ${i.px.toFixed(1)} px on screen`);
    assert.ok(i.inside, `${i.id} is inside the canvas`);
  }
  // The editing chrome a demo does not need is gone, and the top bar is one row.
  for (const id of ['palette', 'step', 'seed', 'pattern', 'export', 'import', 'recent']) {
    assert.equal(await page.getByTestId(id).isVisible(), false, `${id} is hidden`);
  }
  const bar = await page.locator('.topbar').boundingBox();
  assert.ok(bar.height <= 60, `the top bar is one row (${bar.height} px)`);
  await screenshot(page, 'stage-1920');

  // Lesson 5, step 2: "Open the Break things tab (B in presentation mode) and kill zone a."
  // The keyboard alone: → to the step, B for the chaos panel, Tab to zone a's kill, Enter.
  await page.getByTestId('stage').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.match(await page.getByTestId('stage-slide').innerText(), /Break things tab \(B in presentation mode\)/);
  await page.keyboard.press('b');
  await page.getByTestId('chaos-panel').waitFor();
  assert.equal(await page.getByTestId('tab-chaos').getAttribute('aria-selected'), 'true');
  const panel = await page.locator('.side').boundingBox();
  const controls = await page.getByTestId('stage-panel-close').boundingBox();
  assert.ok(panel.y + panel.height <= controls.y, 'the panel leaves the stage controls in view');
  await tabTo(page, 'kill-zone-ap-northeast-2a');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid=chaos-zone-ap-northeast-2a]')?.dataset.health === 'down');
  await page.keyboard.press(' '); // Space on the focused button is the button's: nothing else happens
  await screenshot(page, 'stage-1920-chaos');
  // Escape closes the panel first, then leaves.
  await page.keyboard.press('Escape');
  await page.waitForSelector('html.presenting:not(.stage-panel)');
  assert.equal(await page.getByTestId('chaos-panel').isVisible(), false);
  // S selects the components in turn and shows the selected one's properties (a step such as
  // "set processes per server to 1" is then one Tab away); Shift+S goes back.
  await page.getByTestId('stage').focus();
  await page.keyboard.press('s');
  await page.keyboard.press('s');
  await page.keyboard.press('Shift+S');
  await page.waitForSelector('html.stage-panel');
  const selected = await page.$$eval('[data-selected=true]', (cs) => cs.map((c) => c.dataset.id));
  assert.equal(selected.length, 1);
  assert.equal(await page.getByTestId('tab-inspect').getAttribute('aria-selected'), 'true');
  await page.getByTestId(`inspector-${selected[0]}`).waitFor();
  await screenshot(page, 'stage-1920-select');
  await page.keyboard.press('Escape');
  await page.waitForSelector('html.presenting:not(.stage-panel)');
  await page.keyboard.press('Escape');
  await page.waitForSelector('html:not(.presenting)');
  assert.deepEqual(errors, []);
  await context.close();
});

test('show QR fills the screen with large modules for a preset, and Escape closes it', async () => {
  const { page, context, errors } = await open(browser, `${server.url}?preset=multi-az`, { width: W, height: H });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url.slice(0, -1) });
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  // An unchanged preset is shared by its id.
  assert.equal(url, `${server.url}?preset=multi-az`);
  await page.getByTestId('show-qr').click();
  const img = page.getByTestId('qr-big');
  await img.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid=qr-big]')?.naturalWidth > 0);
  const q = await page.evaluate(() => {
    const el = document.querySelector('[data-testid=qr-big]');
    const svg = atob(el.src.split(',')[1]);
    const modules = Number(/viewBox="0 0 (\d+) /.exec(svg)[1]);
    const r = el.getBoundingClientRect();
    return { modules, w: r.width, h: r.height, x: r.x, y: r.y, said: Number(el.dataset.modules) };
  });
  const px = q.w / q.modules;
  console.log(`show QR 1920×1080, ${url.length}-character link: ${q.modules} modules, ${px} px per module, `
    + `${q.w} px square (${(px / PX_PER_MODULE_8M * 8).toFixed(1)} m reach on a 90″ screen)`);
  assert.equal(q.said, q.modules);
  assert.equal(q.w, q.h);
  assert.equal(px, Math.floor(px), 'whole pixels per module');
  assert.ok(px >= PX_PER_MODULE_8M, `${px} px per module reads from 8 m`);
  assert.ok(q.h >= 0.9 * H, `the code is ${q.h} px tall`);
  assert.ok(q.x >= 0 && q.y >= 0 && q.x + q.w <= W && q.y + q.h <= H, 'inside the screen');
  await screenshot(page, 'stage-qr-1920');
  // Escape closes the QR view, back to the dialog; again closes the dialog.
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('qr-view').count(), 0);
  assert.equal(await page.getByTestId('share-dialog').count(), 1);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('share-dialog').count(), 0);

  // From presentation mode: Q opens the code alone; Escape closes it and stays presenting.
  await page.getByTestId('present-toggle').click();
  await page.getByTestId('stage').waitFor();
  await page.keyboard.press('q');
  await page.getByTestId('qr-big').waitFor();
  await page.keyboard.press('Escape');
  assert.equal(await page.getByTestId('qr-view').count(), 0);
  assert.equal(await page.getByTestId('share-dialog').count(), 0);
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('presenting')), true);

  // An edited design keeps its full link: fewer, smaller modules are all it can get (reported).
  await page.keyboard.press('Escape');
  await page.getByTestId('rate').fill('301');
  await page.getByTestId('rate').press('Enter');
  await page.getByTestId('share').click();
  const long = await page.getByTestId('share-url').inputValue();
  assert.match(long, /#s=1\./);
  await page.getByTestId('show-qr').click();
  const l = await page.evaluate(() => {
    const el = document.querySelector('[data-testid=qr-big]');
    return { modules: Number(el.dataset.modules), w: el.getBoundingClientRect().width };
  });
  console.log(`show QR 1920×1080, ${long.length}-character link: ${l.modules} modules, ${l.w / l.modules} px per module`);
  // Its close button goes back to the dialog, like Escape.
  await page.getByTestId('qr-close').click();
  assert.equal(await page.getByTestId('qr-view').count(), 0);
  await page.getByTestId('share-close').click();
  assert.equal(await page.getByTestId('share-dialog').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the first five minutes: start here, a lesson loads its design, a click shows properties, New forgets', async () => {
  const { page, context, errors } = await open(browser, server.url);
  // A first visit lands on lesson 1, with its design open and a visible "start here".
  const start = page.getByTestId('start-here');
  await start.waitFor();
  assert.match(await start.innerText(), /Start here/);
  assert.equal(await page.getByTestId('tab-lessons').getAttribute('aria-selected'), 'true');
  assert.equal(await page.getByTestId('lesson-item-single-server').getAttribute('aria-current'), 'true');
  assert.match(await page.getByTestId('lesson-item-single-server').innerText(), /Start here/);
  assert.equal(await page.getByTestId('scenario-name').textContent(), 'Single server');
  await screenshot(page, 'stage-first-visit');

  // Clicking a lesson in the list loads its design.
  await page.getByTestId('lesson-item-multi-az').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=scenario-name]')?.textContent === 'Two availability zones');
  await page.getByTestId('component-standby-1').waitFor();
  assert.match(await page.getByTestId('lesson-title').innerText(), /^5\./);

  // Clicking a component switches the side panel to its properties.
  const card = await page.getByTestId('component-app-2').boundingBox();
  await page.mouse.click(card.x + 20, card.y + card.height / 2);
  await page.waitForFunction(() => document.querySelector('[data-testid=tab-inspect]')?.getAttribute('aria-selected') === 'true');
  await page.waitForFunction(() => document.querySelector('.side')?.innerText.includes('app-2'));
  await screenshot(page, 'stage-click-shows-properties');

  // New: the title and the chart legends forget the old design.
  const legendBefore = await page.evaluate(() => document.querySelector('[data-testid=chart-utilization]')?.toDataURL());
  await page.getByTestId('new').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=scenario-name]')?.textContent === 'Untitled design');
  await page.waitForFunction((b) => document.querySelector('[data-testid=chart-utilization]')?.toDataURL() !== b, legendBefore);
  // The cost meter too: the empty design costs nothing.
  await page.waitForFunction(() => /^\$0\.00 \/ h/.test(document.querySelector('[data-testid=cost-rate]')?.textContent ?? ''));
  await screenshot(page, 'stage-new');
  assert.deepEqual(errors, []);
  await context.close();
});
