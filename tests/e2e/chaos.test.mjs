// Breaking things from the UI: the fault timeline is edited with the mouse and the keyboard,
// the chaos panel kills and revives a zone during a run, the zone's components are marked dead
// in words, and the live numbers show the error spike and the recovery.
//
// Scenario: the zone-outage preset (two zones, a load balancer, app server and database in
// each, DNS in front), loaded from the preset menu, with its own scripted faults removed so
// that the only failure is the one clicked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const ZONE_A = 'zone-ap-northeast-2a';
const IN_ZONE_A = ['lb-1', 'app-1', 'db-1'];
const IN_ZONE_B = ['lb-2', 'app-2', 'standby-1'];

/** Loads the zone-outage preset from the top bar's preset menu, opens the side panel's
 *  "Break things" tab, and removes the preset's scripted faults through the timeline. */
async function loadZoneOutage(page) {
  await page.getByTestId('preset-menu').click();
  await page.getByTestId('preset-zone-outage').click();
  await page.getByTestId('component-standby-1').waitFor(); // the preset's design is on the canvas
  await page.getByTestId('tab-chaos').click();
  const entries = page.getByTestId('timeline-entry');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-entry]').length === 2);
  assert.match(await entries.nth(0).textContent(), /30\.0 s.*Kill zone ap-northeast-2a/);
  assert.match(await entries.nth(1).textContent(), /5:30\.0.*Revive zone ap-northeast-2a/);
  await page.getByTestId('timeline-remove-1').click();
  await page.getByTestId('timeline-remove-0').click();
  await page.getByTestId('timeline-empty').waitFor();
}

const health = (page, slug) => page.getByTestId(`chaos-${slug}`).getAttribute('data-health');
const stateText = (page, slug) => page.getByTestId(`chaos-${slug}`).locator('.chaos-state').textContent();

/** A number shown by the stats panel ("12.34 %", "298 req/s", "41.2 s"). */
async function shown(page, id) {
  const text = await page.getByTestId(id).textContent();
  const v = parseFloat(text.replace(/,/g, ''));
  assert.ok(Number.isFinite(v), `${id} shows a number: ${text}`);
  return v;
}

/** Waits until the number shown under `id` satisfies `ok`, polling like a person reading it. */
async function until(page, id, ok, what, timeoutMs) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    last = await shown(page, id);
    if (ok(last)) return last;
    await page.waitForTimeout(250);
  }
  assert.fail(`${what}: ${id} still ${last} after ${timeoutMs} ms`);
}

