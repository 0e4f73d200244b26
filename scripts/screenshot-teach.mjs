// Takes demo/teach.png: the "Teach it your handwriting" section after a short scripted training.
// Writes two samples of every digit on the teach pad with real mouse input, trains, writes a digit on
// the try pad, and captures the section. Then reloads the page and checks that the saved model is
// offered. Fails on any console error or page error (the page runs under the server's strict CSP).
//
//   node scripts/screenshot-teach.mjs            # demo/teach.png
//   DARK=1 OUT=/tmp/teach-dark.png node scripts/screenshot-teach.mjs
import { resolve } from 'node:path';
import { DIGITS } from '../test/browser/helpers.js';
import { root, withDemoPage } from './lib/demo-page.mjs';

const out = resolve(root, process.env.OUT ?? 'demo/teach.png');

await withDemoPage('#teach-pad', async (page) => {
  // Training with no samples: the error shows in the section.
  await page.click('#train');
  await page.waitForFunction(() => document.querySelector('#train-status').classList.contains('error'));
  console.log('no samples →', await page.$eval('#train-status', (e) => e.textContent));

  async function write(selector, strokes) {
    const box = await page.evaluate((s) => {
      const pad = document.querySelector(s);
      pad.scrollIntoView({ block: 'center' });
      const r = pad.shadowRoot.querySelector('canvas').getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width, h: r.height };
    }, selector);
    const at = ([x, y]) => [box.x + (x / 100) * box.w, box.y + (y / 100) * box.h];
    for (const stroke of strokes) {
      await page.mouse.move(...at(stroke[0]));
      await page.mouse.down();
      for (const point of stroke.slice(1).filter((_, i) => i % 2 === 0)) await page.mouse.move(...at(point));
      await page.mouse.move(...at(stroke.at(-1)));
      await page.mouse.up();
    }
  }

  for (let round = 0; round < 2; round++) {
    for (let digit = 0; digit < 10; digit++) {
      const styles = Object.values(DIGITS[digit]);
      await write('#teach-pad', styles[round % styles.length]);
      await page.click('#add-sample');
    }
  }
  console.log('samples →', await page.$eval('#train-status', (e) => e.textContent));

  const t0 = Date.now();
  await page.click('#train');
  await page.waitForFunction(() => !document.querySelector('#train-progress').hidden || document.querySelector('#train-status').classList.contains('ok'));
  await page.waitForFunction(() => document.querySelector('#train-status').classList.contains('ok')
    || document.querySelector('#train-status').classList.contains('error'), { timeout: 120_000 });
  console.log(`trained in ${((Date.now() - t0) / 1000).toFixed(1)} s →`, await page.$eval('#train-status', (e) => e.textContent));
  console.log('compare →', await page.$$eval('.compare-row', (rows) => rows.map((r) => r.textContent.replace(/\s+/g, ' ').trim())));

  await write('#try-pad', DIGITS[3]['two round bumps']);
  await page.waitForFunction(() => document.querySelector('#try-pad').result !== null, { timeout: 10_000 });
  console.log('try pad →', await page.$eval('#try-pad', (p) => `${p.value} (${p.model ? 'custom' : 'built-in'} model)`));

  await page.click('#save-model');
  await page.waitForFunction(() => /Saved/.test(document.querySelector('#train-status').textContent));
  await page.evaluate(() => document.activeElement?.blur());
  await new Promise((done) => setTimeout(done, 600)); // bars settle
  const section = await page.$('section.teach');
  await section.screenshot({ path: out });
  console.log(`wrote ${out}`);

  // A new visit offers the saved model.
  await page.reload({ waitUntil: 'networkidle0' });
  await page.waitForFunction(() => !document.querySelector('#use-saved').hidden, { timeout: 20_000 });
  await page.click('#use-saved');
  await page.waitForFunction(() => document.querySelector('#try-pad').model !== null);
  console.log('after reload →', await page.$eval('#train-status', (e) => e.textContent));
});
