import { DigitPadError } from '../errors.js';
import { encodeWeights } from '../model/encode.js';
import { DigitModel, loadModel } from '../model/load.js';
import { getDefaultModel } from '../recognize.js';
import { prepareDataset, type Dataset, type PreparedDataset } from './dataset.js';
import type { FitResult, FitSettings, TrainProgress } from './fit.js';
import { trainInWorker, workerAvailable } from './worker-client.js';

export interface TrainOptions {
  /** Class names, default the ten digits '0'…'9'. Any number of classes from 2 up. */
  classNames?: string[];
  /** Fine-tune the shipped network (its output layer is replaced when the classes differ) or start fresh. Default 'pretrained'. */
  from?: 'pretrained' | 'scratch';
  /** Default 10 from scratch; fine-tuning defaults to enough passes for ~1,500 sample views (8 to 40 epochs). */
  epochs?: number;
  /** Default 32. */
  batchSize?: number;
  /** Adam learning rate; default 3e-4 to fine-tune the digits, 1e-3 for new classes on the pretrained network, 2e-3 from scratch. */
  learningRate?: number;
  /** Fraction held out to report `valAccuracy`; default 0.1 with 50+ examples, else 0. */
  validationSplit?: number;
  /** Random rotation/scale/shear/shift/stroke-width variation of the examples; default true. */
  augment?: boolean;
  /** Seed for initialisation, shuffling and augmentation; default 1. */
  seed?: number;
  onProgress?: (progress: TrainProgress) => void;
  signal?: AbortSignal;
  /** Browsers: train in a Web Worker (default true) so the page stays responsive; falls back to the main thread. */
  worker?: boolean;
}

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * Trains a model on your examples and returns it; the built-in model and any model you pass
 * around are never modified. Use the result with `recognize(image, { model })`.
 *
 * ```ts
 * const mine = await train(samples, { epochs: 5, onProgress: (p) => bar.value = p.batch / p.batches });
 * await recognize(canvas, { model: mine });
 * ```
 */
export async function train(dataset: Dataset, options: TrainOptions = {}): Promise<DigitModel> {
  const { classNames, settings: chosen } = checkOptions(options);
  throwIfAborted(options.signal);
  const data = await prepareDataset(dataset, classNames);
  throwIfAborted(options.signal);
  const count = data.labels.length;
  const settings: FitSettings = {
    ...chosen,
    // A few samples per class need more passes to move a pretrained network (measured on a held-out writer).
    epochs: chosen.epochs ?? (chosen.from === 'pretrained' ? Math.min(40, Math.max(8, Math.ceil(1500 / count))) : 10),
    validationSplit: chosen.validationSplit ?? (count >= 50 ? 0.1 : 0),
  };
  const base = settings.from === 'pretrained' ? await getDefaultModel() : null;
  const hooks = { onProgress: options.onProgress, signal: options.signal };
  // Loaded on first use: recognition-only pages never download the training code.
  const { fit } = await import('./fit.js');
  let result: FitResult;
  if (options.worker !== false && workerAvailable()) {
    result = await trainInWorker(data, settings, base && { manifest: base.manifest, binary: base.binary }, hooks)
      .catch((error) => {
        if (error?.code === 'WORKER_UNAVAILABLE') return fit(data, settings, base?.network ?? null, hooks);
        throw error;
      });
  } else {
    result = await fit(data, settings, base?.network ?? null, hooks);
  }
  throwIfAborted(options.signal);
  const { manifest, binary } = encodeWeights({
    architecture: result.architecture,
    classNames,
    weights: result.weights,
    binaryPath: 'model.bin',
    training: { ...settings, samples: data.labels.length, history: result.history, seconds: result.seconds, samplesPerSecond: result.samplesPerSecond },
  });
  return loadModel({ manifest, binary });
}

/** @internal exposed for the worker and scripts */
export type { PreparedDataset, FitSettings };

function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw new DigitPadError('TRAINING_ABORTED', 'Training was aborted; existing models are unchanged.');
}

function checkOptions(options: TrainOptions): { classNames: string[]; settings: Omit<FitSettings, 'validationSplit' | 'epochs'> & { validationSplit?: number; epochs?: number } } {
  const bad = (message: string) => new DigitPadError('INVALID_OPTION', message);
  if (options === null || typeof options !== 'object') throw bad('train() options must be an object.');
  const classNames = options.classNames ?? DIGITS;
  if (!Array.isArray(classNames) || classNames.length < 2 || classNames.some((c) => typeof c !== 'string' || c === '')) {
    throw bad('options.classNames must be an array of at least two non-empty strings.');
  }
  if (new Set(classNames).size !== classNames.length) throw bad('options.classNames has duplicates.');
  const from = options.from ?? 'pretrained';
  if (from !== 'pretrained' && from !== 'scratch') throw bad(`options.from must be 'pretrained' or 'scratch', got ${String(from)}.`);
  const integer = (name: keyof TrainOptions, fallback: number, max: number) => {
    const value = options[name] ?? fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
      throw bad(`options.${name} must be an integer from 1 to ${max}, got ${String(value)}.`);
    }
    return value;
  };
  const fraction = (name: keyof TrainOptions, fallback: number, min: number, max: number) => {
    const value = options[name] ?? fallback;
    if (typeof value !== 'number' || !(value >= min && value < max)) {
      throw bad(`options.${name} must be a number in [${min}, ${max}), got ${String(value)}.`);
    }
    return value;
  };
  if (options.signal !== undefined && !(typeof options.signal === 'object' && options.signal && 'aborted' in options.signal)) {
    throw bad('options.signal must be an AbortSignal.');
  }
  if (options.onProgress !== undefined && typeof options.onProgress !== 'function') throw bad('options.onProgress must be a function.');
  const pretrained = from === 'pretrained';
  const sameAsDigits = classNames.length === DIGITS.length && classNames.every((c, i) => c === DIGITS[i]);
  return {
    classNames: [...classNames],
    settings: {
      from,
      epochs: options.epochs === undefined ? undefined : integer('epochs', 10, 1000),
      batchSize: integer('batchSize', 32, 4096),
      learningRate: fraction('learningRate', !pretrained ? 2e-3 : sameAsDigits ? 3e-4 : 1e-3, 1e-7, 1),
      validationSplit: options.validationSplit === undefined ? undefined : fraction('validationSplit', 0, 0, 0.9),
      augment: options.augment ?? true,
      seed: integer('seed', 1, 2 ** 31),
    },
  };
}
