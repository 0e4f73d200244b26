/**
 * A small generator of handwritten-looking letters A–J: each letter is a few pen strokes (lines and
 * arcs) in a unit box, varied per sample (jittered points, slant, rotation, proportions, optional
 * serifs/bars, pen width) and rasterised with anti-aliasing. It stands in for notMNIST, which
 * cannot be downloaded here.
 */
import { createRng } from '../../src/training/rng.js';

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
  const aspect = 0.7 + random() * 0.5;
  const slant = u(0.3);
  const angle = u(0.15);
  const cos = Math.cos(angle), sin = Math.sin(angle);
  const scale = 30 + random() * 14;
  const transform = ([x, y]: Point): Point => {
    const jx = x + u(0.04), jy = y + u(0.04);
    const px = (jx - 0.5) * aspect + slant * (0.5 - jy), py = jy - 0.5;
    return [size / 2 + scale * (cos * px - sin * py), size / 2 + scale * (sin * px + cos * py)];
  };
  const radius = 1 + random() * 2.2;
  const data = new Float32Array(size * size);
  for (const stroke of strokes) {
    const points = stroke.map(transform);
    for (let k = 1; k < points.length; k++) drawSegment(data, size, points[k - 1], points[k], radius);
  }
  return { width: size, height: size, data };
}

function drawSegment(data: Float32Array, size: number, [ax, ay]: Point, [bx, by]: Point, radius: number): void {
  const minX = Math.max(0, Math.floor(Math.min(ax, bx) - radius - 1)), maxX = Math.min(size - 1, Math.ceil(Math.max(ax, bx) + radius + 1));
  const minY = Math.max(0, Math.floor(Math.min(ay, by) - radius - 1)), maxY = Math.min(size - 1, Math.ceil(Math.max(ay, by) + radius + 1));
  const dx = bx - ax, dy = by - ay;
  const length2 = dx * dx + dy * dy || 1;
  for (let y = minY; y <= maxY; y++) {
    for (let x = minX; x <= maxX; x++) {
      const px = x + 0.5, py = y + 0.5;
      const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
      const distance = Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
      const ink = Math.max(0, Math.min(1, radius + 0.5 - distance));
      if (ink > data[y * size + x]) data[y * size + x] = ink;
    }
  }
}
