/**
 * Real pen-written digits (UCI pendigits, 30 writers, CC BY 4.0; see data/README.md): loading, the
 * writer split, stroke-level augmentation and rendering through the pad's own stroke renderer.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { renderStrokes, strokeBounds } from '../../src/preprocess/strokes.js';
import type { InkImage } from '../../src/preprocess/image-input.js';
import { normalizeDigit } from '../../src/preprocess/normalize.js';

export type PenStroke = [number, number][];
export interface PenDigit { label: number; writer: number; strokes: PenStroke[] }

/**
 * Writers kept out of everything that chooses weights, settings or epochs: every fifth writer.
 * Reported on, never trained on, by the shipped model.
 */
export const HELD_OUT_WRITERS: readonly number[] = [5, 10, 15, 20, 25, 30];
/** Writers used to choose settings (the reading pen width, epochs); trained on by the final run. */
export const VALIDATION_WRITERS: readonly number[] = [3, 8, 13, 18, 23, 28];

export function loadPenDigits(path = new URL('../../data/pendigits-train.json.gz', import.meta.url)): PenDigit[] {
  return JSON.parse(gunzipSync(readFileSync(path)).toString('utf8'));
}

export function byWriters(digits: PenDigit[], writers: readonly number[], keep = true): PenDigit[] {
  const set = new Set(writers);
  return digits.filter((d) => set.has(d.writer) === keep);
}

export interface StrokeAugment {
  /** Max rotation, radians. */ rotation: number;
  /** Max horizontal shear (slant). */ shear: number;
  /** Max relative change of the width/height ratio. */ aspect: number;
  /** Point jitter as a fraction of the digit's size. */ jitter: number;
}

export const DEFAULT_STROKE_AUGMENT: StrokeAugment = { rotation: (10 * Math.PI) / 180, shear: 0.3, aspect: 0.2, jitter: 0.012 };

/** A new copy of the strokes, slanted, rotated, stretched and jittered (coordinates stay in the same units). */
export function augmentStrokes(strokes: PenStroke[], random: () => number, ranges: StrokeAugment = DEFAULT_STROKE_AUGMENT): PenStroke[] {
  const uniform = (max: number) => (random() * 2 - 1) * max;
  const angle = uniform(ranges.rotation), shear = uniform(ranges.shear);
  const stretch = Math.exp(uniform(ranges.aspect));
  const cos = Math.cos(angle), sin = Math.sin(angle);
  const all = strokes.flat();
  const cx = all.reduce((s, p) => s + p[0], 0) / all.length, cy = all.reduce((s, p) => s + p[1], 0) / all.length;
  const { y0, y1 } = strokeBounds(all);
  const size = y1 - y0 || 1;
  const jitter = ranges.jitter * size;
  return strokes.map((stroke) => stroke.map(([x, y]): [number, number] => {
    let dx = (x - cx) * stretch, dy = y - cy;
    dx += shear * -dy; // top leans right for positive shear (screen y grows downward)
    const rx = cos * dx - sin * dy, ry = sin * dx + cos * dy;
    return [rx + cx + uniform(jitter), ry + cy + uniform(jitter)];
  }));
}

/**
 * The strokes as written on a square pad of `padSize` px: the digit `height` px tall, centred, drawn
 * with a pen `penWidth` px wide, as a white canvas with black ink that `recognize()` reads.
 */
export function penDigitOnPad(strokes: PenStroke[], padSize: number, height: number, penWidth: number): { width: number; height: number; data: Uint8ClampedArray } {
  const { x0, x1, y0, y1 } = strokeBounds(strokes.flat());
  const scale = height / Math.max(y1 - y0, 1e-6);
  const w = (x1 - x0) * scale;
  // Wide digits are shrunk to fit the pad.
  const fit = Math.min(1, (padSize * 0.9) / Math.max(w, 1e-6));
  const ox = (padSize - w * fit) / 2, oy = (padSize - height * fit) / 2;
  const placed = strokes.map((s) => s.map(([x, y]): [number, number] => [ox + (x - x0) * scale * fit, oy + (y - y0) * scale * fit]));
  return darkOnWhite(renderStrokes(placed, padSize, padSize, penWidth));
}

/** An ink map as the one-channel image a canvas would give `recognize()`: dark ink on white. */
export function darkOnWhite({ width, height, ink }: InkImage): { width: number; height: number; data: Uint8ClampedArray } {
  const data = new Uint8ClampedArray(ink.length);
  for (let i = 0; i < ink.length; i++) data[i] = Math.round(255 * (1 - ink[i]));
  return { width, height, data };
}

/** Range of sizes and pens the training renders cover: what people do on pads and canvases. */
export const PEN_RANGE = { minHeight: 24, maxHeight: 180, minPen: 0.03, maxPen: 0.28 };

/**
 * `variants` training inputs per pen digit: each with its own stroke augmentation, digit height and
 * pen width (log-uniform over PEN_RANGE, as a fraction of the height), rendered through the pad's
 * stroke renderer and the shared MNIST-style normalisation.
 */
export function renderTrainingVariants(digits: PenDigit[], variants: number, random: () => number): { inputs: Float32Array; labels: Int32Array } {
  const inputs: Float32Array[] = [];
  const labels: number[] = [];
  for (const digit of digits) {
    for (let v = 0; v < variants; v++) {
      const strokes = augmentStrokes(digit.strokes, random);
      const height = PEN_RANGE.minHeight + random() * (PEN_RANGE.maxHeight - PEN_RANGE.minHeight);
      const pen = PEN_RANGE.minPen * Math.pow(PEN_RANGE.maxPen / PEN_RANGE.minPen, random());
      const input = renderAtHeight(strokes, height, pen * height);
      if (!input) continue;
      inputs.push(input);
      labels.push(digit.label);
    }
  }
  const flat = new Float32Array(inputs.length * 784);
  inputs.forEach((x, i) => flat.set(x, i * 784));
  return { inputs: flat, labels: Int32Array.from(labels) };
}

/** The 28×28 input of strokes drawn `height` px tall with a `penWidth` px pen. */
export function renderAtHeight(strokes: PenStroke[], height: number, penWidth: number): Float32Array | null {
  const { x0, x1, y0, y1 } = strokeBounds(strokes.flat());
  const scale = height / Math.max(y1 - y0, x1 - x0, 1e-6);
  const margin = Math.ceil(penWidth) + 2;
  const placed = strokes.map((s) => s.map(([x, y]): [number, number] => [(x - x0) * scale + margin, (y - y0) * scale + margin]));
  return normalizeDigit(renderStrokes(placed, Math.ceil((x1 - x0) * scale) + 2 * margin, Math.ceil((y1 - y0) * scale) + 2 * margin, penWidth));
}
