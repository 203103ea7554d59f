// The lab loads with no page errors and its play button toggles.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

test('the lab loads and play toggles to pause', async () => {
  const { page, errors } = await open(browser, server.url);
  const play = page.getByTestId('play');
  assert.equal(await play.textContent(), 'Play');
  await play.click();
  assert.equal(await play.textContent(), 'Pause');
  await page.waitForTimeout(500);
  await screenshot(page, 'smoke-loaded');
  assert.deepEqual(errors, []);
});
