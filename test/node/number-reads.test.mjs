// recognizeNumber() reads every candidate piece of a number in a few batched network calls, skips the
// recognizer where a candidate provably cannot be chosen, and reuses a chosen piece's reading
// (src/segment/read-pieces.ts). This checks it answers exactly as the plain search did: every
// candidate of a blob read in one call per blob, the best cuts chosen, the chosen pieces read again.
// (scripts/lib/plain-search.ts rebuilds the plain search from the same plans, so it follows any change to the grouping
// and to the image path's coarse pass, whose pieces it also reads through both networks.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sdk, writtenNumber } from './helpers.mjs';
import { loadMnist } from '../../scripts/lib/mnist.ts';
import { composeNumber } from '../../scripts/lib/numbers.ts';
import { createRng } from '../../src/training/rng.ts';
import { plainSearch } from '../../scripts/lib/plain-search.ts';

const model = await sdk.getDefaultModel();
const verifier = await sdk.loadModel(new URL('../../weights/segmenter.json', import.meta.url));

async function assertSame(image, options, what) {
  const fast = await sdk.recognizeNumber(image, { ...options, model });
  const plain = plainSearch(image, options, model, verifier);
  // Values, boxes and confidences to the last bit.
  assert.deepEqual({ value: fast.value, digits: fast.digits }, plain, what);
  return fast.value;
}

test('numbers of MNIST test digits read exactly as by the plain cut search (the first 80 separated and 80 touching of npm run eval)', async () => {
  const test10k = loadMnist('test');
  for (const touching of [false, true]) {
    const random = createRng(touching ? 12 : 11); // npm run eval's seeds
    let right = 0;
    for (let i = 0; i < 80; i++) {
      const { value, image } = composeNumber(test10k, random, touching);
      if ((await assertSame(image, {}, `${touching ? 'touching' : 'separated'} number ${i} (${value})`)) === value) right++;
    }
    assert.ok(right >= 60, `${right}/80 read right: the comparison ran on working readings`);
  }
});

test('written pairs (strokes) read exactly as by the plain cut search, from apart to overlapping', async () => {
  for (const gap of [0.06, 0, -0.1]) {
    for (let a = 0; a < 10; a++) {
      for (const b of [(a + 3) % 10, (a * 7 + 1) % 10]) {
        await assertSame(...Object.values(writtenNumber(`${a}${b}`, gap, a % 2)), `${a}${b} at gap ${gap}`);
      }
    }
  }
  const four = writtenNumber('2026', -0.05, 0);
  assert.equal(await assertSame(four.image, four.options, '2026'), '2026');
});

