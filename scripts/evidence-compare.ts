/**
 * Chooses the evidence method of inspect(): occlusion (4 sizes of window) against gradient × input,
 * on MNIST test digits with the shipped model. Faithfulness is measured by deletion: blank the ink
 * pixels a map ranks highest for a class (10 % and 20 % of the digit's ink pixels) and see how far
 * that class's logit falls and how often the reading changes; a map that points at the strokes that
 * really carry the class makes both large. Random ink pixels are the floor. Also times each method.
 *
 *   npx tsx scripts/evidence-compare.ts [--count 300]
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs-core';
await import('@tensorflow/tfjs-layers'); // registers the gradients tf.grad needs
import { loadModel } from '../src/index.node.js';
import { preprocess } from '../src/preprocess/index.js';
import { occlusionEvidence } from '../src/inspect-evidence.js';
import { createRng } from '../src/training/rng.js';
import { loadMnist, mnistImage } from './lib/mnist.js';

const { values: args } = parseArgs({ options: { count: { type: 'string', default: '300' } } });
const model = await loadModel(new URL('../weights/digits.json', import.meta.url));
const { network } = model;
const size = network.inputSize;
const test = loadMnist('test');

const logitsOf = (input: Float32Array): Float32Array =>
  tf.tidy(() => network.logits(tf.tensor4d(input, [1, size, size, 1])).dataSync() as Float32Array);

function gradientTimesInput(input: Float32Array, c: number): Float32Array {
  return tf.tidy(() => {
    const x = tf.tensor4d(input, [1, size, size, 1]);
    const grad = tf.grad((v: tf.Tensor) => tf.sum(tf.slice(network.logits(v as tf.Tensor4D), [0, c], [1, 1])))(x);
    return tf.mul(grad, x).dataSync() as Float32Array;
  });
}

type Method = { name: string; map: (input: Float32Array, c: number) => Float32Array; ms: number; calls: number };
const random = createRng(5);
const methods: Method[] = [
  ...[2, 3, 4, 5].map((patch) => ({ name: `occlusion ${patch}×${patch}`, map: (input: Float32Array, c: number) => occlusionEvidence(network, input, [c], patch).maps[0], ms: 0, calls: 0 })),
  { name: 'gradient × input', map: gradientTimesInput, ms: 0, calls: 0 },
  { name: 'random ink (floor)', map: (input: Float32Array) => input.map((v) => (v > 0 ? random() : -1)), ms: 0, calls: 0 },
];
const FRACTIONS = [0.1, 0.2];
const stats = new Map(methods.map((m) => [m.name, FRACTIONS.map(() => ({ drop: 0, flips: 0, n: 0 }))]));

function score(method: Method, input: Float32Array, c: number, map: Float32Array) {
  const before = logitsOf(input);
  const ink = [...input.keys()].filter((i) => input[i] > 0).sort((a, b) => map[b] - map[a]);
  FRACTIONS.forEach((fraction, f) => {
    const removed = input.slice();
    for (const i of ink.slice(0, Math.round(fraction * ink.length))) removed[i] = 0;
    const after = logitsOf(removed);
    const s = stats.get(method.name)![f];
    s.drop += before[c] - after[c];
    s.flips += argmax(after) !== argmax(before) ? 1 : 0;
    s.n++;
  });
}

const argmax = (v: ArrayLike<number>) => Array.from(v).reduce((b, x, i, a) => (x > a[b] ? i : b), 0);

// The first `count` test digits (their reading) plus every misread among the first 2,000 (true and read class).
const count = Number(args.count);
const cases: { input: Float32Array; c: number }[] = [];
for (let i = 0; i < 2000; i++) {
  const input = preprocess(mnistImage(test, i))!;
  const read = argmax(logitsOf(input));
  if (i < count) cases.push({ input, c: read });
  if (read !== test.labels[i]) cases.push({ input, c: read }, { input, c: test.labels[i] });
}
for (const { input, c } of cases) {
  for (const method of methods) {
    const started = performance.now();
    const map = method.map(input, c);
    method.ms += performance.now() - started;
    method.calls++;
    score(method, input, c, map);
  }
}
console.log(`${cases.length} maps (first ${count} test digits for their reading, misreads among the first 2,000 for both classes); backend ${tf.getBackend()}`);
console.log('method                 ms/map   logit drop @10% / @20% of ink removed   reading changed @10% / @20%');
for (const method of methods) {
  const [a, b] = stats.get(method.name)!;
  console.log(`${method.name.padEnd(22)} ${(method.ms / method.calls).toFixed(2).padStart(6)}   ${(a.drop / a.n).toFixed(2).padStart(8)} / ${(b.drop / b.n).toFixed(2).padEnd(8)}                   ${(100 * a.flips / a.n).toFixed(1).padStart(5)} % / ${(100 * b.flips / b.n).toFixed(1)} %`);
}
