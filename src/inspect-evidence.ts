import * as tf from '@tensorflow/tfjs-core';
import type { DigitNetwork } from './model/network.js';

/** Side of the square blanked window, in input pixels: the finest of 2–5 and the most faithful (scripts/evidence-compare.ts). */
export const OCCLUSION_PATCH = 2;
const BATCH = 256;

/**
 * Occlusion evidence (Zeiler & Fergus 2014): every `patch`×`patch` window of the input that holds
 * ink is blanked in turn, and each class's logit is read again. A pixel's evidence for a class is
 * the mean logit drop over the windows covering it: positive where the ink there argues for the
 * class (covering it lowers the score), negative where it argues against. Windows without ink
 * change nothing and are not run. Logits rather than probabilities, because a 99.9 % softmax
 * barely moves when one stroke is covered, while its logit does.
 *
 * Returns one Float32Array(size²) per class of `classes`, and the number of windows run.
 *
 * ```ts
 * const [forSeven, forTwo] = occlusionEvidence(model.network, digit, [7, 2]).maps;
 * ```
 */
export function occlusionEvidence(
  network: DigitNetwork, input: Float32Array, classes: readonly number[], patch = OCCLUSION_PATCH,
): { maps: Float32Array[]; windows: number } {
  const size = network.inputSize, pixels = size * size, span = size - patch + 1;
  const windows: number[] = []; // top-left corners (y * size + x) of windows holding ink
  for (let y = 0; y < span; y++) {
    for (let x = 0; x < span; x++) {
      if (hasInk(input, size, x, y, patch)) windows.push(y * size + x);
    }
  }
  // Item 0 is the untouched digit, computed in the same batch as the occluded copies it is compared with.
  const logits = new Float32Array((windows.length + 1) * network.classes);
  for (let start = -1; start < windows.length; start += BATCH) {
    const members = windows.slice(Math.max(0, start), start + BATCH);
    const withOriginal = start < 0;
    const count = members.length + (withOriginal ? 1 : 0);
    const batch = new Float32Array(count * pixels);
    for (let k = 0; k < count; k++) batch.set(input, k * pixels);
    members.forEach((corner, m) => blank(batch, (m + (withOriginal ? 1 : 0)) * pixels, corner, size, patch));
    const out = tf.tidy(() => network.logits(tf.tensor4d(batch, [count, size, size, 1])));
    logits.set(out.dataSync(), (start + 1) * network.classes);
    out.dispose();
  }
  const covering = new Float32Array(pixels); // how many windows (with or without ink) cover each pixel
  for (let y = 0; y < span; y++) for (let x = 0; x < span; x++) addWindow(covering, y * size + x, size, patch, 1);
  const maps = classes.map((c) => {
    const map = new Float32Array(pixels);
    const base = logits[c];
    windows.forEach((corner, k) => addWindow(map, corner, size, patch, base - logits[(k + 1) * network.classes + c]));
    for (let i = 0; i < pixels; i++) map[i] = covering[i] ? map[i] / covering[i] : 0;
    return map;
  });
  return { maps, windows: windows.length };
}

function hasInk(input: Float32Array, size: number, x: number, y: number, patch: number): boolean {
  for (let dy = 0; dy < patch; dy++) {
    for (let dx = 0; dx < patch; dx++) if (input[(y + dy) * size + x + dx] > 0) return true;
  }
  return false;
}

function blank(batch: Float32Array, offset: number, corner: number, size: number, patch: number): void {
  for (let dy = 0; dy < patch; dy++) batch.fill(0, offset + corner + dy * size, offset + corner + dy * size + patch);
}

function addWindow(map: Float32Array, corner: number, size: number, patch: number, value: number): void {
  for (let dy = 0; dy < patch; dy++) {
    for (let dx = 0; dx < patch; dx++) map[corner + dy * size + dx] += value;
  }
}
