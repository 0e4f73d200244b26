import type { InkImage, RawImage } from './image-input.js';

/**
 * Turns pixels into an ink map (0 background … 1 ink), detecting polarity so that dark-on-light
 * (a pen on paper or a white canvas) and light-on-dark (MNIST) read the same.
 *
 * The background is the median brightness of the border, where a centred or cropped digit
 * rarely is; transparent pixels (a canvas that was never filled) are background by definition.
 *
 * ```ts
 * const { ink } = toInk({ width: 2, height: 1, data: new Uint8Array([255, 0]) }); // [0, 1]
 * ```
 */
export function toInk(image: RawImage): InkImage {
  const { width, height, data } = image;
  const n = width * height;
  const scale = data instanceof Float32Array ? 1 : 1 / 255;
  const luminance = new Float32Array(n);
  if (data.length === n) {
    for (let i = 0; i < n; i++) luminance[i] = data[i] * scale;
    return { width, height, ink: inkFromContrast(luminance, width, height) };
  }
  const alpha = new Float32Array(n);
  let transparent = false;
  for (let i = 0, j = 0; i < n; i++, j += 4) {
    luminance[i] = (0.299 * data[j] + 0.587 * data[j + 1] + 0.114 * data[j + 2]) * scale;
    alpha[i] = data[j + 3] * scale;
    if (alpha[i] < 1) transparent = true;
  }
  return { width, height, ink: transparent ? inkFromAlpha(luminance, alpha) : inkFromContrast(luminance, width, height) };
}

/** Opaque image: ink is the contrast against the background, on the side away from it. */
function inkFromContrast(luminance: Float32Array, width: number, height: number): Float32Array {
  const background = median(borderValues(luminance, width, height));
  const ink = new Float32Array(luminance.length);
  if (background >= 0.5) {
    const range = Math.max(background, 1e-6);
    for (let i = 0; i < ink.length; i++) ink[i] = clamp01((background - luminance[i]) / range);
  } else {
    const range = Math.max(1 - background, 1e-6);
    for (let i = 0; i < ink.length; i++) ink[i] = clamp01((luminance[i] - background) / range);
  }
  return ink;
}

/**
 * Image with transparency: what is drawn is what is opaque. Its colour only tells whether it is
 * dark ink composited on nothing or light ink; either way coverage (alpha) is the ink, weighted by
 * how far the colour is from the opposite extreme so a semi-transparent background colour counts less.
 */
function inkFromAlpha(luminance: Float32Array, alpha: Float32Array): Float32Array {
  let weighted = 0;
  let total = 0;
  for (let i = 0; i < alpha.length; i++) {
    weighted += alpha[i] * luminance[i];
    total += alpha[i];
  }
  const darkInk = total === 0 || weighted / total < 0.5;
  const ink = new Float32Array(alpha.length);
  for (let i = 0; i < ink.length; i++) {
    ink[i] = alpha[i] * (darkInk ? 1 - luminance[i] : luminance[i]);
  }
  return ink;
}

function borderValues(values: Float32Array, width: number, height: number): Float32Array {
  if (width <= 2 || height <= 2) return values;
  const border = new Float32Array(2 * width + 2 * (height - 2));
  let k = 0;
  for (let x = 0; x < width; x++) {
    border[k++] = values[x];
    border[k++] = values[(height - 1) * width + x];
  }
  for (let y = 1; y < height - 1; y++) {
    border[k++] = values[y * width];
    border[k++] = values[y * width + width - 1];
  }
  return border;
}

function median(values: Float32Array): number {
  const sorted = Float32Array.from(values).sort();
  return sorted[sorted.length >> 1];
}

function clamp01(v: number): number {
  return v < 0 ? 0 : v > 1 ? 1 : v;
}
