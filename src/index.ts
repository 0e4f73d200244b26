/**
 * digit-pad SDK: handwritten digit recognition on bundled uint8 weights, tfjs wasm (SIMD) backend.
 * Imports no DOM or Lit code, so it runs in Node, browsers and workers.
 *
 * ```ts
 * import { recognize } from 'digit-pad';
 * const { digit, confidence } = await recognize(imageData);
 * ```
 */
import { configureBackend, type BackendOptions } from './backend.js';

export { recognize, recognizeBatch, getDefaultModel } from './recognize.js';
export { recognizeStrokes } from './recognize-strokes.js';
export { PEN_READING } from './preprocess/strokes.js';
export type { Digit, RecognizeOptions, RecognizeResult } from './recognize.js';
export { loadModel, DEFAULT_MANIFEST_URL } from './model/load.js';
export { DigitModel } from './model/load.js';
export type { WeightsManifest, WeightEntry } from './model/manifest.js';
export { DigitPadError } from './errors.js';
export type { DigitPadErrorCode } from './errors.js';
export { preprocess, PREPROCESS, MAX_IMAGE_SIDE } from './preprocess/index.js';
export type { ImageInput, RawImage } from './preprocess/index.js';
export type { BackendName, BackendOptions } from './backend.js';
export { backendFallbackReason } from './backend.js';

/**
 * Sets where and how the model runs; call it before the first recognition, if at all.
 * Bundlers find the assets by themselves; `assetBase` is for serving a copy of the package's
 * dist/ (its `.wasm` files and `weights/`) from elsewhere, such as a CDN.
 *
 * ```ts
 * configure({ assetBase: 'https://cdn.example.com/digit-pad@0.1.0/dist/' });
 * ```
 */
export function configure(options: BackendOptions): void {
  configureBackend(options);
}

export { train } from './training/train.js';
export type { TrainOptions } from './training/train.js';
export type { TrainProgress } from './training/fit.js';
export type { Dataset, LabeledImage, TensorDataset } from './training/dataset.js';
export type { ModelBytes } from './model/storage.js';

export { recognizeNumber } from './segment/number.js';
export type { NumberOptions, NumberResult, NumberDigit } from './segment/number.js';
export type { StrokePoint } from './preprocess/strokes.js';

export { inspect } from './inspect.js';
export type { InspectOptions, InspectResult, LayerActivation, LayerFilters, EvidenceMap } from './inspect.js';
