// The whole-digit pieces stage 2 of `npm run train` can learn from (scripts/lib/number-pieces.ts):
// what the cut search crops from numbers of MNIST training digits, labelled by whose ink they hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelOf, wholeDigitPieces } from '../../scripts/lib/number-pieces.ts';
import { loadMnist } from '../../scripts/lib/mnist.ts';
import { createRng } from '../../src/training/rng.ts';
import { sdk } from './helpers.mjs';

test('a piece is a whole digit only with nearly all of one digit and little of another', () => {
  assert.equal(labelOf([0.95, 0.1]), 'digit');
  assert.equal(labelOf([0.95, 0.2]), null);   // a near miss is left out
  assert.equal(labelOf([0.85, 0.05]), null);
  assert.equal(labelOf([0.6, 0.05]), 'other'); // most of a digit cut away
  assert.equal(labelOf([0.9, 0.4]), 'other');  // much of its neighbour too
});

test('the pieces are normalised inputs, a few per digit, labelled with the digit they hold', async () => {
  const mnist = loadMnist('train');
  const numbers = 60;
  const { inputs, labels } = wholeDigitPieces(mnist, numbers, createRng(3));
  assert.equal(inputs.length, labels.length * 784);
  assert.ok(labels.length >= numbers * 2 && labels.length <= numbers * 6 * 2, `${labels.length} pieces from ${numbers} numbers`);
  assert.ok(labels.every((l) => Number.isInteger(l) && l >= 0 && l <= 9));
  assert.ok(inputs.every((v) => v >= 0 && v <= 1));
  // Labels that belonged to the wrong digit would be read wrong about nine times in ten.
  const model = await sdk.getDefaultModel();
  const probabilities = model.network.predict(inputs, labels.length);
  let right = 0;
  labels.forEach((label, k) => {
    const row = probabilities.subarray(k * 10, k * 10 + 10);
    if (row.indexOf(Math.max(...row)) === label) right++;
  });
  assert.ok(right >= 0.95 * labels.length, `the shipped model read ${right} of ${labels.length} pieces as their label`);
});
