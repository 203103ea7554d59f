// Operating the service, watched like a student would: a traffic spike makes the auto-scaling
// group grow on the canvas while the cost meter rises and the queue drains; a rolling deploy of
// a bad version takes one server out at a time until its alarm rolls it back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot, until, chooseLang } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Simulated seconds from the stats bar ("12.3 s" or "2:05.3"). */
function seconds(text) {
  const m = /^(?:(\d+):)?(\d+(?:\.\d+)?)/.exec(text.trim());
  return m ? Number(m[1] ?? 0) * 60 + Number(m[2]) : NaN;
}

/** Everything the live display says now, read in one go so the numbers belong together. */
async function sample(page, tier, lb) {
  return page.evaluate(({ tier, lb }) => {
    const q = (id) => document.querySelector(`[data-testid="${id}"]`);
    const fleet = q(`fleet-${tier}`);
    const targets = q(`targets-${lb}`);
    const cost = q('cost-meter');
    const num = (el, a) => Number(el?.getAttribute(a));
    const alarms = [...document.querySelectorAll('[data-testid^="alarm-"]')]
      .map((a) => ({ id: a.dataset.testid.slice(6), state: a.dataset.state, text: a.textContent }));
    const deploy = q('deploy-0');
    return {
      time: q('sim-time').textContent,
      billed: num(fleet, 'data-billed'),
      inService: num(fleet, 'data-in-service'),
      booting: num(fleet, 'data-booting'),
      draining: num(fleet, 'data-draining'),
      down: num(fleet, 'data-down'),
      newVersion: num(fleet, 'data-new-version'),
      queue: num(fleet, 'data-queue'),
      pips: fleet ? fleet.querySelectorAll('.pip').length : 0,
      text: fleet?.textContent ?? '',
      healthy: num(targets, 'data-healthy'),
      targets: num(targets, 'data-total'),
      perHour: num(cost, 'data-per-hour'),
      soFar: num(cost, 'data-so-far'),
      costText: q('cost-rate')?.textContent ?? '',
      runText: q('cost-run')?.textContent ?? '',
      availability: q('availability')?.textContent ?? '',
      alarms,
      deploy: deploy && { state: deploy.dataset.state, done: Number(deploy.dataset.done), text: deploy.textContent },
    };
  }, { tier, lb });
}

/** Opens a preset from the menu and waits for what only it has (the starting design also has
 * an app-1). */
async function loadPreset(page, id, marker) {
  await page.getByTestId('preset-menu').click();
  await page.getByTestId(`preset-${id}`).click();
  await page.getByTestId(marker).waitFor();
  await page.getByTestId('fleet-app-1').waitFor();
  await page.waitForTimeout(300); // one more panel tick, so every panel shows the preset
}

test('a spike: the group grows on the canvas, the cost per hour rises, the queue grows then drains', async () => {
  const { page, errors } = await open(browser, server.url);
  await loadPreset(page, 'spike-autoscaling', 'alarm-slow');
  const first = await sample(page, 'app-1', 'lb-1');
  // Two servers to start with, both in service, each a pip; the group's bounds are written.
  assert.equal(first.billed, 2);
  assert.equal(first.inService, 2);
  assert.equal(first.pips, 2);
  assert.match(first.text, /2\/2 in service/);
  assert.match(first.text, /min 2 · max 8/);
  assert.equal(first.healthy, 2);
  assert.equal(first.targets, 2);
  assert.match(first.costText, /^\$\d+\.\d\d \/ h · \$[\d,]+ \/ month$/);
  await page.getByTestId('speed').fill('833'); // about 32x
  await page.getByTestId('play').click();
  const samples = [];
  let shot = false;
  await until(async () => {
    const s = await sample(page, 'app-1', 'lb-1');
    samples.push(s);
    if (!shot && s.booting > 0 && s.queue > 0) {
      shot = true;
      await screenshot(page, 'operate-live-spike');
    }
    return seconds(s.time) >= 330;
  }, 60000, 'the spike to pass');
  await page.getByTestId('play').click();
  const most = samples.reduce((m, s) => (s.billed > m.billed ? s : m));
  assert.ok(most.billed > 2, `the group grew (at most ${most.billed} servers)`);
  assert.ok(most.billed <= 8, 'never beyond max');
  assert.equal(most.pips, Math.min(most.billed, 12), 'one pip per billed server');
  assert.ok(Math.max(...samples.map((s) => s.inService)) > 2, 'more servers came into service');
  // The meter follows the servers: per hour grows by one host price per server.
  const rise = most.perHour - first.perHour;
  const perHost = rise / (most.billed - 2);
  assert.ok(rise > 0, 'the cost per hour rose');
  for (const s of samples) {
    const expected = first.perHour + (s.billed - 2) * perHost;
    assert.ok(Math.abs(s.perHour - expected) < 1e-6, `at ${s.time}: ${s.perHour} vs ${expected}`);
  }
  // The queue grows while the new servers boot, then drains once they serve.
  const peak = samples.reduce((m, s, i) => (s.queue > samples[m].queue ? i : m), 0);
  assert.ok(samples[peak].queue > 50, `the queue grew (peak ${samples[peak].queue})`);
  const after = samples.slice(peak).find((s) => s.queue < samples[peak].queue / 10);
  assert.ok(after, 'the queue drained after its peak');
  assert.ok(after.inService > 2, 'drained with more servers in service');
  const last = samples[samples.length - 1];
  assert.ok(last.soFar > first.soFar, 'the run cost something');
  assert.match(last.runText, /this run: \$/);
  assert.match(last.availability, /^\d+(\.\d\d)? %$/);
  assert.ok(shot, 'a sample caught servers booting with a queue');
  assert.deepEqual(errors, []);
});

