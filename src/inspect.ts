import * as tf from '@tensorflow/tfjs-core';
import { ensureBackend, type BackendName } from './backend.js';
import { DigitPadError } from './errors.js';
import { occlusionEvidence } from './inspect-evidence.js';
import type { DigitModel } from './model/load.js';
import { preprocess, type ImageInput } from './preprocess/index.js';
import type { StrokePoint } from './preprocess/strokes.js';
import { bestClass, getDefaultModel, type Digit } from './recognize.js';
import { strokesInput } from './recognize-strokes.js';

export interface InspectOptions {
  /** A model from `loadModel()` or `train()`; defaults to the shipped digits model. */
  model?: DigitModel;
  /**
   * Also compute evidence maps ("why this digit"). `true`: for the best class and the runner-up;
   * `{ classes: [7, 2] }`: for these class indices (for the digits model, the digit itself).
   * Method: occlusion, blanking each 2×2 window that holds ink (about 240 per MNIST digit, run in
   * batches) and reading how far each class's logit falls. Chosen over gradient × input because it
   * measures the effect of removing the ink rather than a first-order estimate of it, it needs only the
   * forward layers every backend already runs, and it was the more faithful of the two in
   * scripts/evidence-compare.ts (blanking the 10 % of ink it ranks highest drops the class logit by
   * 10.9 against 10.5). The price: ~0.1 s per call against ~1 ms without evidence, so off by default.
   */
  evidence?: boolean | { classes: readonly number[] };
}

/** What one convolution or pooling layer computed: `data` is row-major [h, w, channels] (channels last). */
export interface LayerActivation {
  /** 'conv1', 'conv2', … from the manifest; pooling layers are 'pool1', 'pool2', … in order. */
  name: string;
  type: 'conv2d' | 'maxPool';
  shape: [number, number, number];
  data: Float32Array;
}

/** A layer's learned kernels, [kernelHeight, kernelWidth, inputChannels, filters] as tfjs stores them. */
export interface LayerFilters {
  name: string;
  shape: [number, number, number, number];
  data: Float32Array;
}

/**
 * Occlusion evidence for one class over the model's input (same size and layout as `input`).
 * Positive: ink there argues for the class (covering it lowers the class's logit); negative: against.
 */
export interface EvidenceMap {
  classIndex: number;
  label: string;
  digit: Digit | null;
  shape: [number, number];
  data: Float32Array;
  /** The largest |value| in `data` (0 when the map is flat), for scaling a picture of it. */
  maxAbs: number;
}

export interface InspectResult {
  /** As `recognize()`: the best class, or null and 'empty' when nothing was written. */
  digit: Digit | null;
  label: string | null;
  confidence: number;
  /** Equal to what `recognize()` returns for the same image and model (all 0 when empty). */
  probabilities: number[];
  status: 'ok' | 'empty';
  /** The input exactly as the network gets it (row-major, 0 = background, 1 = ink); null when empty. */
  input: Float32Array | null;
  inputShape: [number, number];
  /** Every convolution and pooling layer's output, in order; [] when empty. */
  layers: LayerActivation[];
  /** The first convolution's learned filters (they do not depend on the image, so also when empty). */
  filters: LayerFilters;
  /** Evidence maps when `options.evidence` asked for them (best class first), else []. */
  evidence: EvidenceMap[];
  backend: BackendName;
}

/**
 * Shows what the network sees: the preprocessed input, every convolution and pooling layer's
 * activation maps, the first layer's filters and the probabilities, all from one pass through the
 * same layers `recognize()` runs, so the probabilities are equal to its own. With `evidence`, also
 * occlusion maps saying which strokes made it this digit rather than the runner-up.
 *
 * ```ts
 * const seen = await inspect(canvas, { evidence: true });   // or inspect(strokes), as a pad reads them
 * seen.layers[0];    // { name: 'conv1', type: 'conv2d', shape: [28, 28, 16], data: Float32Array }
 * seen.evidence[0];  // the best class's map over seen.input, seen.evidence[1] the runner-up's
 * ```
 */
