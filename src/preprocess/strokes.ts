import type { InkImage } from './image-input.js';

/** A pen position: `{ x, y }` or `[x, y]`, in any unit (pad pixels, tablet units, 0..1). */
export type StrokePoint = { x: number; y: number } | [number, number];

/** A point as `[x, y]`, whichever form it came in. */
export const xy = (p: StrokePoint): [number, number] => (Array.isArray(p) ? p : [p.x, p.y]);

/** A point's x and y, whichever form it came in, without an array for `{ x, y }` points. */
const pointX = (p: StrokePoint): number => (Array.isArray(p) ? p[0] : (p as { x: number }).x);
const pointY = (p: StrokePoint): number => (Array.isArray(p) ? p[1] : (p as { y: number }).y);

/**
 * The box around a stroke's points (or any list of points).
 *
 * ```ts
 * strokeBounds([[2, 3], { x: 8, y: 1 }]); // { x0: 2, y0: 1, x1: 8, y1: 3 }
 * ```
 */
export function strokeBounds(points: readonly StrokePoint[]): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const p of points) {
    const x = pointX(p), y = pointY(p);
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { x0, y0, x1, y1 };
}

/**
 * How the pad's strokes are read: re-rendered with the pen at this fraction of the digit's size
 * (the longer side of its points' box), whatever pen the person wrote with, so a small digit
 * written with a thick marker reads like a large one written with a fine pen.
 */
export const PEN_READING = {
  /** Pen width as a fraction of the digit's size (chosen on validation writers, see README). */
  width: 0.12,
  /**
   * Digit size in pixels of the re-rendered image; `normalizeDigit` then area-averages it to 20 px.
   * Validation writers read the same at every size from 32 to 56 px (28 px loses a little); 40 px
   * sits inside that plateau and renders in half the time of 56.
   */
  size: 40,
} as const;

/**
 * Flattens one stroke into the polyline the pad draws: quadratic curves through the midpoints of
 * successive samples (signature_pad's smoothing, `traceStrokes` on a canvas), so sparse samples
 * from a fast pen or a 100 ms tablet are read as the smooth curve the person saw.
 *
 * ```ts
 * smoothStroke([[0, 0], [10, 0], [10, 10]]); // [[0,0], …curve points…, [10,10]]
 * ```
 */
export function smoothStroke(stroke: readonly StrokePoint[], step = 1.5): [number, number][] {
  const out: [number, number][] = [];
  traceSmooth(stroke, null, step, (x, y) => out.push([x, y]));
  return out;
}

/** Where `normalizeStrokes` puts a sample: ((x · unitX) − x0) · scale + margin, likewise for y. */
interface Placement {
  unitX: number;
  unitY: number;
  x0: number;
  y0: number;
  scale: number;
  margin: number;
}

/**
 * Reused buffers (the renderers never await, so uses never overlap): Chromium allocates typed
 * arrays outside the JS heap, and a new array per stroke and per read cost more than drawing it.
 */
let traced = { xs: new Float64Array(64), ys: new Float64Array(64) };
let readingInk = new Float32Array(0);

/**
 * The points of `smoothStroke()` handed to `visit` one by one, for the samples as given or placed
 * (computed exactly as the renderers always have, so the bits agree), without an array per point:
 * reading one pad digit draws a few hundred of them.
 */
function traceSmooth(stroke: readonly StrokePoint[], place: Placement | null, step: number, visit: (x: number, y: number) => void): void {
  const n = stroke.length;
  if (traced.xs.length < n) traced = { xs: new Float64Array(2 * n), ys: new Float64Array(2 * n) };
  const { xs, ys } = traced;
  for (let i = 0; i < n; i++) {
    const x = pointX(stroke[i]), y = pointY(stroke[i]);
    xs[i] = place ? (x * place.unitX - place.x0) * place.scale + place.margin : x;
    ys[i] = place ? (y * place.unitY - place.y0) * place.scale + place.margin : y;
  }
  if (n < 3) {
    for (let i = 0; i < n; i++) visit(xs[i], ys[i]);
    return;
  }
  visit(xs[0], ys[0]);
  let sx = xs[0], sy = ys[0];
  for (let i = 1; i < n - 1; i++) {
    const cx = xs[i], cy = ys[i];
    const ex = (cx + xs[i + 1]) / 2, ey = (cy + ys[i + 1]) / 2;
    const length = hypot(cx - sx, cy - sy) + hypot(ex - cx, ey - cy);
    const pieces = Math.max(1, Math.min(32, Math.ceil(length / step)));
    for (let k = 1; k <= pieces; k++) {
      const t = k / pieces, u = 1 - t;
      visit(u * u * sx + 2 * u * t * cx + t * t * ex, u * u * sy + 2 * u * t * cy + t * t * ey);
    }
    sx = ex;
    sy = ey;
  }
  visit(xs[n - 1], ys[n - 1]);
}

