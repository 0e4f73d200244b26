import type { StrokePoint } from '../preprocess/strokes.js';

export type { StrokePoint };

const xy = (p: StrokePoint): [number, number] => (Array.isArray(p) ? p : [p.x, p.y]);

/** Bounding box of a stroke, for grouping strokes into digits. */
export function strokeBounds(stroke: StrokePoint[]): { x0: number; y0: number; x1: number; y1: number } {
  const points = stroke.map(xy);
  return {
    x0: Math.min(...points.map((p) => p[0])), x1: Math.max(...points.map((p) => p[0])),
    y0: Math.min(...points.map((p) => p[1])), y1: Math.max(...points.map((p) => p[1])),
  };
}
