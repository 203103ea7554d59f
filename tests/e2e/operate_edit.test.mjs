// Editing operations (issue #9), driven like a person: turn an app tier into an auto-scaling
// group in the inspector (a wrong max shows its error and is fixed), add an alarm and a rolling
// deployment in the Operate tab, "Deploy now" while the lab runs (the run goes on, the event
// log's Operations group shows it), and open the share link in a fresh page to find both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot, until, chooseLang } from './harness.mjs';

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => { await browser?.close(); await server?.close(); });

/** Boxes of the visible elements matching `selector` do not overlap one another. */
async function assertNoOverlap(page, selector) {
  const boxes = await page.$$eval(selector, (els) => els
    .filter((e) => e.offsetParent !== null)
    .map((e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height, t: e.textContent }; }));
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i], b = boxes[j];
      const overlap = a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
      assert.ok(!overlap, `"${a.t}" overlaps "${b.t}"`);
    }
  }
}

test('auto-scaling, an alarm and a rolling deployment are edited, deployed live and shared', async () => {
  const { page, errors } = await open(browser, server.url);
  await page.getByTestId('preset-menu').click();
  await page.getByTestId('preset-load-balancer').click();
  await page.getByTestId('component-app-1').waitFor();
  await page.getByTestId('tab-inspect').click();
  await page.getByTestId('component-app-1').click();
  await page.getByTestId('inspector-app-1').waitFor();

  // The price follows the instance size.
  const price = page.getByTestId('price-line');
  assert.match(await price.textContent(), /\$[\d.]+ \/ h · 4 × m5\.large \(\$0\.118 each\), ap-northeast-2/);
  const before = Number(await price.getAttribute('data-usd-hour'));
  await page.getByTestId('field-size').selectOption('8');
  await until(async () => (await price.textContent()).includes('m5.2xlarge'), 3000, 'the new size');
  await screenshot(page, 'operate-price-en');
  const after = Number(await price.getAttribute('data-usd-hour'));
  assert.ok(Math.abs(after - 4 * before) < 1e-9, `8 vCPU costs 4 × 2 vCPU: ${before} → ${after}`);

  // Auto-scaling on; min 3, then a max below it is refused at the field, then fixed.
  await page.getByTestId('field-autoscaling').click();
  await page.getByTestId('field-autoscaling.min').waitFor();
  await page.getByTestId('field-autoscaling.min').fill('3');
  await page.getByTestId('field-autoscaling.max').fill('2');
  const maxError = page.getByTestId('field-error-autoscaling.max');
  await maxError.waitFor();
  assert.match(await maxError.textContent(), /less than min \(3\)/);
  await screenshot(page, 'operate-inspector-error-en');
  await page.getByTestId('field-autoscaling.max').fill('6');
  await maxError.waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('field-autoscaling.max').inputValue(), '6');
  assert.equal(await page.getByTestId('field-autoscaling.min').inputValue(), '3');
  await page.getByTestId('field-autoscaling.target_cpu_pct').fill('NaN');
  await page.getByTestId('field-error-autoscaling.target_cpu_pct').waitFor();
  await page.getByTestId('field-autoscaling.target_cpu_pct').fill('50');
  await page.getByTestId('field-error-autoscaling.target_cpu_pct').waitFor({ state: 'detached' });
  await screenshot(page, 'operate-inspector-en');
  // The load balancer: its hourly charge and its connection draining.
  await page.getByTestId('component-lb-1').click();
  await page.getByTestId('inspector-lb-1').waitFor();
  assert.match(await page.getByTestId('price-line').textContent(), /\$0\.0225 \/ h · Network Load Balancer, ap-northeast-2/);
  await page.getByTestId('field-deregistration_delay_s').fill('1e12');
  await page.getByTestId('field-error-deregistration_delay_s').waitFor();
  await page.getByTestId('field-deregistration_delay_s').fill('20');
  await page.getByTestId('field-error-deregistration_delay_s').waitFor({ state: 'detached' });
  await screenshot(page, 'operate-lb-en');

  // The Operate tab: an alarm, with a wrong threshold first.
  await page.getByTestId('tab-operate').click();
  await page.getByTestId('operate-panel').waitFor();
  await page.getByTestId('alarm-id').fill('slow');
  await page.getByTestId('alarm-threshold').fill('1e12');
  await page.getByTestId('alarm-save').click();
  await page.getByTestId('op-error-threshold').waitFor();
  assert.equal(await page.getByTestId('alarm-threshold').inputValue(), '1e12', 'the typed text is kept');
  await page.getByTestId('alarm-threshold').fill('300');
  await page.getByTestId('alarm-period').fill('10');
  await page.getByTestId('alarm-evals').fill('2');
  await page.getByTestId('alarm-save').click();
  await page.getByTestId('alarm-row-slow').waitFor();
  assert.match(await page.getByTestId('alarm-row-slow').textContent(), /p95 latency \(ms\) above 300 for 2 × 10 s/);

  // A rolling deployment of a slower version that rolls back on the alarm; batch 0 refused.
  // Blue/green now would need a second fleet this run did not reserve: it says so.
  await page.getByTestId('deploy-strategy').selectOption('blue_green');
  await page.getByTestId('deploy-now').click();
  await until(async () => /schedule it instead/.test(await page.getByTestId('deploy-message').textContent()),
    3000, 'the blue/green refusal');
  await page.getByTestId('deploy-strategy').selectOption('rolling');
  await page.getByTestId('deploy-batch').fill('0');
  await page.getByTestId('deploy-now').click();
  await page.getByTestId('op-error-batch').waitFor();
  await page.getByTestId('deploy-batch').fill('1');
  await page.getByTestId('deploy-boot').fill('5');
  await page.getByTestId('deploy-extra').fill('20');
  await page.getByTestId('deploy-rollback').selectOption('slow');
  await assertNoOverlap(page, '[data-testid=operate-panel] .field, [data-testid=operate-panel] button');

  // Play, then deploy now: recorded at the current simulated time, the run goes on.
  await page.getByTestId('play').click();
  await page.waitForTimeout(2500);
  await page.getByTestId('deploy-now').click();
  const msg = page.getByTestId('deploy-message');
  await until(async () => /Deployed at/.test(await msg.textContent()), 3000, 'the deploy message');
  // The message is kept as what happened, so a language switch rewords it.
  await chooseLang(page, 'ko');
  await until(async () => /[\uAC00-\uD7A3]/.test(await msg.textContent()) && !/Deployed/.test(await msg.textContent()),
    3000, 'the deploy message in Korean');
  await page.getByTestId('lang-en').click();
  await until(async () => /Deployed at/.test(await msg.textContent()), 3000, 'the deploy message in English again');
  const row = page.getByTestId('deploy-row-0');
  await row.waitFor();
  const at = (await row.locator('.op-name').textContent()).trim();
  const atS = Number(at.replace(' s', ''));
  assert.ok(atS >= 1.5, `deployed during the run, at ${at}`);
  assert.match(await row.textContent(), /rolling \(batch 1, pause 0 s\) → app-1 · bad version: 0 % errors, \+20 ms · rolls back on slow/);
  await page.getByTestId('log-kind').selectOption('operations');
  await until(async () => /app-1: rolling deployment of a new version started/.test(
    await page.getByTestId('event-log').textContent()), 5000, 'the deployment in the event log');
  const logged = await page.getByTestId('event-log').textContent();
  assert.ok(logged.includes(at), `the log shows it at ${at}: ${logged}`);
  await page.waitForTimeout(600);
  await screenshot(page, 'operate-tab-en');
  // The run was not restarted: its clock is past the deployment.
  await page.getByTestId('tab-chaos').click();
  const now = Number(await page.getByTestId('timeline-now').getAttribute('data-now-s'));
  assert.ok(now > atS, `still running after the deployment: now ${now} s, deployed at ${atS} s`);
  await page.getByTestId('tab-operate').click();

  // Korean.
  await chooseLang(page, 'ko');
  await page.getByTestId('operate-panel').waitFor();
  assert.match(await page.getByTestId('op-alarms').textContent(), /경보/);
  assert.match(await page.getByTestId('op-deploys').textContent(), /지금 배포/);
  await assertNoOverlap(page, '.side .tab');
  await page.getByTestId('op-deploys').evaluate((e) => e.scrollIntoView());
  await screenshot(page, 'operate-tab-ko');
  await page.getByTestId('op-alarms').evaluate((e) => e.scrollIntoView());
  await screenshot(page, 'operate-alarms-ko');
  await page.getByTestId('tab-inspect').click();
  await page.getByTestId('component-app-1').click();
  await page.getByTestId('inspector-app-1').waitFor();
  assert.match(await page.getByTestId('price-line').textContent(), /시간당 \$[\d.]+ · 4 × m5\.2xlarge \(대당 \$0\.472\)/);
  await screenshot(page, 'operate-inspector-ko');
  await page.getByTestId('lang-en').click();

  // The share link carries the alarm, the group and the deployment at the same time.
  await page.getByTestId('share').click();
  const url = await page.getByTestId('share-url').inputValue();
  const fresh = await open(browser, url);
  await fresh.page.getByTestId('tab-operate').click();
  await screenshot(fresh.page, 'operate-shared-en');
  await fresh.page.getByTestId('alarm-row-slow').waitFor({ timeout: 5000 });
  const freshRow = fresh.page.getByTestId('deploy-row-0');
  assert.equal((await freshRow.locator('.op-name').textContent()).trim(), at);
  assert.match(await freshRow.textContent(), /rolls back on slow/);
  await fresh.page.getByTestId('tab-inspect').click();
  await fresh.page.getByTestId('component-app-1').click();
  assert.equal(await fresh.page.getByTestId('field-autoscaling.max').inputValue(), '6');
  assert.deepEqual(fresh.errors, []);
  await fresh.context.close();
  assert.deepEqual(errors, []);
});
