/**
 * Trains the segmentation verifier used by recognizeNumber(): a two-class head on the shipped digits
 * network ('digit' = exactly one whole digit, 'other' = two digits, a digit plus a slice of its
 * neighbour, or a fragment). The digit classifier alone reads a pair of touching digits confidently
 * as one digit; this tells a whole digit from a wrong cut.
 *
 * The examples are the very pieces the cut search considers at run time (same blobs, same cut
 * positions, same crops), on numbers composed from MNIST *training* digits (the numbers benchmark
 * uses test digits). Each piece is labelled by whose ink it holds: nearly all of one digit and
 * little of any other is 'digit'; clearly less, or a good part of two digits, is 'other'; pieces in
 * between are left out rather than guessed.
 *
 * Later rounds mine hard negatives: with MINE_WITH set to the previous round's verifier, the wrong
 * cuts that it and the recognizer still score as likely digits are all kept, and easy ones fill up
 * the rest. PEN_NUMBERS adds numbers written with the pen digits of pendigits' training writers,
 * rendered as a canvas would give them. The shipped weights/segmenter.* came from four rounds, the
 * last with pen numbers (before it, pen-written numbers read from their image got an extra digit
 * one time in four):
 *
 *   npm run build
 *   NUMBERS=4000 EPOCHS=4 NEAREST_EVERY=0 OUT=/tmp/seg1 npx tsx scripts/train-segmenter.ts
 *   MINE_WITH=/tmp/seg1.json NEAREST_EVERY=0 OUT=/tmp/seg2 npx tsx scripts/train-segmenter.ts
 *   MINE_WITH=/tmp/seg2.json OUT=/tmp/seg3 npx tsx scripts/train-segmenter.ts        # about 25 min
 *   MINE_WITH=/tmp/seg3.json PEN_NUMBERS=1800 NUMBERS=5000 EPOCHS=4 npx tsx scripts/train-segmenter.ts   # 37 min
 *
 * PEN_STROKE_NUMBERS adds the stroke path's pieces (scripts/lib/pen-numbers.ts strokeCutPieces): more
 * numbers of the same training writers, cut between strokes as a `digits="4"` pad cuts them, each
 * piece labelled by whose strokes it holds.
 *
 * FILTERS=8,16,32 (with SDK=../src/index.node.ts) trains a smaller verifier from scratch instead, with
 * those filters in conv1..conv3: the README's experiment, three rounds as above, the last with EPOCHS=8.
 * INPUT_POOL=2 (also with SDK=../src/index.node.ts) puts a 2×2 max-pool in front of the network: it
 * reads the piece at 14×14, a fifth of the multiply-adds, its convolutions starting from the digits
 * network's (same shapes, a fresh output layer) unless FILTERS are given too. DISTILL=<verifier.json>
 * (with FILTERS or INPUT_POOL) mixes that verifier's answers into the targets (DISTILL_WEIGHT, 0.5).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadMnist } from './lib/mnist.js';
import { composeNumber } from './lib/numbers.js';
import { digitLayers, labelledCandidates } from './lib/number-pieces.js';
import { createRng } from '../src/training/rng.js';
import { toInk } from '../src/preprocess/ink.js';
import { normalizeDigit } from '../src/preprocess/normalize.js';
import { cropSegment } from '../src/segment/components.js';
import type { InkImage } from '../src/preprocess/image-input.js';
import { renderStrokes } from '../src/preprocess/strokes.js';
import { byWriters, darkOnWhite, HELD_OUT_WRITERS, loadPenDigits, VALIDATION_WRITERS } from './lib/pendigits.js';
import { composePenNumber, digitsByWriter, strokeCutPieces, type PenNumber } from './lib/pen-numbers.js';

const sdk = await import(new URL(process.env.SDK ?? '../dist/index.node.js', import.meta.url).href);
const NUMBERS = Number(process.env.NUMBERS ?? 5000);
const EPOCHS = Number(process.env.EPOCHS ?? 5);
const NEAREST_EVERY = Number(process.env.NEAREST_EVERY ?? 4);
/** Pen-written numbers added to the MNIST ones (0: MNIST only, as the verifier shipped before). */
const PEN_NUMBERS = Number(process.env.PEN_NUMBERS ?? 0);
/** Pen numbers read from their strokes, as a `digits="4"` pad reads them (0: none, as before). */
const PEN_STROKE_NUMBERS = Number(process.env.PEN_STROKE_NUMBERS ?? 0);
const FILTERS = process.env.FILTERS ? process.env.FILTERS.split(',').map(Number) : null;
const INPUT_POOL = process.env.INPUT_POOL ? Number(process.env.INPUT_POOL) : null;
if (INPUT_POOL !== null && !(Number.isInteger(INPUT_POOL) && INPUT_POOL >= 2)) throw new Error(`INPUT_POOL must be a whole number ≥ 2, got ${process.env.INPUT_POOL}`);
const mining = process.env.MINE_WITH
  ? { digits: await sdk.loadModel(new URL('weights/digits.json', `file://${process.cwd()}/`)), verifier: await sdk.loadModel(new URL(process.env.MINE_WITH, `file://${process.cwd()}/`)) }
  : null;
