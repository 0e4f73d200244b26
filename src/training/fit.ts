/**
 * The training loop shared by `train()` (browser worker, browser main thread, Node) and
 * `npm run train`: tfjs-layers on the wasm backend, Adam with cosine decay, seeded shuffling and
 * augmentation, progress, abort and resumable state.
 */
import * as tf from '@tensorflow/tfjs-core';
import { ensureBackend } from '../backend.js';
import { DigitPadError } from '../errors.js';
import { digitArchitecture, weightShapes, type LayerSpec } from '../model/architecture.js';
import type { DigitNetwork } from '../model/network.js';
import { PREPROCESS } from '../preprocess/normalize.js';
import { augmentDigit } from './augment.js';
import type { PreparedDataset } from './dataset.js';
import { buildLayersModel } from './layers-model.js';
import { createRng, shuffleInPlace } from './rng.js';
import { registerWasmConv2DBackpropFilter } from './wasm-conv-backprop-filter.js';

export interface FitSettings {
  from: 'pretrained' | 'scratch';
  epochs: number;
  batchSize: number;
  learningRate: number;
  validationSplit: number;
  augment: boolean;
  seed: number;
  /** Skip the last partial batch of each epoch (the recipe of the shipped weights). */
  dropRemainder?: boolean;
}

export interface TrainProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  loss: number;
  accuracy: number;
  /** Accuracy on the held-out split, reported once per epoch (after its last batch). */
  valAccuracy?: number;
}

/** Everything needed to continue a run: model and optimizer variables after `epochsDone` epochs. */
export interface TrainingState {
  epochsDone: number;
  tensors: { name: string; shape: number[]; values: Float32Array }[];
  modelTensorCount: number;
}

export interface FitHooks {
  onProgress?: (progress: TrainProgress) => void;
  signal?: AbortSignal;
  onEpochEnd?: (state: TrainingState) => void | Promise<void>;
  resume?: TrainingState;
  /** The network to train from scratch; default `digitArchitecture()` (scripts/train.ts tries wider ones). */
  architecture?: LayerSpec[];
  /**
   * Rewrites a batch's targets in place before the step: `ys` holds one-hot rows for the samples
   * `members` (indices into the dataset), `xs` their inputs as trained on (augmented). scripts/train.ts
   * mixes in a teacher's probabilities (`--distill`).
   */
  targets?: (xs: Float32Array, ys: Float32Array, members: Uint32Array) => void;
}

export interface FitResult {
  architecture: LayerSpec[];
  /** Float weights in manifest order. */
  weights: Float32Array[];
  history: { epoch: number; loss: number; accuracy: number; valAccuracy?: number }[];
  seconds: number;
  samplesPerSecond: number;
}

