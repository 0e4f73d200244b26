import { xy, type StrokePoint } from '../preprocess/strokes.js';
import { crossings, shareInside } from './crossing.js';
import { isFragmentOf, unionBox, type Box, type Segment } from './components.js';

/** How far apart, in row heights, the halves of one digit may be (see `strokeUnits`). */
export const UNIT_RULES = {
  /** Strokes crossing once are one digit when they share this much of the narrower one's columns. */
  crossOverlap: 0.5,
  /** A stroke whose box lies this far inside another's, top and bottom, is part of it (a retraced 0). */
  inside: 0.08,
  /** A loop: a stroke whose ends lie within this much of its height of each other (a 0)… */
  loopClosed: 0.5,
  /** …holds a shorter stroke with at least this share of it inside (a slashed 0). */
  inLoop: 0.6,
  /** Staggered halves: one starts and ends at least this much lower than the other (an open 4). */
  stagger: 0.2,
  /** …and neither reaches this much of the row's height on its own. */
  partHeight: 0.85,
  /** …and they are at most this far apart horizontally. */
  gap: 0.2,
  /** A hanging part: a stroke group ending at least this far above the row's baseline (an open 4's L)… */
  hang: 0.2,
  /** …that shares no columns with another, joins the next group on its right within this gap, when that one reaches the baseline. */
  hangGap: 0.3,
};

/**
 * Strokes that can only belong to one digit, joined into units that a number is never cut through:
 * strokes that cross once within shared columns (an open 4's stem through its bar, a crossed 7), a stroke inside another's box
 * (a 0 gone over twice), a shorter stroke drawn mostly inside a closed loop (a slashed 0, whose slash
 * may reach the loop's edge), staggered halves side by side (a 4 written as an L and a lower stem,
 * whose halves read as "11" when apart), and a part hanging above the baseline beside the stem to its
 * right (a 4's L beside a full-height stem, read as "61" apart). Neighbouring digits stand on one
 * baseline, so they are neither staggered nor hanging nor inside one another, and their strokes do
 * not cross; a neighbour pushed into a 0 is a whole digit, as tall as the 0, not a shorter stroke within it.
 *
 * ```ts
 * strokeUnits(strokes, bounds, rowHeight); // [[0, 1], [2], [3, 4]]: stroke indices per unit
 * ```
 */
export function strokeUnits(strokes: readonly (readonly StrokePoint[])[], bounds: readonly Segment[], rowHeight: number): number[][] {
  const parent = strokes.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number) => { parent[find(a)] = find(b); };
  for (let a = 0; a < strokes.length; a++) {
    for (let b = a + 1; b < strokes.length; b++) {
      if (find(a) === find(b)) continue;
      if (crossOnce(strokes[a], strokes[b], bounds[a], bounds[b], rowHeight) || inside(bounds[a], bounds[b], rowHeight) || inside(bounds[b], bounds[a], rowHeight)
        || inLoop(strokes[a], strokes[b], bounds[a], bounds[b], rowHeight) || inLoop(strokes[b], strokes[a], bounds[b], bounds[a], rowHeight)) join(a, b);
    }
  }
  /** The units as joined so far, and the box of each. */
  const unitBoxes = () => {
    const units = groupsOf(parent.map((_, i) => find(i)));
    return { units, boxes: units.map((u) => unionBox(u.map((i) => bounds[i]))) };
  };
  // Staggered halves are judged on whole units (a crossed L is one half of its 4).
  for (let changed = true; changed; ) {
    changed = false;
    const { units, boxes } = unitBoxes();
    outer: for (let a = 0; a < units.length; a++) {
      for (let b = a + 1; b < units.length; b++) {
        if (staggered(boxes[a], boxes[b], rowHeight)) {
          join(units[a][0], units[b][0]);
          changed = true;
          break outer;
        }
      }
    }
  }
  // Hanging parts are judged on whole units too (after the staggered halves have been joined).
  if (UNIT_RULES.hang > 0) {
    const { units, boxes } = unitBoxes();
    hangingParts(boxes, rowHeight).forEach(([a, b]) => join(units[a][0], units[b][0]));
  }
  return groupsOf(parent.map((_, i) => find(i)));
}

