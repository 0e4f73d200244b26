import type { InkImage } from '../preprocess/image-input.js';
import { rowHeightOf, unionBox, type Segment } from './components.js';
import { DEFAULT_CUT_TUNING, pieceScore } from './cuts.js';
import type { Piece, PieceReader } from './read-pieces.js';

/**
 * How sure the verifier must be that two joined neighbours make one whole digit. Chosen with
 * `scripts/expected-count-sweep.ts` (runA, which never saw the validation writers; never on held-out ones):
 * on 5,000 validation-writer numbers, 4,875 right without joins, 4,888 for every threshold from 0 to
 * 0.1, 4,882 at 0.2, 4,877 from 0.3; of 2,000 five-digit numbers written on the same four-digit pad,
 * 61 were silently read as four digits at 0.05, 29 at 0.1, 11 at 0.2, 2 at 0.5 (the verifier doubts
 * a slashed 0 or a 4 in two strokes, joined, more than it doubts two digits side by side).
 */
export const JOIN_MIN_WHOLE = 0.1;

/**
 * A number that should have `expected` digits (a `digits="4"` pad) but was read as more pieces:
 * the two neighbours that read best as one digit are joined, pair by pair, until it has `expected`.
 * A join is made only when the verifier takes the joined piece for one whole digit
 * (P ≥ `minWhole`); otherwise the pieces stay as found, so five digits written on a four-digit pad
 * still read as five (the pad then asks for four) instead of two of them silently becoming one.
 *
 * ```ts
 * const pieces = joinToCount(choosePieces(plans, reader, tuning), 4, reader);
 * ```
 */
export function joinToCount(pieces: Piece[], expected: number, reader: PieceReader, minWhole = JOIN_MIN_WHOLE): Piece[] {
  let out = pieces;
  const joined = new Map<Piece, Map<Piece, Piece>>();
  const join = (left: Piece, right: Piece) => {
    const mine = joined.get(left) ?? joined.set(left, new Map()).get(left)!;
    if (!mine.has(right)) mine.set(right, left.join?.(right) ?? overlayPieces(left, right));
    return mine.get(right)!;
  };
  while (out.length > expected) {
    const rowHeight = rowHeightOf(out.map(segmentOf));
    const pairs = out.slice(1).map((right, k) => ({ k, piece: join(out[k], right) }));
    reader.verify([...out, ...pairs.map((p) => p.piece)]);
    reader.recognize([...out, ...pairs.map((p) => p.piece)]);
    const score = (piece: Piece) => {
      const s = reader.score(piece);
      return s ? pieceScore(segmentOf(piece), s, rowHeight, DEFAULT_CUT_TUNING) : -Infinity;
    };
    let best: { k: number; piece: Piece; gain: number } | null = null;
    for (const { k, piece } of pairs) {
      if ((reader.whole(piece) ?? 0) < minWhole) continue;
      const gain = score(piece) - score(out[k]) - score(out[k + 1]);
      if (!best || gain > best.gain) best = { k, piece, gain };
    }
    if (!best) break;
    out = [...out.slice(0, best.k), best.piece, ...out.slice(best.k + 2)];
  }
  return out;
}

/**
 * The image path's join: both pieces' own ink laid into the box around them. Pieces hold only their
 * own ink (cropped by component), so a neighbour's ink inside the joined box stays out.
 *
 * ```ts
 * const both = overlayPieces(left, right); // box spans both, ink is the brighter of the two
 * ```
 */
export function overlayPieces(left: Piece, right: Piece): Piece {
  const { x0: x, y0: y, x1, y1 } = unionBox([segmentOf(left), segmentOf(right)]);
  const width = x1 - x + 1, height = y1 - y + 1;
  const ink: InkImage = { width, height, ink: new Float32Array(width * height) };
  for (const piece of [left, right]) {
    const { ink: own, box } = piece;
    for (let row = 0; row < own.height; row++) {
      for (let col = 0; col < own.width; col++) {
        const at = (box.y - y + row) * width + box.x - x + col;
        ink.ink[at] = Math.max(ink.ink[at], own.ink[row * own.width + col]);
      }
    }
  }
  return { ink, box: { x, y, width, height } };
}

function segmentOf(piece: Piece): Segment {
  const { x, y, width, height } = piece.box;
  return { x0: x, y0: y, x1: x + width - 1, y1: y + height - 1, mass: 1, labels: [] };
}
