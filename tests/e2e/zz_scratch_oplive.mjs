import { serve, launch } from './harness.mjs';
const server = await serve(); const browser = await launch();
const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 3 });
const page = await context.newPage();
await page.goto(server.url); await page.waitForSelector('.app');
await page.getByTestId('preset-menu').click();
await page.getByTestId('preset-rolling-bad-deploy').click();
await page.getByTestId('deploy-0').waitFor();
await page.getByTestId('speed').fill('667');
await page.getByTestId('play').click();
const secs = async () => { const t = await page.getByTestId('sim-time').textContent(); const m = /^(?:(\d+):)?(\d+(?:\.\d+)?)/.exec(t.trim()); return Number(m[1] ?? 0) * 60 + Number(m[2]); };
while (await secs() < 104) await page.waitForTimeout(50);
await page.getByTestId('play').click();
for (let k = 0; k < 4; k++) {
  await page.getByTestId('step').click(); await page.waitForTimeout(400);
  await page.screenshot({ path: `/tmp/oplive/zoom-${k}.png`, clip: { x: 400, y: 250, width: 320, height: 150 } });
}
await page.screenshot({ path: `/tmp/oplive/bottom.png`, clip: { x: 0, y: 505, width: 940, height: 215 } });
await browser.close(); await server.close();
