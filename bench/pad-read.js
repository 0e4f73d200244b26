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
const WARM_UP = 400;

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
  // Each pair of reads follows a redraw of the pad (its canvas painted), and the first read after it
  // finds colder caches than the second: the order alternates, so neither read always pays that.
  const times = { pad: [[], []], digit: [[], []] };
  let right = 0;
  for (let i = -WARM_UP; i < runs; i++) {
    const k = ((i % drawings.length) + drawings.length) % drawings.length;
    const d = drawings[k];
    pad.strokes = d.strokes;
    await pad.updateComplete;
    const padFirst = i % 2 === 0;
    let padMs = 0, digitMs = 0, result;
    const readPad = async () => {
      const t0 = performance.now();
      result = await pad.recognize();
      padMs = performance.now() - t0;
    };
    const readDigit = async () => {
      const t0 = performance.now();
      await sdk.recognize(small[k]);
      digitMs = performance.now() - t0;
    };
    for (const read of padFirst ? [readPad, readDigit] : [readDigit, readPad]) await read();
    if (i < 0) continue;
    times.pad[padFirst ? 0 : 1].push(padMs);
    times.digit[padFirst ? 1 : 0].push(digitMs);
    if (result.digit === d.digit) right++;
  }
  const padMs = median(times.pad.flat()), digitMs = median(times.digit.flat());
  const byPosition = (list) => ({ first: round(median(list[0]), 3), second: round(median(list[1]), 3) });
  return {
    devicePixelRatio, runs, crossOriginIsolated: self.crossOriginIsolated, padMs: round(padMs, 3), digitMs: round(digitMs, 3),
    ratio: round(padMs / digitMs, 2), padByPosition: byPosition(times.pad), digitByPosition: byPosition(times.digit),
    padReadsRight: `${right}/${runs}`,
  };
}

function createCanvasFrom(image) {
  const canvas = new OffscreenCanvas(image.width, image.height);
  canvas.getContext('2d').putImageData(image, 0, 0);
  return canvas;
}
