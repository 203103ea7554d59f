// Issue 19, items 3 to 5: a canvas that stays readable (no card over another card or its strip,
// ids of 10 px or more, a drop onto a card nudged), connecting and editing like a diagram tool
// (keyboard connect, one-kind multi-selection edits as one undo step), and the failure story
// in the log (repeats folded into one live row, the phase lines kept).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot, until } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const PRESETS = ['single-server', 'separate-db', 'load-balancer', 'processes', 'multi-az', 'multi-region',
  'lb-spof', 'zone-outage', 'db-failover', 'spike-autoscaling', 'rolling-bad-deploy', 'multi-az-cost'];

/** Screen rectangles of every card, every live strip under a card, and the rendered size of
 *  every card id (font size × the SVG's scale). */
async function layout(page) {
  return page.evaluate(() => {
    const rect = (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; };
    const cards = [...document.querySelectorAll('[data-testid^="component-"]')].map((g) => ({
      id: g.dataset.id, card: rect(g.querySelector('rect.card')),
    }));
    const strips = [...document.querySelectorAll('g.fleet')].map((g) => ({
      id: g.dataset.testid.replace(/^(targets|fleet)-/, ''), rect: rect(g),
    }));
    const ids = [...document.querySelectorAll('.component text.id')].map((t) => ({
      id: t.closest('[data-testid^="component-"]').dataset.id,
      px: parseFloat(getComputedStyle(t).fontSize) * t.getScreenCTM().d,
    }));
    return { cards, strips, ids };
  });
}

const overlap = (a, b) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

function checkLayout(name, { cards, strips, ids }) {
  assert.ok(cards.length > 0, name);
  for (const [i, a] of cards.entries()) {
    for (const b of cards.slice(i + 1)) assert.ok(!overlap(a.card, b.card), `${name}: ${a.id} over ${b.id}`);
    for (const s of strips) {
      if (s.id !== a.id) assert.ok(!overlap(a.card, s.rect), `${name}: ${a.id} over the strip of ${s.id}`);
    }
  }
  for (const { id, px } of ids) assert.ok(px >= 10, `${name}: ${id} renders at ${px.toFixed(1)} px`);
}

test('every preset at 1280×720 after Fit: no card over a card or a strip, ids of 10 px or more', async () => {
  for (const id of PRESETS) {
    const { page, context, errors } = await open(browser, `${server.url}?preset=${id}`);
    await page.getByTestId('fit').click();
    await page.waitForTimeout(150);
    checkLayout(id, await layout(page));
    // Running, with the strips drawn from the engine (the trays fill in after the first tick).
    await page.getByTestId('play').click();
    await page.waitForTimeout(1200);
    checkLayout(`${id} running`, await layout(page));
    if (['multi-region', 'multi-az', 'spike-autoscaling'].includes(id)) await screenshot(page, `layout-${id}`);
    assert.deepEqual(errors, [], id);
    await context.close();
  }
});

