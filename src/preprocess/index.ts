import { readPixels } from './image-input.js';
import { toInk } from './ink.js';
import { normalizeDigit } from './normalize.js';

export { readPixels, MAX_IMAGE_SIDE } from './image-input.js';
export type { ImageInput, RawImage, InkImage } from './image-input.js';
export { toInk } from './ink.js';
export { normalizeDigit, PREPROCESS } from './normalize.js';

/**
 * The whole preprocessing pipeline shared by the SDK, the element, training and evaluation:
 * pixels → ink → 28×28 MNIST-style digit (row-major, 0..1), or `null` for an empty image.
 *
 * ```ts
 * const digit = preprocess(canvas); // Float32Array(784) | null
 * ```
 */
export function preprocess(input: unknown, argName = 'image'): Float32Array | null {
  return normalizeDigit(toInk(readPixels(input, argName)));
}
