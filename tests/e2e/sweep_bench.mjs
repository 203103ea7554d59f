// In-browser sweep benchmark (not a test). Usage, after `trunk build --release` and
// `cargo build --release -p archlab-runner`:
//
//   node tests/e2e/sweep_bench.mjs [runs]   the two-zone preset (?preset=multi-az), the default
//                                           12-point sweep (10–150 % of the estimated capacity,
//                                           a simulated minute after a 10 s warm-up each), in
//                                           `runs` rounds (default 5), each of three runs: the
//                                           page with the browser's worker count, the page with
//                                           one worker (navigator.hardwareConcurrency made 1),
//                                           and the native runner on one thread.
//
// Page, wall time: from the Sweep click (the click event's own time stamp) to the moment the 12th
// point is in the page (a MutationObserver on the chart), both on the page's performance clock,
// so it includes starting the workers and the messages. Page, compute time: the sum over the 12
// points of each point's job time, which the worker measures on its own performance clock around
// the lab's `answer` (src/ui/platform/sweep_worker.rs) and the panel sums in `data-compute-ms`.
// Events are the 12 points' engine events (`data-events`). The in-worker rate is events ÷ summed
// compute time: what one worker's engine does per second, whatever the worker count.
//
// Native: `RAYON_NUM_THREADS=1 target/release/archlab sweep scenarios/presets/multi-az.json
// --rates <the page's 12 rates> --seconds 60 --warmup 10 --seed <the preset's> --json`, its
// process's wall time (one thread, so its points one after the other: the same per-point compute
// time summed, plus the process start, a few ms). Same release profile as the wasm (Cargo.toml).
// Each round runs the three one after the other so that the machine's load (os.loadavg, printed)
// falls on all three alike.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { serve, launch, open } from './harness.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const RUNNER = `${ROOT}target/release/archlab`;
const PRESET = `${ROOT}scenarios/presets/multi-az.json`;

const median = (xs) => { const v = [...xs].sort((a, b) => a - b); const m = v.length >> 1; return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2; };
const summary = (xs, f) => `${f(median(xs))} median (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
const mevs = (x) => `${(x / 1e6).toFixed(2)} M`;
const ms = (x) => `${x.toFixed(0)} ms`;

async function sweepOnce(browser, url, oneWorker) {
  const init = oneWorker ? () => Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', { get: () => 1 }) : undefined;
  const { page, context, errors } = await open(browser, `${url}?preset=multi-az`, { init });
  await page.getByTestId('tab-curve').click();
  const workers = await page.evaluate(() => navigator.hardwareConcurrency);
  await page.evaluate(() => {
    window.__sweep = new Promise((done) => {
      let start = null;
      document.querySelector('[data-testid=curve-sweep]').addEventListener('click', (e) => { start = e.timeStamp; }, { capture: true });
      new MutationObserver((_, obs) => {
        const n = document.querySelectorAll('[data-testid=curve-latency] [data-testid=curve-point]').length;
        if (start !== null && n === 12) {
          obs.disconnect();
          done({ ms: performance.now() - start });
        }
      }).observe(document.body, { subtree: true, childList: true });
    });
  });
  await page.getByTestId('curve-sweep').click();
  const { ms: wall } = await page.evaluate(() => window.__sweep);
  // The panel re-renders with the 12th point's numbers right after the chart shows it.
  await page.waitForFunction(() => document.querySelector('[data-testid=curve-panel]').dataset.events !== '0');
  const data = await page.getByTestId('curve-panel').evaluate((el) => ({ ...el.dataset }));
  if (errors.length) console.error('page errors:', errors);
  await context.close();
  const events = Number(data.events);
  const computeMs = Number(data.computeMs);
  if (!(computeMs > 0)) throw new Error(`no compute time from the workers: data-compute-ms=${data.computeMs}`);
  return { wall, events, computeMs, rate: events / (computeMs / 1000), workers: Math.min(workers, 4) };
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
const all = { many: [], one: [], native: [], load: [] };
try {
  for (let i = 0; i < runs; i++) {
    const load = loadavg()[0];
    const many = await sweepOnce(browser, server.url, false);
    const one = await sweepOnce(browser, server.url, true);
    const native = nativeOnce(rates, seed);
    for (const r of [many, one]) {
      if (r.events !== native.events) throw new Error(`the page computed ${r.events} events, the runner ${native.events}: not the same points`);
    }
    console.log(`run ${i + 1} (load ${load.toFixed(2)}): `
      + `page ${many.workers} workers wall ${ms(many.wall)}, compute ${ms(many.computeMs)} → ${mevs(many.rate)} ev/s per worker; `
      + `page 1 worker wall ${ms(one.wall)}, compute ${ms(one.computeMs)} → ${mevs(one.rate)} ev/s; `
      + `native 1 thread ${ms(native.wall)} → ${mevs(native.rate)} ev/s; ${native.events} events`);
    all.many.push(many); all.one.push(one); all.native.push(native); all.load.push(load);
  }
  const nativeRate = median(all.native.map((r) => r.rate));
  const pick = (rs, k) => rs.map((r) => r[k]);
  console.log(`\n${runs} runs, load average ${Math.min(...all.load).toFixed(2)}–${Math.max(...all.load).toFixed(2)}, ${all.native[0].events} events per sweep`);
  for (const [name, rs] of [[`page, ${all.many[0].workers} workers`, all.many], ['page, 1 worker', all.one]]) {
    const wallRate = rs.map((r) => r.events / (r.wall / 1000));
    console.log(`${name}: wall ${summary(pick(rs, 'wall'), ms)}, ${summary(wallRate, mevs)} ev/s of wall time; `
      + `compute ${summary(pick(rs, 'computeMs'), ms)}, in-worker ${summary(pick(rs, 'rate'), mevs)} ev/s `
      + `= ${(median(pick(rs, 'rate')) / nativeRate).toFixed(2)}× native`);
  }
  console.log(`native, 1 thread: wall ${summary(pick(all.native, 'wall'), ms)}, ${summary(pick(all.native, 'rate'), mevs)} ev/s`);
} finally {
  await browser.close();
  await server.close();
}
