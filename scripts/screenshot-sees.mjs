// Takes demo/sees.png: the big pad and the "What the network sees" section after writing a digit with
// real mouse input, once the evidence maps are drawn. Fails on any console or page error (the page
// runs under the server's strict CSP).
//
//   node scripts/screenshot-sees.mjs                          # demo/sees.png, a 2
//   DARK=1 DIGIT=4 OUT=/tmp/sees-dark.png node scripts/screenshot-sees.mjs
import { resolve } from 'node:path';
import { DIGITS } from '../test/browser/helpers.js';
import { root, withDemoPage } from './lib/demo-page.mjs';

const out = resolve(root, process.env.OUT ?? 'demo/sees.png');
const digit = process.env.DIGIT ?? '2';

await withDemoPage('#big', async (page) => {
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
});
