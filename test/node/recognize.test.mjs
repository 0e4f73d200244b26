import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sdk, tf, mnistDigit, placed } from './helpers.mjs';

const { recognize } = sdk;

test('reads the first 1,000 MNIST test digits at least 99 % right, on wasm-simd', async () => {
  let correct = 0;
  let backend;
  for (let i = 0; i < 1000; i++) {
    const { image, label } = mnistDigit(i);
    const result = await recognize(image);
    backend = result.backend;
    if (result.digit === label) correct++;
  }
  assert.equal(backend, 'wasm-simd');
  assert.ok(correct >= 990, `only ${correct}/1000 correct`);
});

test('returns a well-formed result: probabilities sum to 1, confidence is the max, label matches', async () => {
  const { image, label } = mnistDigit(0);
  const result = await recognize(image);
  assert.equal(result.digit, label);
  assert.equal(result.label, String(label));
  assert.equal(result.status, 'ok');
  assert.equal(result.probabilities.length, 10);
  assert.ok(Math.abs(result.probabilities.reduce((a, b) => a + b, 0) - 1) < 1e-4);
  assert.equal(result.confidence, Math.max(...result.probabilities));
});

test('a blank or near-blank image gives digit null, not a guess', async () => {
  const blanks = [
    { width: 28, height: 28, data: new Uint8Array(784) },
    { width: 280, height: 280, data: new Uint8ClampedArray(280 * 280 * 4).fill(255) },
    { width: 280, height: 280, data: new Uint8ClampedArray(280 * 280 * 4) }, // transparent canvas
    { width: 100, height: 100, data: new Float32Array(10_000).fill(0.5) }, // flat grey
  ];
  const speck = new Uint8ClampedArray(280 * 280 * 4).fill(255);
  speck.fill(0, (140 * 280 + 140) * 4, (140 * 280 + 140) * 4 + 3); // one dark pixel
  blanks.push({ width: 280, height: 280, data: speck });
  for (const image of blanks) {
    const result = await recognize(image);
    assert.equal(result.digit, null);
    assert.equal(result.status, 'empty');
    assert.equal(result.confidence, 0);
    assert.deepEqual(result.probabilities, new Array(10).fill(0));
  }
});

test('polarity: light-on-dark, dark-on-light and RGBA read the same', async () => {
  for (let i = 0; i < 50; i++) {
    const { image } = mnistDigit(i);
    const inverted = { ...image, data: image.data.map((v) => 255 - v) };
    const rgba = new Uint8ClampedArray(784 * 4);
    image.data.forEach((v, p) => rgba.set([255 - v, 255 - v, 255 - v, 255], p * 4));
    const floats = { ...image, data: Float32Array.from(image.data, (v) => v / 255) };
    const [a, b, c, d] = await Promise.all([image, inverted, { width: 28, height: 28, data: rgba }, floats].map((x) => recognize(x)));
    assert.equal(b.digit, a.digit);
    assert.equal(c.digit, a.digit);
    assert.equal(d.digit, a.digit);
    for (let k = 0; k < 10; k++) assert.ok(Math.abs(a.probabilities[k] - b.probabilities[k]) < 1e-3);
  }
});

test('a digit drawn small in a corner of a 280×280 canvas reads like a centred one', async () => {
  let same = 0, correct = 0;
  for (let i = 0; i < 200; i++) {
    const { label } = mnistDigit(i);
    const corner = await recognize(placed(i, { size: 56, left: 220, top: 222 }));
    const centred = await recognize(placed(i, { size: 224, left: 28, top: 28 }));
    if (corner.digit === centred.digit) same++;
    if (corner.digit === label) correct++;
  }
  assert.ok(correct >= 196, `corner digits: only ${correct}/200 correct`);
  assert.ok(same >= 196, `corner and centred disagree on ${200 - same}/200`);
});

test('minConfidence turns a low-confidence guess into an honest null', async () => {
  const { image } = mnistDigit(0);
  const sure = await recognize(image, { minConfidence: 0.5 });
  assert.equal(sure.status, 'ok');
  const doubtful = await recognize(image, { minConfidence: 1 });
  assert.ok(sure.confidence < 1 ? doubtful.status === 'uncertain' && doubtful.digit === null : doubtful.status === 'ok');
  assert.deepEqual(doubtful.probabilities, sure.probabilities);
});

test('no tensor leaks: the tensor count after 10,000 calls equals the count after 1', async () => {
  const { image } = mnistDigit(3);
  await recognize(image);
  const after1 = tf.memory().numTensors;
  for (let i = 0; i < 10_000; i++) {
    await recognize(i % 10 === 0 ? { width: 28, height: 28, data: new Uint8Array(784) } : mnistDigit(i).image);
    if (i % 100 === 0) await recognize({ width: 0, height: 1, data: new Uint8Array(0) }).catch(() => {});
    if (i % 1000 === 0) await sdk.recognizeBatch([mnistDigit(i).image, mnistDigit(i + 1).image]);
  }
  assert.equal(tf.memory().numTensors, after1);
});

test('500 overlapping calls each get the answer they would get alone', async () => {
  const alone = [];
  for (let i = 0; i < 500; i++) alone.push((await recognize(mnistDigit(i).image)).probabilities);
  const together = await Promise.all(Array.from({ length: 500 }, (_, i) => recognize(mnistDigit(i).image)));
  together.forEach((r, i) => assert.deepEqual(r.probabilities, alone[i]));
});

test('recognizeBatch() gives the same answers as one call per image, with empty ones in place', async () => {
  const images = Array.from({ length: 300 }, (_, i) => (i % 50 === 7 ? { width: 28, height: 28, data: new Uint8Array(784) } : mnistDigit(i).image));
  const batch = await sdk.recognizeBatch(images);
  assert.equal(batch.length, 300);
  for (let i = 0; i < 300; i++) {
    const single = await recognize(images[i]);
    assert.equal(batch[i].digit, single.digit);
    assert.equal(batch[i].status, single.status);
    for (let k = 0; k < 10; k++) assert.ok(Math.abs(batch[i].probabilities[k] - single.probabilities[k]) < 1e-5);
  }
  const error = await sdk.recognizeBatch([mnistDigit(0).image, { width: 1, height: 1, data: new Uint8Array(2) }]).then(() => null, (e) => e);
  assert.equal(error.code, 'INVALID_IMAGE_DATA');
  assert.match(error.message, /images\[1\]/);
});
