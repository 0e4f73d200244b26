/**
 * tfjs for Node scripts: the wasm backend (tfjs-node cannot install here), with the
 * Conv2DBackpropFilter kernel it lacks, and tfjs-layers (whose Node bundle registers the gradients).
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-wasm';
import { registerWasmConv2DBackpropFilter } from './wasm-conv-backprop-filter.js';

export async function initTrainingBackend(): Promise<void> {
  await tf.setBackend('wasm');
  await tf.ready();
  registerWasmConv2DBackpropFilter();
}

export { tf, tfl };
