import type { LayerSpec } from './architecture.js';

/** One tensor inside the weights binary. */
export interface WeightEntry {
  name: string;
  shape: number[];
  dtype: 'uint8' | 'float32';
  /** Byte offset in the binary. */
  offset: number;
  /** For uint8: value = min + q·scale. */
  min?: number;
  scale?: number;
}

/** weights/<name>.json: everything needed to rebuild and check a model. */
export interface WeightsManifest {
  format: 'digit-pad-weights/1';
  classNames: string[];
  inputShape: [number, number, number];
  architecture: LayerSpec[];
  preprocess: Record<string, number>;
  weights: WeightEntry[];
  /** The binary this manifest describes, with its SHA-256 (hex) checked on load. */
  file: { path: string; byteLength: number; sha256: string };
  training?: Record<string, unknown>;
  evaluation?: Record<string, unknown>;
}

export const MANIFEST_FORMAT = 'digit-pad-weights/1';
