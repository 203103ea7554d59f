// The running lab, driven like a student would: play, watch the numbers, raise the rate until
// the single server saturates, and push a million requests a second without freezing the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot, until } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The number in a stat such as "1,234 req/s" or "12.5 ms". */
async function value(page, id) {
  const text = await page.getByTestId(id).textContent();
  return parseFloat(text.replace(/[^0-9.]/g, ''));
}

async function setRate(page, rate) {
  const input = page.getByTestId('rate');
  await input.fill(String(rate));
  await input.press('Enter');
}

test('pressing play makes throughput and p95 appear and change', async () => {
  const { page, errors } = await open(browser, server.url);
  assert.equal(await value(page, 'throughput'), 0);
  await page.getByTestId('play').click();
  await until(async () => (await value(page, 'throughput')) > 0, 10000, 'throughput > 0');
  const seen = { throughput: new Set(), p95: new Set() };
  await until(async () => {
    seen.throughput.add(await value(page, 'throughput'));
    seen.p95.add(await value(page, 'p95'));
    return seen.throughput.size > 1 && seen.p95.size > 1;
  }, 15000, 'throughput and p95 to change');
  assert.ok([...seen.p95].every((v) => v > 0 || seen.p95.size > 1), 'p95 is measured');
  await screenshot(page, 'run-playing');
  assert.deepEqual(errors, []);
});

test('an invalid rate is refused with a message and changes nothing', async () => {
  const { page, errors } = await open(browser, server.url);
  const slider = page.getByTestId('rate-slider');
  const before = await slider.inputValue();
  await setRate(page, 'lots');
  await page.getByTestId('rate-error').waitFor();
  await setRate(page, '2000000');
  await page.getByTestId('rate-error').waitFor();
  assert.equal(await slider.inputValue(), before);
  await screenshot(page, 'run-rate-error');
  await setRate(page, '150');
  await page.getByTestId('rate-error').waitFor({ state: 'detached' });
  assert.notEqual(await slider.inputValue(), before);
  assert.deepEqual(errors, []);
});

test('raising the rate saturates the single server and the callout names it', async () => {
  const { page, errors } = await open(browser, server.url);
  await page.getByTestId('tab-inspect').click(); // a first visit opens on the lessons (issue 19)
  await page.getByTestId('play').click();
  await until(async () => (await value(page, 'throughput')) > 0, 10000, 'throughput > 0');
  const callout = page.getByTestId('bottleneck');
  assert.ok((await callout.textContent()).includes('No bottleneck'), await callout.textContent());
  // The single server's one process serves about 83 req/s with a core idle; ask for 600.
  await setRate(page, 600);
  const name = page.getByTestId('bottleneck-name');
  await name.waitFor({ timeout: 20000 });
  assert.match(await name.textContent(), /app-1/);
  assert.match(await page.getByTestId('bottleneck-suggestion').textContent(), /run more processes/);
  // The callout's name selects the component, and the detail panel shows it.
  await name.click();
  await until(async () => (await page.getByTestId('detail').textContent()).includes('app-1'), 2000, 'detail');
  await page.waitForTimeout(1500);
  await screenshot(page, 'run-saturated');
  // Clicking a log entry about a component selects it too.
  await page.locator('[data-testid=event-log] button.entry').first().click();
  assert.match(await page.getByTestId('detail').textContent(), /app-1/);
  assert.deepEqual(errors, []);
});

// Not timed: that the engine hands every frame back within its event budget is tested natively
// (tests/runtime_budget.rs), and the click's latency is a benchmark (`node tests/e2e/bench.mjs
// click`, BENCHMARKS.md). Here: the page stays usable, and a Pause click at that rate stops it.
test('a million requests a second keeps the page usable and Pause stops it', async () => {
  const { page, errors } = await open(browser, server.url);
  await setRate(page, '1,000,000');
  const play = page.getByTestId('play');
  await play.click();
  // The engine cannot do a million a second in real time: the page says how fast it runs.
  await until(async () => /× real time/.test(await page.getByTestId('behind').textContent().catch(() => '')),
    30000, 'the page to say it runs behind');
  await screenshot(page, 'run-million');
  await play.click();
  await until(async () => (await play.textContent()) === 'Play', 30000, 'the pause to take effect');
  // Paused means paused: the simulated clock no longer moves (read after the panels' refresh).
  await page.waitForTimeout(600);
  const clock = await page.getByTestId('sim-time').textContent();
  await page.waitForTimeout(1000);
  assert.equal(await page.getByTestId('sim-time').textContent(), clock);
  assert.deepEqual(errors, []);
});

test('space toggles play, but not while typing in a field', async () => {
  const { page, errors } = await open(browser, server.url);
  const play = page.getByTestId('play');
  await page.locator('.canvas-area').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  await until(async () => (await play.textContent()) === 'Pause', 1000, 'space to play');
  await page.getByTestId('rate').focus();
  await page.keyboard.press('Space');
  await page.waitForTimeout(300);
  assert.equal(await play.textContent(), 'Pause');
  assert.deepEqual(errors, []);
});

