// In-browser benchmarks (not tests). Usage, after `trunk build --release`:
//
//   node tests/e2e/bench.mjs [seconds]        frame time: opens `?bench=SECONDS`, which runs the
//                                             100-component, 3-region scenario at 20,000 req/s
//                                             at 1x with dots and charts on, and prints the
//                                             JSON the page writes.
//   node tests/e2e/bench.mjs click [clicks]   click latency at 1,000,000 req/s: the default
//                                             design playing at that rate, at 1x and 4x CPU
//                                             slowdown, `clicks` Pause clicks each (default 10).
import { serve, launch, open, screenshot } from './harness.mjs';

const median = (xs) => { const v = [...xs].sort((a, b) => a - b); const m = v.length >> 1; return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2; };
const fmt = (xs) => `median ${median(xs).toFixed(0)} ms, range ${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;

async function frameTime(browser, url, seconds) {
  const { page, errors } = await open(browser, `${url}?bench=${seconds}`);
  const out = page.locator('[data-testid=bench-result][data-done=true]');
  await out.waitFor({ timeout: (seconds + 30) * 1000 });
  await screenshot(page, 'bench');
  const result = JSON.parse(await out.textContent());
  console.log(JSON.stringify(result, null, 2));
  if (errors.length) console.error('page errors:', errors);
}

/**
 * The Pause click's latency while the engine runs a million requests a second: from the
 * pointerdown's own time stamp (when the browser received the input, so waiting behind a
 * running frame counts) to the button reading "Play" (DOM) and to the next animation frame
 * after that (about when it is shown).
 */
async function clickLatency(browser, url, cpu, clicks) {
  const { page, context, errors } = await open(browser, url);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const rate = page.getByTestId('rate');
  await rate.fill('1000000');
  await rate.press('Enter');
  await page.evaluate(() => {
    window.__latency = [];
    let down = null;
    const play = () => document.querySelector('[data-testid=play]');
    document.addEventListener('pointerdown', (e) => {
      if (play()?.contains(e.target) && play().textContent === 'Pause') down = e.timeStamp;
    }, true);
    new MutationObserver(() => {
      if (down === null || play()?.textContent !== 'Play') return;
      const t0 = down;
      const dom = performance.now() - t0;
      down = null;
      requestAnimationFrame(() => window.__latency.push({ dom, frame: performance.now() - t0 }));
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const play = page.getByTestId('play');
  let behind = '';
  for (let i = 0; i < clicks; i++) {
    await play.click();
    // Let the engine run at that rate (and the page say it is behind) before pausing.
    await page.getByTestId('behind').waitFor({ timeout: 60000 });
    await page.waitForTimeout(1500);
    behind = await page.getByTestId('behind').textContent();
    await play.click();
    await page.waitForFunction((n) => window.__latency.length > n, i, { timeout: 60000 });
  }
  const got = await page.evaluate(() => window.__latency);
  console.log(`${cpu}x CPU: Pause click at 1,000,000 req/s (${clicks} clicks; page said "${behind}")`);
  console.log(`  input -> button reads Play: ${fmt(got.map((g) => g.dom))}`);
  console.log(`  input -> next frame:        ${fmt(got.map((g) => g.frame))}`);
  if (errors.length) console.error('page errors:', errors);
  await context.close();
}

const server = await serve();
const browser = await launch();
try {
  if (process.argv[2] === 'click') {
    const clicks = Number(process.argv[3] ?? 10);
    for (const cpu of [1, 4]) await clickLatency(browser, server.url, cpu, clicks);
  } else {
    await frameTime(browser, server.url, Number(process.argv[2] ?? 15));
  }
} finally {
  await browser.close();
  await server.close();
}