test('pen strokes rasterize bit for bit as with Math.hypot (the rasterizer computes it itself, 4× faster)', async () => {
  const { drawSegment } = await import('../../src/preprocess/strokes.ts');
  // Straight segments through drawSegment (renderStrokes smooths first; the segments are what changed).
  const rasterizeStrokes = (strokes, width, height, lineWidth) => {
    const ink = new Float32Array(width * height);
    for (const stroke of strokes) {
      const points = stroke.map((p) => (Array.isArray(p) ? p : [p.x, p.y]));
      if (points.length === 1) points.push(points[0]);
      for (let k = 1; k < points.length; k++) drawSegment(ink, width, height, points[k - 1], points[k], lineWidth / 2);
    }
    return { width, height, ink };
  };
  // The rasterizer before issue 15, verbatim but for the name.
  const reference = (strokes, width, height, lineWidth) => {
    const ink = new Float32Array(width * height);
    const radius = lineWidth / 2;
    for (const stroke of strokes) {
      const points = stroke.map((p) => (Array.isArray(p) ? p : [p.x, p.y]));
      if (points.length === 1) points.push(points[0]);
      for (let k = 1; k < points.length; k++) {
        const [ax, ay] = points[k - 1], [bx, by] = points[k];
        const minX = Math.max(0, Math.floor(Math.min(ax, bx) - radius - 1)), maxX = Math.min(width - 1, Math.ceil(Math.max(ax, bx) + radius + 1));
        const minY = Math.max(0, Math.floor(Math.min(ay, by) - radius - 1)), maxY = Math.min(height - 1, Math.ceil(Math.max(ay, by) + radius + 1));
        const dx = bx - ax, dy = by - ay;
        const length2 = dx * dx + dy * dy || 1;
        for (let y = minY; y <= maxY; y++) {
          for (let x = minX; x <= maxX; x++) {
            const px = x + 0.5, py = y + 0.5;
            const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
            const distance = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
            const v = Math.max(0, Math.min(1, radius + 0.5 - distance));
            if (v > ink[y * width + x]) ink[y * width + x] = v;
          }
        }
      }
    }
    return { width, height, ink };
  };
  const random = createRng(15);
  for (let n = 0; n < 200; n++) {
    const width = 20 + Math.floor(random() * 200), height = 20 + Math.floor(random() * 200);
    // Long random segments, or pen-like walks of short steps (some leaving the image).
    const walk = n % 2 === 1;
    const strokes = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
      let p = [random() * width, random() * height];
      return Array.from({ length: 1 + Math.floor(random() * (walk ? 80 : 30)) }, () => {
        p = walk ? [p[0] + (random() - 0.5) * 6, p[1] + (random() - 0.5) * 6] : [random() * width * 1.2 - 0.1 * width, random() * height * 1.2 - 0.1 * height];
        return p;
      });
    });
    const lineWidth = 1 + random() * 20;
    assert.deepEqual(rasterizeStrokes(strokes, width, height, lineWidth).ink, reference(strokes, width, height, lineWidth).ink, `strokes ${n}`);
  }
  const { options, image } = writtenNumber('2026', -0.05, 1);
  assert.deepEqual(rasterizeStrokes(options.strokes, image.width, image.height, options.strokeWidth).ink, reference(options.strokes, image.width, image.height, options.strokeWidth).ink);
});

test('a pen-written digit is answered from two drawings, as cut and with a thicker pen (their normalised geometric mean); image pieces from one', async () => {
  const { strokePlans, inkPlans } = await import('../../src/segment/number.ts');
  const { PieceReader } = await import('../../src/segment/read-pieces.ts');
  const { normalizeDigit } = await import('../../src/preprocess/normalize.ts');
  const { toInk } = await import('../../src/preprocess/ink.ts');
  const { readPixels } = await import('../../src/preprocess/image-input.ts');
  const { image, options } = writtenNumber('2026', 0.14, 0);
  const pieces = strokePlans(options.strokes, image.width, image.height, options.strokeWidth).map((plan) => plan.whole);
  assert.equal(pieces.length, 4);
  const readings = new PieceReader(model, verifier).read(pieces);
  pieces.forEach((piece, k) => {
    const views = piece.views();
    assert.equal(views.length, 1);
    const inkShare = (ink) => ink.ink.reduce((a, b) => a + b, 0) / (ink.width * ink.height);
    assert.ok(inkShare(views[0]) > inkShare(piece.ink), `digit ${k}: the view is drawn with the thicker pen`);
    const [a, b] = model.network.predictEach([normalizeDigit(piece.ink), normalizeDigit(views[0])]);
    const mean = Array.from(a, (p, c) => Math.sqrt(p * b[c]));
    const total = mean.reduce((s, m) => s + m, 0);
    const best = mean.indexOf(Math.max(...mean));
    assert.equal(readings[k].label, String(best));
    assert.ok(Math.abs(readings[k].confidence - mean[best] / total) < 1e-5, `digit ${k}: ${readings[k].confidence} against ${mean[best] / total}`);
  });
  assert.equal(readings.map((r) => r.label).join(''), '2026');
  const number = composeNumber(loadMnist('test'), createRng(11), false);
  assert.ok(inkPlans(toInk(readPixels(number.image, 'image'))).every((plan) => plan.whole.views === undefined));
});
