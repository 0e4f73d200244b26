// Takes demo/screenshot.png (used in the README): serves the project, opens the demo in headless
// Chromium, writes a digit on the big pad with real mouse input, waits for the model's answer and
// captures the first screen.
//
//   node scripts/screenshot.mjs                  # demo/screenshot.png, 1200×860
//   FULL=1 OUT=/tmp/full.png node scripts/screenshot.mjs   # whole page, every pad written on (for review)
//   DARK=1 … prefers-color-scheme: dark; DPR=2 … device pixel ratio
// Options are environment variables because scripts/serve.mjs reads its root from argv.
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root); // serve.mjs serves the current directory
const { startServer } = await import('./serve.mjs');

const full = process.env.FULL === '1';
const out = resolve(root, process.env.OUT ?? 'demo/screenshot.png');

/** Strokes in a 100×100 box. Hand-like shapes: a 2 (curved top, flat base), a 7, a 4, a 9, a 1, a 3, a 0, a 6. */
const arc = (cx, cy, r, from, to, n = 24) =>
  Array.from({ length: n + 1 }, (_, i) => {
    const a = ((from + ((to - from) * i) / n) * Math.PI) / 180;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
const SHAPES = {
  2: [[...arc(50, 32, 20, 190, 390), [28, 86], [76, 86]]],
  7: [[[28, 16], [72, 16], [42, 88]]],
  4: [[[60, 10], [26, 62], [78, 62]], [[60, 10], [60, 90]]],
  9: [[...arc(50, 32, 18, 0, -360), [66, 88]]],
  1: [[[36, 28], [54, 12], [54, 88]]],
  3: [[...arc(48, 30, 19, 200, 450), ...arc(48, 67, 21, 270, 500)]],
  0: [Array.from({ length: 33 }, (_, i) => [50 - 22 * Math.sin((i * Math.PI) / 16), 50 - 36 * Math.cos((i * Math.PI) / 16)])], // an upright oval
  6: [[[64, 12], ...arc(48, 66, 20, 200, 560)]],
};

const { server, url } = await startServer(Number(process.env.PORT ?? 8123));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error('page error:', error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') console.error(`console ${message.type()}:`, message.text());
  });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: process.env.DARK === '1' ? 'dark' : 'light' }]);
  await page.setViewport({ width: 1200, height: 860, deviceScaleFactor: Number(process.env.DPR ?? 1) });
  await page.goto(`${url}demo/`, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => customElements.get('digit-pad') && document.querySelector('#big')?.shadowRoot?.querySelector('canvas'));

  /**
   * Writes `text` (a digit, or several side by side on a number pad) on the n-th pad matching
   * `selector` with the mouse; resolves once it is read.
   */
  async function write(selector, index, text) {
    const handle = await page.evaluateHandle((s, i) => document.querySelectorAll(s)[i], selector, index);
    const box = await page.evaluate((pad) => {
      pad.scrollIntoView({ block: 'center' });
      const r = pad.shadowRoot.querySelector('canvas').getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width, h: r.height };
    }, handle);
    const digits = String(text);
    // One digit fills the pad; a number's digits sit in a centred row, each 70 % of the pad high.
    const size = digits.length === 1 ? null : 0.7 * box.h, slot = size && 0.7 * size;
    const recognized = page.evaluate((pad) => new Promise((done) => pad.addEventListener('digit-recognized', (e) => done(e.detail.value ?? String(e.detail.digit)), { once: true })), handle);
    for (const [k, digit] of [...digits].entries()) {
      const left = size ? box.x + box.w / 2 + (k - digits.length / 2) * slot - 0.19 * size : box.x;
      const top = size ? box.y + (box.h - size) / 2 : box.y;
      const at = ([x, y]) => [left + (x / 100) * (size ?? box.w), top + (y / 100) * (size ?? box.h)];
      for (const stroke of SHAPES[digit]) {
        await page.mouse.move(...at(stroke[0]));
        await page.mouse.down();
        for (const point of stroke.slice(1)) await page.mouse.move(...at(point), { steps: 4 });
        await page.mouse.up();
      }
    }
    const read = await recognized;
    if (read !== digits) console.warn(`warning: wrote ${digits} on ${selector}[${index}], the model read ${read}`);
  }

  await write('#big', 0, '2');
  if (full) {
    for (const [i, d] of [...'7491'].entries()) await write('digit-pad[name="pin"]', i, d);
    await write('digit-pad[name="quantity"]', 0, '3');
    await write('digit-pad[name="year"]', 0, '2026');
    await page.click('#pin-form button[type="submit"]');
    for (const [i, d] of [...'749'].entries()) await write('.themes digit-pad', i, d);
  }
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.activeElement?.blur(); // no focus ring in the picture
  });
  await new Promise((done) => setTimeout(done, 400)); // bar transitions settle
  await page.screenshot({ path: out, fullPage: full });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  server.close();
}
