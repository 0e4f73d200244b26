import { ensureBackend, type BackendName } from './backend.js';
import { DigitPadError } from './errors.js';
import { builtInModel, type DigitModel } from './model/load.js';
import { normalizeDigit, preprocess, PREPROCESS, readPixels, toInk, type ImageInput } from './preprocess/index.js';

export type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export interface RecognizeOptions {
  /** A model from `loadModel()`; defaults to the shipped digits model. */
  model?: DigitModel;
  /**
   * Below this confidence (0..1) no digit is claimed: `digit` is null and `status` 'uncertain'.
   * Default 0: always report the best guess, with its confidence.
   */
  minConfidence?: number;
}

export interface RecognizeResult {
  /** The recognised digit, or null when nothing was written or confidence was below `minConfidence`. */
  digit: Digit | null;
  /** Class name of the best guess ('0'…'9' for the digits model), null when `digit` is null. */
  label: string | null;
  /** Probability of the best class (0 for an empty image). */
  confidence: number;
  /** One probability per class (all 0 for an empty image: no guess was made). */
  probabilities: number[];
  /** 'ok', 'empty' (nothing written) or 'uncertain' (best guess below `minConfidence`). */
  status: 'ok' | 'empty' | 'uncertain';
  /** The tfjs backend that computed it. */
  backend: BackendName;
}

/**
 * The built-in digits model, loaded once and shared by every caller: a network trained on MNIST and
 * pen digits and one trained on MNIST alone, mixed per digit by the kind of ink (drawn on a screen
 * or scanned from paper) that a third, small network sees.
 *
 * ```ts
 * const model = await getDefaultModel();
 * model.classNames; // ['0', …, '9']
 * ```
 */
export const getDefaultModel: () => Promise<DigitModel> = builtInModel;

/**
 * Recognises one handwritten digit. Accepts ImageData, a canvas, an ImageBitmap, or
 * `{ width, height, data }` (RGBA or one channel); dark-on-light and light-on-dark both work.
 *
 * ```ts
 * const { digit, confidence } = await recognize(canvas);
 * if (digit === null) console.log('nothing written');
 * ```
 */
export async function recognize(image: ImageInput, options: RecognizeOptions = {}): Promise<RecognizeResult> {
  const minConfidence = checkOptions(options);
  // The pixels are read now, as the call found them; the canvas may change while the model loads.
  const ink = toInk(readPixels(image, 'image'));
  const backend = await ensureBackend();
  const model = options.model ?? (await getDefaultModel());
  const digit = normalizeDigit(ink, singleReadInput);
  if (!digit) return emptyResult(model.classNames.length, backend);
  return toResult(Array.from(model.network.predict(digit, 1)), model, minConfidence, backend);
}

/**
 * @internal The network input of one digit, shared by single reads: each fills it and hands it to
 * predict() with no await in between (predict copies it), so reads never see each other's.
 */
export const singleReadInput = new Float32Array(PREPROCESS.size * PREPROCESS.size);

/**
 * Recognises many single-digit images in one call: every image is preprocessed, then all of them go
 * through the network in batches, which is several times faster per digit than one call each.
 * Results are in input order; an invalid image rejects the whole call, naming its index.
 *
 * ```ts
 * const results = await recognizeBatch(canvases);
 * results.map((r) => r.digit);
 * ```
 */
export async function recognizeBatch(images: Iterable<ImageInput>, options: RecognizeOptions = {}): Promise<RecognizeResult[]> {
  const minConfidence = checkOptions(options);
  if (!images || typeof (images as Iterable<ImageInput>)[Symbol.iterator] !== 'function') {
    throw new DigitPadError('INVALID_INPUT', 'recognizeBatch() needs an array or iterable of images.');
  }
  const digits = Array.from(images, (image, i) => preprocess(image, `images[${i}]`));
  const backend = await ensureBackend();
  const model = options.model ?? (await getDefaultModel());
  const classes = model.classNames.length;
  return model.network.predictEach(digits).map((probabilities) =>
    probabilities ? toResult(Array.from(probabilities), model, minConfidence, backend) : emptyResult(classes, backend));
}

/** @internal */
export function emptyResult(classes: number, backend: BackendName): RecognizeResult {
  return { digit: null, label: null, confidence: 0, probabilities: new Array(classes).fill(0), status: 'empty', backend };
}

/** @internal */
export function toResult(probabilities: number[], model: DigitModel, minConfidence: number, backend: BackendName): RecognizeResult {
  const { digit, label, confidence } = bestClass(probabilities, model.classNames);
  if (confidence < minConfidence) return { digit: null, label: null, confidence, probabilities, status: 'uncertain', backend };
  return { digit, label, confidence, probabilities, status: 'ok', backend };
}

/** @internal The most probable class: its label, its probability, and the digit it names (null for other classes). */
export function bestClass(probabilities: ArrayLike<number>, classNames: readonly string[]): { digit: Digit | null; label: string; confidence: number } {
  let best = 0;
  for (let i = 1; i < probabilities.length; i++) if (probabilities[i] > probabilities[best]) best = i;
  const label = classNames[best];
  return { digit: /^[0-9]$/.test(label) ? (Number(label) as Digit) : null, label, confidence: probabilities[best] };
}

/** @internal The minConfidence option, checked along with the rest. */
export function checkOptions(options: RecognizeOptions): number {
  if (options === null || typeof options !== 'object') {
    throw new DigitPadError('INVALID_OPTION', `options must be an object, got ${options === null ? 'null' : typeof options}.`);
  }
  const { minConfidence = 0, model } = options;
  if (typeof minConfidence !== 'number' || !(minConfidence >= 0 && minConfidence <= 1)) {
    throw new DigitPadError('INVALID_OPTION', `options.minConfidence must be a number in 0..1, got ${String(minConfidence)}.`);
  }
  if (model !== undefined && !(model && typeof model === 'object' && 'network' in model)) {
    throw new DigitPadError('INVALID_OPTION', 'options.model must be a model returned by loadModel().');
  }
  return minConfidence;
}
