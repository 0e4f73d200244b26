// Takes demo/sees.png: the big pad and the "What the network sees" section after writing a digit with
// real mouse input, once the evidence maps are drawn. Fails on any console or page error (the page
// runs under the server's strict CSP).
//
//   node scripts/screenshot-sees.mjs                          # demo/sees.png, a 2
//   DARK=1 DIGIT=4 OUT=/tmp/sees-dark.png node scripts/screenshot-sees.mjs
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';
import { DIGITS } from '../test/browser/helpers.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const { startServer } = await import('./serve.mjs');
const out = resolve(root, process.env.OUT ?? 'demo/sees.png');
const digit = process.env.DIGIT ?? '2';

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
  await page.waitForFunction(() => document.querySelector('#big')?.shadowRoot?.querySelector('canvas'));
  const box = await page.evaluate(() => {
    const r = document.querySelector('#big').shadowRoot.querySelector('canvas').getBoundingClientRect();
    return { x: r.left, y: r.top, w: r.width, h: r.height };
  });
  const at = ([x, y]) => [box.x + (x / 100) * box.w, box.y + (y / 100) * box.h];
  for (const stroke of Object.values(DIGITS[digit])[0]) {
    await page.mouse.move(...at(stroke[0]));
    await page.mouse.down();
    for (const point of stroke.slice(1).filter((_, i) => i % 2 === 0)) await page.mouse.move(...at(point));
    await page.mouse.move(...at(stroke.at(-1)));
    await page.mouse.up();
  }
  // The pad may read the first stroke of a two-stroke digit on its own: wait for the whole digit's maps.
  await page.waitForFunction((d) => document.querySelector('.sees').dataset.state === 'read'
    && document.querySelector('#sees-summary').textContent.startsWith(`Read as ${d} `), { timeout: 30_000 }, digit);
  console.log(await page.$eval('#sees-summary', (e) => e.textContent));
  console.log(await page.$eval('.sees', (e) => e.dataset.layers));
  const clip = await page.evaluate(() => {
    document.activeElement?.blur();
    const top = document.querySelector('.hero').getBoundingClientRect();
    const bottom = document.querySelector('.sees').getBoundingClientRect();
    return { x: top.left - 10, y: top.top + window.scrollY - 10, width: top.width + 20, height: bottom.bottom - top.top + 20 };
  });
  await page.screenshot({ path: out, clip, captureBeyondViewport: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
