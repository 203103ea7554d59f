// Issue #7, branch notice: the share banner follows a language switch made while it is shown,
// and a Korean audit — with the page in Korean, the states a student meets show no English
// words beyond an allow-list with reasons. Screenshots test-output/notice-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot } from './harness.mjs';

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

const HANGUL = /[\uAC00-\uD7A3]/;
const noticeText = (page) => page.getByTestId('notice-text').textContent();

async function pickPreset(page, id) {
  await page.getByTestId('preset-menu').click();
  await page.getByTestId(`preset-${id}`).click();
}

test('the banner is reworded when the language changes while it is shown', async () => {
  const { page, errors } = await open(browser, server.url);
  await pickPreset(page, 'load-balancer');
  const en = await noticeText(page);
  assert.match(en, /^Opened “Load balancer” from the Presets menu\. Your previous work “Single server” was kept/);
  await page.getByTestId('lang-ko').click();
  await page.waitForFunction(() => /[\uAC00-\uD7A3]/.test(document.querySelector('[data-testid=notice-text]')?.textContent));
  const ko = await noticeText(page);
  // The preset names read as their Korean titles; the sentence is Korean.
  assert.match(ko, /“3\. 로드 밸런서와 애플리케이션 서버”/, ko);
  assert.match(ko, /“1\. 단일 서버”/, ko);
  assert.match(ko, /예제 구성 메뉴/, ko);
  assert.doesNotMatch(ko, /[A-Za-z]{3,}/, `no English left: ${ko}`);
  assert.equal(await page.getByTestId('scenario-name').textContent(), '3. 로드 밸런서와 애플리케이션 서버');
  await screenshot(page, 'notice-ko-opened');
  // And back: the very same notice in English again.
  await page.getByTestId('lang-en').click();
  assert.equal(await noticeText(page), en);

  // A refused link: the reason follows the language too.
  await page.evaluate(() => { location.hash = '#s=1.AAAA!!'; });
  await page.waitForFunction(() => !location.hash);
  const bad = await noticeText(page);
  assert.match(bad, /^This link could not be opened, so nothing was loaded: /);
  await page.getByTestId('lang-ko').click();
  await page.waitForFunction(() => /[\uAC00-\uD7A3]/.test(document.querySelector('[data-testid=notice-text]')?.textContent));
  const badKo = await noticeText(page);
  assert.match(badKo, /^이 링크를 열 수 없어 아무것도 불러오지 않았습니다: /, badKo);
  assert.match(badKo, HANGUL);
  await screenshot(page, 'notice-ko-rejected');
  assert.deepEqual(errors, []);
  await page.context().close();
});