test('a rolling deploy takes one server out at a time, and the alarm rolls it back', async () => {
  const { page, errors } = await open(browser, server.url);
  await loadPreset(page, 'rolling-bad-deploy', 'deploy-0');
  const first = await sample(page, 'app-1', 'lb-1');
  assert.equal(first.billed, 4);
  assert.equal(first.newVersion, 0);
  assert.equal(first.deploy.state, 'scheduled');
  assert.equal(first.alarms.length, 1);
  // Run at speed to just before the deployment (at 60 s), then watch it one second at a time.
  await page.getByTestId('speed').fill('667'); // 10x
  await page.getByTestId('play').click();
  await until(async () => seconds((await sample(page, 'app-1', 'lb-1')).time) >= 50, 30000, 'time 50 s');
  await page.getByTestId('play').click();
  const samples = [];
  let shot = false;
  let before = await sample(page, 'app-1', 'lb-1');
  for (let k = 0; k < 140; k += 1) {
    await page.getByTestId('step').click();
    const s = await until(async () => {
      const s = await sample(page, 'app-1', 'lb-1');
      return s.time !== before.time && s;
    }, 3000, 'a step');
    // The step and the tray render in the same tick; one more tick makes sure.
    await page.waitForTimeout(260);
    before = await sample(page, 'app-1', 'lb-1');
    samples.push(before);
    if (!shot && before.newVersion > 0 && before.booting + before.draining > 0) {
      shot = true;
      await screenshot(page, 'operate-live-deploy');
    }
    if (before.deploy.state === 'rolled-back') break;
    assert.ok(s);
  }
  const rollback = samples.findIndex((s) => s.deploy.state === 'rolling-back' || s.deploy.state === 'rolled-back');
  assert.ok(rollback > 0, 'the deployment was rolled back');
  const forward = samples.slice(0, rollback);
  for (const s of forward) {
    const out = s.booting + s.draining + s.down;
    assert.ok(out <= 1, `at ${s.time}: ${out} servers out of service with batch 1`);
    assert.equal(s.billed, 4);
    assert.equal(s.healthy <= s.inService, true);
  }
  // New-version servers come back one at a time: the count steps 0 → 1 → 2, never jumps.
  const counts = forward.map((s) => s.newVersion);
  for (let i = 1; i < counts.length; i += 1) {
    assert.ok(Math.abs(counts[i] - counts[i - 1]) <= 1, `new-version count jumped: ${counts.join(',')}`);
  }
  assert.ok(Math.max(...counts) >= 2, `at least two hosts got the new version: ${counts.join(',')}`);
  assert.ok(forward.some((s) => s.booting === 1 && s.newVersion >= 1), 'a server boots the new version');
  assert.ok(forward.some((s) => s.inService === 4 && s.newVersion >= 1), 'it rejoined in service');
  // The alarm fired and the deployment says so, in words.
  const at = samples[rollback];
  assert.equal(at.alarms[0].state, 'alarm');
  assert.match(at.alarms[0].text, /ALARM/);
  assert.match(at.alarms[0].text, /error rate = [\d.]+ % · alarm when > 2.0 % for 2 periods/);
  const last = samples[samples.length - 1];
  assert.equal(last.deploy.state, 'rolled-back');
  assert.match(last.deploy.text, /rolling deploy to app-1: \d\/\d hosts · rolled back/);
  assert.equal(last.newVersion, 0, 'every server is back on the old version');
  assert.ok(/^\d+\.\d\d %$/.test(last.availability) && !last.availability.startsWith('100'));
  assert.deepEqual(errors, []);
});

test('in Korean the tray, the cost meter and the alarms speak Korean', async () => {
  const { page, errors } = await open(browser, server.url);
  await chooseLang(page, 'ko');
  await page.waitForSelector('html[lang=ko]');
  await loadPreset(page, 'spike-autoscaling', 'alarm-slow');
  await page.getByTestId('speed').fill('1000'); // 100x
  await page.getByTestId('play').click();
  const s = await until(async () => {
    const s = await sample(page, 'app-1', 'lb-1');
    return s.billed > 2 && s.booting > 0 && s;
  }, 30000, 'the group to grow');
  await page.getByTestId('play').click();
  await page.waitForTimeout(300);
  await screenshot(page, 'operate-live-ko');
  assert.match(s.text, /서비스 중 \d\/\d/);
  assert.match(s.text, /최소 2 · 최대 8/);
  assert.match(s.costText, /\/ 시간 · .* \/ 월$/);
  assert.match(s.runText, /이번 실행/);
  assert.match(s.alarms[0].text, /(정상|경보|데이터 부족)/);
  assert.deepEqual(errors, []);
});
