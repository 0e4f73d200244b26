import { ensureBackend, type BackendName } from '../backend.js';
import { DigitPadError } from '../errors.js';
import { SEGMENTER_MODEL } from '../assets.js';
import { sharedModel, type DigitModel } from '../model/load.js';
import { readPixels, type ImageInput, type InkImage } from '../preprocess/image-input.js';
import { toInk } from '../preprocess/ink.js';
import { normalizeDigit } from '../preprocess/normalize.js';
import { bestClass, getDefaultModel, type Digit } from '../recognize.js';
import { isFragmentOf, mergeColumns, rowHeightOf, unionBox, type Segment } from './components.js';
import { boxOf, inkPlans, type RecognizePieces, type VerifyPieces } from './ink-plans.js';
import { strokeUnits } from './stroke-units.js';
import { bestCuts, DEFAULT_CUT_TUNING, type CutCandidate, type PieceScore } from './cuts.js';
import { PEN_READING, renderStrokes, strokeBounds, xy, type StrokePoint } from '../preprocess/strokes.js';
import { joinToCount } from './expected-count.js';
import { choosePieces, PieceReader, type CutPlan, type Piece, type Reading } from './read-pieces.js';

export type { Piece } from './read-pieces.js';
export { inkPlans } from './ink-plans.js';

