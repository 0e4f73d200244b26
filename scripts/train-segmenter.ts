/**
 * Trains the segmentation verifier used by recognizeNumber(): a two-class head on the shipped
 * digits network ('digit' = exactly one whole digit, 'other' = two touching digits, a digit plus a
 * slice of its neighbour, or a fragment). The digit classifier alone reads a pair of touching digits
 * confidently as one digit; this tells a split apart from a whole. Data: numbers composed from
 * MNIST *training* digits (the numbers benchmark uses test digits), columns cut at known positions.
 *
 *   npm run build && npx tsx scripts/train-segmenter.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadMnist } from './lib/mnist.js';
import { composeNumber } from './lib/numbers.js';
import { createRng } from '../src/training/rng.js';
import { toInk } from '../src/preprocess/ink.js';
import { normalizeDigit } from '../src/preprocess/normalize.js';

const sdk = await import(new URL(process.env.SDK ?? '../dist/index.node.js', import.meta.url).href);
const NUMBERS = Number(process.env.NUMBERS ?? 6000);
const train = loadMnist('train');
const random = createRng(31);
const images: number[][] = [];
const labels: string[] = [];

function addPiece(ink: ReturnType<typeof toInk>, a: number, b: number, label: string): void {
  a = Math.max(0, Math.round(a));
  b = Math.min(ink.width - 1, Math.round(b));
  if (b <= a) return;
  const width = b - a + 1;
  const crop = new Float32Array(width * ink.height);
  for (let y = 0; y < ink.height; y++) for (let x = 0; x < width; x++) crop[y * width + x] = ink.ink[y * ink.width + a + x];
  const digit = normalizeDigit({ width, height: ink.height, ink: crop });
  if (!digit) return;
  images.push(Array.from(digit));
  labels.push(label);
}

for (let n = 0; n < NUMBERS; n++) {
  const number = composeNumber(train, random, n % 2 === 1);
  const ink = toInk(number.image);
  const spans = number.spans;
  const jitter = () => Math.round((random() * 2 - 1) * 1.5);
  spans.forEach((s, k) => {
    const w = s.x1 - s.x0 + 1;
    addPiece(ink, s.x0 + jitter(), s.x1 + jitter(), 'digit');
    const next = spans[k + 1];
    if (next) {
      const nw = next.x1 - next.x0 + 1;
      addPiece(ink, s.x0 + jitter(), next.x1 + jitter(), 'other'); // two digits
      addPiece(ink, s.x0 + jitter(), next.x0 + nw * (0.35 + random() * 0.4), 'other'); // digit + slice of the next
    }
    addPiece(ink, s.x0 + w * (0.3 + random() * 0.3), s.x1 + jitter(), 'other'); // right fragment
    addPiece(ink, s.x0 + jitter(), s.x1 - w * (0.3 + random() * 0.3), 'other'); // left fragment
  });
}
const flat = new Float32Array(images.length * 784);
images.forEach((d, i) => flat.set(d, i * 784));
console.log(`${labels.length} pieces: ${labels.filter((l) => l === 'digit').length} digits, ${labels.filter((l) => l === 'other').length} other`);
const started = Date.now();
const model = await sdk.train({ images: flat, labels }, {
  classNames: ['digit', 'other'], from: 'pretrained', epochs: 5, batchSize: 64, augment: false, seed: 7,
  onProgress: (p: { epoch: number; batch: number; batches: number; loss: number; accuracy: number; valAccuracy?: number }) => {
    if (p.batch === p.batches) console.log(`epoch ${p.epoch}: loss ${p.loss.toFixed(4)} acc ${(p.accuracy * 100).toFixed(2)}% val ${((p.valAccuracy ?? 0) * 100).toFixed(2)}%`);
  },
});
console.log(`trained in ${((Date.now() - started) / 1000).toFixed(0)} s`);
await model.save('weights/segmenter');
const manifest = JSON.parse(readFileSync('weights/segmenter.json', 'utf8'));
const last = manifest.training.history.at(-1);
manifest.training = { ...manifest.training, command: 'npx tsx scripts/train-segmenter.ts', data: `${labels.length} column cuts of ${NUMBERS} numbers composed from MNIST training digits`, history: undefined };
manifest.evaluation = { validationAccuracy: last.valAccuracy };
writeFileSync('weights/segmenter.json', JSON.stringify(manifest, null, 2) + '\n');
