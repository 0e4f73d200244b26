/**
 * Trains the optional letters model (A–J) with the public train() on generated handwriting-like
 * letters, measures it on held-out letters from another seed, and ships it as weights/letters.*.
 *
 *   npm run build && npx tsx scripts/train-letters.ts
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { generateLetters, LETTERS } from './lib/letters.js';

const sdk = await import(new URL('../dist/index.node.js', import.meta.url).href);
const TRAIN = 12_000, HELD_OUT = 3_000, SEED_TRAIN = 101, SEED_TEST = 202;
const train = generateLetters(TRAIN, SEED_TRAIN);
const test = generateLetters(HELD_OUT, SEED_TEST);
const started = Date.now();
const model = await sdk.train(train, {
  classNames: LETTERS, from: 'scratch', epochs: 8, batchSize: 64, seed: 5,
  onProgress: (p: { epoch: number; batch: number; batches: number; loss: number; accuracy: number; valAccuracy?: number }) => {
    if (p.batch === p.batches) {
      console.log(`epoch ${p.epoch}: loss ${p.loss.toFixed(4)} acc ${(p.accuracy * 100).toFixed(2)}% val ${((p.valAccuracy ?? 0) * 100).toFixed(2)}%`);
    }
  },
});
const seconds = (Date.now() - started) / 1000;
let correct = 0;
for (const { image, label } of test) if ((await sdk.recognize(image, { model })).label === label) correct++;
const accuracy = correct / test.length;
console.log(`held-out letters (${test.length}, seed ${SEED_TEST}): ${(accuracy * 100).toFixed(2)} %, trained in ${seconds.toFixed(0)} s`);

await model.save('weights/letters');
const manifest = JSON.parse(readFileSync('weights/letters.json', 'utf8'));
manifest.training = { ...manifest.training, command: 'npx tsx scripts/train-letters.ts', data: `${TRAIN} generated letters A–J (scripts/lib/letters.ts, seed ${SEED_TRAIN})` };
manifest.evaluation = { heldOut: HELD_OUT, seed: SEED_TEST, accuracy, date: new Date().toISOString() };
delete manifest.training.history;
writeFileSync('weights/letters.json', JSON.stringify(manifest, null, 2) + '\n');
mkdirSync('reports', { recursive: true });
writeFileSync('reports/letters.json', JSON.stringify({ heldOut: HELD_OUT, accuracy, seconds }, null, 2) + '\n');
