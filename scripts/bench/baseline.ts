/**
 * The benchmark baseline: the same network as a tfjs-layers model (`buildLayersModel`, what training
 * runs) carrying the shipped weights, dequantized exactly as the SDK does, run with `model.predict`.
 * Node only (tfjs-layers/-core from node_modules: the same tfjs-core instance dist/index.node.js uses).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { buildLayersModel } from '../../src/training/layers-model.js';
import { decodeWeights } from '../../src/model/quantize.js';
import type { WeightsManifest } from '../../src/model/manifest.js';

export { tf, tfl };

/** A tfjs-layers model of `manifest.architecture` with the model's weights (a `DigitModel`'s manifest and binary). */
export function layersBaseline(manifest: WeightsManifest, binary: Uint8Array) {
  const model = buildLayersModel(tfl, manifest.architecture, manifest.inputShape as [number, number, number], 1);
  const weights = new Map<string, tf.Tensor>();
  const shapes = new Map(manifest.weights.map((entry) => [entry.name, entry.shape]));
  for (const [name, values] of decodeWeights(manifest.weights, binary)) weights.set(name, tf.tensor(values, shapes.get(name), 'float32'));
  for (const layer of manifest.architecture) {
    if (layer.type !== 'conv2d' && layer.type !== 'dense') continue;
    const kernel = weights.get(`${layer.name}/kernel`), bias = weights.get(`${layer.name}/bias`);
    if (!kernel || !bias) throw new Error(`manifest has no weights for layer ${layer.name}`);
    model.getLayer(layer.name).setWeights([kernel, bias]);
  }
  for (const t of weights.values()) t.dispose();
  return model;
}

/** Class probabilities of normalised 28×28 digits (count × 784 floats, 0..1) through `model.predict`. */
export function predictNormalized(model: ReturnType<typeof layersBaseline>, digits: Float32Array, count: number): Float32Array {
  const out = tf.tidy(() => model.predict(tf.tensor4d(digits, [count, 28, 28, 1])) as tf.Tensor);
  const values = out.dataSync() as Float32Array;
  out.dispose();
  return values;
}

/** The usual TF.js demo route for one raw MNIST digit (28×28 bytes, light on dark): /255 → predict. */
export function predictMnistBytes(model: ReturnType<typeof layersBaseline>, bytes: Uint8Array): Float32Array {
  const out = tf.tidy(() => model.predict(tf.div(tf.tensor4d(bytes, [1, 28, 28, 1], 'float32'), 255)) as tf.Tensor);
  const values = out.dataSync() as Float32Array;
  out.dispose();
  return values;
}

/**
 * The usual TF.js demo route for a canvas (dark ink on white RGBA): pixels → grayscale →
 * resizeBilinear 28×28 → invert and scale to 0..1 → predict. (In browsers the pixels come from
 * tf.browser.fromPixels; in Node from the RGBA bytes.)
 */
export function predictCanvasRgba(model: ReturnType<typeof layersBaseline>, image: { width: number; height: number; data: Uint8ClampedArray | Uint8Array }): Float32Array {
  const out = tf.tidy(() => {
    const rgba = tf.tensor3d(image.data, [image.height, image.width, 4], 'int32');
    const gray = tf.mean(tf.slice(rgba, [0, 0, 0], [-1, -1, 3]), 2, true) as tf.Tensor3D;
    const small = tf.image.resizeBilinear(gray, [28, 28]);
    const x = tf.expandDims(tf.div(tf.sub(255, small), 255), 0);
    return model.predict(x) as tf.Tensor;
  });
  const values = out.dataSync() as Float32Array;
  out.dispose();
  return values;
}
