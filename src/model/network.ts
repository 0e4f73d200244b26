import * as tf from '@tensorflow/tfjs-core';
import { DigitPadError } from '../errors.js';
import type { LayerSpec } from './architecture.js';

const BATCH = 256;

/**
 * Inference with plain tfjs-core ops over weights kept as tensors for the model's lifetime:
 * conv + bias + ReLU fused into one kernel, max-pooling, and a fused dense layer. No tfjs-layers.
 */
export class Network {
  constructor(
    private readonly architecture: LayerSpec[],
    private readonly tensors: Map<string, tf.Tensor>,
    readonly inputSize: number,
    readonly classes: number,
  ) {}

  /** Class probabilities for `count` normalised digits laid end to end (count × size² values). */
  predict(digits: Float32Array, count: number): Float32Array {
    if (this.tensors.size === 0) throw new DigitPadError('INVALID_OPTION', 'This model was disposed; load or train it again.');
    const size = this.inputSize;
    const probabilities = tf.tidy(() => {
      let x: tf.Tensor = tf.tensor4d(digits, [count, size, size, 1]);
      for (const layer of this.architecture) {
        if (layer.type === 'conv2d') {
          x = tf.fused.conv2d({
            x: x as tf.Tensor4D,
            filter: this.tensors.get(`${layer.name}/kernel`) as tf.Tensor4D,
            bias: this.tensors.get(`${layer.name}/bias`),
            strides: 1,
            pad: 'same',
            activation: 'relu',
          });
        } else if (layer.type === 'maxPool') {
          x = tf.maxPool(x as tf.Tensor4D, layer.size, layer.size, 'valid');
        } else if (layer.type === 'dense') {
          x = tf.fused.matMul({
            a: tf.reshape(x, [count, -1]) as tf.Tensor2D,
            b: this.tensors.get(`${layer.name}/kernel`) as tf.Tensor2D,
            bias: this.tensors.get(`${layer.name}/bias`),
          });
        }
      }
      return tf.softmax(x);
    });
    const values = probabilities.dataSync() as Float32Array;
    probabilities.dispose();
    return values;
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

  /** A weight tensor by manifest name (e.g. 'conv1/kernel'), for fine-tuning. */
  weight(name: string): tf.Tensor | undefined {
    return this.tensors.get(name);
  }

  dispose(): void {
    for (const t of this.tensors.values()) t.dispose();
    this.tensors.clear();
  }
}
