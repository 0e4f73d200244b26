// Real pen digits (UCI pendigits, data/README.md): the data loads and renders through the pad's
// stroke renderer, held-out writers' hard styles read right, and the pen is normalised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sdk, tf } from './helpers.mjs';
import { byWriters, HELD_OUT_WRITERS, VALIDATION_WRITERS, loadPenDigits, penDigitOnPad, renderTrainingVariants } from '../../scripts/lib/pendigits.ts';
import { smoothStroke } from '../../src/preprocess/strokes.ts';
import { createRng } from '../../src/training/rng.ts';

const { digits: styled } = JSON.parse(readFileSync(new URL('../fixtures/pen-styles.json', import.meta.url), 'utf8'));

test('the pen data loads: 7,494 digits of 30 writers, and the writer split is disjoint', () => {
  const all = loadPenDigits();
  assert.equal(all.length, 7494);
  assert.equal(new Set(all.map((d) => d.writer)).size, 30);
  assert.deepEqual([...new Set(all.map((d) => d.label))].sort(), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.ok(all.every((d) => d.strokes.length >= 1 && d.strokes.every((s) => s.length >= 1)));
  const held = byWriters(all, HELD_OUT_WRITERS), rest = byWriters(all, HELD_OUT_WRITERS, false);
  assert.equal(held.length + rest.length, all.length);
  assert.ok(held.every((d) => !VALIDATION_WRITERS.includes(d.writer)));
  assert.ok(rest.every((d) => !HELD_OUT_WRITERS.includes(d.writer)));
});

test('training renders: every variant is a normalised 28×28 digit with ink, different from the others', () => {
  const digits = byWriters(loadPenDigits(), HELD_OUT_WRITERS, false).slice(0, 10);
  const { inputs, labels } = renderTrainingVariants(digits, 3, createRng(1));
  assert.equal(labels.length, 30);
  assert.equal(inputs.length, 30 * 784);
  for (let k = 0; k < 30; k++) {
    const x = inputs.subarray(k * 784, (k + 1) * 784);
    assert.ok(Math.max(...x) > 0.9, `variant ${k} has no ink`);
  }
  const first = inputs.subarray(0, 784), second = inputs.subarray(784, 1568);
  assert.ok(first.some((v, i) => Math.abs(v - second[i]) > 0.2), 'two variants of one digit are identical');
});

test('smoothing follows the pad: a curve through the midpoints, ending on the first and last points', () => {
  const points = [[0, 0], [10, 0], [10, 10], [0, 10]];
  const smooth = smoothStroke(points);
  assert.deepEqual(smooth[0], [0, 0]);
  assert.deepEqual(smooth.at(-1), [0, 10]);
  assert.ok(smooth.length > 10);
  // Corners are rounded off: no smoothed point reaches the sharp corner (10, 0).
  assert.ok(smooth.every(([x, y]) => Math.hypot(x - 10, y) > 1));
});

test('held-out writers: flagged 1s, crossed 7s, left-curving 9s and open 4s are read right', async () => {
  const wrong = [];
  for (const d of styled) {
    const onPad = await sdk.recognize(penDigitOnPad(d.strokes, 280, 168, 0.06 * 280));
    const asPad = await sdk.recognizeStrokes(d.strokes);
    if (onPad.digit !== d.label || asPad.digit !== d.label) wrong.push(`${d.style} (writer ${d.writer}): image ${onPad.digit}, strokes ${asPad.digit}`);
  }
  assert.deepEqual(wrong, []);
});

test('recognizeStrokes: the same answer for a small digit with a thick pen and a large one with a thin pen', async () => {
  for (const d of styled) {
    const large = await sdk.recognizeStrokes(d.strokes);
    const small = await sdk.recognizeStrokes(d.strokes.map((s) => s.map(([x, y]) => ({ x: 3 + x * 0.05, y: 7 + y * 0.05 }))));
    assert.equal(small.digit, large.digit);
    large.probabilities.forEach((p, i) => assert.ok(Math.abs(p - small.probabilities[i]) < 1e-3));
  }
});

test('recognizeStrokes: empty strokes read as empty; bad strokes reject with INVALID_INPUT naming the point', async () => {
  assert.equal((await sdk.recognizeStrokes([])).status, 'empty');
  assert.equal((await sdk.recognizeStrokes([[]])).digit, null);
  for (const [bad, where] of [[null, 'strokes must'], [[5], 'strokes[0] must'], [[[[0, 0], [1, NaN]]], 'strokes[0][1]'], [[[{ x: 1 }]], 'strokes[0][0]']]) {
    await assert.rejects(sdk.recognizeStrokes(bad), (e) => e instanceof sdk.DigitPadError && e.code === 'INVALID_INPUT' && e.message.includes(where));
  }
  await assert.rejects(sdk.recognizeStrokes([[[0, 0]]], { minConfidence: 2 }), (e) => e.code === 'INVALID_OPTION');
});

test('recognizeStrokes leaves no tensors behind', async () => {
  const before = tf.memory().numTensors;
  for (let i = 0; i < 50; i++) await sdk.recognizeStrokes(styled[i % styled.length].strokes);
  assert.equal(tf.memory().numTensors, before);
});

test('numbers: two-stroke digits stay one digit (open 4s, crossed 7s) between neighbours', async () => {
  const wrong = [];
  for (const d of styled.filter((s) => s.strokes.length === 2)) {
    const one = styled.find((s) => s.style === 'flagged 1' && s.writer === d.writer) ?? styled.find((s) => s.style === 'flagged 1');
    // Three digits in a row, each 80 px tall, 20 px apart: 1, the two-stroke digit, 1.
    const strokes = [];
    let left = 20;
    for (const digit of [one, d, one]) {
      const all = digit.strokes.flat();
      const x0 = Math.min(...all.map((p) => p[0])), y0 = Math.min(...all.map((p) => p[1]));
      const h = Math.max(...all.map((p) => p[1])) - y0, w = Math.max(...all.map((p) => p[0])) - x0;
      const s = 80 / h;
      for (const stroke of digit.strokes) strokes.push(stroke.map(([x, y]) => [left + (x - x0) * s, 15 + (y - y0) * s]));
      left += w * s + 20;
    }
    const image = { width: Math.ceil(left + 20), height: 110, data: new Uint8Array(Math.ceil(left + 20) * 110) };
    const { value } = await sdk.recognizeNumber(image, { strokes, strokeWidth: 6.6 });
    if (value !== `1${d.label}1`) wrong.push(`${d.style} (writer ${d.writer}): ${value}`);
  }
  assert.deepEqual(wrong, []);
});

test('inspect(strokes) sees what recognizeStrokes() and one-digit pads read: equal probabilities', async () => {
  for (const d of styled.slice(0, 6)) {
    const seen = await sdk.inspect(d.strokes);
    const read = await sdk.recognizeStrokes(d.strokes);
    assert.deepEqual(seen.probabilities, read.probabilities);
    assert.equal(seen.input.length, 784);
  }
  await assert.rejects(sdk.inspect([[[0, 0], [1, 'x']]]), (e) => e.code === 'INVALID_INPUT' && e.message.includes('strokes[0][1]'));
});

test('the verifier\'s stroke-path examples: a piece is a whole digit exactly when it holds all of one digit\'s strokes', async () => {
  const { strokeCutPieces } = await import('../../scripts/lib/pen-numbers.ts');
  const { writtenNumber } = await import('./helpers.mjs');
  // A 1 pushed into a two-stroke 4: one stroke group, cut between its strokes.
  const { image, options } = writtenNumber('14', -0.1, 0);
  const parts = [options.strokes.slice(0, 1), options.strokes.slice(1)];
  const pieces = strokeCutPieces({ parts, image, strokeWidth: options.strokeWidth });
  const wholes = pieces.filter((p) => p.whole);
  // The 1 alone and the whole 4; every other piece (the pair, or half a 4) is a wrong cut.
  assert.equal(wholes.length, 2, `pieces ${pieces.map((p) => `${p.ink.width}:${p.whole}`).join(' ')}`);
  assert.ok(pieces.length > wholes.length);
  assert.ok(wholes[0].ink.width < wholes[1].ink.width, 'the 1 is narrower than the 4');
  // Apart, the 1 is a group of its own, and the 4's two strokes (an L and a stem beside it, meeting
  // without crossing) one unit (stroke-units.ts, hanging parts): both are read uncut, no examples.
  const apart = writtenNumber('14', 0.3, 0);
  const alone = strokeCutPieces({ parts: [apart.options.strokes.slice(0, 1), apart.options.strokes.slice(1)], image: apart.image, strokeWidth: apart.options.strokeWidth });
  assert.deepEqual(alone, []);
});