/** A wrong cut that the previous round scores at least this likely (confidence × P(whole)) is hard. */
const HARD = 0.2;
/** 'other' pieces kept per 'digit' piece: wrong cuts far outnumber right ones. */
const OTHER_PER_DIGIT = 1.5;
const train = loadMnist('train');
const random = createRng(31);
const images: Float32Array[] = [];
const labels: ('digit' | 'other')[] = [];

const kept = { digit: 0, other: 0, hard: 0, pen: 0, strokes: 0 };
for (let n = 0; n < NUMBERS; n++) {
  // Two in three touching, the hard case. Every NEAREST_EVERY-th resized by nearest neighbour:
  // a verifier that never saw broken strokes cut such digits apart.
  const nearest = NEAREST_EVERY > 0 && n % NEAREST_EVERY === NEAREST_EVERY - 1;
  const number = composeNumber(train, random, n % 3 !== 0, nearest ? 'nearest' : 'bilinear');
  collectPieces(toInk(number.image), digitLayers(number), number.value.length);
}

// Numbers written with a pen by the training writers (never the validation or held-out ones), each
// with its own pen width: the thin, even strokes of a pad or a canvas, whose halves an MNIST-trained
// verifier takes for whole digits (a pen-written 4-digit number read from its image came out with
// an extra digit one time in four).
const penByWriter = digitsByWriter(byWriters(loadPenDigits(), [...HELD_OUT_WRITERS, ...VALIDATION_WRITERS], false));
for (let n = 0; n < PEN_NUMBERS; n++) {
  const number = composePenNumber(penByWriter, random);
  const { width, height } = number.image;
  const pen = height * (0.04 + 0.06 * random());
  const layers = number.parts.map((strokes) => renderStrokes(strokes, width, height, pen).ink);
  // As recognizeNumber() gets it: an 8-bit image, dark ink on white.
  const ink = toInk(darkOnWhite(renderStrokes(number.strokes, width, height, pen)));
  const before = kept.digit + kept.other;
  collectPieces(ink, layers, number.value.length);
  kept.pen += kept.digit + kept.other - before;
}

// The same writers' numbers as a pad reads them: every way strokePlans may cut a stroke group, drawn
// as it draws them. Whose strokes a piece holds is known exactly, so every piece is labelled: one
// digit's strokes, all of them and no others, is 'digit'. Tried for the halves of two-stroke 4s and
// 0s that a pad still reads as two digits; it did not help (README), so the shipped round has none.
for (let n = 0; n < PEN_STROKE_NUMBERS; n++) {
  const before = kept.digit + kept.other;
  collectStrokePieces(composePenNumber(penByWriter, random));
  kept.strokes += kept.digit + kept.other - before;
}

function collectStrokePieces(number: PenNumber): void {
  for (const { ink, whole } of strokeCutPieces(number)) {
    const input = normalizeDigit(ink);
    if (!input) continue;
    images.push(input);
    labels.push(whole ? 'digit' : 'other');
    kept[whole ? 'digit' : 'other']++;
  }
}

