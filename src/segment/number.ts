import { ensureBackend, type BackendName } from '../backend.js';
import { DigitPadError } from '../errors.js';
import type { DigitModel } from '../model/load.js';
import { readPixels, type ImageInput, type InkImage } from '../preprocess/image-input.js';
import { toInk } from '../preprocess/ink.js';
import { normalizeDigit, PREPROCESS } from '../preprocess/normalize.js';
import { getDefaultModel, type Digit } from '../recognize.js';
import { connectedComponents, cropSegment, mergeColumns, type Segment } from './components.js';
import { rasterizeStrokes, strokeBounds, type StrokePoint } from './rasterize.js';

export interface NumberOptions {
  model?: DigitModel;
  /** The pen strokes that made the image, in its pixel coordinates (a pad passes them): digits are then grouped by stroke. */
  strokes?: StrokePoint[][];
  /** Pen width in pixels for `strokes`; default 1/16 of the image height. */
  strokeWidth?: number;
  /** At most this many digits are returned (default 32). */
  maxDigits?: number;
}

export interface NumberDigit {
  digit: Digit | null;
  label: string;
  confidence: number;
  /** Where the digit is, in input pixels. */
  box: { x: number; y: number; width: number; height: number };
}

export interface NumberResult {
  /** The digits read left to right; '' when nothing was written. */
  value: string;
  digits: NumberDigit[];
  backend: BackendName;
}

/** A piece to read: its ink and where it sits in the input. */
interface Piece {
  ink: InkImage;
  box: NumberDigit['box'];
}

/**
 * Reads a row of handwritten digits (a number, a PIN, a year). Blobs of ink are found, pieces of
 * one digit merged, and touching digits split where the recognizer is most confident of both halves.
 *
 * ```ts
 * const { value } = await recognizeNumber(canvas); // '2026'
 * ```
 */
export async function recognizeNumber(image: ImageInput, options: NumberOptions = {}): Promise<NumberResult> {
  const { maxDigits = 32, strokes, strokeWidth } = options ?? {};
  if (!Number.isInteger(maxDigits) || maxDigits < 1) throw new DigitPadError('INVALID_OPTION', `options.maxDigits must be a positive integer, got ${String(maxDigits)}.`);
  const raw = readPixels(image, 'image');
  const backend = await ensureBackend();
  const model = options.model ?? (await getDefaultModel());
  const read = (inks: InkImage[]) => classify(model, inks);

  let pieces: Piece[];
  if (strokes !== undefined) {
    pieces = piecesFromStrokes(strokes, raw.width, raw.height, strokeWidth ?? raw.height / 16);
  } else {
    const ink = toInk(raw);
    const { segments, labels } = connectedComponents(ink);
    const merged = mergeColumns(segments);
    const height = median(merged.map((s) => s.y1 - s.y0 + 1));
    pieces = [];
    for (const segment of merged) pieces.push(...splitTouching(ink, labels, segment, height, read));
  }
  pieces = pieces.slice(0, maxDigits);
  const readings = read(pieces.map((p) => p.ink));
  const digits = pieces.flatMap((piece, i) => (readings[i] ? [{ ...readings[i]!, box: piece.box }] : []));
  return { value: digits.map((d) => d.label).join(''), digits, backend };
}

type Reading = { digit: Digit | null; label: string; confidence: number } | null;

function classify(model: DigitModel, inks: InkImage[]): Reading[] {
  const pixels = PREPROCESS.size * PREPROCESS.size;
  const inputs = inks.map((ink) => normalizeDigit(ink));
  const present = inputs.flatMap((d, i) => (d ? [i] : []));
  if (present.length === 0) return inputs.map(() => null);
  const batch = new Float32Array(present.length * pixels);
  present.forEach((index, k) => batch.set(inputs[index]!, k * pixels));
  const probabilities = model.network.predict(batch, present.length);
  const classes = model.classNames.length;
  const out: Reading[] = inputs.map(() => null);
  present.forEach((index, k) => {
    let best = 0;
    for (let c = 1; c < classes; c++) if (probabilities[k * classes + c] > probabilities[k * classes + best]) best = c;
    const label = model.classNames[best];
    out[index] = { digit: /^[0-9]$/.test(label) ? (Number(label) as Digit) : null, label, confidence: probabilities[k * classes + best] };
  });
  return out;
}