/**
 * Draws strokes as the pad does (midpoint-smoothed, round caps and joins, anti-aliased edges) into
 * an ink map, in pure JS so Node, workers and training render exactly what pages render.
 *
 * ```ts
 * const ink = renderStrokes([[[10, 10], [10, 50]]], 64, 64, 4);
 * ```
 */
export function renderStrokes(strokes: readonly (readonly StrokePoint[])[], width: number, height: number, lineWidth: number): InkImage {
  return drawStrokes(strokes, null, width, height, lineWidth);
}

function drawStrokes(strokes: readonly (readonly StrokePoint[])[], place: Placement | null, width: number, height: number, lineWidth: number, reuse = false): InkImage {
  let ink: Float32Array;
  if (!reuse) ink = new Float32Array(width * height);
  else {
    if (readingInk.length < width * height) readingInk = new Float32Array(width * height * 2);
    ink = readingInk.subarray(0, width * height).fill(0);
  }
  const radius = lineWidth / 2;
  for (const stroke of strokes) {
    let count = 0, ax = 0, ay = 0;
    traceSmooth(stroke, place, 1.5, (x, y) => {
      if (count++ > 0) drawSegmentAt(ink, width, height, ax, ay, x, y, radius);
      ax = x;
      ay = y;
    });
    if (count === 1) drawSegmentAt(ink, width, height, ax, ay, ax, ay, radius); // a dot
  }
  return { width, height, ink };
}

/** `strokeBounds(strokes.flat())` without the flat copy of every point (each pad read takes it). */
function boundsOfStrokes(strokes: readonly (readonly StrokePoint[])[]): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const stroke of strokes) {
    const b = strokeBounds(stroke);
    if (b.x0 < x0) x0 = b.x0;
    if (b.x1 > x1) x1 = b.x1;
    if (b.y0 < y0) y0 = b.y0;
    if (b.y1 > y1) y1 = b.y1;
  }
  return { x0, y0, x1, y1 };
}

/**
 * Renders strokes for reading with the pen normalised: scaled so the digit's longer side is
 * `PEN_READING.size` px and drawn `penWidth` × that size wide. Returns null when there are no points.
 *
 * ```ts
 * normalizeStrokes(pad.strokes); // InkImage for normalizeDigit(), the pen at 10 % of the digit
 * ```
 */
export function normalizeStrokes(strokes: readonly (readonly StrokePoint[])[], penWidth: number = PEN_READING.width, size: number = PEN_READING.size): InkImage | null {
  return normalizeScaledStrokes(strokes, 1, 1, penWidth, size);
}

/**
 * @internal `normalizeStrokes()` of the strokes with x multiplied by `unitX` and y by `unitY` (both
 * positive: a pad's 0..1 points in its pixels), the same bits as scaling them first, without
 * copying them. With `reuse` the ink lives in a buffer the next such call overwrites: for a read
 * that normalises it before it awaits anything.
 */
export function normalizeScaledStrokes(strokes: readonly (readonly StrokePoint[])[], unitX: number, unitY: number, penWidth: number = PEN_READING.width, size: number = PEN_READING.size, reuse = false): InkImage | null {
  // Units are positive and rounding is monotonic, so the scaled box is the box scaled, to the bit.
  const bounds = boundsOfStrokes(strokes);
  const x0 = bounds.x0 * unitX, x1 = bounds.x1 * unitX, y0 = bounds.y0 * unitY, y1 = bounds.y1 * unitY;
  if (!(x1 >= x0 && y1 >= y0)) return null;
  const extent = Math.max(x1 - x0, y1 - y0);
  // A dot or a tiny scribble has no shape to normalise: draw it as a dot of the same pen.
  const scale = extent > 0 ? size / extent : 1;
  const line = Math.max(1, penWidth * size);
  const margin = Math.ceil(line / 2) + 2;
  const width = Math.ceil((x1 - x0) * scale) + 2 * margin, height = Math.ceil((y1 - y0) * scale) + 2 * margin;
  return drawStrokes(strokes, { unitX, unitY, x0, y0, scale, margin }, width, height, line, reuse);
}

