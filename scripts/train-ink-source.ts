/**
 * Trains the ink-source network (weights/ink-source.*): P(paper) for a normalised digit, the weight
 * the built-in model gives its MNIST-only network against its pen-trained one (src/model/routed-network.ts).
 *   - paper: MNIST training digits 0–49,999, half as they are, half placed on a 280×280 canvas at
 *     random size and position (the way eval reads them);
 *   - screen: the training writers' pen digits (not the validation or held-out writers), six renders
 *     each through the pad's stroke renderer over the pens and sizes of PEN_RANGE.
 * No image augmentation: it would blur the very texture (soft, uneven scanned strokes against one
 * even pen) that tells the two apart. Then it reports how it sends digits nothing chose it on: MNIST
 * training digits 50,000–59,999 and the validation writers, over pen widths 3–25 % and sizes.
 *
 *   npx tsx scripts/train-ink-source.ts            # ~12 min; writes weights/ink-source.{bin,json}
 *   npx tsx scripts/train-ink-source.ts --epochs 1 --limit 2000 --out .cache/ink-source-smoke
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeWeights } from '../src/model/encode.js';
import { preprocess } from '../src/preprocess/index.js';
import { fit, type FitSettings } from '../src/training/fit.js';
import { loadModel } from '../src/index.node.js';
import { createRng } from '../src/training/rng.js';
import type { LayerSpec } from '../src/model/architecture.js';
import { loadMnist, mnistImage, type MnistSplit } from './lib/mnist.js';
import { placeOnCanvas, randomPlacement } from './lib/placement.mjs';
import { byWriters, HELD_OUT_WRITERS, loadPenDigits, PEN_RANGE, penDigitOnPad, renderTrainingVariants, VALIDATION_WRITERS } from './lib/pendigits.js';

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '6' },
    limit: { type: 'string' },
    seed: { type: 'string', default: '9' },
    out: { type: 'string', default: 'weights' },
  },
});
const CLASSES = ['paper', 'screen'];
/** ~2.9 k parameters, ~0.7 M multiply-adds: a third of a digit network's cost. */
const INK_SOURCE_ARCHITECTURE: LayerSpec[] = [
  { type: 'conv2d', name: 'conv1', kernelSize: 5, filters: 16 },
  { type: 'maxPool', size: 2 },
  { type: 'conv2d', name: 'conv2', kernelSize: 3, filters: 16 },
  { type: 'maxPool', size: 2 },
  { type: 'dense', name: 'dense', units: 2 },
];
const settings: FitSettings = {
  from: 'scratch', epochs: Number(args.epochs), batchSize: 64, learningRate: 0.003,
  validationSplit: 0, augment: false, seed: Number(args.seed), dropRemainder: true,
};
const PAPER_DIGITS = args.limit ? Math.min(Number(args.limit), 50_000) : 50_000;
const PEN_RENDERS = 6;

const started = Date.now();
const rng = createRng(5);
const mnist = loadMnist('train');
const paper = [...range(0, PAPER_DIGITS)].map((i) => (i % 2 === 0 ? preprocess(mnistImage(mnist, i)) : preprocess(placed(mnist, i, rng))));
const pen = loadPenDigits();
const writersDigits = byWriters(pen, [...HELD_OUT_WRITERS, ...VALIDATION_WRITERS], false);
const screen = renderTrainingVariants(args.limit ? writersDigits.slice(0, Math.ceil(PAPER_DIGITS / 10)) : writersDigits, PEN_RENDERS, rng);
const paperInputs = paper.filter((x): x is Float32Array => x !== null);
const inputs = new Float32Array((paperInputs.length + screen.labels.length) * 784);
paperInputs.forEach((x, i) => inputs.set(x, i * 784));
inputs.set(screen.inputs, paperInputs.length * 784);
const labels = new Int32Array(paperInputs.length + screen.labels.length).fill(1, paperInputs.length);
console.log(`${paperInputs.length} paper digits, ${screen.labels.length} screen renders`);

