import * as tf from '@tensorflow/tfjs-core';
import { DigitPadError } from '../errors.js';
import type { LayerSpec } from './architecture.js';

const BATCH = 256;

/** What reads digits: one `Network`, or the built-in model's `RoutedNetwork`. */
export interface DigitNetwork {
  readonly inputSize: number;
  readonly classes: number;
  predict(digits: Float32Array, count: number): Float32Array;
  predictEach(digits: (Float32Array | null)[]): (Float32Array | null)[];
  /** The network for ink known to be drawn with an even pen (a pad's strokes). */
  forDrawnInk(): DigitNetwork;
  logits(x: tf.Tensor4D, visit?: (layer: LayerSpec, index: number, output: tf.Tensor4D) => void): tf.Tensor2D;
  weight(name: string): tf.Tensor | undefined;
  dispose(): void;
}

/**
 * Inference with plain tfjs-core ops over weights kept as tensors for the model's lifetime:
 * conv + bias + ReLU fused into one kernel, max-pooling, and a fused dense layer. No tfjs-layers.
 */
export class Network implements DigitNetwork {
  constructor(
    private readonly architecture: LayerSpec[],
    private readonly tensors: Map<string, tf.Tensor>,
    readonly inputSize: number,
    readonly classes: number,
  ) {}

  /** Class probabilities for `count` normalised digits laid end to end (count × size² values). */
  predict(digits: Float32Array, count: number): Float32Array {
    const probabilities = tf.tidy(() => tf.softmax(this.logits(tf.tensor4d(digits, [count, this.inputSize, this.inputSize, 1]))));
    const values = probabilities.dataSync() as Float32Array;
    probabilities.dispose();
    return values;
  }

  /**
   * The class logits for a batch of digits [count, size, size, 1]. `visit` sees the output of every
   * convolution (after bias and ReLU) and pooling layer, numbered from 0 in architecture order; it
   * must copy what it keeps, since the caller's tf.tidy() frees those tensors. inspect() reads the
   * layers through this very loop, so what it shows is what predict() computes.
   */
  logits(x: tf.Tensor4D, visit?: (layer: LayerSpec, index: number, output: tf.Tensor4D) => void): tf.Tensor2D {
    if (this.tensors.size === 0) throw new DigitPadError('INVALID_OPTION', 'This model was disposed; load or train it again.');
    const count = x.shape[0];
    let out: tf.Tensor = x;
    this.architecture.forEach((layer, index) => {
      if (layer.type === 'conv2d') {
        out = tf.fused.conv2d({
          x: out as tf.Tensor4D,
          filter: this.tensors.get(`${layer.name}/kernel`) as tf.Tensor4D,
          bias: this.tensors.get(`${layer.name}/bias`),
          strides: 1,
          pad: 'same',
          activation: 'relu',
        });
      } else if (layer.type === 'maxPool') {
        out = tf.maxPool(out as tf.Tensor4D, layer.size, layer.size, 'valid');
      } else if (layer.type === 'dense') {
        out = tf.fused.matMul({
          a: tf.reshape(out, [count, -1]) as tf.Tensor2D,
          b: this.tensors.get(`${layer.name}/kernel`) as tf.Tensor2D,
          bias: this.tensors.get(`${layer.name}/bias`),
        });
        return;
      } else {
        return; // dropout: training only
      }
      visit?.(layer, index, out as tf.Tensor4D);
    });
    return out as tf.Tensor2D;
  }

  /**
   * Class probabilities for each normalised digit of a list, computed in batches of up to 256;
   * `null` entries (nothing written) stay `null`.
   */
  predictEach(digits: (Float32Array | null)[]): (Float32Array | null)[] {
    const pixels = this.inputSize ** 2;
    const present = digits.flatMap((d, i) => (d ? [i] : []));
    const out: (Float32Array | null)[] = digits.map(() => null);
    for (let start = 0; start < present.length; start += BATCH) {
      const members = present.slice(start, start + BATCH);
      const inputs = new Float32Array(members.length * pixels);
      members.forEach((index, k) => inputs.set(digits[index]!, k * pixels));
      const probabilities = this.predict(inputs, members.length);
      members.forEach((index, k) => { out[index] = probabilities.slice(k * this.classes, (k + 1) * this.classes); });
    }
    return out;
  }

  /** One network reads every kind of ink. */
  forDrawnInk(): Network {
    return this;
  }

  /** A weight tensor by manifest name (e.g. 'conv1/kernel'), for fine-tuning. */
  weight(name: string): tf.Tensor | undefined {
    return this.tensors.get(name);
  }

  dispose(): void {
    for (const t of this.tensors.values()) t.dispose();
    this.tensors.clear();
  }
}
