// padRead of `npm run bench` (issue 15, part 2): the pad's own read, pad.recognize() on a 280 px pad
// holding the pad tests' handwritten digits (public API only), timed in turn with recognize() on an
// MNIST-sized 28×28 digit in the same page. The driver opens it at devicePixelRatio 1 and 3.
import { DIGITS } from '../test/browser/helpers.js';
import { median, round } from './stats.js';

const params = new URLSearchParams(location.search);
const DIST = params.get('dist') ?? '/dist/';
if (!/^\/[\w./-]*\/$/.test(DIST)) throw new Error(`bad dist ${DIST}`);
const runs = params.has('quick') ? 30 : 400;
// Untimed reads first, so wasm and JS run their optimised tiers (tier-up is slow on a busy machine).
const WARM_UP = 100;

window.benchResult = run().catch((error) => ({ error: String(error?.stack ?? error) }));

async function run() {
  await import(`${DIST}digit-pad.js`);
  const sdk = await import(`${DIST}digit-pad-sdk.js`);
  const pad = document.querySelector('digit-pad');
  await customElements.whenDefined('digit-pad');
  await pad.updateComplete;
  const drawings = Object.entries(DIGITS).flatMap(([digit, styles]) => Object.values(styles).map((strokes) => ({
    digit: Number(digit), strokes: strokes.map((s) => s.map(([x, y]) => ({ x: x / 100, y: y / 100 }))),
  })));
  // The same drawings as 28×28 images (what pad.toImageData() holds, downsampled by the browser).
  const small = drawings.map((d) => {
    pad.strokes = d.strokes;
    const image = pad.toImageData();
    const canvas = new OffscreenCanvas(28, 28);
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    ctx.drawImage(createCanvasFrom(image), 0, 0, 28, 28);
    return ctx.getImageData(0, 0, 28, 28);
  });
  const padTimes = [], digitTimes = [];
  let right = 0;
  for (let i = -WARM_UP; i < runs; i++) {
    const d = drawings[(i + drawings.length * 10) % drawings.length];
    pad.strokes = d.strokes;
    await pad.updateComplete;
    let t0 = performance.now();
    const result = await pad.recognize();
    const t1 = performance.now();
    await sdk.recognize(small[(i + drawings.length * 10) % drawings.length]);
    const t2 = performance.now();
    if (i < 0) continue;
    padTimes.push(t1 - t0);
    digitTimes.push(t2 - t1);
    if (result.digit === d.digit) right++;
  }
  return {
    devicePixelRatio, runs, crossOriginIsolated: self.crossOriginIsolated, padMs: round(median(padTimes), 3), digitMs: round(median(digitTimes), 3),
    ratio: round(median(padTimes) / median(digitTimes), 2), padReadsRight: `${right}/${runs}`,
  };
}

function createCanvasFrom(image) {
  const canvas = new OffscreenCanvas(image.width, image.height);
  canvas.getContext('2d').putImageData(image, 0, 0);
  return canvas;
}
