import { DigitPadError } from '../errors.js';
import { preprocess, PREPROCESS, type ImageInput } from '../preprocess/index.js';

/** One training example: anything `recognize()` accepts, and its class (a digit, or a name from `classNames`). */
export interface LabeledImage {
  image: ImageInput;
  label: number | string;
}

/** Already-normalised 28×28 images (count × 784 values, 0..1 floats or 0..255 bytes) with their labels. */
export interface TensorDataset {
  images: Float32Array | Uint8Array;
  labels: ArrayLike<number | string>;
}

export type Dataset = Iterable<LabeledImage> | AsyncIterable<LabeledImage> | TensorDataset;

/** A dataset after validation and preprocessing, ready for training (transferable to a worker). */
export interface PreparedDataset {
  inputs: Float32Array;
  labels: Int32Array;
  classNames: string[];
}

const invalid = (message: string) => new DigitPadError('INVALID_DATASET', message);

/**
 * Validates a dataset and runs every image through the same preprocessing as `recognize()`.
 * Errors name the offending item.
 *
 * ```ts
 * const prepared = await prepareDataset([{ image: canvas, label: 7 }, …], ['0', …, '9']);
 * ```
 */
export async function prepareDataset(dataset: Dataset, classNames: string[]): Promise<PreparedDataset> {
  const pixels = PREPROCESS.size * PREPROCESS.size;
  const classIndex = new Map(classNames.map((name, i) => [name, i]));
  const labelOf = (label: unknown, where: string): number => {
    const key = typeof label === 'number' && Number.isInteger(label) ? String(label) : label;
    const index = typeof key === 'string' ? classIndex.get(key) : undefined;
    if (index === undefined) {
      throw invalid(`${where} has label ${JSON.stringify(label)}, which is not one of the classes [${classNames.join(', ')}].`);
    }
    return index;
  };

  let inputs: Float32Array;
  let labels: Int32Array;
  if (dataset && typeof dataset === 'object' && 'images' in dataset && 'labels' in dataset) {
    const { images, labels: raw } = dataset as TensorDataset;
    if (!(images instanceof Float32Array || images instanceof Uint8Array)) {
      throw invalid('dataset.images must be a Float32Array (0..1) or Uint8Array (0..255) of 28×28 images.');
    }
    if (images.length % pixels !== 0) {
      throw invalid(`dataset.images has ${images.length} values, not a multiple of 784 (28×28).`);
    }
    const count = images.length / pixels;
    if (!raw || raw.length !== count) {
      throw invalid(`dataset.images holds ${count} images but dataset.labels has ${raw?.length ?? 'no'} entries; they must match.`);
    }
    inputs = images instanceof Float32Array ? Float32Array.from(images) : Float32Array.from(images, (v) => v / 255);
    for (let i = 0; i < inputs.length; i++) {
      if (!(inputs[i] >= 0 && inputs[i] <= 1)) throw invalid(`dataset.images[${i}] is ${inputs[i]}; values must be in 0..1.`);
    }
    labels = Int32Array.from({ length: count }, (_, i) => labelOf(raw[i], `dataset.labels[${i}]`));
  } else if (dataset && typeof dataset === 'object' && (Symbol.iterator in dataset || Symbol.asyncIterator in dataset)) {
    const chunks: Float32Array[] = [];
    const indices: number[] = [];
    let i = 0;
    for await (const item of dataset as AsyncIterable<LabeledImage>) {
      if (!item || typeof item !== 'object' || !('image' in item) || !('label' in item)) {
        throw invalid(`dataset item ${i} must be { image, label }, got ${item === null ? 'null' : typeof item}.`);
      }
      indices.push(labelOf(item.label, `dataset item ${i}`));
      let digit: Float32Array | null;
      try {
        digit = preprocess(item.image, `dataset item ${i}.image`);
      } catch (error) {
        throw new DigitPadError('INVALID_DATASET', `dataset item ${i} has an unreadable image: ${(error as Error).message}`, { cause: error });
      }
      if (!digit) throw invalid(`dataset item ${i} has a blank image (no ink found); remove it or draw something.`);
      chunks.push(digit);
      i++;
    }
    inputs = new Float32Array(chunks.length * pixels);
    chunks.forEach((c, k) => inputs.set(c, k * pixels));
    labels = Int32Array.from(indices);
  } else {
    throw invalid('dataset must be an array, an iterable or async iterable of { image, label }, or { images, labels }.');
  }

  if (labels.length === 0) throw invalid('dataset is empty; at least one example per class is needed.');
  const seen = new Set(labels);
  if (seen.size < 2) {
    throw invalid(`dataset has only one class (${classNames[labels[0]]}); a classifier needs examples of at least two.`);
  }
  return { inputs, labels, classNames };
}