export interface NumberOptions {
  model?: DigitModel;
  /** The pen strokes that made the image, in its pixel coordinates (a pad passes them): digits are then grouped by stroke, and groups cut only between strokes. */
  strokes?: StrokePoint[][];
  /** Pen width in pixels for `strokes`; default 1/16 of the image height. */
  strokeWidth?: number;
  /** At most this many digits are returned (default 32). */
  maxDigits?: number;
  /**
   * How many digits the number should have (a PIN, a year: what a `digits="4"` pad passes). When more
   * pieces are found, neighbours that read as one whole digit are joined until it has this many; a
   * number that still has more (five digits really written) is returned as read.
   */
  expectedDigits?: number;
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

/**
 * Reads a row of handwritten digits (a number, a PIN, a year). Blobs of ink are found, pieces of
 * one digit merged, and touching digits split where the recognizer is most confident of both halves.
 * Digits written apart cost a few single reads; touching ones cost dozens (every candidate cut is
 * read), so pass `strokes` when you have them: digits are then grouped by stroke.
 *
 * ```ts
 * const { value } = await recognizeNumber(canvas); // '2026'
 * ```
 */
export async function recognizeNumber(image: ImageInput, options: NumberOptions = {}): Promise<NumberResult> {
  const { maxDigits = 32, strokes, strokeWidth, expectedDigits } = options ?? {};
  if (!Number.isInteger(maxDigits) || maxDigits < 1) throw new DigitPadError('INVALID_OPTION', `options.maxDigits must be a positive integer, got ${String(maxDigits)}.`);
  if (expectedDigits !== undefined && (!Number.isInteger(expectedDigits) || expectedDigits < 1)) {
    throw new DigitPadError('INVALID_OPTION', `options.expectedDigits must be a positive integer or left out, got ${String(expectedDigits)}.`);
  }
  const raw = readPixels(image, 'image');
  const backend = await ensureBackend();
  const model = options.model ?? (await getDefaultModel());
  const verifier = await getSegmenter();
  const reader = new PieceReader(model, verifier, strokes !== undefined);

  const plans = strokes !== undefined
    ? strokePlans(strokes, raw.width, raw.height, strokeWidth ?? raw.height / 16)
    : inkPlans(toInk(raw), DEFAULT_CUT_TUNING, (pieces) => reader.wholes(pieces), (pieces) => reader.confidences(pieces));
  // The image path's coarse pass is verified first (inkPlans); then every candidate of every blob
  // is read in the same few network calls, and a chosen piece's reading is the one its candidate got.
  const chosen = choosePieces(plans, reader, DEFAULT_CUT_TUNING);
  const pieces = (expectedDigits ? joinToCount(chosen, expectedDigits, reader) : chosen).slice(0, maxDigits);
  const readings = reader.read(pieces);
  const digits = pieces.flatMap((piece, i) => (readings[i] ? [{ ...readings[i]!, box: piece.box }] : []));
  return { value: digits.map((d) => d.label).join(''), digits, backend };
}

/** URL of the segmentation verifier: "is this exactly one whole digit?" (scripts/train-segmenter.ts). */
export const SEGMENTER_MANIFEST_URL: URL = SEGMENTER_MODEL.manifest;
/** @internal The verifier, loaded once for every caller (pads warm it up before the first read). */
export const getSegmenter = sharedModel(SEGMENTER_MODEL);

/** Each piece read by the recognizer (`drawn`: pieces of a pad's strokes), with the verifier's P(one whole digit). */
export function classify(model: DigitModel, inks: InkImage[], verifier: DigitModel, drawn = false): Reading[] {
  const inputs = inks.map((ink) => normalizeDigit(ink));
  const probabilities = (drawn ? model.network.forDrawnInk() : model.network).predictEach(inputs);
  const single = verifier.network.predictEach(inputs); // [P(one digit), P(other)] per piece
  return probabilities.map((p, i) => (p ? { ...bestClass(p, model.classNames), whole: single[i]![0] } : null));
}

/**
 * The digits in an ink image, left to right: blobs, merged into digits, touching digits split where
 * `read` is most confident of every piece (the coarse pass in one call, then all candidates in one).
 * Exported for scripts/tune-cuts.ts.
 */
export function segmentInk(ink: InkImage, read: (inks: InkImage[]) => (PieceScore | null)[], tuning = DEFAULT_CUT_TUNING): Piece[] {
  const plans = inkPlans(ink, tuning, ...planReaders(read));
  const all = plans.flatMap((p) => p.search?.pieces ?? []);
  const scores = read(all.map((p) => p.ink));
  let offset = 0;
  return plans.flatMap(({ whole, search }) => {
    if (!search) return [whole];
    const { positions, candidates, pieces, rowHeight } = search;
    const cuts = bestCuts(positions, candidates, scores.slice(offset, (offset += pieces.length)), rowHeight, tuning);
    return cuts ? cuts.map((c) => pieces[candidates.indexOf(c)]) : [whole];
  });
}

/**
 * inkPlans' two readers (the verifier's P(whole), the recognizer's confidence) from one function that
 * reads both, for callers without a PieceReader (scripts/tune-cuts.ts, the plain search, tests).
 */
export function planReaders(read: (inks: InkImage[]) => (PieceScore | null)[]): [VerifyPieces, RecognizePieces] {
  return [
    (pieces) => read(pieces.map((p) => p.ink)).map((s) => s?.whole ?? null),
    (pieces) => read(pieces.map((p) => p.ink)).map((s) => s?.confidence ?? null),
  ];
}

/**
 * Digits from pen strokes: strokes sharing columns are grouped (mergeColumns), and a group of several
 * strokes may still hold neighbours that overlap (a 1 tucked under a 7's bar): it is cut between
 * strokes, left to right by their centres, where `read` is most confident of every piece, as the
 * cut search does for touching ink.
 */
export function strokePlans(strokes: StrokePoint[][], width: number, height: number, lineWidth: number): CutPlan[] {
  if (!Array.isArray(strokes) || strokes.some((s) => !Array.isArray(s))) {
    throw new DigitPadError('INVALID_OPTION', 'options.strokes must be an array of point arrays.');
  }
  const drawn = strokes.filter((s) => s.length > 0);
  const bounds = drawn.map((stroke, i) => ({ ...strokeBounds(stroke), mass: 1, labels: [i] }));
  const boundsOf = (labels: number[]): Segment => ({ ...unionBox(labels.map((i) => bounds[i])), mass: labels.length, labels });
  // Strokes that only one digit could hold (crossing, nested, staggered or hanging halves) move together.
  // Measured on the whole row: when many digits are two strokes, single strokes are half-height.
  const rowSpan = Math.max(...bounds.map((b) => b.y1)) - Math.min(...bounds.map((b) => b.y0));
  const units = strokeUnits(drawn, bounds, rowSpan).map((labels) => boundsOf(labels));
  const groups = mergeColumns(units, rowHeightOf(units));
  // Measured again on the groups: single strokes are often shorter than a digit (the loops of an 8).
  const rowHeight = rowHeightOf(groups);
  // Pieces are drawn smooth, as the pad shows them, with a pen relative to the row (as a one-digit
  // pad reads): how thick the person's pen was does not change the answer.
  const readingWidth = Math.max(1, NUMBER_PEN * rowHeight);
  /** The strokes of `labels`, scaled by `scale`, with (left, top) of the scaled drawing at the origin. */
  const placed = (labels: number[], scale: number, left: number, top: number) =>
    labels.map((i) => drawn[i].map((p): [number, number] => {
      const [x, y] = xy(p);
      return [x * scale - left, y * scale - top];
    }));
  /** The strokes drawn alone with pen `penWidth`, in a box around them inside the image. */
  const draw = (labels: number[], penWidth: number) => {
    const { x0, x1, y0, y1 } = boundsOf(labels);
    const pad = Math.ceil(Math.max(lineWidth, penWidth) / 2) + 1;
    const box = { x: Math.max(0, Math.floor(x0 - pad)), y: Math.max(0, Math.floor(y0 - pad)), width: 0, height: 0 };
    box.width = Math.min(width, Math.ceil(x1 + pad)) - box.x;
    box.height = Math.min(height, Math.ceil(y1 + pad)) - box.y;
    return { ink: renderStrokes(placed(labels, 1, box.x, box.y), box.width, box.height, penWidth), box };
  };
  // The second drawing only feeds the 28×28 input: drawn small (rows PEN_READING.size px tall, as a
  // one-digit pad reads), a thick pen costs a few hundred pixels instead of thousands.
  const viewScale = Math.min(1, PEN_READING.size / Math.max(rowHeight, 1));
  const view = (labels: number[]) => {
    const { x0, x1, y0, y1 } = boundsOf(labels);
    const penWidth = Math.max(1, NUMBER_SECOND_PEN * rowHeight * viewScale), pad = Math.ceil(penWidth / 2) + 1;
    const left = Math.floor(x0 * viewScale - pad), top = Math.floor(y0 * viewScale - pad);
    return renderStrokes(placed(labels, viewScale, left, top), Math.ceil(x1 * viewScale + pad) - left, Math.ceil(y1 * viewScale + pad) - top, penWidth);
  };
  const strokesOf = new WeakMap<Piece, number[]>();
  const piece = (labels: number[]): Piece => {
    const made: Piece = { ...draw(labels, readingWidth), views: () => [view(labels)], join: (right) => (strokesOf.has(right) ? piece([...labels, ...strokesOf.get(right)!]) : undefined) };
    strokesOf.set(made, labels);
    return made;
  };
  return groups.map((group): CutPlan => {
    const members = units.filter((u) => u.labels.every((i) => group.labels.includes(i)));
    const order = members.sort((a, b) => a.x0 + a.x1 - b.x0 - b.x1).map((u) => u.labels);
    if (order.length < 2 || order.length > MAX_STROKES_TO_CUT) return { whole: piece(group.labels) };
    const candidates: CutCandidate[] = [];
    const pieces: Piece[] = [];
    for (let i = 0; i < order.length; i++) {
      for (let j = i + 1; j <= order.length; j++) {
        const part = boundsOf(order.slice(i, j).flat());
        if (j - i < order.length && isFragmentOf(part, rowHeight)) continue; // one loop of an 8 is no digit
        candidates.push({ i, j, part });
        pieces.push(piece(part.labels));
      }
    }
    const positions = order.map((_, k) => k).concat(order.length);
    // The whole group is a candidate too (i = 0, j = all): the same piece, read once.
    return { whole: pieces[candidates.findIndex((c) => c.i === 0 && c.j === order.length)], search: { positions, candidates, pieces, rowHeight } };
  });
}

/**
 * Pen width for pieces of a number, as a fraction of the row height: chosen on validation pen
 * writers' numbers and the pad tests' stroke pairs (scripts/stroke-gaps.mjs), never held-out writers.
 */
const NUMBER_PEN = 0.1;

/**
 * A chosen piece of a pen-written number is read a second time, drawn with this thicker pen (a
 * fraction of the row height), and the two readings are combined: on 5,000 numbers of the validation
 * writers, read by a network trained without them, exact numbers went from 96.1 % to 97.0–97.2 % for
 * every second pen from 0.17 to 0.3 (0.24: 97.2 %; drawn small, as it is now: 97.1 %). The cut search
 * itself reads the NUMBER_PEN drawing only.
 */
const NUMBER_SECOND_PEN = 0.24;

/** Groups of more stroke units than this are read whole (n strokes make n(n+1)/2 pieces to read). */
const MAX_STROKES_TO_CUT = 6;
