import type { InkImage } from '../preprocess/image-input.js';
import { cropSegment, digitBlobs, type Segment } from './components.js';
import { coarsePositions, cutCandidates, cutPositions, DEFAULT_CUT_TUNING, refinedPositions } from './cuts.js';
import type { CutPlan, Piece } from './read-pieces.js';

/** The verifier's P(one whole digit) for each piece, in one call; null for a piece with no ink. */
export type VerifyPieces = (pieces: Piece[]) => (number | null)[];
/** The recognizer's confidence in its answer for each piece, in one call; null for a piece with no ink. */
export type RecognizePieces = (pieces: Piece[]) => (number | null)[];

/**
 * The blobs of an ink image, left to right, merged into digits, each with the ways it could be cut.
 *
 * Cut columns lie `tuning.step` row heights apart, and a wide blob has a few hundred ways to be cut
 * there, each a piece the verifier must read. With `verify` they are searched coarse to fine: the
 * verifier reads the pieces between every `tuning.coarse`-th column first (a few dozen), and the plan
 * keeps every column only near the coarse cuts that lie on a chain within `tuning.coarseMargin` of the
 * best (`refinedPositions`); a blob read as one digit keeps none. Pieces the coarse pass made are the
 * same objects in the plan, so a `verify` that caches its readings (PieceReader) reads none twice.
 * Before that, `verify` reads each blob up to `tuning.sureWidth` rows wide whole, and one it takes
 * for a digit with P ≥ `tuning.sureWhole` is planned whole, with no search; so is one it is less sure
 * of (P ≥ `tuning.sureIfConfident`) that `recognize` reads with confidence ≥ `tuning.sureConfidence`.
 * Without `verify` (or with `coarse` 1) the plan has every column.
 *
 * ```ts
 * const reader = new PieceReader(model, verifier);
 * const plans = inkPlans(toInk(image), DEFAULT_CUT_TUNING, (pieces) => reader.wholes(pieces), (pieces) => reader.confidences(pieces));
 * ```
 */
export function inkPlans(ink: InkImage, tuning = DEFAULT_CUT_TUNING, verify?: VerifyPieces, recognize?: RecognizePieces): CutPlan[] {
  const { blobs, labels, rowHeight } = digitBlobs(ink);
  const searchOf = (segment: Segment, whole: Piece, positions: number[], made: Map<string, Piece>) => {
    const { candidates } = cutCandidates(ink, labels, segment, rowHeight, tuning, positions);
    const pieces = candidates.map(({ i, j, part }) => {
      const key = `${positions[i]}:${positions[j]}`;
      let piece = made.get(key);
      // A candidate holding the whole blob is the whole piece, which the sure pass may have read.
      if (!piece) made.set(key, (piece = sameBox(part, segment) ? whole : { ink: cropSegment(ink, labels, part), box: boxOf(part) }));
      return piece;
    });
    return { positions, candidates, pieces, rowHeight };
  };
  const blobPlans = blobs.map((segment) => {
    const whole: Piece = { ink: cropSegment(ink, labels, segment), box: boxOf(segment) };
    const height = Math.min(rowHeight, segment.y1 - segment.y0 + 1);
    const searched = segment.x1 - segment.x0 + 1 >= tuning.minBlobWidth * height;
    return { segment, whole, positions: searched ? cutPositions(segment, rowHeight, tuning) : null, made: new Map<string, Piece>() };
  });
  // Blobs a person wrote as one digit, apart from their neighbours, are taken whole when the
  // verifier is sure of them: one read instead of the coarse pass's dozen. A blob it doubts (a 5 with
  // a long bar) is still taken whole when the recognizer has no doubt: the recognizer reads each
  // chosen piece anyway, so that reading is not extra.
  const narrow = verify && tuning.sureWhole <= 1
    ? blobPlans.filter((b) => b.positions && b.segment.x1 - b.segment.x0 + 1 <= tuning.sureWidth * rowHeight)
    : [];
  const sure = narrow.length ? verify!(narrow.map((b) => b.whole)) : [];
  narrow.forEach((b, k) => { if ((sure[k] ?? 0) >= tuning.sureWhole) b.positions = null; });
  const doubted = recognize && tuning.sureConfidence <= 1
    ? narrow.filter((b, k) => b.positions && (sure[k] ?? 0) >= tuning.sureIfConfident)
    : [];
  const confidences = doubted.length ? recognize!(doubted.map((b) => b.whole)) : [];
  doubted.forEach((b, k) => { if ((confidences[k] ?? 0) >= tuning.sureConfidence) b.positions = null; });
  const coarse = verify && tuning.coarse > 1
    ? blobPlans.map((b) => b.positions && searchOf(b.segment, b.whole, coarsePositions(b.positions, tuning), b.made))
    : null;
  const wholes = coarse ? verify!(coarse.flatMap((c) => c?.pieces ?? [])) : [];
  let offset = 0;
  return blobPlans.map(({ segment, whole, positions, made }, k): CutPlan => {
    if (!positions) return { whole };
    const first = coarse?.[k];
    if (!first) return { whole, search: searchOf(segment, whole, positions, made) };
    const refined = refinedPositions(positions, first, wholes.slice(offset, (offset += first.pieces.length)), rowHeight, tuning);
    return { whole, search: searchOf(segment, whole, refined, made) };
  });
}

function sameBox(a: Segment, b: Segment): boolean {
  return a.x0 === b.x0 && a.x1 === b.x1 && a.y0 === b.y0 && a.y1 === b.y1;
}

/** A segment's box, in input pixels. */
export function boxOf(s: Segment): Piece['box'] {
  return { x: s.x0, y: s.y0, width: s.x1 - s.x0 + 1, height: s.y1 - s.y0 + 1 };
}
