// Issue 18: the running lab shows a component's resources apart (cores against workers), and
// the clients' attempts per request, by the text on screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot, until } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the details show CPU and workers apart for an app tier while running', async () => {
  const { page, errors } = await open(browser, server.url);
  await page.getByTestId('tab-inspect').click(); // a first visit opens on the lessons (issue 19)
  await page.getByTestId('play').click();
  // The single server (2 vCPUs, one process in step 1) serves about 166 req/s; ask for 600.
  const input = page.getByTestId('rate');
  await input.fill('600');
  await input.press('Enter');
  const name = page.getByTestId('bottleneck-name');
  await name.waitFor({ timeout: 20000 });
  await name.click(); // selects app-1
  const resources = page.getByTestId('detail-resources');
  await resources.waitFor({ timeout: 5000 });
  const read = async () => {
    const m = (await resources.textContent()).match(/^CPU (\d+) % · workers (\d+) %$/);
    assert.ok(m, `"CPU n % · workers n %", got "${await resources.textContent()}"`);
    return { cpu: Number(m[1]), workers: Number(m[2]) };
  };
  // Saturated: the limiting resource is full, and the two are read apart.
  await until(async () => { const r = await read(); return Math.max(r.cpu, r.workers) >= 90; }, 20000, 'a full resource');
  const r = await read();
  assert.ok(r.cpu >= 0 && r.cpu <= 100 && r.workers >= 0 && r.workers <= 100, JSON.stringify(r));
  // The step-1 users do not retry: one attempt per request.
  assert.equal(await page.getByTestId('attempts-per-request').textContent(), '1.00');
  await resources.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await screenshot(page, 'resources-detail');
  // Every value stays inside the details panel (long ones wrap, none is cut at the edge).
  const spill = await page.getByTestId('detail').evaluate((panel) => {
    const edge = panel.getBoundingClientRect().right;
    return [...panel.querySelectorAll('dd')]
      .filter((dd) => dd.getBoundingClientRect().right > edge + 0.5 || dd.scrollWidth > dd.clientWidth + 1)
      .map((dd) => dd.textContent);
  });
  assert.deepEqual(spill, [], 'values past the panel edge');
  assert.deepEqual(errors, []);
});
