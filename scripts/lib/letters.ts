/**
 * A small generator of handwritten-looking letters A–J: each letter is a few pen strokes (lines and
 * arcs) in a unit box, varied per sample (jittered points, slant, rotation, proportions, optional
 * serifs/bars, pen width) and rasterised with anti-aliasing. It stands in for notMNIST, which
 * cannot be downloaded here.
 */
import { createRng } from '../../src/training/rng.js';
import { drawSegment } from '../../src/preprocess/strokes.js';

type Point = [number, number];
type Stroke = Point[];
export const LETTERS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];

function arc(cx: number, cy: number, rx: number, ry: number, from: number, to: number, steps = 16): Stroke {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = ((from + ((to - from) * i) / steps) * Math.PI) / 180;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as Point;
  });
}

/** Stroke skeletons; `r` picks among variants. y grows downwards, box [0,1]². */
const SHAPES: Record<string, (r: () => number) => Stroke[]> = {
  A: (r) => {
    const bar = 0.55 + r() * 0.15;
    const strokes: Stroke[] = [[[0.05, 1], [0.5, 0], [0.95, 1]], [[0.5 - 0.45 * (1 - bar), bar], [0.5 + 0.45 * (1 - bar), bar]]];
    return r() < 0.3 ? [[[0.05, 1], [0.5, 0]], [[0.5, 0], [0.95, 1]], strokes[1]] : strokes;
  },
  B: (r) => {
    const mid = 0.45 + r() * 0.1;
    return [[[0.15, 0], [0.15, 1]], [[0.15, 0], ...arc(0.15 + 0.01, mid / 2, 0.55, mid / 2, -90, 90).slice(1), [0.15, mid]],
      [[0.15, mid], ...arc(0.15, (1 + mid) / 2, 0.7, (1 - mid) / 2, -90, 90).slice(1), [0.15, 1]]];
  },
  C: (r) => [arc(0.58, 0.5, 0.48, 0.5, 35 + r() * 25, 325 - r() * 25, 24)],
  D: (r) => [[[0.15, 0], [0.15, 1]], [[0.15, 0], ...arc(0.15, 0.5, 0.75 + r() * 0.1, 0.5, -90, 90, 20).slice(1), [0.15, 1]]],
  E: (r) => {
    const mid = 0.45 + r() * 0.1;
    return r() < 0.25
      ? [[[0.9, 0], [0.15, 0], [0.15, 1], [0.9, 1]], [[0.15, mid], [0.7, mid]]]
      : [[[0.15, 0], [0.15, 1]], [[0.15, 0], [0.9, 0]], [[0.15, mid], [0.7, mid]], [[0.15, 1], [0.9, 1]]];
  },
  F: (r) => {
    const mid = 0.45 + r() * 0.1;
    return [[[0.2, 0], [0.2, 1]], [[0.2, 0], [0.9, 0]], [[0.2, mid], [0.72, mid]]];
  },
  G: (r) => {
    const c = arc(0.55, 0.5, 0.45, 0.5, 40 + r() * 15, 360, 24);
    const end = c[c.length - 1];
    return r() < 0.5 ? [c, [[0.6, 0.52], [end[0], 0.52], [end[0], 0.9]]] : [[...c, [0.6, 0.5]]];
  },
  H: (r) => {
    const mid = 0.45 + r() * 0.1;
    return [[[0.1, 0], [0.1, 1]], [[0.9, 0], [0.9, 1]], [[0.1, mid], [0.9, mid]]];
  },
  I: (r) => (r() < 0.5 ? [[[0.5, 0], [0.5, 1]], [[0.2, 0], [0.8, 0]], [[0.2, 1], [0.8, 1]]] : [[[0.5, 0], [0.5, 1]]]),
  J: (r) => {
    const hook = arc(0.4, 0.72, 0.3, 0.28, 0, 160, 12);
    const stem: Stroke = [[0.7, 0], [0.7, 0.72], ...hook.slice(1)];
    return r() < 0.5 ? [stem, [[0.35, 0], [0.95, 0]]] : [stem];
  },
};

export interface LetterImage {
  image: { width: number; height: number; data: Float32Array };
  label: string;
}

/** `count` letters, labels cycling A–J, reproducible from `seed`. Images are 64×64 ink-on-black. */
export function generateLetters(count: number, seed: number): LetterImage[] {
  const random = createRng(seed);
  const out: LetterImage[] = [];
  for (let i = 0; i < count; i++) {
    const label = LETTERS[i % LETTERS.length];
    out.push({ image: drawLetter(SHAPES[label](random), random), label });
  }
  return out;
}

function drawLetter(strokes: Stroke[], random: () => number) {
  const size = 64;
  const u = (max: number) => (random() * 2 - 1) * max;
  const aspect = 0.6 + random() * 0.6;
  const slant = u(0.4);
  const angle = u(0.25);
  const cos = Math.cos(angle), sin = Math.sin(angle);
  const scale = 30 + random() * 14;
  const transform = ([x, y]: Point): Point => {
    const jx = x + u(0.07), jy = y + u(0.07);
    const px = (jx - 0.5) * aspect + slant * (0.5 - jy), py = jy - 0.5;
    return [size / 2 + scale * (cos * px - sin * py), size / 2 + scale * (sin * px + cos * py)];
  };
  const radius = 1 + random() * 2.2;
  const data = new Float32Array(size * size);
  for (const stroke of strokes) {
    // A hurried writer: strokes drift as a whole, overshoot or stop short at their ends, and wobble.
    const [ox, oy] = [u(0.05), u(0.05)];
    const ends = overshoot(stroke, u(0.12), u(0.12));
    const points = wobble(ends, random).map(([x, y]) => transform([x + ox, y + oy]));
    for (let k = 1; k < points.length; k++) drawSegment(data, size, size, points[k - 1], points[k], radius);
  }
  return { width: size, height: size, data };
}

function overshoot(stroke: Stroke, start: number, end: number): Stroke {
  if (stroke.length < 2) return stroke;
  const extend = (a: Point, b: Point, t: number): Point => [a[0] + (a[0] - b[0]) * t, a[1] + (a[1] - b[1]) * t];
  const out = stroke.slice();
  out[0] = extend(stroke[0], stroke[1], start);
  out[out.length - 1] = extend(stroke[stroke.length - 1], stroke[stroke.length - 2], end);
  return out;
}

/** Splits long straight segments and nudges the new points sideways, so lines are not ruler-straight. */
function wobble(stroke: Stroke, random: () => number): Stroke {
  const out: Stroke = [stroke[0]];
  for (let k = 1; k < stroke.length; k++) {
    const [ax, ay] = stroke[k - 1], [bx, by] = stroke[k];
    const length = Math.hypot(bx - ax, by - ay);
    const pieces = Math.max(1, Math.round(length / 0.25));
    for (let p = 1; p <= pieces; p++) {
      const t = p / pieces, n = p < pieces ? (random() * 2 - 1) * 0.03 : 0;
      out.push([ax + (bx - ax) * t - (by - ay) * n, ay + (by - ay) * t + (bx - ax) * n]);
    }
  }
  return out;
}
