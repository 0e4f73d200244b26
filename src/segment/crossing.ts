import { xy, type StrokePoint } from '../preprocess/strokes.js';

/**
 * Whether two strokes cross (their polylines properly intersect). Strokes of one digit often cross
 * (an open 4's stem through its bar, a crossed 7, a t-like 5); neighbouring digits almost never do,
 * even when they overlap in columns, so a number is never cut between strokes that cross.
 *
 * ```ts
 * strokesCross([[0, 5], [10, 5]], [[5, 0], [5, 10]]); // true
 * ```
 */
export function strokesCross(a: readonly StrokePoint[], b: readonly StrokePoint[]): boolean {
  return crossings(a, b) > 0;
}

/**
 * How many times two strokes cross. A stroke of one digit crosses another of it once (a 4's stem
 * through its bar); a neighbour pushed into a round digit enters and leaves it: twice.
 *
 * ```ts
 * crossings([[0, 5], [10, 5]], [[5, 0], [5, 10]]); // 1
 * ```
 */
export function crossings(a: readonly StrokePoint[], b: readonly StrokePoint[]): number {
  const pa = a.map(xy), pb = b.map(xy);
  let count = 0;
  for (let i = 1; i < pa.length; i++) {
    for (let j = 1; j < pb.length; j++) {
      if (segmentsCross(pa[i - 1], pa[i], pb[j - 1], pb[j])) count++;
    }
  }
  return count;
}

function segmentsCross(p: [number, number], q: [number, number], r: [number, number], s: [number, number]): boolean {
  const d1 = orient(r, s, p), d2 = orient(r, s, q), d3 = orient(p, q, r), d4 = orient(p, q, s);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function orient(a: [number, number], b: [number, number], c: [number, number]): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/**
 * The share of `stroke` that lies inside `loop` closed into a polygon (its vertices and the midpoints
 * of its segments, by ray casting): a slash drawn through a 0 lies inside it; a neighbour pushed
 * against it stays mostly outside.
 *
 * ```ts
 * shareInside([[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[2, 2], [8, 8]]); // 1
 * ```
 */
export function shareInside(loop: readonly StrokePoint[], stroke: readonly StrokePoint[]): number {
  const polygon = loop.map(xy), points = stroke.map(xy);
  const samples = points.flatMap((p, i) => (i === 0 ? [p] : [[(points[i - 1][0] + p[0]) / 2, (points[i - 1][1] + p[1]) / 2] as [number, number], p]));
  return samples.filter((p) => insidePolygon(polygon, p)).length / samples.length;
}

function insidePolygon(polygon: [number, number][], [x, y]: [number, number]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i], [xj, yj] = polygon[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
