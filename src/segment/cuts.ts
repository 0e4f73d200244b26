import type { InkImage } from '../preprocess/image-input.js';
import type { Segment } from './components.js';

/** How a candidate piece was read: the recognizer's confidence and the verifier's P(one whole digit). */
export interface PieceScore {
  confidence: number;
  whole: number;
}

/** Weights of the cut search, chosen with scripts/tune-cuts.ts on numbers made of MNIST training digits (never test digits). */
export interface CutTuning {
  /** Log-score cost of one more piece. Negative, a bonus: the verifier is surer of a whole digit
   *  than of a pair, so a small push towards cutting undoes more missed cuts than it makes false ones. */
  cutCost: number;
  /** Penalty per (width / row height − 1)² for pieces wider than tall. */
  widePenalty: number;
  /** Pieces wider than this many row heights are not considered. */
  maxWidth: number;
  /** Cut positions are this many row heights apart. */
  step: number;
  /** Exponent on the verifier's P(whole digit) against the recognizer's confidence. */
  verifierWeight: number;
  /** Blobs narrower than this many row heights are taken as one digit without a search. */
  minBlobWidth: number;
  /** Pieces narrower than this many row heights are not considered (a thin 1 is about 0.1). */
  minPieceWidth: number;
  /**
   * Cuts are searched coarse to fine: first only every `coarse`-th cut column, then every column
   * near the coarse cuts worth refining (see `refinedPositions`). 1 searches every column at once.
   */
  coarse: number;
  /** A coarse cut is refined when the best chain through it scores within this (log-score) of the best chain. */
  coarseMargin: number;
  /**
   * A blob no wider than `sureWidth` row heights that the verifier, reading it whole first, takes for
   * one digit with P ≥ `sureWhole` is not searched (`sureWhole` above 1: every blob is searched).
   */
  sureWhole: number;
  sureWidth: number;
  /**
   * Such a blob the verifier is less sure of, P ≥ `sureIfConfident`, is still taken whole when the
   * recognizer reads it with confidence ≥ `sureConfidence` (above 1: never).
   */
  sureIfConfident: number;
  sureConfidence: number;
}

export const DEFAULT_CUT_TUNING: CutTuning = {
  cutCost: -0.4, widePenalty: 8, maxWidth: 1.6, step: 1 / 12, minBlobWidth: 0.4, minPieceWidth: 0.1, verifierWeight: 1, coarse: 2, coarseMargin: 6, sureWhole: 0.9, sureWidth: 1.3, sureIfConfident: 0.7, sureConfidence: 0.999,
};

/** One way to read columns [positions[i], positions[j]) of a blob as a single digit. */
export interface CutCandidate {
  i: number;
  j: number;
  /** The piece, tightened to its ink. */
  part: Segment;
}

/**
 * Every piece a blob could be cut into at vertical lines: column ranges of plausible digit width,
 * each tightened to its ink. `positions` are the cut columns, the last one past the blob's end.
 * (Cuts that bend around strokes were tried: they cut single digits into plausible pieces far more
 * often than they freed overlapping ones.)
 */
export function cutCandidates(ink: InkImage, labels: Int32Array, segment: Segment, rowHeight: number, tuning = DEFAULT_CUT_TUNING, positions = cutPositions(segment, rowHeight, tuning)): { positions: number[]; candidates: CutCandidate[] } {
  const height = Math.min(rowHeight, segment.y1 - segment.y0 + 1);
  const last = positions.length - 1;
  const candidates: CutCandidate[] = [];
  const columns = columnProfiles(ink, labels, segment);
  const shrink = (from: number, to: number) => shrinkTo(columns, segment, from, to);
  for (let i = 0; i < last; i++) {
    for (let j = i + 1; j <= last; j++) {
      const width = positions[j] - positions[i];
      if (width > tuning.maxWidth * height) break;
      if (width < tuning.minPieceWidth * height || (i === 0 && j === last)) continue;
      const part = shrink(positions[i], positions[j] - 1);
      if (part) candidates.push({ i, j, part });
    }
  }
  // The blob uncut is always a candidate, however wide: a long-tailed 2 or a flat 5 can be wider
  // than maxWidth row heights, and without this the search had to cut it somewhere.
  candidates.push({ i: 0, j: last, part: shrink(segment.x0, segment.x1)! });
  return { positions, candidates };
}

/** The cut columns of a blob, `tuning.step` row heights apart, the last one past its end. */
export function cutPositions(segment: Segment, rowHeight: number, tuning = DEFAULT_CUT_TUNING): number[] {
  const height = Math.min(rowHeight, segment.y1 - segment.y0 + 1);
  const step = Math.max(1, Math.round(height * tuning.step));
  const positions: number[] = [];
  for (let x = segment.x0; x <= segment.x1; x += step) positions.push(x);
  positions.push(segment.x1 + 1);
  return positions;
}

/** The coarse pass's cut columns: every `tuning.coarse`-th of a blob's `positions`, and its end. */
export function coarsePositions(positions: number[], tuning = DEFAULT_CUT_TUNING): number[] {
  return positions.filter((_, k) => k % tuning.coarse === 0 || k === positions.length - 1);
}

/**
 * The fine pass's cut columns, from a coarse pass the verifier read in full (`wholes`, its P(one whole
 * digit) per coarse candidate; chains are scored as `bestCuts` does with the recognizer's confidence
 * taken as 1): the blob's ends, and every column of `positions` less than one coarse step from a
 * coarse cut through which some chain scores within `tuning.coarseMargin` of the best coarse chain. A
 * cut the coarse pass placed a little off still lies on a good chain, so the right column next to it is read.
 */
