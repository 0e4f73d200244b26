/** Builds the tfjs-layers twin of an architecture: what training runs, and the benchmark baseline. */
import type { LayerSpec } from '../model/architecture.js';

type Layers = typeof import('@tensorflow/tfjs-layers');

/**
 * ```ts
 * const tfl = await import('@tensorflow/tfjs-layers');
 * const model = buildLayersModel(tfl, digitArchitecture(), [28, 28, 1], 1);
 * ```
 */
export function buildLayersModel(tfl: Layers, architecture: LayerSpec[], inputShape: [number, number, number], seed: number) {
  const model = tfl.sequential();
  let first = true;
  let s = seed;
  const init = () => tfl.initializers.heNormal({ seed: s++ });
  const input = () => (first ? { inputShape } : {});
  for (const layer of architecture) {
    switch (layer.type) {
      case 'conv2d':
        model.add(tfl.layers.conv2d({
          ...input(), name: layer.name, filters: layer.filters, kernelSize: layer.kernelSize,
          padding: 'same', activation: 'relu', kernelInitializer: init(),
        }));
        break;
      case 'maxPool':
        model.add(tfl.layers.maxPooling2d({ ...input(), poolSize: layer.size, strides: layer.size }));
        break;
      case 'dropout':
        model.add(tfl.layers.dropout({ ...input(), rate: layer.rate, seed: s++ }));
        break;
      case 'dense':
        if (!first) model.add(tfl.layers.flatten());
        model.add(tfl.layers.dense({
          ...input(), name: layer.name, units: layer.units, activation: 'softmax',
          kernelInitializer: tfl.initializers.glorotUniform({ seed: s++ }),
        }));
        break;
    }
    first = false;
  }
  return model;
}
