/**
 * Fine-tuning figures: 5 samples per digit from one "writer" (MNIST training digits in a heavy
 * slanted, thick-pen style), then accuracy on that writer's unseen digits (styled MNIST test digits)
 * and on the plain 10k MNIST test set, before and after.
 *
 *   npm run build && npx tsx scripts/finetune-writer.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadMnist, mnistImage } from './lib/mnist.js';
import { writerStyle } from './lib/writer-style.js';

const sdk = await import(new URL('../dist/index.node.js', import.meta.url).href);
const trainSet = loadMnist('train'), testSet = loadMnist('test');
const PER_DIGIT = 5;
const samples: { image: ReturnType<typeof writerStyle>; label: number }[] = [];
const taken = new Array(10).fill(0);
for (let i = 0; samples.length < 10 * PER_DIGIT; i++) {
  const label = trainSet.labels[i];
  if (taken[label]++ < PER_DIGIT) samples.push({ image: writerStyle(trainSet.images.subarray(i * 784, (i + 1) * 784)), label });
}

async function accuracy(model: unknown, styled: boolean, count = testSet.count): Promise<number> {
  let correct = 0;
  for (let i = 0; i < count; i++) {
    const image = styled ? writerStyle(testSet.images.subarray(i * 784, (i + 1) * 784)) : mnistImage(testSet, i);
    if ((await sdk.recognize(image, model ? { model } : {})).digit === testSet.labels[i]) correct++;
  }
  return correct / count;
}

const before = { writer: await accuracy(null, true), mnist: await accuracy(null, false) };
const started = Date.now();
const tuned = await sdk.train(samples, { from: 'pretrained', seed: 3 });
const seconds = (Date.now() - started) / 1000;
const after = { writer: await accuracy(tuned, true), mnist: await accuracy(tuned, false) };
const pct = (v: number) => `${(v * 100).toFixed(2)} %`;
console.log(`fine-tune on ${samples.length} samples (${PER_DIGIT} per digit) in ${seconds.toFixed(1)} s, defaults of train()`);
console.log(`writer's unseen digits (10k styled test digits): ${pct(before.writer)} → ${pct(after.writer)}`);
console.log(`MNIST test set (10k):                           ${pct(before.mnist)} → ${pct(after.mnist)}`);
mkdirSync('reports', { recursive: true });
writeFileSync('reports/finetune.json', JSON.stringify({ samples: samples.length, seconds, before, after }, null, 2) + '\n');
