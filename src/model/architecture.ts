/**
 * The network, described as data so that inference (tfjs-core ops), training (tfjs-layers) and the
 * weights manifest all read one definition. Convolutions use 'same' padding and ReLU; the dense
 * layer reads the flattened feature map and produces one logit per class.
 */
export type LayerSpec =
  | { type: 'conv2d'; name: string; kernelSize: number; filters: number }
  | { type: 'maxPool'; size: number }
  | { type: 'dropout'; rate: number }
  | { type: 'dense'; name: string; units: number };

/** ~55 k parameters, ~2.1 M multiply-adds per digit. */
export function digitArchitecture(classes = 10): LayerSpec[] {
  return [
    { type: 'conv2d', name: 'conv1', kernelSize: 5, filters: 16 },
    { type: 'maxPool', size: 2 },
    { type: 'conv2d', name: 'conv2', kernelSize: 3, filters: 32 },
    { type: 'maxPool', size: 2 },
    { type: 'conv2d', name: 'conv3', kernelSize: 3, filters: 64 },
    { type: 'dropout', rate: 0.3 },
    { type: 'dense', name: 'dense', units: classes },
  ];
}

export interface WeightShape {
  name: string;
  shape: number[];
}

/** Names and shapes of every weight tensor, in manifest order (kernel then bias per layer). */
export function weightShapes(architecture: LayerSpec[], inputShape: [number, number, number]): WeightShape[] {
  let [height, width, channels] = inputShape;
  const shapes: WeightShape[] = [];
  for (const layer of architecture) {
    if (layer.type === 'conv2d') {
      shapes.push({ name: `${layer.name}/kernel`, shape: [layer.kernelSize, layer.kernelSize, channels, layer.filters] });
      shapes.push({ name: `${layer.name}/bias`, shape: [layer.filters] });
      channels = layer.filters;
    } else if (layer.type === 'maxPool') {
      height = Math.floor(height / layer.size);
      width = Math.floor(width / layer.size);
    } else if (layer.type === 'dense') {
      shapes.push({ name: `${layer.name}/kernel`, shape: [height * width * channels, layer.units] });
      shapes.push({ name: `${layer.name}/bias`, shape: [layer.units] });
      height = width = 1;
      channels = layer.units;
    }
  }
  return shapes;
}
