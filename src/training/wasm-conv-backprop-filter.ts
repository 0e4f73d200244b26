/**
 * tfjs-backend-wasm 4.22 ships no Conv2DBackpropFilter kernel, so conv layers cannot train on it.
 * The filter gradient is itself a convolution: with the batch and channel axes swapped, the input
 * convolved by the output gradient (dilated by the stride) gives dW. We build it from the wasm
 * backend's own Transpose and Conv2D kernels so it runs at wasm speed.
 */
import {
  backend_util,
  getKernel,
  registerKernel,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from '@tensorflow/tfjs-core';

export function registerWasmConv2DBackpropFilter(): void {
  if (getKernel('Conv2DBackpropFilter', 'wasm')) return;
  const conv2d = getKernel('Conv2D', 'wasm')!.kernelFunc as KernelFunc;
  const transpose = getKernel('Transpose', 'wasm')!.kernelFunc as KernelFunc;

  const config: KernelConfig = {
    kernelName: 'Conv2DBackpropFilter',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
      const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs as unknown as {
        strides: [number, number] | number;
        pad: 'valid' | 'same' | number | backend_util.ExplicitPadding;
        dataFormat: 'NHWC' | 'NCHW';
        dimRoundingMode?: 'floor' | 'round' | 'ceil';
        filterShape: [number, number, number, number];
      };
      if (dataFormat === 'NCHW') throw new Error('Conv2DBackpropFilter (wasm): only NHWC is supported');
      const info = backend_util.computeConv2DInfo(
        x.shape as [number, number, number, number], filterShape, strides, 1, pad, dimRoundingMode);
      const { top, left, bottom, right } = info.padInfo;
      // The forward output may not reach the far edge; trim the padded input so the result is exactly fh×fw.
      const usedHeight = (info.outHeight - 1) * info.strideHeight + info.filterHeight;
      const usedWidth = (info.outWidth - 1) * info.strideWidth + info.filterWidth;
      const inHeight = x.shape[1] + top + bottom;
      const inWidth = x.shape[2] + left + right;
      const explicit: backend_util.ExplicitPadding = [
        [0, 0],
        [top, bottom - (inHeight - usedHeight)],
        [left, right - (inWidth - usedWidth)],
        [0, 0],
      ];
      const run = (fn: KernelFunc, ins: Record<string, TensorInfo>, at: Record<string, unknown>) =>
        fn({ inputs: ins, backend, attrs: at as never }) as TensorInfo;
      const xT = run(transpose, { x }, { perm: [3, 1, 2, 0] }); // [inC, H, W, batch]
      const dyT = run(transpose, { x: dy }, { perm: [1, 2, 0, 3] }); // [outH, outW, batch, outC]
      const dwT = run(conv2d, { x: xT, filter: dyT }, {
        strides: [1, 1],
        pad: explicit,
        dataFormat: 'NHWC',
        dilations: [info.strideHeight, info.strideWidth],
        dimRoundingMode,
      }); // [inC, fh, fw, outC]
      const dw = run(transpose, { x: dwT }, { perm: [1, 2, 0, 3] });
      for (const t of [xT, dyT, dwT]) (backend as unknown as { disposeData(id: object): void }).disposeData(t.dataId);
      return dw;
    },
  };
  registerKernel(config);
}