async function center(page, testid) {
  const b = await page.getByTestId(testid).boundingBox();
  assert.ok(b, `${testid} is on screen`);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

async function drag(page, from, to) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 6, from.y + 4, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

const ids = (page) => page.$$eval('[data-testid^="component-"]', (els) => els.map((e) => e.dataset.id));
const links = async (page) => Number(await page.getByTestId('canvas-root').getAttribute('data-links'));

test('a card dropped onto another, from the palette or moved, leaves both visible', async () => {
  const { page, context, errors } = await open(browser, `${server.url}?preset=load-balancer`);
  const before = await ids(page);
  await page.getByTestId('palette-app_server').scrollIntoViewIfNeeded();
  await drag(page, await center(page, 'palette-app_server'), await center(page, 'component-app-1'));
  const added = (await ids(page)).filter((id) => !before.includes(id));
  assert.equal(added.length, 1, 'one app tier placed');
  let l = await layout(page);
  checkLayout('after the drop', { ...l, ids: [] });
  // Move it back onto db-1: nudged again, one undo step.
  await drag(page, await center(page, `component-${added[0]}`), await center(page, 'component-db-1'));
  l = await layout(page);
  checkLayout('after the move', { ...l, ids: [] });
  await screenshot(page, 'layout-dropped-onto-a-card');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link made from the keyboard: select, c, choose the target; Escape cancels', async () => {
  const { page, context, errors } = await open(browser, `${server.url}?preset=load-balancer`);
  await page.getByTestId('palette-app_server').scrollIntoViewIfNeeded();
  const before = await ids(page);
  await drag(page, await center(page, 'palette-app_server'), await center(page, 'component-app-1'));
  const app2 = (await ids(page)).find((id) => !before.includes(id));
  const n = await links(page);
  // Select lb-1 by clicking it, then `c`.
  const lb = await center(page, 'component-lb-1');
  await page.mouse.click(lb.x - 20, lb.y);
  await page.keyboard.press('c');
  await page.getByTestId('connect-chooser').waitFor();
  // lb-1 already reaches app-1: only the new tier is offered.
  assert.deepEqual(await page.$$eval('.connect-target', (b) => b.map((x) => x.textContent)), [app2]);
  await page.keyboard.press('Escape');
  await until(async () => (await page.getByTestId('connect-chooser').count()) === 0, 2000, 'the list closes');
  assert.equal(await links(page), n, 'Escape made no link');
  // Again, with the arrow keys and Enter.
  await page.keyboard.press('c');
  await page.getByTestId('connect-chooser').waitFor();
  await screenshot(page, 'layout-keyboard-connect');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await until(async () => (await links(page)) === n + 1, 3000, 'the link is made');
  assert.equal(await page.getByTestId('connect-chooser').count(), 0);
  // And by typing the name, from the new tier to the database.
  const a = await center(page, `component-${app2}`);
  await page.mouse.click(a.x - 20, a.y);
  await page.keyboard.press('c');
  await page.getByTestId('connect-filter').fill('db-1');
  await page.keyboard.press('Enter');
  await until(async () => (await links(page)) === n + 2, 3000, 'the second link is made');
  // The `?` sheet lists it.
  await page.keyboard.press('?');
  assert.match(await page.getByTestId('shortcuts').textContent(), /Connect the selected component/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('editing processes of a multi-selection is one undo step', async () => {
  const { page, context, errors } = await open(browser, `${server.url}?preset=multi-az`);
  // The fields a lesson asks for are above the fold at 720 px, one component at a time too.
  for (const [id, keys] of [['app-1', ['processes', 'vcpus']], ['lb-1', ['algorithm']], ['db-1', ['max_connections']]]) {
    const c = await center(page, `component-${id}`);
    await page.mouse.click(c.x - 20, c.y);
    for (const k of keys) {
      const b = await page.getByTestId(`inspector-${id}`).getByTestId(`field-${k}`).boundingBox();
      assert.ok(b && b.y + b.height <= 720, `${id} ${k} at ${b?.y}`);
    }
  }
  const status = (id) => page.locator(`[data-testid="component-${id}"] title`).textContent();
  const a1 = await center(page, 'component-app-1');
  const a2 = await center(page, 'component-app-2');
  await page.mouse.click(a1.x - 20, a1.y);
  await page.keyboard.down('Shift');
  await page.mouse.click(a2.x - 20, a2.y);
  await page.keyboard.up('Shift');
  await page.getByTestId('inspector-shared').waitFor();
  const field = page.getByTestId('inspector-shared').getByTestId('field-processes');
  // Above the fold at 1280×720.
  const fb = await field.boundingBox();
  assert.ok(fb && fb.y + fb.height <= 720, `processes at y ${fb?.y}`);
  const was = [await status('app-1'), await status('app-2')];
  await field.fill('3');
  await field.press('Enter');
  await until(async () => /3 processes/.test(await status('app-1')) && /3 processes/.test(await status('app-2')), 3000, 'both tiers');
  await screenshot(page, 'layout-multi-edit');
  await page.getByTestId('undo').click();
  await until(async () => (await status('app-1')) === was[0] && (await status('app-2')) === was[1], 3000,
    'one undo restores both');
  assert.equal(await page.getByTestId('undo').isDisabled(), true, 'it was one step: nothing more to undo');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the fault log folds the per-second failures and keeps the phase lines', async () => {
  const { page, context, errors } = await open(browser, `${server.url}?preset=db-failover`);
  await page.getByTestId('speed').fill('833'); // about 32x
  await page.getByTestId('play').click();
  // db-1 dies at 30 s; wait until the failure has lasted a while.
  await until(async () => /promoting/i.test(await page.getByTestId('event-log').textContent()), 30000, 'the failover');
  await page.waitForTimeout(1500); // about 45 s more of failures at 32x
  await page.getByTestId('play').click();
  const rows = await page.$$eval('[data-testid=event-log] li', (lis) => lis.map((li) => ({ id: li.dataset.testid, text: li.textContent })));
  const failing = rows.filter((r) => r.id === 'log-failing');
  const perSecond = rows.filter((r) => /in the last second/.test(r.text));
  assert.equal(perSecond.length, 0, 'no per-second lines left');
  assert.ok(failing.length >= 1 && failing.length <= 4, `${failing.length} live rows`);
  assert.match(failing[0].text, /failing: [\d,]+\/s for \d+ s/);
  const phases = rows.filter((r) => r.id === 'log-phase').map((r) => r.text);
  assert.ok(phases.some((t) => /promoting standby \S*standby-1/.test(t)), phases.join('\n'));
  assert.ok(phases.some((t) => /failure/i.test(t) && /Kill db-1/.test(t)), phases.join('\n'));
  // The promotion line is not buried: above it are only the live rows, lines of the story
  // (the balancers taking the hanging tier's hosts out) and each tier's newest "queue full".
  const at = rows.findIndex((r) => /promoting standby \S*standby-1/.test(r.text));
  assert.ok(at >= 0, 'the promotion line is in the log');
  const noise = rows.slice(0, at).filter((r) => r.id === 'log-line' && !/queue full/.test(r.text));
  assert.deepEqual(noise.map((r) => r.text), [], 'lines above the promotion that are not the story');
  const fullLines = rows.slice(0, at).filter((r) => /queue full/.test(r.text) && r.id !== 'log-failing');
  assert.ok(fullLines.length <= 2, `${fullLines.length} queue-full lines above the promotion (one per tier)`);
  await screenshot(page, 'layout-fault-log');
  assert.deepEqual(errors, []);
  await context.close();
});

test("a dead balancer's strip says it routes nothing, not its last healthy count", async () => {
  const { page, context, errors } = await open(browser, `${server.url}?preset=lb-spof`);
  const strip = page.getByTestId('targets-lb-1');
  await until(async () => (await strip.getAttribute('data-healthy')) === '4', 3000, 'healthy 4/4 before');
  await page.getByTestId('speed').fill('833'); // about 32x; lb-1 dies at 30 s
  await page.getByTestId('play').click();
  await until(async () => /down: routes nothing/.test(await strip.textContent()), 20000, 'the dead balancer');
  assert.equal(await strip.getAttribute('data-healthy'), '0');
  assert.doesNotMatch(await strip.textContent(), /healthy 4\/4/);
  await screenshot(page, 'layout-dead-balancer');
  assert.deepEqual(errors, []);
  await context.close();
});