export async function inspect(image: ImageInput | readonly (readonly StrokePoint[])[], options: InspectOptions = {}): Promise<InspectResult> {
  checkOptions(options);
  // Strokes are read as recognizeStrokes() and one-digit pads read them: pen normalised.
  const digit = Array.isArray(image) ? strokesInput(image) : preprocess(image, 'image');
  const backend = await ensureBackend();
  const model = options.model ?? (await getDefaultModel());
  const { classNames } = model;
  const network = Array.isArray(image) ? model.network.forDrawnInk() : model.network;
  const wanted = options.evidence && typeof options.evidence === 'object' ? options.evidence.classes : null;
  wanted?.forEach((c, i) => {
    if (!Number.isInteger(c) || c < 0 || c >= classNames.length) {
      throw new DigitPadError('INVALID_OPTION', `options.evidence.classes[${i}] must be a class index 0..${classNames.length - 1}, got ${String(c)}.`);
    }
  });
  const size = network.inputSize;
  const filters = firstFilters(model);
  const empty = { input: null, inputShape: [size, size] as [number, number], layers: [], filters, evidence: [], backend };
  if (!digit) return { digit: null, label: null, confidence: 0, probabilities: new Array(classNames.length).fill(0), status: 'empty', ...empty };

  const layers: LayerActivation[] = [];
  let pools = 0;
  tf.tidy(() => {
    network.logits(tf.tensor4d(digit, [1, size, size, 1]), (layer, _index, output) => {
      const [, h, w, c] = output.shape;
      const name = layer.type === 'conv2d' ? layer.name : `pool${++pools}`;
      layers.push({ name, type: layer.type as LayerActivation['type'], shape: [h, w, c], data: output.dataSync() as Float32Array });
    });
  });
  // predict(), as recognize() reads: the built-in model's mixture is not one network's softmax.
  const probabilities = Array.from(network.predict(digit, 1));
  const best = bestClass(probabilities, classNames);
  const ranked = probabilities.map((p, i) => [p, i]).sort((a, b) => b[0] - a[0]).map(([, i]) => i);
  const classes = wanted ?? (options.evidence ? ranked.slice(0, 2) : []);
  const maps = classes.length ? occlusionEvidence(network, digit, classes).maps : [];
  const evidence = maps.map((data, k) => {
    const label = classNames[classes[k]];
    let maxAbs = 0;
    for (const v of data) maxAbs = Math.max(maxAbs, Math.abs(v));
    return { classIndex: classes[k], label, digit: /^[0-9]$/.test(label) ? (Number(label) as Digit) : null, shape: [size, size] as [number, number], data, maxAbs };
  });
  return { ...best, probabilities, status: 'ok', ...empty, input: digit, layers, evidence };
}

function firstFilters(model: DigitModel): LayerFilters {
  const first = model.manifest.architecture.find((layer) => layer.type === 'conv2d');
  const kernel = first && model.network.weight(`${first.name}/kernel`);
  if (!first || !kernel) throw new DigitPadError('INVALID_OPTION', 'This model was disposed or has no convolution; load or train it again.');
  return { name: first.name, shape: kernel.shape as LayerFilters['shape'], data: (kernel.dataSync() as Float32Array).slice() }; // a copy: the cpu backend hands out its own storage
}

function checkOptions(options: InspectOptions): void {
  if (options === null || typeof options !== 'object') {
    throw new DigitPadError('INVALID_OPTION', `options must be an object, got ${options === null ? 'null' : typeof options}.`);
  }
  const { model, evidence } = options;
  if (model !== undefined && !(model && typeof model === 'object' && 'network' in model)) {
    throw new DigitPadError('INVALID_OPTION', 'options.model must be a model returned by loadModel() or train().');
  }
  if (evidence !== undefined && typeof evidence !== 'boolean') {
    const classes = evidence && typeof evidence === 'object' ? (evidence as { classes?: unknown }).classes : undefined;
    if (!Array.isArray(classes) || classes.length === 0) {
      throw new DigitPadError('INVALID_OPTION', 'options.evidence must be true, false or { classes: [classIndex, …] } with at least one class.');
    }
  }
}
