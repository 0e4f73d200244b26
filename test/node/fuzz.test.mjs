// Property-based tests (fast-check) of input validation and preprocessing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { sdk, mnistDigit } from './helpers.mjs';

const { recognize, preprocess, DigitPadError } = sdk;
const RUNS = 300;

const anyValue = fc.oneof(
  fc.integer({ min: -5, max: 70 }), fc.double(), fc.constant(NaN), fc.constant(Infinity), fc.string({ maxLength: 4 }),
  fc.constant(null), fc.constant(undefined), fc.boolean(), fc.constant({}), fc.constant([]),
);
const anyData = fc.oneof(
  fc.nat({ max: 5000 }).map((n) => new Uint8Array(n)),
  fc.nat({ max: 5000 }).map((n) => new Uint8ClampedArray(n).fill(200)),
  fc.array(fc.oneof(fc.double({ min: -1, max: 2 }), fc.constant(NaN)), { maxLength: 3000 }).map((a) => Float32Array.from(a)),
  fc.array(fc.nat(), { maxLength: 50 }),
  anyValue,
);

test(`recognize() either answers or rejects with a DigitPadError, never anything else (${RUNS} random inputs)`, async () => {
  await fc.assert(
    fc.asyncProperty(fc.record({ width: anyValue, height: anyValue, data: anyData }, { requiredKeys: [] }), async (input) => {
      try {
        const result = await recognize(input);
        // It answered: the input must really have been a valid image, and the answer well-formed.
        assert.ok(Number.isInteger(input.width) && Number.isInteger(input.height));
        assert.ok(result.digit === null || (result.digit >= 0 && result.digit <= 9));
        assert.equal(result.probabilities.length, 10);
      } catch (error) {
        assert.ok(error instanceof DigitPadError, `unexpected ${error}`);
        assert.ok(typeof error.code === 'string' && error.message.length > 10);
      }
    }),
    { numRuns: RUNS },
  );
});

test(`preprocess() of any valid image gives null or 784 finite values in 0..1 (${RUNS} random images)`, () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), fc.boolean(), fc.integer({ min: 0, max: 2 ** 31 }),
      (width, height, rgba, seed) => {
        let s = seed;
        const next = () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 24);
        const data = new Uint8ClampedArray(width * height * (rgba ? 4 : 1)).map(next);
        const out = preprocess({ width, height, data });
        if (out === null) return;
        assert.equal(out.length, 784);
        for (const v of out) assert.ok(v >= 0 && v <= 1 && Number.isFinite(v));
      },
    ),
    { numRuns: RUNS },
  );
});

test(`RGBA bytes read a word at a time give exactly the per-byte result (${RUNS} random images)`, () => {
  // Canvas pixels are read as 32-bit words, reusing the last word's ink while it repeats; bytes
  // that do not start on a 4-byte boundary cannot be viewed as words and take the per-byte path.
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 48 }), fc.integer({ min: 1, max: 48 }),
      fc.array(fc.tuple(fc.nat({ max: 255 }), fc.nat({ max: 255 }), fc.nat({ max: 255 }), fc.constantFrom(0, 255, 255, 128, 17)), { minLength: 1, maxLength: 4 }),
      fc.integer({ min: 0, max: 2 ** 31 }),
      (width, height, palette, seed) => {
        let s = seed;
        const next = () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 16);
        const words = new Uint8ClampedArray(width * height * 4);
        for (let i = 0, colour = 0; i < width * height; i++) {
          if (next() % 8 === 0) colour = next() % palette.length; // runs of one colour, as on a canvas
          words.set(palette[colour], 4 * i);
        }
        const unaligned = new Uint8Array(words.length + 1).subarray(1);
        unaligned.set(words);
        assert.deepEqual(preprocess({ width, height, data: words }), preprocess({ width, height, data: unaligned }));
      },
    ),
    { numRuns: RUNS },
  );
});

/** An MNIST test digit drawn at an integer scale and offset on a canvas, in either polarity. */
function place(index, { size, scale, left, top, darkOnLight }) {
  const digit = mnistDigit(index).image.data;
  const data = new Uint8Array(size * size).fill(darkOnLight ? 255 : 0);
  for (let y = 0; y < 28 * scale; y++) for (let x = 0; x < 28 * scale; x++) {
    const v = digit[Math.floor(y / scale) * 28 + Math.floor(x / scale)];
    data[(top + y) * size + left + x] = darkOnLight ? 255 - v : v;
  }
  return { width: size, height: size, data };
}

test(`preprocess() does not care where the digit is or which polarity it has (${RUNS} placements)`, () => {
  fc.assert(
    fc.property(
      fc.nat({ max: 9999 }), fc.integer({ min: 1, max: 3 }), fc.nat({ max: 100 }), fc.nat({ max: 100 }), fc.boolean(),
      (index, scale, left, top, darkOnLight) => {
        const size = 28 * 3 + 100;
        const reference = preprocess(place(index, { size, scale, left: 0, top: 0, darkOnLight: false }));
        const moved = preprocess(place(index, { size, scale, left, top, darkOnLight }));
        for (let i = 0; i < 784; i++) assert.ok(Math.abs(reference[i] - moved[i]) < 1e-4, `pixel ${i}`);
      },
    ),
    { numRuns: RUNS },
  );
});
