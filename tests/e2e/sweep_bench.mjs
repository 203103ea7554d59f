// In-browser sweep benchmark (not a test). Usage, after `trunk build --release`:
//
//   node tests/e2e/sweep_bench.mjs [runs]   the two-zone preset (?preset=multi-az), the default
//                                           12-point sweep (10–150 % of the estimated capacity,
//                                           a simulated minute after a 10 s warm-up each), run
//                                           `runs` times (default 5) with the browser's worker
//                                           count, then `runs` times with one worker
//                                           (navigator.hardwareConcurrency made 1).
//
// Wall time is from the Sweep click (the click event's own time stamp) to the moment the 12th
// point is in the page (a MutationObserver on the chart), both on the page's performance clock.
// Events are the engine events of the 12 points, which the panel carries in `data-events`
// (`archlab sweep --json` prints the same total for the same file); events/s is events ÷ wall
// time, so with one worker it is one in-page engine's rate, warm-up and messages included.
import { serve, launch, open } from './harness.mjs';

const median = (xs) => { const v = [...xs].sort((a, b) => a - b); const m = v.length >> 1; return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2; };

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
          done({ ms: performance.now() - start, events: Number(document.querySelector('[data-testid=curve-panel]').dataset.events) });
        }
      }).observe(document.body, { subtree: true, childList: true });
    });
  });
  await page.getByTestId('curve-sweep').click();
  const r = await page.evaluate(() => window.__sweep);
  if (errors.length) console.error('page errors:', errors);
  await context.close();
  return { ...r, workers: Math.min(workers, 4) };
}

const runs = Number(process.argv[2] ?? 5);
const server = await serve();
const browser = await launch();
try {
  for (const oneWorker of [false, true]) {
    const rs = [];
    for (let i = 0; i < runs; i++) rs.push(await sweepOnce(browser, server.url, oneWorker));
    const ms = rs.map((r) => r.ms);
    const evs = rs.map((r) => r.events / (r.ms / 1000));
    console.log(`${rs[0].workers} worker(s): wall ${median(ms).toFixed(0)} ms median (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)}), `
      + `${rs[0].events} events, ${(median(evs) / 1e6).toFixed(2)} M events/s median`);
  }
} finally {
  await browser.close();
  await server.close();
}