const result = await fit({ inputs, labels, classNames: CLASSES }, settings, null, {
  architecture: INK_SOURCE_ARCHITECTURE,
  onProgress: (p) => {
    if (p.batch === p.batches) console.log(`epoch ${p.epoch}/${p.epochs}: loss ${p.loss.toFixed(4)}, accuracy ${(p.accuracy * 100).toFixed(2)} %`);
  },
});
const { manifest, binary } = encodeWeights({
  architecture: result.architecture,
  classNames: CLASSES,
  weights: result.weights,
  binaryPath: 'ink-source.bin',
  training: {
    command: 'npx tsx scripts/train-ink-source.ts',
    data: `paper: MNIST training digits 0–${PAPER_DIGITS - 1}, every other one placed on a 280×280 canvas; screen: ${screen.labels.length} renders (${PEN_RENDERS} each, ${PEN_RANGE.minHeight}–${PEN_RANGE.maxHeight} px tall, pens ${PEN_RANGE.minPen * 100}–${PEN_RANGE.maxPen * 100} % of the height) of ${writersDigits.length} pen digits by the training writers (UCI pendigits, CC BY 4.0; validation writers ${VALIDATION_WRITERS.join(', ')} and held-out writers ${HELD_OUT_WRITERS.join(', ')} left out)`,
    ...settings, optimizer: 'adam', schedule: 'cosine to 1%', backend: 'wasm', seconds: Math.round((Date.now() - started) / 1000),
  },
});
mkdirSync(args.out!, { recursive: true });
writeFileSync(join(args.out!, 'ink-source.bin'), binary);
const evaluation = await routing(manifest, binary);
writeFileSync(join(args.out!, 'ink-source.json'), JSON.stringify({ ...manifest, evaluation }, null, 2) + '\n');
console.log(JSON.stringify(evaluation, null, 2));
console.log(`wrote ${args.out}/ink-source.bin (${binary.length} bytes) after ${((Date.now() - started) / 60000).toFixed(1)} min`);

/** Where the new network sends digits it never trained on: the share with P(paper) above 0.5 (and above 0.99). */
async function routing(m: typeof manifest, bytes: Uint8Array) {
  const source = (await loadModel({ manifest: m, binary: bytes })).network;
  const check = createRng(77);
  const paperP = (xs: (Float32Array | null)[]) => source.predictEach(xs).flatMap((p) => (p ? [p[0]] : []));
  const held = [...range(50_000, 60_000)];
  const direct = paperP(held.map((i) => preprocess(mnistImage(mnist, i))));
  const onCanvas = paperP(held.map((i) => preprocess(placed(mnist, i, check))));
  const validation = byWriters(pen, VALIDATION_WRITERS);
  const widths: Record<string, number> = {};
  let worst = 0;
  for (const fraction of [0.03, 0.06, 0.12, 0.25]) {
    for (const height of [40, 120, 240]) {
      const p = paperP(validation.map((d) => preprocess(penDigitOnPad(d.strokes, 280, height, fraction * height))));
      const toPaper = p.filter((v) => v > 0.5).length / p.length;
      widths[`${fraction * 100}% pen, ${height} px`] = toPaper;
      worst = Math.max(worst, toPaper);
    }
  }
  const share = (ps: number[], test: (v: number) => boolean) => ps.filter(test).length / ps.length;
  return {
    date: new Date().toISOString(),
    mnistTrain50kTo60k: { digits: direct.length, paper: share(direct, (v) => v > 0.5), surelyPaper: share(direct, (v) => v > 0.99) },
    mnistTrain50kTo60kOnCanvas: { digits: onCanvas.length, paper: share(onCanvas, (v) => v > 0.5), surelyPaper: share(onCanvas, (v) => v > 0.99) },
    validationWriters: { writers: VALIDATION_WRITERS, digits: validation.length, sentToPaperByPenAndSize: widths, worstSentToPaper: worst },
  };
}

function placed(split: MnistSplit, i: number, random: () => number) {
  const { size, left, top } = randomPlacement(random);
  return placeOnCanvas(split.images.subarray(i * 784, (i + 1) * 784), 280, size, left, top);
}

function* range(from: number, to: number) {
  for (let i = from; i < to; i++) yield i;
}
