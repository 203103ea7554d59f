// Issue #7, branch notice: the share banner follows a language switch made while it is shown,
// and a Korean audit — with the page in Korean, the states a student meets show no English
// words beyond an allow-list with reasons. Screenshots test-output/notice-*.png.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, open, screenshot, chooseLang } from './harness.mjs';

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
  await chooseLang(page, 'ko');
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
  await chooseLang(page, 'ko');
  await page.waitForFunction(() => /[\uAC00-\uD7A3]/.test(document.querySelector('[data-testid=notice-text]')?.textContent));
  const badKo = await noticeText(page);
  assert.match(badKo, /^이 링크를 열 수 없어 아무것도 불러오지 않았습니다: /, badKo);
  assert.match(badKo, HANGUL);
  await screenshot(page, 'notice-ko-rejected');
  assert.deepEqual(errors, []);
  await page.context().close();
});

// ---- The Korean audit ---------------------------------------------------------------------

/** Every string a student can read: visible text, the accessible names and tooltips, select
 *  options, SVG titles and what was drawn onto canvases (fillText, recorded by an init script). */
async function readable(page) {
  return page.evaluate(() => {
    const out = [];
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = n.parentElement;
      if (p && !['SCRIPT', 'STYLE'].includes(p.tagName) && shown(p) && n.textContent.trim()) {
        out.push({ s: n.textContent.trim(), where: p.closest('[data-testid]')?.dataset.testid ?? p.tagName });
      }
    }
    for (const el of document.querySelectorAll('[aria-label],[title],[placeholder],[alt]')) {
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push({ s: v, where: `${a} of ${el.dataset.testid ?? el.tagName}` });
      }
    }
    for (const o of document.querySelectorAll('option')) out.push({ s: o.textContent.trim(), where: 'option' });
    for (const t of document.querySelectorAll('svg title')) out.push({ s: t.textContent.trim(), where: 'svg title' });
    for (const d of window.__drawn ?? []) out.push({ s: d, where: 'canvas' });
    window.__drawn = new Set();
    return out;
  });
}

/** ASCII words a Korean reader may meet, each with why it stays. */
const ALLOWED = new Map(Object.entries({
  Archlab: 'product name', AWS: 'product name', RDS: 'product name (the lesson names the service)',
  EN: 'the language switch names English in English', English: 'the same, as its accessible name',
  ms: 'unit', s: 'unit', vCPU: 'unit', CPU: 'unit', p50: 'percentile', p95: 'percentile', p99: 'percentile',
  DNS: 'the book writes DNS', AZ: 'the book writes AZ', TTL: 'DNS term, as the book writes it', GB: 'unit',
  QR: 'QR 코드 is the Korean word', L4: 'layer', L7: 'layer', JSON: 'file format',
  Shift: 'key name', Ctrl: 'key name', Space: 'key name', Esc: 'key name', F: 'key name', T: 'key name',
  Z: 'key name', OK: 'alarm state, glossed in Korean (정상(OK))', ALARM: 'alarm state, glossed (경보(ALARM))',
  fail: 'gloss of the term in parentheses: 장애 시 개방(fail open)', open: 'the same gloss',
  db: 'instance type names (db.m5.large)', slow: 'an alarm id in the preset', errors: 'an alarm id in the preset',
}));

/** Strings of `items` with words outside the allow-list, component ids, region and zone codes,
 *  instance sizes and process labels (P1) set aside. */
function englishLeftovers(items, ids) {
  const bad = [];
  for (const { s, where } of items) {
    let rest = s;
    for (const id of ids) rest = rest.split(id).join(' ');
    rest = rest
      .replace(/\b[a-z]{2}-[a-z]+-\d[a-z]?\b/g, ' ') // ap-northeast-2, us-east-1a
      .replace(/\b[a-z]+\d[a-z]?\.\d*[a-z]+\b/g, ' ') // m5.large, m5.2xlarge
      .replace(/\b[a-z]+-\d+\b/g, ' ') // ids of components no longer on the canvas (chart legends)
      .replace(/\bP\d+\b/g, ' '); // process labels
    const words = (rest.match(/[A-Za-z][A-Za-z']*/g) ?? []).filter((w) => !ALLOWED.has(w) && w.length > 1);
    if (words.length) bad.push(`${where}: “${s.slice(0, 120)}” (${words.join(', ')})`);
  }
  return bad;
}

/** Opens `url` recording every text drawn on a canvas into `window.__drawn`. */
function openRecording(url) {
  return open(browser, url, {
    init: () => {
      window.__drawn = new Set();
      const fill = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (s, ...rest) {
        window.__drawn?.add(String(s));
        return fill.call(this, s, ...rest);
      };
    },
  });
}

test('in Korean, the states a student meets show no English words beyond the allow-list', async () => {
  const { page, context, errors } = await openRecording(`${server.url}?preset=multi-region`);
  await chooseLang(page, 'ko');
  await page.waitForTimeout(300);
  await readable(page); // what was drawn in English before the switch
  const found = [];
  let canvasTexts = 0;
  const audit = async (state) => {
    const ids = await page.$$eval('[data-testid^="component-"]', (cs) => cs.map((c) => c.dataset.id).filter(Boolean));
    await page.waitForTimeout(400); // a panel tick and a few frames
    const texts = await readable(page);
    canvasTexts += texts.filter((x) => x.where === 'canvas').length;
    for (const b of englishLeftovers(texts, ids)) found.push(`${state} · ${b}`);
    await screenshot(page, `notice-ko-${state}`);
  };
  await page.getByTestId('component-lb-1').click();
  await page.getByTestId('play').click();
  await page.waitForTimeout(3000);
  await audit('running-inspect-lb');
  const chart = await page.locator('figure.chart canvas').nth(1).boundingBox();
  await page.mouse.move(chart.x + chart.width / 2, chart.y + chart.height / 2);
  await audit('chart-hover');
  await page.getByTestId('tab-chaos').click();
  await page.locator('[data-testid^="kill-comp-"]').first().click();
  await page.waitForTimeout(1500);
  await audit('break');
  await pickPreset(page, 'rolling-bad-deploy');
  // A new design opens paused: run it until the deployment and its alarm have something to show.
  if ((await page.getByTestId('play').textContent()).includes('재생')) await page.getByTestId('play').click();
  await page.waitForTimeout(3000);
  await page.getByTestId('tab-operate').click();
  await audit('operate');
  await page.getByTestId('tab-lessons').click();
  await audit('learn');
  await page.getByTestId('share').click();
  await audit('share');
  await page.keyboard.press('Escape');
  await page.getByTestId('present-toggle').click();
  await page.keyboard.press('t');
  await audit('present');
  assert.ok(canvasTexts > 0, 'the canvas text was recorded (otherwise the canvas went unchecked)');
  assert.deepEqual(found, [], `English left in the Korean UI:\n${found.join('\n')}`);
  assert.deepEqual(errors, []);
  await context.close();
});