/** Counts `clearRect` per canvas (by its test id): each painter clears its canvas to draw. */
function countDraws() {
  window.__draws = {};
  const clear = CanvasRenderingContext2D.prototype.clearRect;
  CanvasRenderingContext2D.prototype.clearRect = function (...args) {
    const id = this.canvas.dataset.testid || '';
    window.__draws[id] = (window.__draws[id] || 0) + 1;
    return clear.apply(this, args);
  };
}

test('a paused lab leaves its overlay alone until something changes', async () => {
  const { page, errors } = await open(browser, server.url, { init: countDraws });
  const draws = () => page.evaluate(() => window.__draws.overlay || 0);
  await page.getByTestId('tab-inspect').click();
  await setRate(page, 20);
  const play = page.getByTestId('play');
  await play.click();
  await until(async () => (await page.getByTestId('sim-time').textContent()) !== '0:00.0', 10000, 'the run moves');
  const playing = await draws();
  await page.waitForTimeout(500);
  assert.ok((await draws()) > playing + 5, 'a playing lab redraws its overlay');
  await play.click();
  // The toolbar follows the pause although the run itself no longer changes.
  await until(async () => (await play.textContent()) === 'Play', 2000, 'the button says Play');
  await page.mouse.move(5, 700); // off the canvas: no hover readout
  await page.waitForTimeout(300);
  const paused = await draws();
  await page.waitForTimeout(1000);
  assert.equal(await draws(), paused, 'a paused lab draws nothing new');
  // A change while paused is drawn (here the language of its labels).
  await page.getByTestId('lang-ko').click();
  await until(async () => (await draws()) > paused, 2000, 'the overlay redrawn in Korean');
  assert.deepEqual(errors, []);
});

test('hovering a component and a chart shows their numbers', async () => {
  const { page, errors } = await open(browser, server.url);
  await page.getByTestId('tab-inspect').click(); // a first visit opens on the lessons (issue 19)
  await setRate(page, 600);
  await page.getByTestId('play').click();
  await page.getByTestId('bottleneck-name').waitFor({ timeout: 20000 });
  // The overlay lets the pointer through; its readout follows the pointer over a box.
  const box = await page.getByTestId('component-app-1').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(300);
  await screenshot(page, 'run-hover-component');
  const chart = await page.getByTestId('chart-latency').boundingBox();
  await page.mouse.move(chart.x + chart.width * 0.5, chart.y + chart.height / 2);
  await page.waitForTimeout(1200);
  await screenshot(page, 'run-hover-chart');
  assert.deepEqual(errors, []);
});

test('the pattern selector shows the parameters of a spike and a ramp', async () => {
  const { page, errors } = await open(browser, server.url);
  await page.getByTestId('pattern').selectOption('spike');
  await page.getByTestId('spike-factor').waitFor();
  await page.getByTestId('spike-at').fill('5');
  await page.getByTestId('spike-at').press('Enter');
  assert.equal(await page.getByTestId('spike-at').inputValue(), '5.0');
  await page.getByTestId('pattern').selectOption('ramp');
  await page.getByTestId('ramp-to').waitFor();
  assert.equal(await page.getByTestId('spike-at').count(), 0);
  // A new seed is kept (and restarts the run); a bad one is refused with a message.
  await page.getByTestId('seed').fill('7');
  await page.getByTestId('seed').press('Enter');
  await page.waitForTimeout(600);
  assert.equal(await page.getByTestId('seed').inputValue(), '7');
  await page.getByTestId('seed').fill('-1');
  await page.getByTestId('seed').press('Enter');
  await page.getByRole('alert').waitFor();
  await screenshot(page, 'run-pattern');
  assert.deepEqual(errors, []);
});

test('a dead load balancer is crossed out, labelled DOWN, and called a single point of failure', async () => {
  // The lb-spof preset kills the only load balancer at 30 s.
  const { page, errors } = await open(browser, `${server.url}?preset=lb-spof`);
  await page.getByTestId('speed').fill('1000'); // 100x
  await page.getByTestId('play').click();
  const name = page.getByTestId('bottleneck-name');
  await until(async () => (await name.count()) && /lb-1/.test(await name.textContent()), 30000, 'lb-1 named');
  assert.match(await page.getByTestId('bottleneck-suggestion').textContent(), /single point of failure/);
  await page.getByTestId('play').click();
  await page.waitForTimeout(300);
  await screenshot(page, 'run-lb-down');
  assert.deepEqual(errors, []);
});

test('during a zone outage with every request failing, the callout speaks of the outage', async () => {
  // The zone-outage preset kills zone a (a balancer, a server and the primary database) at
  // 30 s; the standby database is promoted 60 s later. Meanwhile every request fails.
  const { page, errors } = await open(browser, `${server.url}?preset=zone-outage`);
  await page.getByTestId('speed').fill('1000'); // 100x
  await page.getByTestId('play').click();
  const name = page.getByTestId('bottleneck-name');
  await until(async () => (await name.count()) && /Outage/.test(await name.textContent()), 40000, 'the outage named');
  const text = await page.getByTestId('bottleneck').textContent();
  assert.match(text, /zone a of Seoul/);
  assert.ok(!text.includes('No bottleneck'), text);
  await page.getByTestId('play').click();
  await screenshot(page, 'run-zone-outage');
  assert.deepEqual(errors, []);
});
