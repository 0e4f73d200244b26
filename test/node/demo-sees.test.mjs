// The demo's "What the network sees" section in real Chromium under the strict CSP: a digit written
// with the mouse gets its input, layer maps, filters and evidence maps drawn, and a text alternative.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { startServer } from '../../scripts/serve.mjs';
import { DIGITS } from '../browser/helpers.js';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'];

test('demo: the network-sees section draws maps for a written digit, with no console error or CSP violation', async () => {
  const { server, url } = await startServer(Number(process.env.DEMO_TEST_PORT ?? 8410));
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(`${url}demo/`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('#big')?.shadowRoot?.querySelector('canvas') && document.querySelector('.sees').dataset.state === 'empty', { timeout: 30_000 });

    /** Share of a canvas's pixels that differ from its top-left (background) pixel. */
    const inked = (selector) => page.$eval(selector, (canvas) => {
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      let differ = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - data[0]) + Math.abs(data[i + 1] - data[1]) + Math.abs(data[i + 2] - data[2]) > 30) differ++;
      return differ / (data.length / 4);
    });
    // Before writing: the filters belong to the model and are shown; the input is blank.
    assert.ok(await inked('#sees-filters') > 0.3);
    assert.equal(await inked('#sees-input'), 0);

    const box = await page.evaluate(() => {
      const r = document.querySelector('#big').shadowRoot.querySelector('canvas').getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width, h: r.height };
    });
    const at = ([x, y]) => [box.x + (x / 100) * box.w, box.y + (y / 100) * box.h];
    const [stroke] = DIGITS[7].plain;
    await page.mouse.move(...at(stroke[0]));
    await page.mouse.down();
    for (const point of stroke.slice(1)) await page.mouse.move(...at(point), { steps: 2 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelector('.sees').dataset.state === 'read', { timeout: 60_000 });

    const summary = await page.$eval('#sees-summary', (e) => e.textContent);
    assert.match(summary, /^Read as 7 at \d+ %, runner-up \d at (<1|\d+) %\. The 7's evidence peaks /);
    for (const selector of ['#sees-input', '#sees-evidence-0', '#sees-evidence-1']) {
      assert.ok(await inked(selector) > 0.03, `${selector} shows something`);
    }
    const layers = await page.$$eval('#sees-layers canvas', (canvases) => canvases.map((c) => ({ label: c.getAttribute('aria-label'), role: c.getAttribute('role') })));
    assert.deepEqual(layers.map((l) => l.label.split(':')[0]), ['conv1', 'conv2', 'conv3']);
    assert.ok(layers.every((l) => l.role === 'img' && /maps respond; the strongest are maps \d+, \d+, \d+$/.test(l.label)));
    for (let k = 1; k <= 3; k++) assert.ok(await inked(`#sees-layers canvas:nth-of-type(${k})`) > 0.05, `conv${k} tiles drawn`);
    assert.match(await page.$eval('#sees-layers-text', (e) => e.textContent), /^Which feature maps respond most: conv1: \d+ of 16 maps respond/);

    // Clearing the pad empties the section again.
    await page.evaluate(() => document.querySelector('#big').clear());
    await page.waitForFunction(() => document.querySelector('.sees').dataset.state === 'empty', { timeout: 30_000 });
    assert.equal(await inked('#sees-input'), 0);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    server.close();
  }
});