/** Labels every piece the cut search would consider in one number's ink, and keeps some (see above). */
function collectPieces(ink: InkImage, layers: Float32Array[], digitCount: number): void {
  const { candidates, imageLabels, rowHeight } = labelledCandidates(ink, layers);
  const digits: InkImage[] = [], others: InkImage[] = [];
  for (const { part, label } of candidates) {
    if (label === 'digit') digits.push(cropSegment(ink, imageLabels, part));
    else if (label === 'other' && (part.x1 - part.x0 + 1 >= 0.25 * rowHeight || random() < 0.1)) others.push(cropSegment(ink, imageLabels, part));
  }
  const inputs = (crops: InkImage[]) => crops.map((crop) => normalizeDigit(crop));
  const otherInputs = inputs(others);
  const hard = mining ? likelihoods(otherInputs).map((p) => p >= HARD) : others.map(() => false);
  // The hard wrong cuts, and a random subset of the rest, in proportion to the right cuts.
  const budget = OTHER_PER_DIGIT * Math.max(digits.length, digitCount);
  const hardCount = hard.filter(Boolean).length;
  const keepEasy = Math.min(1, Math.max(0, budget - hardCount) / Math.max(1, others.length - hardCount));
  const add = (input: Float32Array | null, label: 'digit' | 'other') => {
    if (!input) return;
    images.push(input);
    labels.push(label);
    kept[label]++;
  };
  for (const input of inputs(digits)) add(input, 'digit');
  otherInputs.forEach((input, k) => {
    if (hard[k] && input) kept.hard++;
    if (hard[k] || random() < keepEasy) add(input, 'other');
  });
}

/** How likely the previous round finds each piece to be a whole digit: confidence × P(whole). */
function likelihoods(inputs: (Float32Array | null)[]): number[] {
  const digits = mining!.digits.network.predictEach(inputs);
  const whole = mining!.verifier.network.predictEach(inputs);
  return digits.map((p: Float32Array | null, k: number) => (p && whole[k] ? Math.max(...p) * whole[k]![0] : 0));
}
const flat = new Float32Array(images.length * 784);
images.forEach((d, i) => flat.set(d, i * 784));
console.log(`${labels.length} pieces from ${NUMBERS} MNIST + ${PEN_NUMBERS} pen numbers (${kept.pen} pen pieces) + ${PEN_STROKE_NUMBERS} read from strokes (${kept.strokes} pieces): ${kept.digit} whole digits, ${kept.other} wrong cuts${mining ? ` (${kept.hard} hard ones mined)` : ''}`);
const started = Date.now();
const onProgress = (p: { epoch: number; batch: number; batches: number; loss: number; accuracy: number; valAccuracy?: number }) => {
  if (p.batch === p.batches) console.log(`epoch ${p.epoch}: loss ${p.loss.toFixed(4)} acc ${(p.accuracy * 100).toFixed(2)}% val ${((p.valAccuracy ?? 0) * 100).toFixed(2)}%  ${((Date.now() - started) / 1000).toFixed(0)} s`);
};
const model = FILTERS || INPUT_POOL
  ? await trainVariant(FILTERS, INPUT_POOL)
  : await sdk.train({ images: flat, labels }, { classNames: ['digit', 'other'], from: 'pretrained', epochs: EPOCHS, batchSize: 64, augment: false, seed: 7, onProgress });

/**
 * A cheaper verifier: fewer filters (FILTERS=8,16,32 for conv1..conv3, from scratch) or a coarser
 * input (INPUT_POOL=2: a max-pool first; with the digits network's filters it starts from their
 * weights, as the shipped verifier does). Fewer multiply-adds per candidate piece, for a faster cut
 * search. Runs fit() from the sources, so run it with SDK=../src/index.node.ts.
 */
