import { DigitPadError } from '../errors.js';
import type { Stroke } from './stroke-renderer.js';

/**
 * Checks and copies strokes given by code (the `strokes` property) or by the browser (restored
 * form state, stored as [[x, y], …] per stroke to stay small). Throws a DigitPadError (INVALID_INPUT)
 * that says what shape was expected, because silently drawing nothing would hide the caller's bug.
 */
export function parseStrokes(value: unknown): Stroke[] {
  if (!Array.isArray(value)) throw new DigitPadError('INVALID_INPUT', `strokes must be an array of point arrays, got ${describe(value)}.`);
  return value.map((stroke, i) => {
    if (!Array.isArray(stroke)) throw new DigitPadError('INVALID_INPUT', `strokes[${i}] must be an array of points, got ${describe(stroke)}.`);
    return stroke.map((point, j) => {
      const [x, y] = Array.isArray(point) ? point : [point?.x, point?.y];
      if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y)) {
        throw new DigitPadError('INVALID_INPUT', `strokes[${i}][${j}] must be { x, y } with finite numbers (0..1 across the pad), got ${describe(point)}.`);
      }
      return { x, y };
    });
  }).filter((stroke) => stroke.length > 0);
}

/**
 * Compact JSON for form state: [[x, y], …] per stroke, to 1/100,000 of the pad (a fiftieth of a pixel
 * on a 2,000 px pad). Pointer positions over the pad's size have ~17 digits, and the browser copies
 * the state on every read: rounded, a drawn digit's state is about a third as long.
 */
export function serializeStrokes(strokes: readonly Stroke[]): string {
  return JSON.stringify(strokes.map((stroke) => stroke.map((p) => [round5(p.x), round5(p.y)])));
}

const round5 = (v: number) => Math.round(v * 100_000) / 100_000;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? JSON.stringify(value)?.slice(0, 40) ?? 'an object' : `${typeof value} ${String(value)}`;
}
