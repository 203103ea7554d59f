// In-browser frame-time benchmark (not a test): opens `?bench=SECONDS`, which runs the
// 100-component, 3-region scenario at 20,000 req/s at 1x with dots and charts on, and prints
// the JSON the page writes. Usage: node tests/e2e/bench.mjs [seconds]
import { serve, launch, open, screenshot } from './harness.mjs';

const seconds = Number(process.argv[2] ?? 15);
const server = await serve();
const browser = await launch();
try {
  const { page, errors } = await open(browser, `${server.url}?bench=${seconds}`);
  const out = page.locator('[data-testid=bench-result][data-done=true]');
  await out.waitFor({ timeout: (seconds + 30) * 1000 });
  await screenshot(page, 'bench');
  const result = JSON.parse(await out.textContent());
  console.log(JSON.stringify(result, null, 2));
  if (errors.length) console.error('page errors:', errors);
} finally {
  await browser.close();
  await server.close();
}