/** Paints one round-capped segment, keeping the darker value where ink overlaps. */
export function drawSegment(ink: Float32Array, width: number, height: number, [ax, ay]: [number, number], [bx, by]: [number, number], radius: number): void {
  drawSegmentAt(ink, width, height, ax, ay, bx, by, radius);
}

function drawSegmentAt(ink: Float32Array, width: number, height: number, ax: number, ay: number, bx: number, by: number, radius: number): void {
  const minX = Math.max(0, Math.floor(Math.min(ax, bx) - radius - 1)), maxX = Math.min(width - 1, Math.ceil(Math.max(ax, bx) + radius + 1));
  const minY = Math.max(0, Math.floor(Math.min(ay, by) - radius - 1)), maxY = Math.min(height - 1, Math.ceil(Math.max(ay, by) + radius + 1));
  const dx = bx - ax, dy = by - ay;
  const length2 = dx * dx + dy * dy || 1;
  // Pixels this far away get no ink. The squared test has slack for rounding, so it skips only pixels
  // the exact test would leave alone: the picture is bit for bit what testing every pixel gives.
  const reach = radius + 0.5;
  const skip2 = reach * reach * (1 + 1e-9) + 1e-12;
  // Pixels this close get full ink (reach − distance ≥ 1), again with slack: no square root needed.
  const core2 = reach > 1 ? (reach - 1) * (reach - 1) * (1 - 1e-9) - 1e-12 : -1;
  const segmentTop = Math.min(ay, by), segmentBottom = Math.max(ay, by);
  const segmentLeft = Math.min(ax, bx), segmentRight = Math.max(ax, bx);
  for (let y = minY; y <= maxY; y++) {
    const py = y + 0.5, row = y * width;
    // Only the columns within reach of the segment's box on this row (a superset of the pixels
    // the exact test below keeps).
    const rise = Math.max(0, segmentTop - py, py - segmentBottom);
    if (rise * rise >= skip2) continue;
    const half = Math.sqrt(skip2 - rise * rise);
    const fromX = Math.max(minX, Math.floor(segmentLeft - half - 0.5)), toX = Math.min(maxX, Math.ceil(segmentRight + half - 0.5));
    for (let x = fromX; x <= toX; x++) {
      const before = ink[row + x];
      // Full ink already (the stroke's core, drawn by the previous segment): nothing can be darker.
      if (before >= 1) continue;
      const px = x + 0.5;
      const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
      const ex = px - (ax + t * dx), ey = py - (ay + t * dy);
      const distance2 = ex * ex + ey * ey;
      if (distance2 >= skip2) continue;
      if (distance2 <= core2) {
        ink[row + x] = 1;
        continue;
      }
      // The edge, mostly inked by the previous segment already: a pixel at least as far as
      // reach − before (with the same slack as above) cannot get darker, so the square root is skipped.
      const darker = reach - before;
      if (before > 0 && distance2 >= darker * darker * (1 + 1e-9) + 1e-12) continue;
      const v = Math.max(0, Math.min(1, reach - hypot(ex, ey)));
      if (v > before) ink[row + x] = v;
    }
  }
}

/**
 * Math.hypot of two numbers as V8 computes it (both scaled by the larger, then √(p² + q²) × larger),
 * bit for bit, four times faster than the builtin in Node 20, and the same in every engine (only
 * correctly rounded operations): drawing strokes spends most of its time here.
 */
function hypot(x: number, y: number): number {
  const a = Math.abs(x), b = Math.abs(y);
  const m = a > b ? a : b;
  if (m === 0) return 0;
  const p = a / m, q = b / m;
  return Math.sqrt(p * p + q * q) * m;
}
