import { ensureBackend } from './backend.js';
import { DigitPadError } from './errors.js';
import { normalizeDigit } from './preprocess/normalize.js';
import { normalizeScaledStrokes, normalizeStrokes, PEN_READING, type StrokePoint } from './preprocess/strokes.js';
import type { DigitModel } from './model/load.js';
import { checkOptions, emptyResult, getDefaultModel, singleReadInput, toResult, type RecognizeOptions, type RecognizeResult } from './recognize.js';

/**
 * Recognises one digit from the pen strokes that wrote it, the way `<digit-pad>` reads: the strokes
 * are re-rendered with the pen at a fixed fraction of the digit's size (`PEN_READING.width`), so the
 * answer does not depend on how thick the pen was or how big the digit was written.
 *
 * ```ts
 * // Each stroke is one pen-down-to-pen-up track of points, in any unit (pixels, 0..1, tablet units).
 * const { digit } = await recognizeStrokes([[[10, 10], [12, 60]]]); // 1
 * ```
 */
export async function recognizeStrokes(strokes: readonly (readonly StrokePoint[])[], options: RecognizeOptions = {}): Promise<RecognizeResult> {
  const minConfidence = checkOptions(options);
  return readCheckedStrokes(checkStrokes(strokes), minConfidence, options.model);
}

/**
 * @internal `recognizeStrokes()` for strokes and options already checked (the pad's own, checked
 * when they were drawn or assigned), x and y multiplied by `unitX` and `unitY` (the pad's size for
 * its 0..1 points): the same bits, without a copy of every point on each read.
 */
export async function readCheckedStrokes(strokes: readonly (readonly StrokePoint[])[], minConfidence: number, model?: DigitModel, unitX = 1, unitY = 1): Promise<RecognizeResult> {
  const backend = await ensureBackend();
  const reader = model ?? (await getDefaultModel());
  // Rendered, normalised and read with no await in between: the reused buffers stay this read's.
  const ink = normalizeScaledStrokes(strokes, unitX, unitY, PEN_READING.width, PEN_READING.size, true);
  const digit = ink && normalizeDigit(ink, singleReadInput);
  if (!digit) return emptyResult(reader.classNames.length, backend);
  return toResult(Array.from(reader.network.forDrawnInk().predict(digit, 1)), reader, minConfidence, backend);
}

/** @internal The network input for strokes, pen normalised; null when there is nothing to read. */
export function strokesInput(strokes: unknown, argName = 'strokes'): Float32Array | null {
  const ink = normalizeStrokes(checkStrokes(strokes, argName), PEN_READING.width);
  return ink && normalizeDigit(ink);
}

/** @internal Strokes as [x, y] arrays; a DigitPadError naming the first bad stroke or point. */
export function checkStrokes(strokes: unknown, argName = 'strokes'): [number, number][][] {
  if (!Array.isArray(strokes)) {
    throw new DigitPadError('INVALID_INPUT', `${argName} must be an array of strokes (arrays of { x, y } or [x, y] points), got ${strokes === null ? 'null' : typeof strokes}.`);
  }
  return strokes.map((stroke, i) => {
    if (!Array.isArray(stroke)) throw new DigitPadError('INVALID_INPUT', `${argName}[${i}] must be an array of points, got ${stroke === null ? 'null' : typeof stroke}.`);
    return stroke.map((point, j): [number, number] => {
      const [x, y] = Array.isArray(point) ? point : [point?.x, point?.y];
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
        throw new DigitPadError('INVALID_INPUT', `${argName}[${i}][${j}] must be { x, y } or [x, y] with finite numbers, got ${JSON.stringify(point) ?? String(point)}.`);
      }
      return [x, y];
    });
  });
}