async function trainVariant(filters: number[] | null, inputPool: number | null) {
  const { fit } = await import('../src/training/fit.js');
  const { digitArchitecture } = await import('../src/model/architecture.js');
  const { encodeWeights } = await import('../src/model/encode.js');
  let conv = 0;
  const layers = digitArchitecture(2).map((layer) => (layer.type === 'conv2d' && filters ? { ...layer, filters: filters[conv++] } : layer));
  if (filters && (filters.length !== conv || filters.some((f) => !(f > 0)))) throw new Error(`FILTERS needs ${conv} positive numbers`);
  const architecture = inputPool ? [{ type: 'maxPool' as const, size: inputPool }, ...layers] : layers;
  const base = filters ? null : (await sdk.loadModel(new URL('weights/digits.json', `file://${process.cwd()}/`))).network;
  const settings = { from: base ? 'pretrained' as const : 'scratch' as const, epochs: EPOCHS, batchSize: 64, learningRate: base ? 1e-3 : 2e-3, validationSplit: 0.1, augment: false, seed: 7 };
  const targets = process.env.DISTILL ? await distillTargets(process.env.DISTILL, Number(process.env.DISTILL_WEIGHT ?? 0.5)) : undefined;
  const result = await fit({ inputs: flat, labels: Int32Array.from(labels, (l) => (l === 'digit' ? 0 : 1)), classNames: ['digit', 'other'] }, settings, base, { architecture, onProgress, targets });
  const { manifest, binary } = encodeWeights({
    architecture: result.architecture, classNames: ['digit', 'other'], weights: result.weights, binaryPath: 'model.bin',
    training: { ...settings, samples: labels.length, history: result.history, seconds: result.seconds, samplesPerSecond: result.samplesPerSecond },
  });
  return sdk.loadModel({ manifest, binary });
}
/**
 * DISTILL=<verifier.json>: each piece's target becomes (1 − w) · its label + w · the teacher's
 * P(one whole digit) (w = DISTILL_WEIGHT, default 0.5), so a cheaper verifier learns where the
 * shipped one draws the line on pieces that are neither clearly whole nor clearly cut.
 */
async function distillTargets(teacherPath: string, weight: number) {
  if (!(weight > 0 && weight <= 1)) throw new Error(`DISTILL_WEIGHT must be in (0, 1], got ${weight}`);
  const teacher = await sdk.loadModel(new URL(teacherPath, `file://${process.cwd()}/`));
  const whole = new Float32Array(labels.length);
  for (let first = 0; first < labels.length; first += 256) {
    const n = Math.min(256, labels.length - first);
    const p = teacher.network.predict(flat.subarray(first * 784, (first + n) * 784), n);
    for (let k = 0; k < n; k++) whole[first + k] = p[k * 2];
  }
  return (_xs: Float32Array, ys: Float32Array, members: Uint32Array) => {
    for (let k = 0; k < members.length; k++) {
      const p = whole[members[k]];
      ys[k * 2] = (1 - weight) * ys[k * 2] + weight * p;
      ys[k * 2 + 1] = (1 - weight) * ys[k * 2 + 1] + weight * (1 - p);
    }
  };
}
console.log(`trained in ${((Date.now() - started) / 1000).toFixed(0)} s`);
const out = process.env.OUT ?? 'weights/segmenter';
await model.save(out);
const manifest = JSON.parse(readFileSync(`${out}.json`, 'utf8'));
const last = manifest.training.history.at(-1);
manifest.training = { ...manifest.training, command: `NUMBERS=${NUMBERS} PEN_NUMBERS=${PEN_NUMBERS}${PEN_STROKE_NUMBERS ? ` PEN_STROKE_NUMBERS=${PEN_STROKE_NUMBERS}` : ''} EPOCHS=${EPOCHS} NEAREST_EVERY=${NEAREST_EVERY}${FILTERS ? ` FILTERS=${FILTERS}` : ''}${INPUT_POOL ? ` INPUT_POOL=${INPUT_POOL}` : ''}${process.env.DISTILL ? ` DISTILL=<teacher> DISTILL_WEIGHT=${process.env.DISTILL_WEIGHT ?? 0.5}` : ''}${mining ? ' MINE_WITH=<previous round>' : ''} npx tsx scripts/train-segmenter.ts`, data: `${labels.length} cut-search pieces (${kept.digit} whole digits, ${kept.other} wrong cuts${mining ? ', hard ones mined with the previous round' : ''}) of ${NUMBERS} numbers composed from MNIST training digits${PEN_NUMBERS ? ` and ${PEN_NUMBERS} written with the pen digits of UCI pendigits' training writers (not the validation or held-out ones)` : ''}${PEN_STROKE_NUMBERS ? `, and the stroke-cut pieces of ${PEN_STROKE_NUMBERS} more read from their strokes` : ''}`, history: undefined };
manifest.evaluation = { validationAccuracy: last.valAccuracy };
writeFileSync(`${out}.json`, JSON.stringify(manifest, null, 2) + '\n');
