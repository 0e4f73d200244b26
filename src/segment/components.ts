import type { InkImage } from '../preprocess/image-input.js';

/** A set of pixels that belong together (one connected blob, or several merged into one digit). */
export interface Segment {
  x0: number;
  y0: number;
  x1: number; // inclusive
  y1: number; // inclusive
  mass: number;
  /** Component labels (in the label map) that make up this segment. */
  labels: number[];
}

/** Ink at or above this is part of a stroke for segmentation purposes. */
const STROKE_INK = 0.2;

/**
 * 8-connected components of the ink map, as segments, plus the label map they index. Specks much
 * lighter than the largest blob are dropped: they are noise, not digits.
 */
export function connectedComponents({ width, height, ink }: InkImage): { segments: Segment[]; labels: Int32Array } {
  const labels = new Int32Array(width * height);
  const segments: Segment[] = [];
  const stack: number[] = [];
  for (let start = 0; start < ink.length; start++) {
    if (labels[start] !== 0 || ink[start] < STROKE_INK) continue;
    const label = segments.length + 1;
    const segment: Segment = { x0: width, y0: height, x1: -1, y1: -1, mass: 0, labels: [label] };
    labels[start] = label;
    stack.push(start);
    while (stack.length) {
      const p = stack.pop()!;
      const x = p % width, y = (p - x) / width;
      segment.mass += ink[p];
      if (x < segment.x0) segment.x0 = x;
      if (x > segment.x1) segment.x1 = x;
      if (y < segment.y0) segment.y0 = y;
      if (y > segment.y1) segment.y1 = y;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const q = yy * width + xx;
          if (labels[q] === 0 && ink[q] >= STROKE_INK) {
            labels[q] = label;
            stack.push(q);
          }
        }
      }
    }
    segments.push(segment);
  }
  const largest = Math.max(0, ...segments.map((s) => s.mass));
  return { segments: segments.filter((s) => s.mass >= largest * 0.04), labels };
}

/**
 * Groups blobs into digits, left to right: blobs sharing most of their columns are one digit (a
 * broken 4 or 0), and a fragment much shorter than the row (a 5's detached top bar, a 7's crossbar)
 * joins the digit it overlaps most, or the nearest one. Fragments stacked into a digit's height
 * where no digit stands (an 8 drawn as two loops) are a digit of their own.
 */
export function mergeColumns(segments: Segment[], rowHeight = Infinity): Segment[] {
  const byWidth = [...segments].sort((a, b) => b.x1 - b.x0 - (a.x1 - a.x0));
  const isFragment = (s: Segment) => isFragmentOf(s, rowHeight);
  const merged = groupByColumns(byWidth.filter((s) => !isFragment(s)));
  for (const stack of groupByColumns(byWidth.filter(isFragment))) {
    if (!isFragment(stack) && !merged.some((m) => sharesColumns(m, stack))) {
      merged.push(stack);
      continue;
    }
    if (merged.length === 0) {
      merged.push(stack);
      continue;
    }
    const centre = (s: Segment) => (s.x0 + s.x1) / 2;
    const best = merged.reduce((a, b) => {
      const oa = overlap(a, stack), ob = overlap(b, stack);
      if (oa !== ob) return oa > ob ? a : b;
      return Math.abs(centre(a) - centre(stack)) <= Math.abs(centre(b) - centre(stack)) ? a : b;
    });
    absorb(best, stack);
  }
  return merged.sort((a, b) => a.x0 - b.x0);
}

/** Much shorter than the row's digits: a piece of a digit (a 5's bar, one loop of an 8), not a digit. */
export function isFragmentOf(s: Pick<Segment, 'y0' | 'y1'>, rowHeight: number): boolean {
  return s.y1 - s.y0 + 1 < 0.6 * rowHeight;
}

/** Segments (widest first) grouped where they share most of the narrower one's columns. */
function groupByColumns(segments: Segment[]): Segment[] {
  const groups: Segment[] = [];
  for (const s of segments) {
    const target = groups.find((g) => sharesColumns(g, s));
    if (target) absorb(target, s);
    else groups.push({ ...s, labels: [...s.labels] });
  }
  return groups;
}

function sharesColumns(a: Segment, b: Segment): boolean {
  return overlap(a, b) > 0.5 * (Math.min(a.x1 - a.x0, b.x1 - b.x0) + 1);
}

/** The blobs of ink that are digits or runs of touching digits, left to right, and the row's digit height. */
export function digitBlobs(ink: InkImage): { blobs: Segment[]; labels: Int32Array; rowHeight: number } {
  const { segments, labels } = connectedComponents(ink);
  const blobs = mergeColumns(segments, rowHeightOf(segments));
  // Measured again after merging: the pieces of a broken digit are shorter than the digit.
  return { blobs, labels, rowHeight: rowHeightOf(blobs) };
}

/** The row's digit height: the median height of the segments that are not fragments. */
export function rowHeightOf(segments: Pick<Segment, 'y0' | 'y1'>[]): number {
  const heights = segments.map((s) => s.y1 - s.y0 + 1);
  const tall = heights.filter((h) => h >= 0.5 * Math.max(...heights)).sort((a, b) => a - b);
  return tall.length ? tall[tall.length >> 1] : 0;
}

/** A box in pixels, both ends inclusive. */
export type Box = Pick<Segment, 'x0' | 'x1' | 'y0' | 'y1'>;

/** The smallest box holding every one of `boxes`. */
export function unionBox(boxes: readonly Box[]): Box {
  return {
    x0: Math.min(...boxes.map((b) => b.x0)), x1: Math.max(...boxes.map((b) => b.x1)),
    y0: Math.min(...boxes.map((b) => b.y0)), y1: Math.max(...boxes.map((b) => b.y1)),
  };
}

/** Shared columns of two segments (≤ 0 when they do not overlap). */
function overlap(a: Segment, b: Segment): number {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) + 1;
}

function absorb(target: Segment, s: Segment): void {
  target.x0 = Math.min(target.x0, s.x0);
  target.x1 = Math.max(target.x1, s.x1);
  target.y0 = Math.min(target.y0, s.y0);
  target.y1 = Math.max(target.y1, s.y1);
  target.mass += s.mass;
  target.labels.push(...s.labels);
}

/** The ink of `segment` alone (other segments masked out), restricted to columns [from, to]. */
export function cropSegment(image: InkImage, labels: Int32Array, segment: Segment, from = segment.x0, to = segment.x1): InkImage {
  const width = to - from + 1, height = segment.y1 - segment.y0 + 1;
  const ink = new Float32Array(width * height);
  const own = new Set(segment.labels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (segment.y0 + y) * image.width + from + x;
      // Anti-aliased fringe (below the stroke threshold, label 0) stays if it touches our columns.
      if (own.has(labels[p]) || (labels[p] === 0 && image.ink[p] > 0)) ink[y * width + x] = image.ink[p];
    }
  }
  return { width, height, ink };
}
