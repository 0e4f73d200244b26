// normalizeDigit() makes every network input; a change to its output, however small, changes what
// the shipped weights see. Its outputs on MNIST test digits, as given and placed at random on a
// 280×280 canvas, must stay bit for bit what they were when the weights were trained.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { normalizeDigit } from '../../src/preprocess/normalize.ts';
import { toInk } from '../../src/preprocess/ink.ts';
import { createRng } from '../../src/training/rng.ts';
import { loadMnist, mnistImage } from '../../scripts/lib/mnist.ts';
import { placeOnCanvas, randomPlacement } from '../../scripts/lib/placement.mjs';

test('normalizeDigit() gives the same bits as the implementation the weights were trained with', () => {
  const mnist = loadMnist('test');
  const random = createRng(3);
  const hash = createHash('sha256');
  for (let i = 0; i < 300; i++) {
    const { size, left, top } = randomPlacement(random);
    const placed = placeOnCanvas(mnist.images.subarray(i * 784, (i + 1) * 784), 280, size, left, top);
    for (const image of [mnistImage(mnist, i), placed]) {
      const input = normalizeDigit(toInk(image));
      hash.update(input ? new Uint8Array(input.buffer) : new Uint8Array([0]));
    }
  }
  // Recorded from normalizeDigit as of commit 8cb28a1 (per-pixel closures, before flat weights).
  assert.equal(hash.digest('hex'), '56f8d2881e10e031ea707ff219a877e6d7cc725f2b5387c59a69348aac1b675c');
});

test('a read that reuses buffers gets the same input as one that allocates, whatever was read before', async () => {
  const { normalizeScaledStrokes } = await import('../../src/preprocess/strokes.ts');
  const { loadPenDigits } = await import('../../scripts/lib/pendigits.ts');
  const digits = loadPenDigits().slice(0, 120);
  const reused = new Float32Array(784);
  let compared = 0;
  // Digits of every shape in turn (and at two scales), so the reused buffers hold another drawing's leftovers.
  for (const [i, { strokes }] of digits.entries()) {
    const unit = i % 2 ? 0.5 : 3;
    const fresh = normalizeDigit(normalizeScaledStrokes(strokes, unit, unit));
    const again = normalizeDigit(normalizeScaledStrokes(strokes, unit, unit, undefined, undefined, true), reused);
    assert.ok(fresh && again === reused, `digit ${i} was read`);
    assert.deepEqual(Array.from(again), Array.from(fresh), `digit ${i}`);
    compared++;
  }
  assert.equal(compared, 120);
});