/**
 * A blob wider than a digit is usually two or more touching digits. Try vertical cuts and keep the
 * one whose halves the recognizer reads most confidently, recursively; a narrow, confidently read
 * blob stays whole.
 */
function splitTouching(ink: InkImage, labels: Int32Array, segment: Segment, rowHeight: number, read: (inks: InkImage[]) => Reading[], depth = 0): Piece[] {
  const width = segment.x1 - segment.x0 + 1;
  const height = Math.max(segment.y1 - segment.y0 + 1, rowHeight * 0.6);
  const whole: Piece = { ink: cropSegment(ink, labels, segment), box: boxOf(segment) };
  const aspect = width / height;
  if (aspect < 0.8 || depth > 6) return [whole];
  const step = Math.max(1, Math.floor(width / 40));
  const cuts: number[] = [];
  for (let c = segment.x0 + Math.ceil(width * 0.2); c <= segment.x1 - Math.ceil(width * 0.2); c += step) cuts.push(c);
  if (cuts.length === 0) return [whole];
  const halves = cuts.flatMap((c) => [cropSegment(ink, labels, segment, segment.x0, c - 1), cropSegment(ink, labels, segment, c, segment.x1)]);
  const readings = read([whole.ink, ...halves]);
  const wholeScore = readings[0]?.confidence ?? 0;
  let best = -1, bestScore = 0;
  cuts.forEach((_, i) => {
    const left = readings[1 + 2 * i], right = readings[2 + 2 * i];
    const score = left && right ? Math.sqrt(left.confidence * right.confidence) : 0;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  });
  // Blobs much wider than a digit must split; a digit-shaped blob splits only when it reads poorly
  // whole and clearly better as two (a confidently read 0 or 2 is wide but one digit).
  const mustSplit = aspect > 1.25;
  if (best < 0 || (!mustSplit && (wholeScore >= 0.8 || bestScore < wholeScore + 0.1))) return [whole];
  const cut = cuts[best];
  const parts = [
    shrink(ink, labels, segment, segment.x0, cut - 1),
    shrink(ink, labels, segment, cut, segment.x1),
  ].filter((s): s is Segment => s !== null);
  return parts.flatMap((part) => splitTouching(ink, labels, part, rowHeight, read, depth + 1));
}

/** The part of `segment` between two columns, tightened to its ink. */
function shrink(ink: InkImage, labels: Int32Array, segment: Segment, from: number, to: number): Segment | null {
  const own = new Set(segment.labels);
  let x0 = Infinity, x1 = -1, y0 = Infinity, y1 = -1, mass = 0;
  for (let y = segment.y0; y <= segment.y1; y++) {
    for (let x = from; x <= to; x++) {
      const p = y * ink.width + x;
      if (!own.has(labels[p])) continue;
      x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
      mass += ink.ink[p];
    }
  }
  return x1 < 0 ? null : { x0, x1, y0, y1, mass, labels: segment.labels };
}

function piecesFromStrokes(strokes: StrokePoint[][], width: number, height: number, lineWidth: number): Piece[] {
  if (!Array.isArray(strokes) || strokes.some((s) => !Array.isArray(s))) {
    throw new DigitPadError('INVALID_OPTION', 'options.strokes must be an array of point arrays.');
  }
  const drawn = strokes.filter((s) => s.length > 0);
  const groups = mergeColumns(drawn.map((stroke, i) => ({ ...strokeBounds(stroke), mass: 1, labels: [i] })));
  const pad = Math.ceil(lineWidth);
  return groups.map((g) => {
    const box = {
      x: Math.max(0, Math.floor(g.x0 - pad)), y: Math.max(0, Math.floor(g.y0 - pad)),
      width: 0, height: 0,
    };
    box.width = Math.min(width, Math.ceil(g.x1 + pad)) - box.x;
    box.height = Math.min(height, Math.ceil(g.y1 + pad)) - box.y;
    const shifted = g.labels.map((i) => drawn[i].map((p) => (Array.isArray(p) ? [p[0] - box.x, p[1] - box.y] : [p.x - box.x, p.y - box.y]) as [number, number]));
    return { ink: rasterizeStrokes(shifted, box.width, box.height, lineWidth), box };
  });
}

function boxOf(s: Segment): NumberDigit['box'] {
  return { x: s.x0, y: s.y0, width: s.x1 - s.x0 + 1, height: s.y1 - s.y0 + 1 };
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[sorted.length >> 1];
}