export function refinedPositions(positions: number[], coarse: { positions: number[]; candidates: CutCandidate[] }, wholes: (number | null)[], rowHeight: number, tuning = DEFAULT_CUT_TUNING): number[] {
  const n = coarse.positions.length;
  const { forward, backward } = chainScores(n, coarse.candidates, (k) => {
    const whole = wholes[k];
    return whole === null ? -Infinity : pieceScore(coarse.candidates[k].part, { confidence: 1, whole }, rowHeight, tuning);
  });
  const kept = coarse.positions.filter((_, k) => k > 0 && k < n - 1 && forward[k] + backward[k] >= forward[n - 1] - tuning.coarseMargin);
  const reach = (tuning.coarse - 1) * (positions.length > 2 ? positions[1] - positions[0] : 1);
  return positions.filter((x, k) => k === 0 || k === positions.length - 1 || kept.some((cut) => Math.abs(x - cut) <= reach));
}

/**
 * The best way to cut a blob: dynamic programming over the candidates, each piece scoring the log of
 * confidence × P(whole digit)^verifierWeight, minus a prior against pieces wider than tall and a cost per piece.
 * Returns the chosen candidates left to right, or null when no chain of candidates covers the blob.
 */
export function bestCuts(positions: number[], candidates: CutCandidate[], scores: (PieceScore | null)[], rowHeight: number, tuning = DEFAULT_CUT_TUNING): CutCandidate[] | null {
  const { from } = chainScores(positions.length, candidates, (k) => {
    const s = scores[k];
    return s ? pieceScore(candidates[k].part, s, rowHeight, tuning) : -Infinity;
  });
  const chosen: CutCandidate[] = [];
  for (let j = positions.length - 1; j > 0; ) {
    const k = from[j];
    if (k < 0) return null;
    chosen.unshift(candidates[k]);
    j = candidates[k].i;
  }
  return chosen;
}

/**
 * The best chains through a blob's candidates, each candidate adding `score(k)` (-Infinity leaves it
 * out): `forward[j]` is the best chain from the first position to position j and `from[j]` the
 * candidate that ends it (-1: none; the first candidate, by end, of equal best wins), `backward[i]`
 * the best chain from position i to the last. `bestCuts`, the coarse pass and the pruned search
 * (read-pieces.ts) all rank chains this way. `withBackward` false skips the backward pass (when only
 * `forward` is wanted).
 */
export function chainScores(positions: number, candidates: CutCandidate[], score: (k: number) => number, withBackward = true): { forward: number[]; backward: number[]; from: number[] } {
  const scores = candidates.map((_, k) => score(k));
  const forward = new Array<number>(positions).fill(-Infinity), backward = new Array<number>(positions).fill(-Infinity);
  const from = new Array<number>(positions).fill(-1);
  forward[0] = 0;
  backward[positions - 1] = 0;
  const order = candidates.map((_, k) => k).sort((a, b) => candidates[a].j - candidates[b].j);
  for (const k of order) {
    const { i, j } = candidates[k];
    if (forward[i] + scores[k] > forward[j]) {
      forward[j] = forward[i] + scores[k];
      from[j] = k;
    }
  }
  if (!withBackward) return { forward, backward, from }; // backward left at -Infinity but the end
  for (const k of order.sort((a, b) => candidates[b].i - candidates[a].i)) {
    const { i, j } = candidates[k];
    backward[i] = Math.max(backward[i], backward[j] + scores[k]);
  }
  return { forward, backward, from };
}

/** The log-score `bestCuts` gives one piece read as `s`. */
export function pieceScore(part: Segment, s: PieceScore, rowHeight: number, tuning = DEFAULT_CUT_TUNING): number {
  const tooWide = Math.max(0, (part.x1 - part.x0 + 1) / rowHeight - 1);
  return Math.log(Math.max(s.confidence, 1e-6)) + tuning.verifierWeight * Math.log(Math.max(s.whole, 1e-6)) - tuning.widePenalty * tooWide * tooWide - tuning.cutCost;
}

/** Per column of a segment: the first and last row of its own ink (-1 when none) and the ink's mass. */
interface ColumnProfiles {
  top: Int32Array;
  bottom: Int32Array;
  mass: Float64Array;
}

/**
 * One pass over the segment, so that each of its few hundred candidate pieces is tightened in
 * O(columns) rather than by scanning its pixels again.
 */
function columnProfiles(ink: InkImage, labels: Int32Array, segment: Segment): ColumnProfiles {
  const width = segment.x1 - segment.x0 + 1;
  const top = new Int32Array(width).fill(-1), bottom = new Int32Array(width).fill(-1), mass = new Float64Array(width);
  const own = new Set(segment.labels);
  for (let y = segment.y0; y <= segment.y1; y++) {
    for (let c = 0; c < width; c++) {
      const p = y * ink.width + segment.x0 + c;
      if (!own.has(labels[p])) continue;
      if (top[c] < 0) top[c] = y;
      bottom[c] = y;
      mass[c] += ink.ink[p];
    }
  }
  return { top, bottom, mass };
}

/** The part of `segment` between two columns, tightened to its ink. */
function shrinkTo({ top, bottom, mass }: ColumnProfiles, segment: Segment, from: number, to: number): Segment | null {
  let x0 = Infinity, x1 = -1, y0 = Infinity, y1 = -1, sum = 0;
  for (let x = Math.max(from, segment.x0); x <= Math.min(to, segment.x1); x++) {
    const c = x - segment.x0;
    if (top[c] < 0) continue;
    if (x0 === Infinity) x0 = x;
    x1 = x;
    y0 = Math.min(y0, top[c]);
    y1 = Math.max(y1, bottom[c]);
    sum += mass[c];
  }
  return x1 < 0 ? null : { x0, x1, y0, y1, mass: sum, labels: segment.labels };
}
