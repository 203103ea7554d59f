// In-browser sweep benchmark (not a test). Usage, after `trunk build --release` and
// `cargo build --release -p archlab-runner`:
//
//   node tests/e2e/sweep_bench.mjs [runs]   the two-zone preset (?preset=multi-az), the default
//                                           12-point sweep (10–150 % of the estimated capacity,
//                                           a simulated minute after a 10 s warm-up each), in
//                                           `runs` rounds (default 5), each of three runs: a fresh
//                                           page with the browser's worker count, a fresh page
//                                           with one worker (navigator.hardwareConcurrency made
//                                           1), each sweeping twice, and the native runner on one
//                                           thread.
//
// Why twice: V8 runs a fresh wasm module's functions in its baseline compiler (Liftoff) first and
// compiles the hot ones with TurboFan in the background, so a page's first sweep pays for that in
// its first points; the second sweep of the same page finds the optimised code (workers of one
// page share the compiled module). Both are real: a student's first sweep, then every other.
//
// Page, wall time: from the Sweep click (the click event's own time stamp) to the moment the
// panel shows the 12th point's sums (a MutationObserver), both on the page's performance clock,
// so it includes starting the workers and the messages. Page, compute time: the sum over the 12
// points of each point's job time, which the worker measures on its own performance clock around
// the lab's `answer` (src/ui/platform/sweep_worker.rs) and the panel sums in `data-compute-ms`.
// Events are the 12 points' engine events (`data-events`). The in-worker rate is events ÷ summed
// compute time: what one worker's engine does per second, whatever the worker count; "points
// 5–12" is the same over the last 8 points only (past the tier-up in a first sweep).
//
// Native: `RAYON_NUM_THREADS=1 target/release/archlab sweep scenarios/presets/multi-az.json
// --rates <the page's 12 rates> --seconds 60 --warmup 10 --seed <the preset's> --json`, its
// process's wall time (one thread, so its points one after the other: the same per-point compute
// time summed, plus the process start, a few ms). Same release profile as the wasm (Cargo.toml);
// ARCHLAB_RUNNER names another build of the runner.
// Idle: before its first sweep each page is left alone for 1.5 s on the Curve tab (the lab
// paused) and Chromium's own main-thread task time (`Performance.getMetrics`, TaskDuration) is
// read before and after: what the page takes from the cores the workers will need.
// Each round runs the three one after the other so that the machine's load (os.loadavg, printed)
// falls on all three alike. On a shared machine the spread is wide: quote medians with ranges,
// and the best run as the least disturbed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { serve, launch, open } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
// ARCHLAB_RUNNER: another build of the runner (to compare build profiles).
const RUNNER = process.env.ARCHLAB_RUNNER ?? `${ROOT}target/release/archlab`;
const PRESET = `${ROOT}scenarios/presets/multi-az.json`;

