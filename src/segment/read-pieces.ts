import type { DigitModel } from '../model/load.js';
import type { DigitNetwork } from '../model/network.js';
import type { InkImage } from '../preprocess/image-input.js';
import { normalizeDigit } from '../preprocess/normalize.js';
import { bestClass, type Digit } from '../recognize.js';
import { bestCuts, chainScores, pieceScore, type CutCandidate, type CutTuning, type PieceScore } from './cuts.js';

/** A piece to read: its ink and where it sits in the input. */
export interface Piece {
  ink: InkImage;
  box: { x: number; y: number; width: number; height: number };
  /**
   * The same digit drawn otherwise (a piece of pen strokes: with a thicker pen). When the piece is
   * chosen, its answer combines the readings of `ink` and of these; the cut search reads `ink` alone.
   */
  views?: () => InkImage[];
  /** This piece and its right-hand neighbour drawn as one digit, the way this one was drawn (pen pieces redraw their strokes). */
  join?: (right: Piece) => Piece | undefined;
}

/** A blob or stroke group: the piece it is uncut, and when it may hold several digits, every way to cut it. */
export interface CutPlan {
  whole: Piece;
  search?: { positions: number[]; candidates: CutCandidate[]; pieces: Piece[]; rowHeight: number };
}

/** A piece as the recognizer read it, with the verifier's P(one whole digit); null when it holds no ink. */
export type Reading = { digit: Digit | null; label: string; confidence: number; whole: number } | null;

/**
 * Reads pieces through the recognizer and the verifier, each piece normalised and read at most once
 * per network, many pieces per network call. Results do not depend on which pieces share a call.
 */
export class PieceReader {
  private readonly inputs = new Map<Piece, Float32Array | null>();
  private readonly verified = new Map<Piece, number>();
  private readonly recognized = new Map<Piece, { digit: Digit | null; label: string; confidence: number }>();
  private readonly probabilities = new Map<Piece, Float32Array>();

  private readonly network: DigitNetwork;

  /** `drawn`: the pieces are drawn from a pad's strokes with an even pen (see RoutedNetwork). */
  constructor(private readonly model: DigitModel, private readonly verifier: DigitModel, drawn = false) {
    this.network = drawn ? model.network.forDrawnInk() : model.network;
  }

  get classes(): number {
    return this.model.classNames.length;
  }

  /** The piece's 28×28 network input, null when it holds no ink. */
  input(piece: Piece): Float32Array | null {
    if (!this.inputs.has(piece)) this.inputs.set(piece, normalizeDigit(piece.ink));
    return this.inputs.get(piece)!;
  }

  /** Runs the verifier on those of `pieces` it has not read yet, in one call. */
  verify(pieces: Piece[]): void {
    const todo = [...new Set(pieces)].filter((p) => !this.verified.has(p) && this.input(p));
    const out = this.verifier.network.predictEach(todo.map((p) => this.input(p)));
    todo.forEach((p, k) => this.verified.set(p, out[k]![0])); // [P(one digit), P(other)]
  }

  /** Runs the recognizer on those of `pieces` it has not read yet, in one call. */
  recognize(pieces: Piece[]): void {
    const todo = [...new Set(pieces)].filter((p) => !this.recognized.has(p) && this.input(p));
    const out = this.network.predictEach(todo.map((p) => this.input(p)));
    todo.forEach((p, k) => {
      this.probabilities.set(p, out[k]!);
      this.recognized.set(p, bestClass(out[k]!, this.model.classNames));
    });
  }

  /** The verifier's P(one whole digit) of each piece, reading those it has not read yet; null for no ink. */
  wholes(pieces: Piece[]): (number | null)[] {
    this.verify(pieces);
    return pieces.map((p) => this.verified.get(p) ?? null);
  }

  /** The recognizer's confidence in each piece's answer, reading those it has not read yet; null for no ink. */
  confidences(pieces: Piece[]): (number | null)[] {
    this.recognize(pieces);
    return pieces.map((p) => this.recognized.get(p)?.confidence ?? null);
  }

  /** The verifier's P(one whole digit), undefined when not read yet (or no ink). */
  whole(piece: Piece): number | undefined {
    return this.verified.get(piece);
  }

  /** The score of a piece both networks have read; undefined when one has not, null when it holds no ink. */
  score(piece: Piece): PieceScore | null | undefined {
    if (!this.input(piece)) return null;
    const r = this.recognized.get(piece), whole = this.verified.get(piece);
    return r && whole !== undefined ? { confidence: r.confidence, whole } : undefined;
  }

  /** Both readings of each piece (reading what is missing first); a piece with `views` answers with them too. */
  read(pieces: Piece[]): Reading[] {
    this.verify(pieces);
    this.recognize(pieces);
    const answers = this.withViews(pieces);
    return pieces.map((p) => (this.input(p) ? { ...(answers.get(p) ?? this.recognized.get(p)!), whole: this.verified.get(p)! } : null));
  }

