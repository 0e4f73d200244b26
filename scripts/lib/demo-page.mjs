// Opens the demo, served by scripts/serve.mjs under its strict CSP, in headless Chromium for the
// screenshot scripts: theme and pixel ratio from DARK=1 / DPR, console errors and warnings and page
// errors collected, and everything closed afterwards. Exits non-zero if the page complained.
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Runs `work(page)` on the demo page once `readySelector`'s pad has its canvas.
 *
 * ```js
 * await withDemoPage('#big', async (page) => { await page.screenshot({ path: 'demo/x.png' }); });
 * ```
 */
export async function withDemoPage(readySelector, work) {
  process.chdir(root); // serve.mjs serves the current directory
  const { startServer } = await import('../serve.mjs');
  const { server, url } = await startServer(Number(process.env.PORT ?? 8123));
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const problems = [];
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: process.env.DARK === '1' ? 'dark' : 'light' }]);
    await page.setViewport({ width: 1200, height: 900, deviceScaleFactor: Number(process.env.DPR ?? 1) });
    await page.goto(`${url}demo/`, { waitUntil: 'networkidle0' });
    await page.waitForFunction((selector) => document.querySelector(selector)?.shadowRoot?.querySelector('canvas'), {}, readySelector);
    await work(page);
  } finally {
    await browser.close();
    server.close();
  }
  if (problems.length) {
    console.error(problems.join('\n'));
    process.exitCode = 1;
  }
}
