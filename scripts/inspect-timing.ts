/**
 * What evidence maps cost: median time of inspect() with and without `evidence: true` on MNIST test
 * digits, and the mean number of ink-holding occlusion windows (network passes) per digit.
 *
 *   npx tsx scripts/inspect-timing.ts
 */
import { loadModel } from '../src/index.node.js';
import { preprocess } from '../src/preprocess/index.js';
import { occlusionEvidence } from '../src/inspect-evidence.js';
import { inspect } from '../src/inspect.js';
import { loadMnist, mnistImage } from './lib/mnist.js';

const model = await loadModel(new URL('../weights/digits.json', import.meta.url));
const test = loadMnist('test');
const N = 200;
let windows = 0;
const plain: number[] = [], withEvidence: number[] = [];
for (let i = 0; i < N; i++) {
  windows += occlusionEvidence(model.network, preprocess(mnistImage(test, i))!, [0]).windows;
  let t = performance.now();
  await inspect(mnistImage(test, i), { model });
  plain.push(performance.now() - t);
  t = performance.now();
  await inspect(mnistImage(test, i), { model, evidence: true });
  withEvidence.push(performance.now() - t);
}
const median = (a: number[]) => a.sort((x, y) => x - y)[a.length >> 1];
console.log(`mean windows ${(windows / N).toFixed(0)}; inspect() median ${median(plain).toFixed(2)} ms, with evidence ${median(withEvidence).toFixed(1)} ms (${N} test digits)`);
