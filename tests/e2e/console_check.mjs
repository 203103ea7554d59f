// Loads a running lab (any URL, e.g. `scripts/serve.sh --port 8091` then
// `node tests/e2e/console_check.mjs http://127.0.0.1:8091/`), waits until the app is up with the
// default design drawn, and prints every console error and page error; exits 1 if there is one.
// A by-hand check, not a test: `trunk serve` makes its own build, which the test suite does not.
import { launch, open } from './harness.mjs';

const url = process.argv[2] ?? 'http://127.0.0.1:8080/';
const browser = await launch();
try {
  const { page, errors } = await open(browser, url);
  await page.getByTestId('component-app-1').waitFor();
  await page.waitForTimeout(2000);
  console.log(`${url}: ${errors.length} console error(s)`);
  for (const e of errors) console.log(`  ${e}`);
  process.exitCode = errors.length ? 1 : 0;
} finally {
  await browser.close();
}
