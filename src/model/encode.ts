import { weightShapes, type LayerSpec } from './architecture.js';
import { MANIFEST_FORMAT, type WeightEntry, type WeightsManifest } from './manifest.js';
import { quantizeUint8 } from './quantize.js';
import { sha256Hex } from './sha256.js';
import { PREPROCESS } from '../preprocess/normalize.js';

export interface EncodeOptions {
  architecture: LayerSpec[];
  classNames: string[];
  /** Float weights in `weightShapes(architecture)` order. */
  weights: Float32Array[];
  /** File name the manifest points at. */
  binaryPath: string;
  training?: Record<string, unknown>;
  evaluation?: Record<string, unknown>;
}

/**
 * Packs float weights into the shipped format: kernels as per-tensor uint8, biases as float32,
 * one binary plus a manifest that records its SHA-256.
 *
 * ```ts
 * const { manifest, binary } = encodeWeights({ architecture, classNames, weights, binaryPath: 'digits.bin' });
 * ```
 */
export function encodeWeights(options: EncodeOptions): { manifest: WeightsManifest; binary: Uint8Array } {
  const inputShape: [number, number, number] = [PREPROCESS.size, PREPROCESS.size, 1];
  const shapes = weightShapes(options.architecture, inputShape);
  if (shapes.length !== options.weights.length) {
    throw new RangeError(`encodeWeights: architecture has ${shapes.length} weight tensors, got ${options.weights.length}`);
  }
  const parts: Uint8Array[] = [];
  const entries: WeightEntry[] = [];
  let offset = 0;
  shapes.forEach(({ name, shape }, i) => {
    const values = options.weights[i];
    const count = shape.reduce((a, b) => a * b, 1);
    if (values.length !== count) throw new RangeError(`encodeWeights: ${name} needs ${count} values, got ${values.length}`);
    // Keep float32 parts 4-byte aligned so they can be viewed without copying.
    if (name.endsWith('/bias') && offset % 4) {
      const pad = 4 - (offset % 4);
      parts.push(new Uint8Array(pad));
      offset += pad;
    }
    let bytes: Uint8Array;
    let entry: WeightEntry;
    if (name.endsWith('/bias')) {
      bytes = new Uint8Array(Float32Array.from(values).buffer);
      entry = { name, shape, dtype: 'float32', offset };
    } else {
      const { q, min, scale } = quantizeUint8(values);
      bytes = q;
      entry = { name, shape, dtype: 'uint8', offset, min, scale };
    }
    parts.push(bytes);
    entries.push(entry);
    offset += bytes.length;
  });
  const binary = new Uint8Array(offset);
  let at = 0;
  for (const part of parts) {
    binary.set(part, at);
    at += part.length;
  }
  const manifest: WeightsManifest = {
    format: MANIFEST_FORMAT,
    classNames: options.classNames,
    inputShape,
    architecture: options.architecture,
    preprocess: { ...PREPROCESS },
    weights: entries,
    file: { path: options.binaryPath, byteLength: binary.length, sha256: sha256Hex(binary) },
    ...(options.training ? { training: options.training } : {}),
    ...(options.evaluation ? { evaluation: options.evaluation } : {}),
  };
  return { manifest, binary };
}
