/**
 * Four-digit numbers written by one pen writer on a `digits="4"` pad (352 × 110 CSS px, the default
 * 6 % pen): each digit's real strokes, at its own height and baseline, left to right with the gaps
 * people leave (from a clear space to touching).
 */
import { renderStrokes, strokeBounds } from '../../src/preprocess/strokes.js';
import { darkOnWhite, type PenDigit, type PenStroke } from './pendigits.js';
import { strokePlans } from '../../src/segment/number.js';
import type { InkImage } from '../../src/preprocess/image-input.js';

export const NUMBER_PAD = { width: 352, height: 110, penWidth: 0.06 * 110 };

export interface PenNumber {
  value: string;
  writer: number;
  /** Strokes in pad pixels, in writing order. */
  strokes: PenStroke[];
  /** The same strokes, digit by digit (left to right): whose ink is where, for labelling pieces. */
  parts: PenStroke[][];
  /** The pad as rendered for `recognizeNumber()`: one channel, dark ink on white. */
  image: { width: number; height: number; data: Uint8ClampedArray };
  strokeWidth: number;
}

/**
 * A two-stroke 4 with its stem (the stroke reaching lower) moved right of its L, `lo`–`hi` of the
 * digit's height apart, so the two no longer cross: the synthetic side-by-side 4s the stroke rules
 * were chosen on (scripts/side-by-side-fours.ts, scripts/expected-count-sweep.ts). Other digits are
 * returned as they are.
 */
export function stemBeside(d: PenDigit, lo: number, hi: number, random: () => number): PenDigit {
  if (d.label !== 4 || d.strokes.length !== 2) return d;
  const boxes = d.strokes.map(strokeBounds);
  const stem = boxes[0].y1 > boxes[1].y1 ? 0 : 1, ell = 1 - stem;
  const h = Math.max(...boxes.map((b) => b.y1)) - Math.min(...boxes.map((b) => b.y0));
  const shift = boxes[ell].x1 + (lo + random() * (hi - lo)) * h - boxes[stem].x0;
  return { ...d, strokes: d.strokes.map((s, k) => (k === stem ? s.map(([x, y]) => [x + shift, y] as [number, number]) : s)) };
}

/** The digits grouped by writer, writers in order of first appearance (what `composePenNumber` draws from). */
export function digitsByWriter(digits: readonly PenDigit[]): Map<number, PenDigit[]> {
  const byWriter = new Map<number, PenDigit[]>();
  for (const d of digits) {
    const own = byWriter.get(d.writer);
    if (own) own.push(d);
    else byWriter.set(d.writer, [d]);
  }
  return byWriter;
}

export function composePenNumber(byWriter: Map<number, PenDigit[]>, random: () => number, length = 4): PenNumber {
  const writers = [...byWriter.keys()];
  const writer = writers[Math.floor(random() * writers.length)];
  const pool = byWriter.get(writer)!;
  const chosen = Array.from({ length }, () => pool[Math.floor(random() * pool.length)]);
  const { width, height, penWidth } = NUMBER_PAD;
  const rowHeight = height * (0.55 + random() * 0.2);
  const placed = chosen.map((digit) => {
    const { x0, x1, y0, y1 } = strokeBounds(digit.strokes.flat());
    const h = rowHeight * (0.9 + random() * 0.2);
    const scale = h / Math.max(y1 - y0, 1);
    return { digit, x0, y0, scale, w: (x1 - x0) * scale, h };
  });
  // Gaps between the ink of neighbours: 0–30 % of the row height (the pen's width makes 0 touch).
  const gaps = placed.slice(1).map(() => rowHeight * 0.3 * random());
  let total = placed.reduce((s, p) => s + p.w, 0) + gaps.reduce((a, b) => a + b, 0);
  // A writer who runs out of room writes narrower: the whole number is squeezed to fit.
  const squeeze = Math.min(1, (width - 2 * penWidth - 8) / total);
  total *= squeeze;
  let cursor = (width - total) / 2;
  const parts = placed.map((p, k) => {
    const top = (height - p.h) / 2 + (random() * 2 - 1) * 0.06 * rowHeight;
    const own = p.digit.strokes.map((stroke) => stroke.map(([x, y]): [number, number] => [cursor + (x - p.x0) * p.scale * squeeze, top + (y - p.y0) * p.scale]));
    cursor += p.w * squeeze + (k < gaps.length ? gaps[k] * squeeze : 0);
    return own;
  });
  const strokes = parts.flat();
  const image = darkOnWhite(renderStrokes(strokes, width, height, penWidth));
  return { value: chosen.map((d) => d.label).join(''), writer, strokes, parts, image, strokeWidth: penWidth };
}

/**
 * Every piece `strokePlans` may cut a pen number into (the cut search of a `digits="4"` pad), drawn
 * as it draws them, each labelled by whose strokes it holds: `whole` when it holds all of one digit's
 * strokes and no others. Groups read uncut (no search) give none: nothing is chosen there.
 */
export function strokeCutPieces(number: Pick<PenNumber, 'parts' | 'image' | 'strokeWidth'>): { ink: InkImage; whole: boolean }[] {
  // strokePlans numbers the non-empty strokes, in writing order.
  const drawn = number.parts.map((strokes) => strokes.filter((s) => s.length > 0).length);
  const owner = drawn.flatMap((count, k) => Array.from({ length: count }, () => k));
  const plans = strokePlans(number.parts.flat(), number.image.width, number.image.height, number.strokeWidth);
  return plans.flatMap(({ search }) => (search ? search.candidates.map(({ part }, k) => {
    const owners = new Set(part.labels.map((i) => owner[i]));
    return { ink: search.pieces[k].ink, whole: owners.size === 1 && part.labels.length === drawn[owner[part.labels[0]]] };
  }) : []));
}