export async function fit(data: PreparedDataset, settings: FitSettings, base: DigitNetwork | null, hooks: FitHooks = {}): Promise<FitResult> {
  const backend = await ensureBackend();
  if (backend !== 'cpu') registerWasmConv2DBackpropFilter();
  const tfl = await import('@tensorflow/tfjs-layers');
  const size = PREPROCESS.size;
  const pixels = size * size;
  const classes = data.classNames.length;
  const architecture = hooks.architecture ?? digitArchitecture(classes);
  const shapes = weightShapes(architecture, [size, size, 1]);

  const { train, validation } = split(data.labels.length, settings);
  const model = buildLayersModel(tfl, architecture, [size, size, 1], settings.seed);
  const optimizer = tf.train.adam(settings.learningRate);
  const started = Date.now();
  let samples = 0;
  try {
    if (base) copyPretrained(model, base, shapes);
    model.compile({ optimizer, loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    let startEpoch = 0;
    if (hooks.resume) startEpoch = await restore(model, optimizer, hooks.resume);

    const batchSize = Math.min(settings.batchSize, train.length);
    const batches = settings.dropRemainder ? Math.floor(train.length / batchSize) : Math.ceil(train.length / batchSize);
    const history: FitResult['history'] = [];
    for (let epoch = startEpoch; epoch < settings.epochs; epoch++) {
      (optimizer as unknown as { learningRate: number }).learningRate = settings.learningRate * (0.01 + 0.99 * 0.5 * (1 + Math.cos((Math.PI * epoch) / settings.epochs)));
      const random = createRng(settings.seed * 1000 + epoch);
      const order = Uint32Array.from(train);
      shuffleInPlace(order, random);
      let lossSum = 0, accuracySum = 0;
      for (let batch = 0; batch < batches; batch++) {
        if (hooks.signal?.aborted) throw new DigitPadError('TRAINING_ABORTED', 'Training was aborted; existing models are unchanged.');
        const members = order.subarray(batch * batchSize, Math.min(order.length, (batch + 1) * batchSize));
        const xs = new Float32Array(members.length * pixels);
        const ys = new Float32Array(members.length * classes);
        members.forEach((index, k) => {
          const digit = data.inputs.subarray(index * pixels, (index + 1) * pixels);
          xs.set(settings.augment ? augmentDigit(digit, size, random) : digit, k * pixels);
          ys[k * classes + data.labels[index]] = 1;
        });
        hooks.targets?.(xs, ys, members);
        const x = tf.tensor4d(xs, [members.length, size, size, 1]);
        const y = tf.tensor2d(ys, [members.length, classes]);
        const [loss, accuracy] = (await model.trainOnBatch(x, y)) as number[];
        x.dispose();
        y.dispose();
        samples += members.length;
        lossSum += loss;
        accuracySum += accuracy;
        const last = batch === batches - 1;
        const valAccuracy = last && validation.length ? evaluate(model, data, validation) : undefined;
        hooks.onProgress?.({
          epoch: epoch + 1, epochs: settings.epochs, batch: batch + 1, batches,
          loss: lossSum / (batch + 1), accuracy: accuracySum / (batch + 1), valAccuracy,
        });
        if (last) history.push({ epoch: epoch + 1, loss: lossSum / batches, accuracy: accuracySum / batches, valAccuracy });
        // Let abort signals, progress UI and other work run between batches.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      if (hooks.onEpochEnd) await hooks.onEpochEnd(await snapshot(model, optimizer, epoch + 1));
    }
    const byName = new Map(model.weights.map((w, i) => [w.originalName, model.getWeights()[i]]));
    const weights = shapes.map(({ name }) => byName.get(name)!.dataSync() as Float32Array);
    const seconds = (Date.now() - started) / 1000;
    return { architecture, weights, history, seconds, samplesPerSecond: samples / Math.max(seconds, 1e-3) };
  } catch (error) {
    if (error instanceof DigitPadError) throw error;
    throw new DigitPadError('TRAINING_FAILED', `Training failed: ${(error as Error).message}`, { cause: error });
  } finally {
    model.dispose();
    optimizer.dispose();
  }
}

function split(count: number, settings: FitSettings): { train: Uint32Array; validation: Uint32Array } {
  const all = Uint32Array.from({ length: count }, (_, i) => i);
  const held = Math.floor(count * settings.validationSplit);
  if (held === 0) return { train: all, validation: new Uint32Array(0) };
  shuffleInPlace(all, createRng(settings.seed ^ 0x5eed));
  return { train: all.subarray(held), validation: all.subarray(0, held) };
}

type LayersModel = ReturnType<typeof buildLayersModel>;

function copyPretrained(model: LayersModel, base: DigitNetwork, shapes: { name: string; shape: number[] }[]): void {
  for (const layer of model.layers) {
    const kernel = base.weight(`${layer.name}/kernel`);
    const bias = base.weight(`${layer.name}/bias`);
    if (!kernel || !bias) continue;
    const wanted = shapes.find((s) => s.name === `${layer.name}/kernel`)!.shape;
    // A different set of classes gets a fresh output layer; everything before it is reused.
    if (kernel.shape.join() !== wanted.join()) continue;
    layer.setWeights([kernel, bias]);
  }
}

function evaluate(model: LayersModel, data: PreparedDataset, members: Uint32Array): number {
  const pixels = PREPROCESS.size * PREPROCESS.size;
  let correct = 0;
  for (let start = 0; start < members.length; start += 256) {
    const chunk = members.subarray(start, start + 256);
    const xs = new Float32Array(chunk.length * pixels);
    chunk.forEach((index, k) => xs.set(data.inputs.subarray(index * pixels, (index + 1) * pixels), k * pixels));
    const predicted = tf.tidy(() => tf.argMax(model.predict(tf.tensor4d(xs, [chunk.length, PREPROCESS.size, PREPROCESS.size, 1])) as tf.Tensor, -1));
    const values = predicted.dataSync();
    predicted.dispose();
    chunk.forEach((index, k) => { if (values[k] === data.labels[index]) correct++; });
  }
  return correct / members.length;
}

async function snapshot(model: LayersModel, optimizer: tf.AdamOptimizer, epochsDone: number): Promise<TrainingState> {
  const optimizerWeights = await optimizer.getWeights();
  const named = [
    ...model.weights.map((w, i) => ({ name: w.originalName, tensor: model.getWeights()[i] })),
    ...optimizerWeights,
  ];
  return {
    epochsDone,
    modelTensorCount: model.weights.length,
    tensors: named.map(({ name, tensor }) => ({ name, shape: tensor.shape, values: Float32Array.from(tensor.dataSync() as Float32Array) })),
  };
}

async function restore(model: LayersModel, optimizer: tf.AdamOptimizer, state: TrainingState): Promise<number> {
  const tensors = state.tensors.map(({ shape, values }) => tf.tensor(values, shape));
  model.setWeights(tensors.slice(0, state.modelTensorCount));
  await optimizer.setWeights(state.tensors.slice(state.modelTensorCount).map(({ name }, i) => ({ name, tensor: tensors[state.modelTensorCount + i] })));
  tensors.forEach((t) => t.dispose()); // setWeights copied or re-referenced them
  return state.epochsDone;
}
