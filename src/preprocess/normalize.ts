import type { InkImage } from './image-input.js';

/** Preprocessing settings; recorded in the weights manifest so training and inference agree. */
export const PREPROCESS = {
  /** Side of the network input. */
  size: 28,
  /** The digit's longer side is scaled to this, keeping aspect ratio (as MNIST did). */
  box: 20,
  /** Ink below this is ignored when finding the digit's bounding box. */
  inkFloor: 0.1,
  /** Pixels at least this dark count as strokes when deciding if anything was written. */
  strokeInk: 0.35,
  /** Fewer stroke pixels than this fraction of the image (and than 3) means "nothing written". */
  minStrokeFraction: 1e-4,
} as const;

/**
 * MNIST-style normalisation: crop to the ink's bounding box, scale the longer side to 20 px
 * (area-averaged, so big canvases are anti-aliased the way MNIST was), and place the centre of
 * mass at the centre of a 28×28 image. Returns `null` when nothing was written.
 *
 * `into` (784 values) receives the digit instead of a new array: a single read that hands it to
 * the network at once reuses one buffer.
 *
 * ```ts
 * const input = normalizeDigit(toInk(readPixels(imageData))); // Float32Array(784) | null
 * ```
 */
export function normalizeDigit({ width, height, ink }: InkImage, into?: Float32Array): Float32Array | null {
  const { size, box, inkFloor, strokeInk, minStrokeFraction } = PREPROCESS;
  if (into && into.length !== size * size) throw new RangeError(`normalizeDigit: into must hold ${size * size} values, got ${into.length}.`);
  let x0 = width, y0 = height, x1 = -1, y1 = -1;
  let strokes = 0, mass = 0, sumX = 0, sumY = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = ink[y * width + x];
      if (v < inkFloor) continue;
      if (v >= strokeInk) strokes++;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      mass += v;
      sumX += v * (x + 0.5);
      sumY += v * (y + 0.5);
    }
  }
  if (strokes < Math.max(3, width * height * minStrokeFraction)) return null;

  const scale = box / Math.max(x1 - x0 + 1, y1 - y0 + 1);
  // Source interval covered by output pixel j: [(j - c) / scale + com, (j + 1 - c) / scale + com].
  const columns = axisWeights(sumX / mass, scale, x0, x1, size, work.columns);
  const rows = axisWeights(sumY / mass, scale, y0, y1, size, work.rows);

  if (work.horizontal.length < (y1 - y0 + 1) * size) work.horizontal = new Float32Array((y1 - y0 + 1) * size * 2);
  const horizontal = work.horizontal; // every value used below is written first
  const { start: columnStart, offset: columnOffset, weights: columnWeights } = columns;
  for (let y = y0; y <= y1; y++) {
    const rowOffset = y * width;
    const outOffset = (y - y0) * size;
    for (let ox = 0; ox < size; ox++) {
      const start = rowOffset + columnStart[ox], from = columnOffset[ox], to = columnOffset[ox + 1];
      let acc = 0;
      for (let k = from; k < to; k++) acc += columnWeights[k] * ink[start + k - from];
      horizontal[outOffset + ox] = acc;
    }
  }
  const out = into ?? new Float32Array(size * size);
  let peak = 0;
  const { start: rowStart, offset: rowOffsets, weights: rowWeights } = rows;
  for (let oy = 0; oy < size; oy++) {
    const start = rowStart[oy] - y0, from = rowOffsets[oy], to = rowOffsets[oy + 1];
    for (let ox = 0; ox < size; ox++) {
      let acc = 0;
      for (let k = from; k < to; k++) acc += rowWeights[k] * horizontal[(start + k - from) * size + ox];
      out[oy * size + ox] = acc;
      if (acc > peak) peak = acc;
    }
  }
  // Thin pens on big canvases average out grey; stretch so the strongest stroke is full ink.
  if (peak > 0) for (let i = 0; i < out.length; i++) out[i] = Math.min(1, out[i] / peak);
  return out;
}

/** Output pixel j reads source pixels start[j]… with weights[offset[j]] … weights[offset[j + 1] - 1]. */
interface Taps {
  start: Int32Array;
  offset: Int32Array;
  weights: Float32Array;
}

const emptyTaps = (): Taps => ({ start: new Int32Array(0), offset: new Int32Array(1), weights: new Float32Array(0) });

/**
 * Working arrays, reused by every call (nothing here awaits, so calls never overlap). Chromium
 * allocates each typed array's memory outside the JS heap: measured in a page, a new 784-value
 * array cost 27 µs, as much as the rest of this function.
 */
const work = { horizontal: new Float32Array(0), columns: emptyTaps(), rows: emptyTaps() };

/**
 * Resampling weights along one axis, restricted to the crop [lo, hi]. Downscaling averages the
 * covered source pixels (box filter); upscaling interpolates linearly between pixel centres.
 * Flat arrays, no closures: this runs twice per digit read.
 */
function axisWeights(centreOfMass: number, scale: number, lo: number, hi: number, size: number, taps: Taps): Taps {
  const centre = size / 2;
  const tapCount = size * (Math.ceil(1 / Math.min(scale, 1)) + 2);
  if (taps.start.length < size) Object.assign(taps, { start: new Int32Array(size), offset: new Int32Array(size + 1) });
  if (taps.weights.length < tapCount) taps.weights = new Float32Array(tapCount * 2);
  const { start, offset, weights } = taps; // offset[0] stays 0; the rest is written below
  let n = 0;
  for (let j = 0; j < size; j++) {
    const a = (j - centre) / scale + centreOfMass;
    const b = (j + 1 - centre) / scale + centreOfMass;
    const mid = (a + b) / 2 - 0.5; // in pixel-index units
    let first = scale <= 1 ? Math.floor(a) : Math.floor(mid);
    let last = scale <= 1 ? Math.ceil(b) - 1 : first + 1;
    first = Math.max(first, lo);
    last = Math.min(last, hi);
    start[j] = last < first ? lo : first;
    for (let i = first; i <= last; i++) {
      const weight = scale <= 1 ? (Math.min(b, i + 1) - Math.max(a, i)) * scale : 1 - Math.abs(mid - i);
      weights[n++] = Math.max(0, weight);
    }
    offset[j + 1] = n;
  }
  return taps;
}