test('the fault timeline is listed, drawn and edited', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await loadZoneOutage(page);
  // Add "at 5 s kill lb-2" with the keyboard only: type, pick from the lists, press Enter.
  await page.getByTestId('tl-at').fill('5');
  await page.getByTestId('tl-kind').selectOption({ label: 'Kill' });
  await page.getByTestId('tl-target').selectOption({ label: 'lb-2' });
  await page.getByTestId('tl-at').press('Enter');
  // And "at 12 s add 80 ms between zone a and zone b" with the mouse.
  await page.getByTestId('tl-at').fill('12');
  await page.getByTestId('tl-kind').selectOption({ label: 'Add latency' });
  await page.getByTestId('tl-pair-a').selectOption({ label: 'zone ap-northeast-2a' });
  await page.getByTestId('tl-pair-b').selectOption({ label: 'zone ap-northeast-2b' });
  await page.getByTestId('tl-ms').fill('80');
  await page.getByTestId('timeline-add-button').click();
  const entries = page.getByTestId('timeline-entry');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-entry]').length === 2);
  assert.match(await entries.nth(0).textContent(), /5\.0 s.*Kill lb-2.*to come/);
  assert.match(await entries.nth(1).textContent(), /12\.0 s.*Add 80\.0 ms of round trip between zone ap-northeast-2a and zone ap-northeast-2b/);
  assert.equal(await page.getByTestId('timeline-mark').count(), 2, 'one mark per entry on the strip');
  // A time out of range is refused with a reason, and nothing is added.
  await page.getByTestId('tl-at').fill('-3');
  await page.getByTestId('timeline-add-button').click();
  assert.match(await page.getByTestId('timeline-problem').textContent(), /0 to 86,400/);
  assert.equal(await entries.count(), 2);
  await screenshot(page, 'chaos-timeline-edited');
  // Remove the first with the keyboard.
  await page.getByTestId('timeline-remove-0').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-entry]').length === 1);
  assert.match(await entries.nth(0).textContent(), /Add 80\.0 ms/);
  // A scripted kill plays out: at 1 s lb-2 dies, the entry turns "done", the "now" marker
  // moves past it and the chaos panel shows lb-2 dead.
  await page.getByTestId('tl-at').fill('1');
  await page.getByTestId('tl-kind').selectOption({ label: 'Kill' });
  await page.getByTestId('tl-target').selectOption({ label: 'lb-2' });
  await page.getByTestId('timeline-add-button').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=timeline-entry]').length === 2);
  assert.match(await entries.nth(0).textContent(), /1\.0 s.*Kill lb-2.*to come/);
  await page.getByTestId('play').click();
  await page.waitForFunction(() => /done/.test(document.querySelector('[data-testid=timeline-entry]').textContent), null, { timeout: 10000 });
  assert.ok(Number(await page.getByTestId('timeline-now').getAttribute('data-now-s')) >= 1);
  await page.waitForFunction(() => document.querySelector('[data-testid=chaos-comp-lb-2]')?.dataset.health === 'down');
  await screenshot(page, 'chaos-timeline-played');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the chaos panel lists what can break and marks what it broke, in words', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await loadZoneOutage(page);
  for (const slug of ['region-ap-northeast-2', ZONE_A, 'zone-ap-northeast-2b', 'comp-dns-1',
    ...[...IN_ZONE_A, ...IN_ZONE_B].map((id) => `comp-${id}`)]) {
    assert.equal(await health(page, slug), 'up', slug);
  }
  assert.equal(await page.getByTestId('chaos-comp-users-1').count(), 0, 'users are not a fault target');
  // Keyboard: focus the button, press Space.
  const kill = page.getByTestId(`kill-${ZONE_A}`);
  assert.equal(await kill.getAttribute('aria-label'), 'Kill zone ap-northeast-2a');
  await kill.focus();
  await page.keyboard.press('Space');
  await page.waitForFunction((s) => document.querySelector(`[data-testid=chaos-${s}]`)?.dataset.health === 'down', ZONE_A);
  for (const id of IN_ZONE_A) assert.equal(await stateText(page, `comp-${id}`), 'Down', id);
  // Zone b keeps running (its standby database may show "Degraded" while it takes over).
  for (const id of IN_ZONE_B) assert.notEqual(await stateText(page, `comp-${id}`), 'Down', id);
  assert.equal(await stateText(page, 'comp-lb-2'), 'Up');
  assert.match(await page.getByTestId('chaos-message').textContent(), /Kill zone ap-northeast-2a/);
  // Cut and heal the network between the zones.
  await page.getByTestId('pair-cut').click();
  assert.match(await page.getByTestId('chaos-pair-state').textContent(), /network cut/);
  assert.equal(await page.getByTestId('chaos-broken-pair').count(), 1);
  await screenshot(page, 'chaos-panel-zone-killed');
  await page.getByTestId('mend-pair-0').click();
  assert.match(await page.getByTestId('chaos-pair-state').textContent(), /connected/);
  await page.getByTestId(`revive-${ZONE_A}`).click();
  await page.waitForFunction((s) => document.querySelector(`[data-testid=chaos-${s}]`)?.dataset.health === 'up', ZONE_A);
  for (const id of IN_ZONE_A) assert.equal(await stateText(page, `comp-${id}`), 'Up', id);
  // One host of a tier, and one process: open the tier's list with the keyboard.
  const summary = page.getByTestId('chaos-panel').locator('details summary').nth(1);
  await summary.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('kill-server-app-2-0').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=chaos-server-app-2-0]')?.dataset.health === 'down');
  assert.equal(await stateText(page, 'comp-app-2'), 'Degraded');
  assert.match(await page.getByTestId('chaos-comp-app-2').textContent(), /1\/2 servers up/);
  const proc = page.getByTestId('kill-process-app-2-1-0');
  assert.equal(await proc.getAttribute('aria-label'), 'Kill app-2 server 2 process 1');
  await proc.click();
  assert.match(await page.getByTestId('chaos-message').textContent(), /Applied: Kill app-2 server 2 process 1/);
  await screenshot(page, 'chaos-panel-tier');
  await page.getByTestId('revive-server-app-2-0').click();
  // The host is back; the crashed process restarts only once the run plays (after its delay),
  // so the tier may still read "Degraded".
  await page.waitForFunction(() => document.querySelector('[data-testid=chaos-server-app-2-0]')?.dataset.health === 'up');
  assert.match(await page.getByTestId('chaos-comp-app-2').textContent(), /2\/2 servers up/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('killing a zone during a run shows its components dead, the error spike and the recovery', async () => {
  const { page, context, errors } = await open(browser, server.url);
  await loadZoneOutage(page);
  await page.getByTestId('play').click();
  // Warm up: traffic flows without errors.
  await until(page, 'sim-time', (t) => t >= 4, 'the run advances', 15000);
  const before = { tp: await until(page, 'throughput', (v) => v > 0, 'traffic flows', 10000), err: await shown(page, 'error-rate') };
  assert.ok(before.err < 1, `no errors before the fault (shown ${before.err} %)`);
  const killedAt = await shown(page, 'sim-time');
  await page.getByTestId(`kill-${ZONE_A}`).click();
  // Its components are dead, in words and on the element, while zone b keeps serving.
  await page.waitForFunction((s) => document.querySelector(`[data-testid=chaos-${s}]`)?.dataset.health === 'down', ZONE_A);
  for (const id of IN_ZONE_A) assert.equal(await health(page, `comp-${id}`), 'down', id);
  assert.equal(await health(page, 'comp-lb-2'), 'up');
  // Requests sent into the dead zone fail until the health checks notice.
  const spike = await until(page, 'error-rate', (v) => v >= 10, 'the error rate rises after the kill', 15000);
  const spikeAt = await shown(page, 'sim-time');
  await screenshot(page, 'chaos-run-zone-down');
  await page.getByTestId(`revive-${ZONE_A}`).click();
  await page.waitForFunction((s) => document.querySelector(`[data-testid=chaos-${s}]`)?.dataset.health !== 'down', ZONE_A);
  const after = await until(page, 'error-rate', (v) => v < 1, 'the error rate recovers after the revive', 20000);
  assert.ok(await shown(page, 'throughput') > 0.5 * before.tp, 'throughput comes back');
  await screenshot(page, 'chaos-run-recovered');
  console.log(`killed at ${killedAt} s; error rate ${before.err} % -> ${spike} % (at ${spikeAt} s) -> ${after} %`);
  assert.deepEqual(errors, []);
  await context.close();
});