/**
 * Pairs [part, stem] of unit boxes where `part` hangs above the row's baseline (its bottom at least
 * `hang` row heights above the median bottom of the row's tall units), shares no columns with any
 * unit but `stem`, and `stem` is the nearest unit to its right, within `hangGap`, reaching down to
 * the baseline and up past the part's bottom: an open 4's L and its stem written side by side.
 * A neighbouring digit stands on the baseline; a 5's or 7's separate bar shares its digit's columns.
 */
function hangingParts(boxes: Box[], row: number): [number, number][] {
  const { hang, hangGap, partHeight } = UNIT_RULES;
  const bottoms = boxes.filter((b) => !isFragmentOf(b, row)).map((b) => b.y1).sort((x, y) => x - y);
  if (!bottoms.length) return [];
  const base = bottoms[bottoms.length >> 1];
  const pairs: [number, number][] = [];
  boxes.forEach((a, i) => {
    if (a.y1 - a.y0 >= partHeight * row || a.y1 > base - hang * row) return;
    const right = boxes.flatMap((b, j) => (j !== i && b.x0 + b.x1 > a.x0 + a.x1 && b.x0 - a.x1 <= hangGap * row ? [j] : []));
    if (!right.length) return;
    const stem = right.reduce((p, q) => (boxes[q].x0 < boxes[p].x0 ? q : p));
    const b = boxes[stem];
    if (b.y1 < base - hang * row || b.y0 >= a.y1) return;
    if (boxes.some((c, k) => k !== i && k !== stem && Math.min(a.x1, c.x1) > Math.max(a.x0, c.x0))) return;
    pairs.push([i, stem]);
  });
  return pairs;
}


/**
 * One crossing, by a stroke lying mostly within the other's columns, one of them shorter than a
 * digit (a stem through a 4's bar, a 7's crossbar); a 1 pushed into its neighbour is full height.
 */
function crossOnce(a: readonly StrokePoint[], b: readonly StrokePoint[], ba: Box, bb: Box, row: number): boolean {
  if (Math.min(ba.y1 - ba.y0, bb.y1 - bb.y0) >= UNIT_RULES.partHeight * row) return false;
  const shared = Math.min(ba.x1, bb.x1) - Math.max(ba.x0, bb.x0);
  const narrower = Math.min(ba.x1 - ba.x0, bb.x1 - bb.x0);
  return shared >= UNIT_RULES.crossOverlap * narrower && crossings(a, b) === 1;
}

function inside(a: Box, b: Box, row: number): boolean {
  const m = UNIT_RULES.inside * row;
  return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 + m && a.y1 <= b.y1 - m;
}

/** `inner` is a stroke shorter than a digit drawn mostly inside the closed loop `loop` (a slashed 0). */
function inLoop(loop: readonly StrokePoint[], inner: readonly StrokePoint[], bl: Box, bi: Box, row: number): boolean {
  if (bi.y1 - bi.y0 >= UNIT_RULES.partHeight * row || bi.y1 - bi.y0 >= bl.y1 - bl.y0 || loop.length < 3) return false;
  const [x0, y0] = xy(loop[0]), [x1, y1] = xy(loop[loop.length - 1]);
  if (Math.hypot(x1 - x0, y1 - y0) > UNIT_RULES.loopClosed * (bl.y1 - bl.y0)) return false;
  return shareInside(loop, inner) >= UNIT_RULES.inLoop;
}

function staggered(a: Box, b: Box, row: number): boolean {
  const { stagger, partHeight, gap } = UNIT_RULES;
  if (a.y1 - a.y0 >= partHeight * row || b.y1 - b.y0 >= partHeight * row) return false;
  if (Math.max(a.x0, b.x0) - Math.min(a.x1, b.x1) > gap * row) return false;
  const [upper, lower] = a.y0 <= b.y0 ? [a, b] : [b, a];
  return lower.y0 - upper.y0 >= stagger * row && lower.y1 - upper.y1 >= stagger * row;
}

function groupsOf(roots: number[]): number[][] {
  const byRoot = new Map<number, number[]>();
  roots.forEach((r, i) => byRoot.set(r, [...(byRoot.get(r) ?? []), i]));
  return [...byRoot.values()];
}
