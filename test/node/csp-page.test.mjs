// The demo under a strict Content-Security-Policy in real Chromium: a person writes a digit and it
// is read, with zero console errors, zero CSP violations and no request to another origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import puppeteer from 'puppeteer-core';
import { startServer, CONTENT_SECURITY_POLICY } from '../../scripts/serve.mjs';
import { writeSeven } from '../../scripts/lib/mouse-seven.mjs';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'];

test('demo page: strict CSP, no console errors, same-origin requests only, a written digit is read', async () => {
  const { server, url } = await startServer(Number(process.env.CSP_TEST_PORT ?? 8400));
  const browser = await puppeteer.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    const page = await browser.newPage();
    const problems = [];
    const requests = [];
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => requests.push(request.url()));
    await page.evaluateOnNewDocument(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    const response = await page.goto(`${url}demo/`, { waitUntil: 'load' });
    assert.equal(response.headers()['content-security-policy'], CONTENT_SECURITY_POLICY);
    await page.waitForFunction(() => customElements.get('digit-pad') !== undefined, { timeout: 20_000 });
    const box = await page.evaluate(() => {
      const pad = document.querySelector('digit-pad');
      pad.scrollIntoView();
      const r = pad.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    await writeSeven(page, box);
    await page.waitForFunction(() => document.querySelector('digit-pad').value !== '', { timeout: 30_000 });
    assert.equal(await page.evaluate(() => document.querySelector('digit-pad').value), '7');
    const origin = new URL(url).origin;
    const foreign = requests.filter((r) => !r.startsWith(origin) && !r.startsWith('data:') && !r.startsWith('blob:'));
    assert.deepEqual(foreign, [], 'requests to other origins');
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    server.close();
  }
});
