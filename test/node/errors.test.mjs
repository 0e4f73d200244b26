import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sdk } from './helpers.mjs';

const { recognize, DigitPadError, MAX_IMAGE_SIDE } = sdk;
const detached = new Uint8Array(784);
structuredClone(detached.buffer, { transfer: [detached.buffer] });

const cases = [
  ['null', null, 'INVALID_INPUT', /got null/],
  ['undefined', undefined, 'INVALID_INPUT', /got undefined/],
  ['a number', 42, 'INVALID_INPUT', /got 42/],
  ['a string', 'seven', 'INVALID_INPUT', /string/],
  ['an empty object', {}, 'INVALID_INPUT', /without width, height, data/],
  ['an array', [1, 2, 3], 'INVALID_INPUT', /without width, height, data/],
  ['zero width', { width: 0, height: 28, data: new Uint8Array(0) }, 'INVALID_IMAGE_SIZE', /width must be a positive integer, got 0/],
  ['negative height', { width: 28, height: -28, data: new Uint8Array(784) }, 'INVALID_IMAGE_SIZE', /height must be a positive integer/],
  ['fractional width', { width: 27.5, height: 28, data: new Uint8Array(770) }, 'INVALID_IMAGE_SIZE', /got 27.5/],
  ['NaN width', { width: NaN, height: 28, data: new Uint8Array(784) }, 'INVALID_IMAGE_SIZE', /got NaN/],
  ['string width', { width: '28', height: 28, data: new Uint8Array(784) }, 'INVALID_IMAGE_SIZE', /string/],
  ['absurd size', { width: MAX_IMAGE_SIDE + 1, height: 10, data: new Uint8Array(10) }, 'INVALID_IMAGE_SIZE', /at most 4096/],
  ['wrong data length', { width: 28, height: 28, data: new Uint8Array(700) }, 'INVALID_IMAGE_DATA', /needs 784 \(one channel\) or 3136 \(RGBA\)/],
  ['plain array data', { width: 2, height: 2, data: [0, 0, 0, 0] }, 'INVALID_IMAGE_DATA', /Uint8Array, Uint8ClampedArray or Float32Array, got a Array/],
  ['Int16Array data', { width: 2, height: 2, data: new Int16Array(4) }, 'INVALID_IMAGE_DATA', /Int16Array/],
  ['NaN pixel', { width: 2, height: 2, data: new Float32Array([0, NaN, 0, 0]) }, 'INVALID_IMAGE_DATA', /data\[1\] is NaN/],
  ['Infinity pixel', { width: 2, height: 2, data: new Float32Array([0, 0, Infinity, 0]) }, 'INVALID_IMAGE_DATA', /data\[2\] is Infinity/],
  ['float pixel above 1', { width: 2, height: 2, data: new Float32Array([0, 0, 0, 255]) }, 'INVALID_IMAGE_DATA', /in 0..1/],
  ['detached buffer', { width: 28, height: 28, data: detached }, 'INVALID_IMAGE_DATA', /has 0 values/],
];

for (const [name, input, code, message] of cases) {
  test(`recognize() rejects ${name} with ${code}`, async () => {
    const error = await recognize(input).then(() => null, (e) => e);
    assert.ok(error instanceof DigitPadError, `expected a DigitPadError, got ${error}`);
    assert.equal(error.code, code);
    assert.match(error.message, message);
  });
}

test('bad options are refused with INVALID_OPTION', async () => {
  const image = { width: 28, height: 28, data: new Uint8Array(784) };
  for (const options of [{ minConfidence: 2 }, { minConfidence: -0.1 }, { minConfidence: 'high' }, { model: {} }, null]) {
    const error = await recognize(image, options).then(() => null, (e) => e);
    assert.ok(error instanceof DigitPadError);
    assert.equal(error.code, 'INVALID_OPTION');
  }
});
