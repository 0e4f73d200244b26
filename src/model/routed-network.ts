import * as tf from '@tensorflow/tfjs-core';
import type { LayerSpec } from './architecture.js';
import type { DigitNetwork, Network } from './network.js';

/** Below this weight an expert is not run for a digit: its share of the answer would be under 1 %. */
const SKIP_WEIGHT = 0.01;

/**
 * The built-in model: two digit networks for two kinds of ink, mixed per digit by a small network
 * that tells the kinds apart.
 *
 * - `paper` learnt MNIST alone: digits written on paper and scanned, with the varying width and
 *   soft edges of a pencil or a pen pressed harder and lighter.
 * - `screen` learnt MNIST and real pen-tablet digits (rendered with the pad's even pen): it reads
 *   the European styles (a flagged 1, a crossed 7) that MNIST hardly has, at the price of a few of
 *   MNIST's own short-barred 7s and flat-topped 9s.
 * - `source` gives P(paper) for a digit; the answer is P(paper)·paper + (1 − P(paper))·screen.
 *
 * Ink known to be drawn (strokes from a pad) skips the mixing and goes to `screen`. Training and
 * `inspect()`'s filters use `screen`, the network a fine-tune should start from.
 *
 * ```ts
 * const network = new RoutedNetwork(source, paper, screen);
 * network.predict(digit, 1);                // mixed by source's P(paper)
 * network.forDrawnInk().predict(digit, 1);  // a pad's strokes: screen alone
 * ```
 */
export class RoutedNetwork implements DigitNetwork {
  readonly inputSize: number;
  readonly classes: number;

  constructor(readonly source: Network, readonly paper: Network, readonly screen: Network) {
    this.inputSize = screen.inputSize;
    this.classes = screen.classes;
  }

  predict(digits: Float32Array, count: number): Float32Array {
    const pixels = this.inputSize ** 2, classes = this.classes;
    const paperWeight = this.paperWeights(digits, count);
    const out = new Float32Array(count * classes);
    for (const [network, weightOf] of [[this.paper, (k: number) => paperWeight[k]], [this.screen, (k: number) => 1 - paperWeight[k]]] as const) {
      const members = [...paperWeight.keys()].filter((k) => weightOf(k) >= SKIP_WEIGHT);
      if (members.length === 0) continue;
      const batch = new Float32Array(members.length * pixels);
      members.forEach((k, m) => batch.set(digits.subarray(k * pixels, (k + 1) * pixels), m * pixels));
      const probabilities = network.predict(batch, members.length);
      members.forEach((k, m) => {
        for (let c = 0; c < classes; c++) out[k * classes + c] += weightOf(k) * probabilities[m * classes + c];
      });
    }
    // Renormalised, since a skipped expert's weight (under 1 %) is missing from the sum.
    for (let k = 0; k < count; k++) {
      let sum = 0;
      for (let c = 0; c < classes; c++) sum += out[k * classes + c];
      for (let c = 0; c < classes; c++) out[k * classes + c] /= sum;
    }
    return out;
  }

  predictEach(digits: (Float32Array | null)[]): (Float32Array | null)[] {
    const pixels = this.inputSize ** 2;
    const present = digits.flatMap((d, i) => (d ? [i] : []));
    const inputs = new Float32Array(present.length * pixels);
    present.forEach((index, k) => inputs.set(digits[index]!, k * pixels));
    const probabilities = present.length ? this.predict(inputs, present.length) : new Float32Array(0);
    const out: (Float32Array | null)[] = digits.map(() => null);
    present.forEach((index, k) => { out[index] = probabilities.slice(k * this.classes, (k + 1) * this.classes); });
    return out;
  }

  /**
   * Logits of the mixed probabilities (their softmax is what predict() returns). `visit` sees the
   * layers of the network that weighs most over the batch: for inspect()'s one digit, the one
   * that mostly read it.
   */
  logits(x: tf.Tensor4D, visit?: (layer: LayerSpec, index: number, output: tf.Tensor4D) => void): tf.Tensor2D {
    const count = x.shape[0];
    const digits = x.dataSync() as Float32Array;
    if (visit) {
      const paperWeight = this.paperWeights(digits, count);
      const paperMostly = paperWeight.reduce((a, b) => a + b, 0) > count / 2;
      tf.dispose((paperMostly ? this.paper : this.screen).logits(x, visit));
    }
    return tf.log(tf.maximum(tf.tensor2d(this.predict(digits, count), [count, this.classes]), 1e-30)) as tf.Tensor2D;
  }

  forDrawnInk(): Network {
    return this.screen;
  }

  /** The screen network's weights: the start of a fine-tune, and the filters inspect() shows. */
  weight(name: string): tf.Tensor | undefined {
    return this.screen.weight(name);
  }

  dispose(): void {
    for (const network of [this.source, this.paper, this.screen]) network.dispose();
  }

  private paperWeights(digits: Float32Array, count: number): number[] {
    const probabilities = this.source.predict(digits, count);
    return Array.from({ length: count }, (_, k) => probabilities[k * 2]);
  }
}
