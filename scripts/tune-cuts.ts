/**
 * Compares settings of the cut search (src/segment/cuts.ts) on numbers composed from MNIST
 * *training* digits, never the test digits that `npm run eval` reports on. Prints, per setting, the
 * share of numbers read exactly right, how the others went wrong (too few digits, too many, or the
 * right count with a wrong digit), and how many distinct pieces the search read per number (what the
 * verifier pays for; the coarse-to-fine settings `coarse` and `coarseMargin` trade it against cuts).
 *
 *   npm run build
 *   CONFIGS='[{"cutCost":-0.4},{"cutCost":0,"minBlobWidth":0.8}]' N=800 npx tsx scripts/tune-cuts.ts
 *   CONFIGS='[{"coarse":1},{"coarse":2},{"coarse":3},{"coarseMargin":4}]' N=600 npx tsx scripts/tune-cuts.ts
 *
 * MODEL=<digits.json> reads with another recognizer; FROM=50000 composes the numbers from training
 * digits 50,000–59,999 only, whose cut pieces `scripts/train.ts --number-pieces` never trains on.
 */
import { loadMnist, mnistSlice } from './lib/mnist.js';
import { composeNumber } from './lib/numbers.js';
import { createRng } from '../src/training/rng.js';
import { toInk } from '../src/preprocess/ink.js';
import { classify, segmentInk } from '../src/segment/number.js';
import { DEFAULT_CUT_TUNING } from '../src/segment/cuts.js';
import type { InkImage } from '../src/preprocess/image-input.js';

const sdk = await import(new URL('../dist/index.node.js', import.meta.url).href);
const model = process.env.MODEL ? await sdk.loadModel(new URL(process.env.MODEL, `file://${process.cwd()}/`)) : await sdk.getDefaultModel();
const verifier = await sdk.loadModel(new URL(process.env.VERIFIER ?? 'weights/segmenter.json', `file://${process.cwd()}/`));
const N = Number(process.env.N ?? 800);
const configs: object[] = JSON.parse(process.env.CONFIGS ?? '[{}]');
const all = loadMnist('train');
const from = Number(process.env.FROM ?? 0);
if (!(Number.isInteger(from) && from >= 0 && from < all.count)) throw new Error(`FROM must be a digit index from 0 to ${all.count - 1}, got ${process.env.FROM}`);
const train = mnistSlice(all, from);
const sets = [false, true].map((touching) => {
  const random = createRng(touching ? 1012 : 1011); // the benchmark's seeds are 11 and 12
  return { touching, numbers: Array.from({ length: N }, () => composeNumber(train, random, touching)) };
});

const read = (inks: InkImage[]) => classify(model, inks, verifier);

for (const config of configs) {
  const tuning = { ...DEFAULT_CUT_TUNING, ...config };
  let piecesRead = 0;
  const results = sets.map(({ touching, numbers }) => {
    const outcomes = { right: 0, tooFew: 0, tooMany: 0, wrongDigit: 0 };
    for (const { value, image } of numbers) {
      // A piece the coarse pass read and the fine pass kept is one ink object, read by the verifier once.
      const seen = new Set<InkImage>();
      const pieces = segmentInk(toInk(image), (inks) => (inks.forEach((ink) => seen.add(ink)), read(inks)), tuning);
      piecesRead += seen.size;
      const got = read(pieces.map((p) => p.ink)).map((r) => r?.label ?? '').join('');
      outcomes[got === value ? 'right' : got.length < value.length ? 'tooFew' : got.length > value.length ? 'tooMany' : 'wrongDigit']++;
    }
    return `${touching ? 'touching' : 'separated'} ${((outcomes.right / N) * 100).toFixed(2)} % ${JSON.stringify(outcomes)}`;
  });
  console.log(JSON.stringify(config), '|', results.join(' | '), `| ${(piecesRead / (2 * N)).toFixed(1)} pieces read per number`);
}
