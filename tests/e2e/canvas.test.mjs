// The diagram editor driven like a person would: real pointer drags from the palette, handle
// drags to connect, typing in the inspector, keyboard shortcuts. The model is read back from
// the DOM (data attributes the canvas writes from the scenario).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const SEOUL = 'ap-northeast-2';
const TOKYO = 'ap-northeast-1';

async function box(page, testid) {
  const b = await page.getByTestId(testid).boundingBox();
  assert.ok(b, `${testid} is on screen`);
  return b;
}

/** A point inside a zone at fractions (fx, fy) of its width and height. */
async function zonePoint(page, region, zone, fx = 0.5, fy = 0.5) {
  const b = await box(page, `zone-${region}-${zone}`);
  return { x: b.x + b.width * fx, y: b.y + b.height * fy };
}

/** Presses at `from`, moves in small steps to `to`, releases: a real pointer drag. */
async function drag(page, from, to, { steps = 10 } = {}) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 6, from.y + 4, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps });
  await page.mouse.up();
}

async function center(page, testid) {
  const b = await box(page, testid);
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** The middle of a palette item, scrolled into the palette's view first as a person would
 *  (the palette column scrolls at 1280×720). */
async function paletteItem(page, kind) {
  await page.getByTestId(`palette-${kind}`).scrollIntoViewIfNeeded();
  return center(page, `palette-${kind}`);
}

/** Drags a palette item to a screen point; returns the id of the new (selected) component. */
async function place(page, kind, to) {
  const before = await componentIds(page);
  await drag(page, await paletteItem(page, kind), to);
  const after = await componentIds(page);
  const added = after.filter((id) => !before.includes(id));
  assert.equal(added.length, 1, `one ${kind} placed (before ${before}, after ${after})`);
  return added[0];
}

async function componentIds(page) {
  return page.$$eval('[data-testid^="component-"]', (els) => els.map((e) => e.dataset.id));
}

async function zoneOf(page, id) {
  return page.getByTestId(`component-${id}`).getAttribute('data-zone');
}

/** Drags from a component's link handle to the middle of another component. */
async function connect(page, from, to) {
  const h = await page.locator(`[data-testid="component-${from}"] .handle`).boundingBox();
  await drag(page, { x: h.x + h.width / 2, y: h.y + h.height / 2 }, await center(page, `component-${to}`));
}

async function count(page, what) {
  return Number(await page.getByTestId('canvas-root').getAttribute(`data-${what}`));
}

async function select(page, id) {
  const c = await center(page, `component-${id}`);
  await page.mouse.click(c.x - 20, c.y);
  assert.equal(await page.getByTestId(`component-${id}`).getAttribute('data-selected'), 'true');
}

/** Starts from an empty canvas with Seoul (zones a, b, c), fitted to the view. */
async function freshSeoul(page) {
  await page.getByTestId('new').click();
  assert.equal(await count(page, 'components'), 0);
  await page.getByTestId('region-select').selectOption(SEOUL);
  await page.getByTestId('add-region').click();
  await page.getByTestId('fit').click();
  for (const z of ['a', 'b', 'c']) await page.getByTestId(`zone-${SEOUL}-${z}`).waitFor();
}

/** Clients and a load balancer in zone a, an app server in b, a database in c, connected. */
async function threeTier(page) {
  await freshSeoul(page);
  const users = await place(page, 'clients', await zonePoint(page, SEOUL, 'a', 0.5, 0.25));
  const lb = await place(page, 'load_balancer', await zonePoint(page, SEOUL, 'a', 0.5, 0.6));
  const app = await place(page, 'app_server', await zonePoint(page, SEOUL, 'b', 0.5, 0.6));
  const db = await place(page, 'db_primary', await zonePoint(page, SEOUL, 'c', 0.5, 0.6));
  await connect(page, users, lb);
  await connect(page, lb, app);
  await connect(page, app, db);
  return { users, lb, app, db };
}

test('a load balancer and an app server dragged from the palette land in zones a and b', async () => {
  const { page, errors } = await open(browser, server.url);
  // The app opens on the single-server starting point, not on an empty page.
  await page.getByTestId('component-app-1').waitFor();
  await freshSeoul(page);
  const lb = await place(page, 'load_balancer', await zonePoint(page, SEOUL, 'a'));
  assert.equal(lb, 'lb-1');
  // While an item is dragged over a zone, that zone is highlighted as the drop target.
  const dns = await paletteItem(page, 'dns');
  await page.mouse.move(dns.x, dns.y);
  await page.mouse.down();
  const overB = await zonePoint(page, SEOUL, 'b', 0.5, 0.3);
  await page.mouse.move(overB.x, overB.y, { steps: 8 });
  assert.match(await page.getByTestId(`zone-${SEOUL}-b`).getAttribute('class'), /\bdrop\b/);
  assert.doesNotMatch(await page.getByTestId(`zone-${SEOUL}-a`).getAttribute('class'), /\bdrop\b/);
  await page.keyboard.press('Escape'); // cancels the drag: releasing over zone b places nothing
  assert.equal(await page.getByTestId('palette-ghost').count(), 0);
  await page.mouse.up();
  // A click on a palette item, without a drag, says what to do.
  await page.getByTestId('palette-dns').click();
  assert.match(await page.getByTestId('notice').textContent(), /Drag a component/);
  assert.equal(await page.locator('.zone.drop').count(), 0);
  assert.equal(await count(page, 'components'), 1);
  assert.equal(await zoneOf(page, lb), `${SEOUL}/a`);
  const app = await place(page, 'app_server', await zonePoint(page, SEOUL, 'b'));
  assert.equal(await zoneOf(page, app), `${SEOUL}/b`);
  // The new component is selected and shown in the inspector.
  await page.getByTestId(`inspector-${app}`).waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a drop outside every zone is refused with a visible hint', async () => {
  const { page, errors } = await open(browser, server.url);
  await freshSeoul(page);
  const region = await box(page, `region-${SEOUL}`);
  const from = await paletteItem(page, 'app_server');
  // The region's title bar: inside the region, outside every zone.
  const outside = { x: region.x + region.width * 0.75, y: region.y + 8 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(outside.x, outside.y, { steps: 10 });
  assert.equal(await page.getByTestId('drop-hint').textContent(), 'Drop components inside an availability zone');
  await page.mouse.up();
  assert.match(await page.getByTestId('notice').textContent(), /inside an availability zone/);
  assert.equal(await count(page, 'components'), 0);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('client → LB → app → DB connected by dragging from handles', async () => {
  const { page, errors } = await open(browser, server.url);
  const { users, lb, app, db } = await threeTier(page);
  assert.equal(await count(page, 'components'), 4);
  assert.equal(await count(page, 'links'), 3);
  for (const [a, b] of [[users, lb], [lb, app], [app, db]]) {
    await page.getByTestId(`link-${a}-${b}`).waitFor();
  }
  await page.keyboard.press('Escape'); // nothing selected for the picture
  await page.getByTestId('fit').click();
  await screenshot(page, 'canvas-three-tier-1280');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.getByTestId('fit').click();
  await screenshot(page, 'canvas-three-tier-1920');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a link that makes no sense is refused with its reason at the pointer', async () => {
  const { page, errors } = await open(browser, server.url);
  const { users, app, db } = await threeTier(page);
  // App server → clients: shown while dragging, then refused on release.
  const h = await page.locator(`[data-testid="component-${app}"] .handle`).boundingBox();
  const target = await center(page, `component-${users}`);
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x, target.y, { steps: 12 });
  assert.match(await page.getByTestId('canvas-hint').textContent(), /clients/);
  await screenshot(page, 'canvas-refused-link');
  await page.mouse.up();
  assert.match(await page.getByTestId('notice').textContent(), /clients/);
  // A duplicate link is refused too.
  await connect(page, app, db);
  assert.match(await page.getByTestId('notice').textContent(), /already connected/);
  assert.equal(await count(page, 'links'), 3);
  // A link is selected by clicking it, shows its latency and is deleted with Delete.
  const ab = await page.locator(`[data-testid="link-${app}-${db}"] .path`).boundingBox();
  await page.mouse.click(ab.x + ab.width * 0.3, ab.y + ab.height / 2);
  assert.match(await page.getByTestId('inspector-link').textContent(), /1 ms/);
  await page.keyboard.press('Delete');
  assert.equal(await count(page, 'links'), 2);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('processes edited in the inspector: invalid values refused with a message, undo restores', async () => {
  const { page, errors } = await open(browser, server.url);
  const { app } = await threeTier(page);
  const card = page.getByTestId(`component-${app}`);
  const modelBefore = await card.textContent();
  const componentsBefore = await componentIds(page);
  await select(page, app);
  const field = page.getByTestId('field-processes');
  await field.fill('4');
  assert.match(await card.textContent(), /4 processes/);
  for (const bad of ['0', '999', 'many']) {
    await field.fill(bad);
    const err = page.getByTestId('field-error-processes');
    assert.match(await err.textContent(), /between 1 and 64|whole number from 1 to 64/);
    assert.match(await card.textContent(), /4 processes/, `${bad} is not applied`);
  }
  // A tier of several hosts is drawn as a stack.
  assert.equal(await card.locator('.stack').count(), 0);
  await page.getByTestId('field-count').fill('4');
  assert.match(await card.textContent(), /4 × 2 vCPU/);
  assert.equal(await card.locator('.stack').count(), 2);
  await page.getByTestId('field-count').fill('1');
  // Renaming applies on Enter and follows the links.
  await page.getByTestId('field-id').fill('web');
  await page.getByTestId('field-id').press('Enter');
  await page.getByTestId('component-web').waitFor();
  assert.equal(await page.getByTestId(`link-web-db-1`).count(), 1);
  await page.getByTestId('undo').click();
  await page.getByTestId(`component-${app}`).waitFor();
  // A second edit: duplicate the app server.
  await page.mouse.click(5, 300);
  await select(page, app);
  await page.keyboard.press('Control+d');
  assert.equal((await componentIds(page)).length, componentsBefore.length + 1);
  // Undo twice, once with the button and once with the keyboard: back to the start.
  await page.getByTestId('undo').click();
  assert.equal((await componentIds(page)).length, componentsBefore.length);
  await page.keyboard.press('Control+z');
  assert.equal(await card.textContent(), modelBefore);
  assert.deepEqual(await componentIds(page), componentsBefore);
  // And redo brings the edit back.
  await page.keyboard.press('Control+Shift+z');
  assert.match(await card.textContent(), /4 processes/);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('typing into a number field is one undo step; coming back to the field later is another', async () => {
  const { page, errors } = await open(browser, `${server.url}?preset=load-balancer`);
  const card = page.getByTestId('component-app-1');
  await card.click();
  const count = page.getByTestId('field-count');
  // Typed key by key: "1", "10" — one step.
  await count.fill('');
  await count.pressSequentially('10', { delay: 50 });
  assert.match(await card.textContent(), /10 × 2 vCPU/);
  // The student leaves the field (a click on the canvas's empty space), later types 11.
  await page.locator('.topbar h1').click();
  await count.fill('11');
  assert.match(await card.textContent(), /11 × 2 vCPU/);
  await page.getByTestId('undo').click();
  assert.match(await card.textContent(), /10 × 2 vCPU/, 'undo goes back to the earlier visit\'s value');
  await page.getByTestId('undo').click();
  assert.match(await card.textContent(), /4 × 2 vCPU/, 'and then to the preset');
  assert.deepEqual(errors, []);
});

test('a name typed at a person\'s pace is kept while the lab runs, and applied on Enter', async () => {
  const { page, errors } = await open(browser, `${server.url}?preset=single-server`);
  await select(page, 'app-1');
  // Running, the panels refresh several times a second: each refresh used to put "app-1" back.
  await page.getByTestId('play').click();
  const field = page.getByTestId('field-id');
  await field.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('web-1', { delay: 120 });
  await page.waitForTimeout(1000);
  assert.equal(await field.inputValue(), 'web-1', 'the typed name survives the refreshes');
  assert.equal(await page.getByTestId('component-app-1').count(), 1, 'nothing is renamed before Enter');
  await field.press('Enter');
  await page.getByTestId('component-web-1').waitFor();
  assert.equal(await page.getByTestId('component-app-1').count(), 0);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('moving the database into another region changes its link latency in the inspector', async () => {
  const { page, errors } = await open(browser, server.url);
  const { app, db } = await threeTier(page);
  await page.getByTestId('region-select').selectOption(TOKYO);
  await page.getByTestId('add-region').click();
  await page.getByTestId('fit').click();
  await select(page, app);
  const rtt = page.getByTestId(`link-rtt-${app}-${db}`);
  assert.equal(await rtt.getAttribute('data-rtt'), '1'); // zone b → zone c
  // Move within Seoul first: into zone b, next to the app (same zone).
  await drag(page, await center(page, `component-${db}`), await zonePoint(page, SEOUL, 'b', 0.5, 0.85));
  assert.equal(await zoneOf(page, db), `${SEOUL}/b`);
  assert.equal(await page.getByTestId(`link-rtt-${app}-${db}`).getAttribute('data-rtt'), '0.2');
  // Then to Tokyo zone a: a cross-region link (Seoul–Tokyo ≈ 31 ms).
  await drag(page, await center(page, `component-${db}`), await zonePoint(page, TOKYO, 'a'));
  assert.equal(await zoneOf(page, db), `${TOKYO}/a`);
  await select(page, app);
  assert.equal(await page.getByTestId(`link-rtt-${app}-${db}`).getAttribute('data-rtt'), '31');
  assert.match(await page.getByTestId('inspector').textContent(), /cross-region/);
  await screenshot(page, 'canvas-two-regions-1280');
  // Each move was one undo step.
  await page.getByTestId('undo').click();
  assert.equal(await zoneOf(page, db), `${SEOUL}/b`);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('Escape during a move puts the component back', async () => {
  const { page, errors } = await open(browser, server.url);
  const { app } = await threeTier(page);
  const start = await center(page, `component-${app}`);
  const to = await zonePoint(page, SEOUL, 'c', 0.5, 0.2);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  assert.equal(await zoneOf(page, app), `${SEOUL}/c`);
  await page.keyboard.press('Escape');
  await page.mouse.up();
  assert.equal(await zoneOf(page, app), `${SEOUL}/b`);
  const back = await center(page, `component-${app}`);
  assert.ok(Math.abs(back.x - start.x) < 1 && Math.abs(back.y - start.y) < 1);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('rubber band and shift-click select several; Delete removes them; regions ask first', async () => {
  const { page, errors } = await open(browser, server.url);
  const { users, lb, app } = await threeTier(page);
  // Escape clears the selection (the database placed last); then Shift+drag a band around
  // zone a: clients and the load balancer.
  await page.keyboard.press('Escape');
  const za = await box(page, `zone-${SEOUL}-a`);
  await page.keyboard.down('Shift');
  await drag(page, { x: za.x + 3, y: za.y + 3 }, { x: za.x + za.width - 3, y: za.y + za.height - 3 });
  await page.keyboard.up('Shift');
  await page.getByTestId('inspector-multi').waitFor();
  assert.match(await page.getByTestId('inspector-multi').textContent(), /2 selected/);
  // Shift-click adds the app server.
  const c = await center(page, `component-${app}`);
  await page.keyboard.down('Shift');
  await page.mouse.click(c.x - 20, c.y);
  await page.keyboard.up('Shift');
  assert.match(await page.getByTestId('inspector-multi').textContent(), /3 selected/);
  await page.keyboard.press('Delete');
  assert.deepEqual(await componentIds(page), ['db-1']);
  assert.equal(await count(page, 'links'), 0);
  await page.keyboard.press('Control+z');
  assert.deepEqual((await componentIds(page)).sort(), [app, 'db-1', lb, users].sort());
  // Removing a region that holds components asks for confirmation.
  await page.getByTestId(`remove-region-${SEOUL}`).click();
  await page.getByTestId('confirm-removal').waitFor();
  await page.getByTestId('cancel-remove').click();
  assert.equal(await count(page, 'components'), 4);
  await page.getByTestId(`remove-region-${SEOUL}`).click();
  await page.getByTestId('confirm-remove').click();
  assert.equal(await count(page, 'components'), 0);
  assert.equal(await page.getByTestId(`region-${SEOUL}`).count(), 0);
  // A zone can be added and an empty one removed.
  await page.getByTestId('undo').click();
  await page.getByTestId(`add-zone-${SEOUL}`).click();
  await page.getByTestId(`zone-${SEOUL}-d`).waitFor();
  await page.getByTestId(`remove-zone-${SEOUL}-d`).click();
  assert.equal(await page.getByTestId(`zone-${SEOUL}-d`).count(), 0);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('pan by dragging empty space, wheel zoom about the pointer, fit to view', async () => {
  const { page, errors } = await open(browser, server.url);
  await page.getByTestId('component-app-1').waitFor();
  const before = await center(page, 'component-app-1');
  const canvas = await box(page, 'canvas');
  const empty = { x: canvas.x + 20, y: canvas.y + 20 };
  await drag(page, empty, { x: empty.x + 100, y: empty.y + 50 });
  const panned = await center(page, 'component-app-1');
  assert.ok(Math.abs(panned.x - before.x - 100) < 2 && Math.abs(panned.y - before.y - 50) < 2, 'content follows the pointer');
  const zoom0 = await page.getByTestId('zoom-level').textContent();
  await page.mouse.move(panned.x, panned.y);
  await page.mouse.wheel(0, -300);
  await page.waitForFunction((z) => document.querySelector('[data-testid="zoom-level"]').textContent !== z, zoom0);
  const zoomed = await center(page, 'component-app-1');
  assert.ok(Math.abs(zoomed.x - panned.x) < 3 && Math.abs(zoomed.y - panned.y) < 3, 'the point under the pointer stays put');
  // Space+drag pans even when the press lands on a component, which stays in its zone.
  const onApp = await center(page, 'component-app-1');
  await page.keyboard.down('Space');
  await drag(page, { x: onApp.x - 20, y: onApp.y }, { x: onApp.x + 40, y: onApp.y + 30 });
  await page.keyboard.up('Space');
  const spaced = await center(page, 'component-app-1');
  assert.ok(Math.abs(spaced.x - onApp.x - 60) < 3 && Math.abs(spaced.y - onApp.y - 30) < 3, 'space+drag pans');
  assert.equal(await count(page, 'revision'), 0, 'panning changes no model');
  await page.getByTestId('fit').click();
  const fitted = await center(page, 'component-app-1');
  assert.ok(Math.abs(fitted.x - before.x) < 2 && Math.abs(fitted.y - before.y) < 2, 'fit returns to the fitted view');
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('? opens the shortcut list and Escape closes it', async () => {
  const { page, errors } = await open(browser, server.url);
  await page.getByTestId('component-app-1').waitFor();
  await page.keyboard.press('?');
  const list = page.getByTestId('shortcuts');
  await list.waitFor();
  assert.match(await list.textContent(), /Undo/);
  assert.match(await list.textContent(), /Ctrl\/⌘\+Shift\+Z/);
  await screenshot(page, 'canvas-shortcuts');
  await page.keyboard.press('Escape');
  assert.equal(await list.count(), 0);
  assert.deepEqual(errors, []);
  await page.context().close();
});
