import { ensureBackend, type BackendName } from '../backend.js';
import { DigitPadError } from '../errors.js';
import { sharedModel, type DigitModel } from '../model/load.js';
import { readPixels, type ImageInput, type InkImage } from '../preprocess/image-input.js';
import { toInk } from '../preprocess/ink.js';
import { normalizeDigit } from '../preprocess/normalize.js';
import { bestClass, getDefaultModel, type Digit } from '../recognize.js';
import { connectedComponents, cropSegment, mergeColumns, rowHeightOf, type Segment } from './components.js';
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
  const verifier = await getSegmenter();
  const read = (inks: InkImage[]) => classify(model, inks, verifier);

  let pieces: Piece[];
  if (strokes !== undefined) {
    pieces = piecesFromStrokes(strokes, raw.width, raw.height, strokeWidth ?? raw.height / 16);
  } else {
    const ink = toInk(raw);
    const { segments, labels } = connectedComponents(ink);
    const merged = mergeColumns(segments, rowHeightOf(segments));
    // Measured again after merging: the pieces of a broken digit are shorter than the digit.
    const height = rowHeightOf(merged);
    pieces = [];
    for (const segment of merged) pieces.push(...splitTouching(ink, labels, segment, height, read));
  }
  pieces = pieces.slice(0, maxDigits);
  const readings = read(pieces.map((p) => p.ink));
  const digits = pieces.flatMap((piece, i) => (readings[i] ? [{ ...readings[i]!, box: piece.box }] : []));
  return { value: digits.map((d) => d.label).join(''), digits, backend };
}

type Reading = { digit: Digit | null; label: string; confidence: number; whole: number } | null;

/** URL of the segmentation verifier: "is this exactly one whole digit?" (scripts/train-segmenter.ts). */
export const SEGMENTER_MANIFEST_URL = new URL('./weights/segmenter.json', import.meta.url);
const getSegmenter = sharedModel(SEGMENTER_MANIFEST_URL);

function classify(model: DigitModel, inks: InkImage[], verifier: DigitModel): Reading[] {
  const inputs = inks.map((ink) => normalizeDigit(ink));
  const probabilities = model.network.predictEach(inputs);
  const single = verifier.network.predictEach(inputs); // [P(one digit), P(other)] per piece
  return probabilities.map((p, i) => (p ? { ...bestClass(p, model.classNames), whole: single[i]![0] } : null));
}

/**
 * A blob may be several touching digits. Every way of cutting it at vertical lines into pieces of
 * plausible digit width is scored by the recognizer (log-confidence of each piece), a prior against
 * pieces much wider than tall, and a fixed cost per cut; dynamic programming keeps the best.
 */
function splitTouching(ink: InkImage, labels: Int32Array, segment: Segment, rowHeight: number, read: (inks: InkImage[]) => Reading[]): Piece[] {
  const width = segment.x1 - segment.x0 + 1;
  const height = Math.min(rowHeight, segment.y1 - segment.y0 + 1);
  const whole: Piece = { ink: cropSegment(ink, labels, segment), box: boxOf(segment) };
  if (width < 0.8 * height) return [whole];
  const step = Math.max(1, Math.round(height / 12));
  const positions: number[] = [];
  for (let x = segment.x0; x <= segment.x1; x += step) positions.push(x);
  positions.push(segment.x1 + 1);
  // Candidate pieces [positions[i], positions[j]) of plausible width.
  const candidates: { i: number; j: number; part: Segment }[] = [];
  for (let i = 0; i < positions.length - 1; i++) {
    for (let j = i + 1; j < positions.length; j++) {
      const w = positions[j] - positions[i];
      if (w > 1.6 * height) break;
      if (w < 0.1 * height && !(i === 0 && j === positions.length - 1)) continue;
      const part = shrink(ink, labels, segment, positions[i], positions[j] - 1);
      if (part) candidates.push({ i, j, part });
    }
  }
  const readings = read(candidates.map((c) => cropSegment(ink, labels, c.part)));
  const best = new Array<number>(positions.length).fill(-Infinity);
  const from = new Array<number>(positions.length).fill(-1);
  best[0] = 0;
  const scored = candidates.map((c, k) => {
    const r = readings[k];
    const w = c.part.x1 - c.part.x0 + 1;
    const tooWide = Math.max(0, w / rowHeight - 1);
    return { ...c, score: r ? Math.log(Math.max(r.confidence * r.whole, 1e-6)) - 8 * tooWide * tooWide - CUT_COST : -Infinity };
  });
  scored.sort((a, b) => a.j - b.j);
  for (const c of scored) {
    if (best[c.i] + c.score > best[c.j]) {
      best[c.j] = best[c.i] + c.score;
      from[c.j] = scored.indexOf(c);
    }
  }
  const pieces: Piece[] = [];
  for (let j = positions.length - 1; j > 0; ) {
    const k = from[j];
    if (k < 0) return [whole];
    pieces.unshift({ ink: cropSegment(ink, labels, scored[k].part), box: boxOf(scored[k].part) });
    j = scored[k].i;
  }
  return pieces;
}

/** Log-score cost of one more piece (tuned on numbers made of MNIST training digits, not the test set). */
const CUT_COST = 0.3;

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
  const bounds = drawn.map((stroke, i) => ({ ...strokeBounds(stroke), mass: 1, labels: [i] }));
  const groups = mergeColumns(bounds, rowHeightOf(bounds));
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
