import { ensureBackend, type BackendName } from '../backend.js';
import { DigitPadError } from '../errors.js';
import { sharedModel, type DigitModel } from '../model/load.js';
import { readPixels, type ImageInput, type InkImage } from '../preprocess/image-input.js';
import { toInk } from '../preprocess/ink.js';
import { normalizeDigit } from '../preprocess/normalize.js';
import { bestClass, getDefaultModel, type Digit } from '../recognize.js';
import { cropSegment, digitBlobs, mergeColumns, rowHeightOf, type Segment } from './components.js';
import { bestCuts, cutCandidates, DEFAULT_CUT_TUNING, type PieceScore } from './cuts.js';
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
export interface Piece {
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
    pieces = segmentInk(toInk(raw), read);
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

/** Each piece read by the recognizer, with the verifier's P(one whole digit). */
export function classify(model: DigitModel, inks: InkImage[], verifier: DigitModel): Reading[] {
  const inputs = inks.map((ink) => normalizeDigit(ink));
  const probabilities = model.network.predictEach(inputs);
  const single = verifier.network.predictEach(inputs); // [P(one digit), P(other)] per piece
  return probabilities.map((p, i) => (p ? { ...bestClass(p, model.classNames), whole: single[i]![0] } : null));
}

/**
 * The digits in an ink image, left to right: blobs, merged into digits, touching digits split where
 * `read` is most confident of every piece. Exported for scripts/tune-cuts.ts.
 */
export function segmentInk(ink: InkImage, read: (inks: InkImage[]) => (PieceScore | null)[], tuning = DEFAULT_CUT_TUNING): Piece[] {
  const { blobs, labels, rowHeight } = digitBlobs(ink);
  return blobs.flatMap((segment) => {
    const whole: Piece = { ink: cropSegment(ink, labels, segment), box: boxOf(segment) };
    const height = Math.min(rowHeight, segment.y1 - segment.y0 + 1);
    if (segment.x1 - segment.x0 + 1 < tuning.minBlobWidth * height) return [whole];
    const { positions, candidates } = cutCandidates(ink, labels, segment, rowHeight, tuning);
    const crops = candidates.map((c) => cropSegment(ink, labels, c.part));
    const scores = read(crops);
    const cuts = bestCuts(positions, candidates, scores, rowHeight, tuning);
    return cuts ? cuts.map((c) => ({ ink: crops[candidates.indexOf(c)], box: boxOf(c.part) })) : [whole];
  });
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
