/**
 * Per-tensor affine uint8 quantisation: w ≈ min + q·scale with q in 0..255. Kernels are stored
 * this way (4× smaller than float32); the few biases stay float32, where rounding would cost accuracy
 * for a handful of bytes.
 *
 * ```ts
 * const { q, min, scale } = quantizeUint8(new Float32Array([-1, 0, 1]));
 * dequantizeUint8(q, min, scale); // ≈ [-1, 0, 1]
 * ```
 */
export function quantizeUint8(values: Float32Array): { q: Uint8Array; min: number; scale: number } {
  let min = Infinity, max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new RangeError('quantizeUint8: values must be finite');
  const scale = max > min ? (max - min) / 255 : 1;
  const q = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) q[i] = Math.round((values[i] - min) / scale);
  return { q, min, scale };
}

export function dequantizeUint8(q: Uint8Array, min: number, scale: number): Float32Array {
  const out = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) out[i] = min + q[i] * scale;
  return out;
}

/**
 * Every tensor of a weights binary as float32, by manifest name (uint8 entries dequantized).
 *
 * ```ts
 * const values = decodeWeights(manifest.weights, binary); // Map { 'conv1/kernel' => Float32Array, … }
 * ```
 */
export function decodeWeights(
  entries: { name: string; shape: number[]; dtype: 'uint8' | 'float32'; offset: number; min?: number; scale?: number }[],
  binary: Uint8Array,
): Map<string, Float32Array> {
  const values = new Map<string, Float32Array>();
  for (const entry of entries) {
    const count = entry.shape.reduce((a, b) => a * b, 1);
    values.set(entry.name, entry.dtype === 'uint8'
      ? dequantizeUint8(binary.subarray(entry.offset, entry.offset + count), entry.min!, entry.scale!)
      : new Float32Array(binary.slice(entry.offset, entry.offset + count * 4).buffer));
  }
  return values;
}
