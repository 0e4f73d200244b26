/**
 * Training-time augmentation of a normalised 28×28 digit: the variation real writers add that the
 * MNIST-style normalisation does not remove (slant, rotation, proportions, small offsets, pen width).
 */
export interface AugmentRanges {
  /** Max rotation, radians. */
  rotation: number;
  /** Max relative change of size along each axis. */
  scale: number;
  /** Max horizontal shear (slant). */
  shear: number;
  /** Max shift in pixels along each axis. */
  shift: number;
  /** Probability of thickening and of thinning the strokes. */
  thicken: number;
  thin: number;
}

export const DEFAULT_AUGMENT: AugmentRanges = {
  rotation: (12 * Math.PI) / 180,
  scale: 0.12,
  shear: 0.25,
  shift: 2,
  thicken: 0.2,
  thin: 0.15,
};

/**
 * Returns a new augmented copy of `digit` (size×size, 0..1).
 *
 * ```ts
 * const out = augmentDigit(input, 28, createRng(1));
 * ```
 */
export function augmentDigit(
  digit: Float32Array,
  size: number,
  random: () => number,
  ranges: AugmentRanges = DEFAULT_AUGMENT,
): Float32Array {
  const uniform = (max: number) => (random() * 2 - 1) * max;
  const angle = uniform(ranges.rotation);
  const scaleX = 1 + uniform(ranges.scale);
  const scaleY = 1 + uniform(ranges.scale);
  const shear = uniform(ranges.shear);
  const shiftX = uniform(ranges.shift);
  const shiftY = uniform(ranges.shift);
  // Forward map: p' = R · Shear · Scale · (p - c) + c + shift. We sample with its inverse.
  const cos = Math.cos(angle), sin = Math.sin(angle);
  const a = cos * scaleX, b = (cos * shear - sin) * scaleY;
  const c = sin * scaleX, d = (sin * shear + cos) * scaleY;
  const det = a * d - b * c;
  const ia = d / det, ib = -b / det, ic = -c / det, id = a / det;
  const centre = size / 2;
  let out: Float32Array = new Float32Array(size * size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x + 0.5 - centre - shiftX;
      const dy = y + 0.5 - centre - shiftY;
      out[y * size + x] = sampleBilinear(digit, size, ia * dx + ib * dy + centre - 0.5, ic * dx + id * dy + centre - 0.5);
    }
  }
  const roll = random();
  if (roll < ranges.thicken) out = morph(out, size, Math.max);
  else if (roll < ranges.thicken + ranges.thin) {
    const thinner = morph(out, size, Math.min);
    if (sum(thinner) > 0.4 * sum(out)) out = thinner;
  }
  let peak = 0;
  for (const v of out) if (v > peak) peak = v;
  if (peak > 0) for (let i = 0; i < out.length; i++) out[i] = Math.min(1, out[i] / peak);
  return out;
}

function sampleBilinear(image: Float32Array, size: number, x: number, y: number): number {
  const x0 = Math.floor(x), y0 = Math.floor(y);
  const fx = x - x0, fy = y - y0;
  const at = (xx: number, yy: number) => (xx < 0 || yy < 0 || xx >= size || yy >= size ? 0 : image[yy * size + xx]);
  return (
    (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) +
    fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1))
  );
}

/** Grey-level dilation (max) or erosion (min) over a plus-shaped neighbourhood, softened by half. */
function morph(image: Float32Array, size: number, pick: (...v: number[]) => number): Float32Array {
  const out = new Float32Array(image.length);
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= size || y >= size ? 0 : image[y * size + x]);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = at(x, y);
      const m = pick(v, at(x - 1, y), at(x + 1, y), at(x, y - 1), at(x, y + 1));
      out[y * size + x] = pick === Math.max ? Math.max(v, m * 0.8) : (v + m) / 2;
    }
  }
  return out;
}

function sum(values: Float32Array): number {
  let s = 0;
  for (const v of values) s += v;
  return s;
}
