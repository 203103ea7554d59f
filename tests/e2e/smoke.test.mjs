// The lab loads with no page errors, its play button toggles, and the engine serves requests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the lab loads, play toggles to pause, and requests are served', async () => {
  const { page, errors } = await open(browser, server.url);
  const play = page.getByTestId('play');
  assert.equal(await play.textContent(), 'Play');
  await play.click();
  assert.equal(await play.textContent(), 'Pause');
  const throughput = page.getByTestId('throughput');
  await page.waitForFunction(
    (el) => parseFloat(el.textContent.replace(/[^0-9.]/g, '')) > 0,
    await throughput.elementHandle(),
    { timeout: 10000 },
  );
  await screenshot(page, 'smoke-loaded');
  assert.deepEqual(errors, []);
});