  /**
   * The answer of each piece that has `views`: the normalised geometric mean of the recognizer's
   * probabilities over the piece and its views (the views of all pieces in one network call).
   */
  private withViews(pieces: Piece[]): Map<Piece, { digit: Digit | null; label: string; confidence: number }> {
    const todo = [...new Set(pieces)].filter((p) => p.views && this.input(p));
    const views = todo.map((p) => p.views!().map((ink) => normalizeDigit(ink)));
    const out = this.network.predictEach(views.flat());
    const answers = new Map<Piece, { digit: Digit | null; label: string; confidence: number }>();
    let next = 0;
    todo.forEach((p, k) => {
      const read = [this.probabilities.get(p)!, ...views[k].map(() => out[next++])].filter((q): q is Float32Array => q !== null);
      const logs = read[0].map((_, c) => read.reduce((sum, q) => sum + Math.log(Math.max(q[c], 1e-12)), 0) / read.length);
      const top = Math.max(...logs);
      const mean = logs.map((l) => Math.exp(l - top));
      const total = mean.reduce((a, b) => a + b, 0);
      answers.set(p, bestClass(mean.map((m) => m / total), this.model.classNames));
    });
    return answers;
  }
}

/**
 * The pieces of every plan, left to right, chosen by `bestCuts` exactly as if every candidate had been
 * read, while reading far fewer through the recognizer: the verifier reads all candidates first, which
 * bounds each one's score within log(number of classes) (the recognizer's confidence is at least
 * 1 / classes), and candidates that cannot lie on the best chain even at their upper bound are never
 * recognized. A candidate left out this way cannot change the chain `bestCuts` picks, ties included
 * (any candidate within 1e-6 of the best chain is read).
 */
export function choosePieces(plans: CutPlan[], reader: PieceReader, tuning: CutTuning): Piece[] {
  const searches = plans.flatMap((p) => (p.search ? [p.search] : []));
  reader.verify(plans.flatMap((p) => (p.search ? p.search.pieces : [p.whole])));
  const lowest = Math.log(Math.max(0.999 / reader.classes, 1e-6));
  const boundsOf = (s: NonNullable<CutPlan['search']>) => chainBounds(s, (k) => {
    const piece = s.pieces[k];
    const known = reader.score(piece);
    if (known !== undefined) return known && pieceScore(s.candidates[k].part, known, s.rowHeight, tuning);
    const whole = reader.whole(piece)!;
    const high = pieceScore(s.candidates[k].part, { confidence: 1, whole }, s.rowHeight, tuning) + 1e-6;
    return { low: high - 1e-6 + lowest, high };
  });
  // Read the most promising chain of each search until it is read through (it is then the best chain),
  // a few rounds at most; then every candidate that could still beat it.
  for (let round = 0; round < 4; round++) {
    const probes = searches.flatMap((s) => boundsOf(s).promising.map((k) => s.pieces[k]));
    if (!probes.length) break;
    reader.recognize(probes);
  }
  reader.recognize(searches.flatMap((s) => boundsOf(s).contenders.map((k) => s.pieces[k])));
  return plans.flatMap((plan) => {
    if (!plan.search) return [plan.whole];
    const { positions, candidates, pieces, rowHeight } = plan.search;
    const scores = pieces.map((p) => reader.score(p) ?? null);
    const cuts = bestCuts(positions, candidates, scores, rowHeight, tuning);
    return cuts ? cuts.map((c) => pieces[candidates.indexOf(c)]) : [plan.whole];
  });
}

type Bound = number | null | { low: number; high: number };

/**
 * For one search: the unread candidates on the chain with the highest upper bound (`promising`), and
 * every unread candidate whose best chain could reach the best chain's lower bound (`contenders`).
 */
function chainBounds(s: NonNullable<CutPlan['search']>, bound: (k: number) => Bound) {
  const n = s.positions.length;
  const bounds = s.candidates.map((_, k) => bound(k));
  const high = (b: Bound) => (b === null ? -Infinity : typeof b === 'number' ? b : b.high);
  const low = (b: Bound) => (b === null ? -Infinity : typeof b === 'number' ? b : b.low);
  const { forward, backward, from } = chainScores(n, s.candidates, (k) => high(bounds[k]));
  const floor = chainScores(n, s.candidates, (k) => low(bounds[k]), false).forward;
  const promising: number[] = [];
  for (let j = n - 1, k = from[j]; j > 0 && k >= 0; j = s.candidates[k].i, k = from[j]) {
    if (typeof bounds[k] === 'object' && bounds[k] !== null) promising.push(k);
  }
  const best = floor[n - 1];
  const contenders = bounds.flatMap((b, k) => {
    if (b === null || typeof b === 'number') return [];
    const { i, j } = s.candidates[k];
    return forward[i] + b.high + backward[j] >= best - 1e-6 ? [k] : [];
  });
  return { promising, contenders };
}