const median = (xs) => { const v = [...xs].sort((a, b) => a - b); const m = v.length >> 1; return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2; };
const summary = (xs, f) => `${f(median(xs))} median (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
const mevs = (x) => `${(x / 1e6).toFixed(2)} M`;
const ms = (x) => `${x.toFixed(0)} ms`;

// Runs in the page before the app: makes the browser's worker count 1 if asked, and records
// every point the workers send (its index, events and compute time) as the page hears it, by
// wrapping the `onmessage` handler the pool gives each worker. The per-point figures show V8
// compiling the wasm's hot functions (Liftoff first, TurboFan once they run hot) during the first
// points.
const pageInit = (oneWorker) => {
  if (oneWorker) Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 1 });
  window.__points = [];
  const d = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage');
  Object.defineProperty(Worker.prototype, 'onmessage', {
    get() { return d.get.call(this); },
    set(f) {
      d.set.call(this, (e) => {
        const p = JSON.parse(e.data).point;
        if (p) window.__points.push({ point: p.point, events: p.events, computeMs: p.compute_ms });
        return f(e);
      });
    },
  });
};
/** Points from `FIRST_STEADY` on: past V8's tier-up in each worker (see the per-point figures). */
const FIRST_STEADY = 4;

/** Clicks Sweep and waits until the panel shows all 12 points' sums; what the workers sent. */
async function sweep(page) {
  await page.evaluate(() => {
    window.__points = [];
    const panel = document.querySelector('[data-testid=curve-panel]');
    window.__sweep = new Promise((done) => {
      let start = null;
      document.querySelector('[data-testid=curve-sweep]').addEventListener('click', (e) => { start = e.timeStamp; }, { capture: true, once: true });
      new MutationObserver((_, obs) => {
        const ps = window.__points;
        if (start !== null && ps.length === 12 && Number(panel.dataset.events) === ps.reduce((a, p) => a + p.events, 0)) {
          obs.disconnect();
          done({ wall: performance.now() - start, data: { ...panel.dataset }, points: ps });
        }
      }).observe(panel, { attributes: true, attributeFilter: ['data-events'] });
    });
  });
  await page.getByTestId('curve-sweep').click();
  const { wall, data, points } = await page.evaluate(() => window.__sweep);
  const events = Number(data.events);
  const computeMs = Number(data.computeMs);
  const sum = (ps, k) => ps.reduce((a, p) => a + p[k], 0);
  if (!(computeMs > 0) || Math.abs(sum(points, 'computeMs') - computeMs) > 1e-6 * computeMs) {
    throw new Error(`the panel's compute time is not the points' sum: ${JSON.stringify(points)} vs ${JSON.stringify(data)}`);
  }
  const steady = points.filter((p) => p.point >= FIRST_STEADY);
  const steadyRate = sum(steady, 'events') / (sum(steady, 'computeMs') / 1000);
  return { wall, events, computeMs, rate: events / (computeMs / 1000), steadyRate };
}

/** Main-thread task time (Chromium's own `TaskDuration`) over `IDLE_MS` of a page left alone. */
const IDLE_MS = 1500;
async function idleTaskMs(page, context) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const task = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const before = await task();
  await page.waitForTimeout(IDLE_MS);
  return (await task() - before) * 1000;
}

/** A fresh page (nothing compiled yet) sweeps twice: the first sweep, then the same again. */
async function twoSweeps(browser, url, oneWorker) {
  const init = `(${pageInit})(${oneWorker})`;
  const { page, context, errors } = await open(browser, `${url}?preset=multi-az`, { init });
  await page.getByTestId('tab-curve').click();
  const workers = Math.min(await page.evaluate(() => navigator.hardwareConcurrency), 4);
  idle.push(await idleTaskMs(page, context));
  const first = await sweep(page);
  const again = await sweep(page);
  if (errors.length) console.error('page errors:', errors);
  await context.close();
  return { first: { ...first, workers }, again: { ...again, workers } };
}

function nativeOnce(rates, seed) {
  const args = ['sweep', PRESET, '--rates', rates.join(','), '--seconds', '60', '--warmup', '10', '--seed', String(seed), '--json'];
  const start = performance.now();
  const r = spawnSync(RUNNER, args, { env: { ...process.env, RAYON_NUM_THREADS: '1' }, encoding: 'utf8' });
  const wall = performance.now() - start;
  if (r.status !== 0) throw new Error(`archlab sweep failed: ${r.stderr}`);
  const { events } = JSON.parse(r.stdout);
  return { wall, events, rate: events / (wall / 1000) };
}

if (!existsSync(RUNNER)) throw new Error(`no ${RUNNER}: cargo build --release -p archlab-runner first`);
const runs = Number(process.argv[2] ?? 5);
// The page's 12 rates and seed: the runner's defaults for the file are the lab's defaults, which
// the page uses too (the runner prints them; events are compared below).
const defaults = JSON.parse(spawnSync(RUNNER, ['sweep', PRESET, '--seconds', '0.1', '--warmup', '0', '--json'], { encoding: 'utf8' }).stdout);
const rates = defaults.points.map((p) => p.offered_rps);
const seed = JSON.parse(await (await import('node:fs/promises')).readFile(PRESET, 'utf8')).seed ?? 1;
console.log(`rates: ${rates.join(',')}; seed ${seed}`);

const server = await serve();
const browser = await launch();
const series = new Map();
const add = (name, r) => { if (!series.has(name)) series.set(name, []); series.get(name).push(r); };
const loads = [];
// The page's main-thread task time while it waits on the Curve tab, before each first sweep.
const idle = [];
try {
  for (let i = 0; i < runs; i++) {
    const load = loadavg()[0];
    const many = await twoSweeps(browser, server.url, false);
    const one = await twoSweeps(browser, server.url, true);
    const native = nativeOnce(rates, seed);
    const page = [[`page, ${many.first.workers} workers, first sweep`, many.first], [`page, ${many.again.workers} workers, again`, many.again],
      ['page, 1 worker, first sweep', one.first], ['page, 1 worker, again', one.again]];
    for (const [name, r] of page) {
      if (r.events !== native.events) throw new Error(`${name}: the page computed ${r.events} events, the runner ${native.events}: not the same points`);
      add(name, r);
    }
    add('native, 1 thread', native);
    loads.push(load);
    console.log(`run ${i + 1} (load ${load.toFixed(2)}, ${native.events} events): `
      + page.map(([name, r]) => `${name} wall ${ms(r.wall)}, compute ${ms(r.computeMs)} → ${mevs(r.rate)} ev/s per worker`
        + ` (points ${FIRST_STEADY + 1}–12: ${mevs(r.steadyRate)})`).join('; ')
      + `; native 1 thread ${ms(native.wall)} → ${mevs(native.rate)} ev/s`);
  }
  const nativeRate = median(series.get('native, 1 thread').map((r) => r.rate));
  const pick = (rs, k) => rs.map((r) => r[k]);
  const vsNative = (rs, k) => `${(median(pick(rs, k)) / nativeRate).toFixed(2)}× native`;
  console.log(`\n${runs} runs, load average ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`);
  console.log(`page idle on the Curve tab (paused lab): main-thread tasks ${summary(idle, ms)} per ${IDLE_MS} ms`);
  for (const [name, rs] of series) {
    if (name.startsWith('native')) {
      console.log(`${name}: wall ${summary(pick(rs, 'wall'), ms)}, ${summary(pick(rs, 'rate'), mevs)} ev/s`);
      continue;
    }
    const wallRate = rs.map((r) => r.events / (r.wall / 1000));
    console.log(`${name}: wall ${summary(pick(rs, 'wall'), ms)}, ${summary(wallRate, mevs)} ev/s of wall time; `
      + `compute ${summary(pick(rs, 'computeMs'), ms)}; in-worker ${summary(pick(rs, 'rate'), mevs)} ev/s = ${vsNative(rs, 'rate')}; `
      + `points ${FIRST_STEADY + 1}–12 only ${summary(pick(rs, 'steadyRate'), mevs)} ev/s = ${vsNative(rs, 'steadyRate')}`);
  }
} finally {
  await browser.close();
  await server.close();
}
