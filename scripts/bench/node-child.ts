/**
 * One Node benchmark configuration, in its own process (the tfjs backend is global per process):
 *   tsx scripts/bench/node-child.ts <wasm-simd|wasm|cpu|layers|train> <out.json> [--quick]
 * Writes its measurements as JSON to <out.json>. Started by scripts/bench.ts.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadMnist, mnistImage } from '../lib/mnist.js';
import { placeOnCanvas } from '../lib/placement.mjs';
import { argmax, median, placement, round, time, topSelfTime } from '../../bench/stats.js';

const [config, outFile] = process.argv.slice(2);
const quick = process.argv.includes('--quick');
// 300 untimed calls: on this VM's EPYC cores 50 left the first loop timed (28×28 digits) before V8's
// optimising tier, at 2.5 times its settled time (0.53 against 0.21 ms, for old and new builds alike).
const RUNS = quick ? { warmup: 10, runs: 50 } : { warmup: 300, runs: 300 };

// scripts/bench.ts points BENCH_DIST at its snapshot of dist/ (so a concurrent rebuild cannot interfere).
const sdk = await import(new URL(`../../${process.env.BENCH_DIST ?? 'dist'}/index.node.js`, import.meta.url).href);
const tf = await import('@tensorflow/tfjs-core');
const test = loadMnist('test');
const digits = Array.from({ length: 100 }, (_, i) => mnistImage(test, i));
const canvases = Array.from({ length: 20 }, (_, i) => {
  const { size, left, top } = placement(i);
  return placeOnCanvas(test.images.subarray(i * 784, (i + 1) * 784), 280, size, left, top);
});

const out: Record<string, unknown> = { config, quick, node: process.version };

/** CPU profile (node:inspector) of `runs` calls of fn: top functions by self time. */
async function profile(fn: (i: number) => unknown, runs = 300) {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 50 });
  await session.post('Profiler.start');
  for (let i = 0; i < runs; i++) await fn(i);
  const { profile: p } = await session.post('Profiler.stop');
  session.disconnect();
  return topSelfTime(p, 12);
}

const ours = {
  digit28: (i: number) => sdk.recognize(digits[i % digits.length]),
  canvas280: (i: number) => sdk.recognize(canvases[i % canvases.length]),
};

if (config === 'wasm-simd' || config === 'wasm' || config === 'cpu') {
  sdk.configure(config === 'cpu' ? { backend: 'cpu' } : { backend: 'wasm', simd: config === 'wasm-simd' });
  const first = await sdk.recognize(digits[0]);
  out.backend = first.backend;
  if (first.backend !== config) throw new Error(`asked for ${config}, got ${first.backend}`);
  out.digit28 = await time(ours.digit28, RUNS);
  out.canvas280 = await time(ours.canvas280, RUNS);
  // Breakdown: preprocessing alone, and the network alone (Network.predict on preprocessed digits).
  const model = await sdk.getDefaultModel();
  const pre = digits.map((d) => sdk.preprocess(d)!);
  out.parts = {
    preprocess28: await time((i) => sdk.preprocess(digits[i % digits.length]), RUNS),
    preprocess280: await time((i) => sdk.preprocess(canvases[i % canvases.length]), RUNS),
    networkOnly: await time((i) => model.network.predict(pre[i % pre.length], 1), RUNS),
    // preprocess + network called synchronously: recognize() minus its awaits and result object.
    syncPath: await time((i) => model.network.predict(sdk.preprocess(digits[i % digits.length]), 1), RUNS),
  };
  // recognizeBatch: 1,024 digits per call.
  const batch = Array.from({ length: 1024 }, (_, i) => mnistImage(test, 100 + i));
  // (cpu: ~7 s per call, and the kernels are already warm from the loops above.)
  const b = await time(() => sdk.recognizeBatch(batch), config === 'cpu' ? { warmup: 0, runs: quick ? 1 : 2, perCall: 1024 } : { warmup: 1, runs: quick ? 2 : 5, perCall: 1024 });
  out.batch1024 = { ...b, batchDigitsPerSecond: b.digitsPerSecond, perDigitMs: round(b.medianMs / 1024) };
  out.batchDigitsPerSecond = b.digitsPerSecond;
  if (config === 'wasm-simd') {
    // Memory across 10,000 recognitions (model loaded and warm before the first reading).
    const gc = (globalThis as { gc?: () => void }).gc;
    const reading = () => {
      gc?.();
      const m = process.memoryUsage();
      const t = tf.memory();
      return { rssBytes: m.rss, heapUsedBytes: m.heapUsed, externalBytes: m.external, numTensors: t.numTensors, tfNumBytes: t.numBytes };
    };
    const before = reading();
    const count = quick ? 1000 : 10_000;
    for (let i = 0; i < count; i++) await sdk.recognize(mnistImage(test, i));
    const after = reading();
    out.memory = {
      recognitions: count, gcExposed: Boolean(gc), before, after,
      rssDeltaBytes: after.rssBytes - before.rssBytes, heapUsedDeltaBytes: after.heapUsedBytes - before.heapUsedBytes,
      numTensorsDelta: after.numTensors - before.numTensors,
    };
    out.profile = { digit28: await profile(ours.digit28), canvas280: await profile(ours.canvas280) };
  }
} else if (config === 'layers') {
  // Baseline and ours in one process on wasm-SIMD; also the 10,000-digit argmax agreement guard.
  const { layersBaseline, predictNormalized, predictMnistBytes, predictCanvasRgba } = await import('./baseline.js');
  sdk.configure({ backend: 'wasm', simd: true });
  // The agreement guard checks one network: the built-in model's screen network, loaded from its file.
  const model = await sdk.loadModel(new URL('../../weights/digits.json', import.meta.url));
  const first = await sdk.recognize(digits[0]);
  out.backend = first.backend;
  out.tfBackend = tf.getBackend();
  const layers = layersBaseline(model.manifest, model.binary);
  const base = {
    digit28: (i: number) => argmax(predictMnistBytes(layers, digits[i % digits.length].data)),
    canvas280: (i: number) => argmax(predictCanvasRgba(layers, canvases[i % canvases.length])),
  };
  out.digit28 = await time(base.digit28, RUNS);
  out.canvas280 = await time(base.canvas280, RUNS);
  const pre = digits.map((d) => sdk.preprocess(d)!);
  out.parts = { networkOnly: await time((i) => predictNormalized(layers, pre[i % pre.length], 1), RUNS) };
  out.oursSameProcess = { digit28: await time(ours.digit28, RUNS), canvas280: await time(ours.canvas280, RUNS) };
  const batch = new Float32Array(1024 * 784);
  for (let i = 0; i < 1024; i++) batch.set(sdk.preprocess(mnistImage(test, 100 + i))!, i * 784);
  const b = await time(() => predictNormalized(layers, batch, 1024), { warmup: 1, runs: quick ? 2 : 5, perCall: 1024 });
  out.batch1024 = { ...b, note: 'model.predict on 1,024 already-preprocessed digits (no preprocessing)' };
  out.batchDigitsPerSecond = b.digitsPerSecond;

  // Agreement: recognize() (our fast path, one digit per call) vs layers model.predict on the same
  // normalised input (preprocess()), over all MNIST test digits.
  const n = quick ? 1000 : test.count;
  const t0 = performance.now();
  let agree = 0, empty = 0, oursCorrect = 0, layersCorrect = 0, maxProbDiff = 0;
  const disagreements: unknown[] = [];
  const CHUNK = 500;
  for (let start = 0; start < n; start += CHUNK) {
    const m = Math.min(CHUNK, n - start);
    const inputs = new Float32Array(m * 784);
    const results = [];
    for (let k = 0; k < m; k++) {
      const image = mnistImage(test, start + k);
      const d = sdk.preprocess(image);
      if (d) inputs.set(d, k * 784);
      results.push(await sdk.recognize(image, { model }));
    }
    const probs = predictNormalized(layers, inputs, m);
    for (let k = 0; k < m; k++) {
      const r = results[k];
      const label = test.labels[start + k];
      const theirs = argmax(probs, k * 10, 10);
      if (theirs === label) layersCorrect++;
      if (r.digit === null) { empty++; continue; }
      if (r.digit === label) oursCorrect++;
      for (let c = 0; c < 10; c++) maxProbDiff = Math.max(maxProbDiff, Math.abs(r.probabilities[c] - probs[k * 10 + c]));
      if (r.digit === theirs) agree++;
      else if (disagreements.length < 20) disagreements.push({ index: start + k, label, ours: r.digit, layers: theirs });
    }
  }
  out.agreement = {
    digits: n, agree, empty, disagreements, maxProbabilityDiff: maxProbDiff,
    oursAccuracy: oursCorrect / n, layersAccuracy: layersCorrect / n, seconds: round((performance.now() - t0) / 1000, 1),
    method: 'argmax of recognize(image, { model: the screen network }) vs argmax of layers model.predict(preprocess(image)), same weights, wasm-SIMD',
  };
  out.profile = { digit28: await profile(base.digit28), canvas280: await profile(base.canvas280) };
} else if (config === 'train') {
  sdk.configure({ backend: 'wasm', simd: true });
  const trainSplit = loadMnist('train');
  const count = quick ? 256 : 1000;
  const t0 = performance.now();
  const model = await sdk.train(
    { images: trainSplit.images.subarray(0, count * 784), labels: trainSplit.labels.subarray(0, count) },
    { from: 'scratch', epochs: 1 },
  );
  out.train = {
    samples: count, epochs: 1, wallSeconds: round((performance.now() - t0) / 1000, 2),
    samplesPerSecond: round(model.manifest.training.samplesPerSecond, 1), backend: tf.getBackend(),
  };
} else if (config === 'numbers') {
  // Issue 15: a 4-digit number through recognizeNumber() (image path: MNIST test digits, half of them
  // touching; stroke path: pen-written numbers, neighbours 0.06 row heights apart or overlapping),
  // timed interleaved with one 280×280 canvas recognize() so that machine load hits both alike.
  // "plain" reads every candidate of the same plans through both networks (scripts/lib/plain-search.ts);
  // "everyColumn" is the image path as it searched before its coarse pass: before/after in one run.
  sdk.configure({ backend: 'wasm', simd: true });
  const { composeNumber } = await import('../lib/numbers.js');
  const { createRng } = await import('../../src/training/rng.js');
  const { everyColumnSearch, plainSearch } = await import('../lib/plain-search.js');
  const { writtenNumber } = await import('../../test/node/helpers.mjs');
  const model = await sdk.getDefaultModel();
  const verifier = await sdk.loadModel(new URL('../../weights/segmenter.json', import.meta.url));
  const random = createRng(15);
  const images: { value: string; image: unknown }[] = [];
  while (images.length < 20) {
    const n = composeNumber(test, random, images.length % 2 === 1);
    if (n.value.length === 4) images.push(n);
  }
  const written = Array.from({ length: 10 }, (_, i) => {
    const value = String(1000 + ((i * 7919) % 9000));
    return { value, ...writtenNumber(value, i % 2 ? -0.05 : 0.06, i % 2) };
  });
  const runs = quick ? 10 : 30;
  const kinds = {
    canvas: (i: number) => sdk.recognize(canvases[i % canvases.length]),
    image: (i: number) => sdk.recognizeNumber(images[i % images.length].image, { model }),
    stroke: (i: number) => sdk.recognizeNumber(written[i % written.length].image, { ...written[i % written.length].options, expectedDigits: 4, model }),
    plainImage: (i: number) => plainSearch(images[i % images.length].image as never, {}, model, verifier),
    everyColumn: (i: number) => everyColumnSearch(images[i % images.length].image as never, model, verifier),
    plainStroke: (i: number) => plainSearch(written[i % written.length].image as never, written[i % written.length].options as never, model, verifier),
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
  const imageTimes: { touching: boolean; ms: number }[] = [];
  for (let i = -3; i < runs; i++) {
    for (const [name, fn] of Object.entries(kinds)) {
      const t0 = performance.now();
      await fn(i + 3);
      if (i >= 0) times[name].push(performance.now() - t0);
      if (i >= 0 && name === 'image') imageTimes.push({ touching: (i + 3) % images.length % 2 === 1, ms: performance.now() - t0 });
    }
  }
  const med = (name: string) => median(times[name]);
  // Half the image-path numbers touch (odd ones): their median and the separated ones' apart, since
  // the median of all lies between the two groups.
  const imageMedian = (touching: boolean) => median(imageTimes.filter((t) => t.touching === touching).map((t) => t.ms));
  let same = 0, sameAsEveryColumn = 0;
  for (const n of images) {
    const { value } = await sdk.recognizeNumber(n.image, { model });
    if (value === plainSearch(n.image as never, {}, model, verifier).value) same++;
    if (value === everyColumnSearch(n.image as never, model, verifier).value) sameAsEveryColumn++;
  }
  out.numbers4 = {
    canvasMs: round(med('canvas')),
    image: {
      medianMs: round(med('image')), ratioToCanvas: round(med('image') / med('canvas'), 2), plainMedianMs: round(med('plainImage')), plainRatioToCanvas: round(med('plainImage') / med('canvas'), 2), speedup: round(med('plainImage') / med('image'), 2),
      separatedMedianMs: round(imageMedian(false)), separatedRatioToCanvas: round(imageMedian(false) / med('canvas'), 2),
      touchingMedianMs: round(imageMedian(true)), touchingRatioToCanvas: round(imageMedian(true) / med('canvas'), 2),
      everyColumnMedianMs: round(med('everyColumn')), everyColumnRatioToCanvas: round(med('everyColumn') / med('canvas'), 2), speedupOverEveryColumn: round(med('everyColumn') / med('image'), 2),
    },
    stroke: { medianMs: round(med('stroke')), ratioToCanvas: round(med('stroke') / med('canvas'), 2), plainMedianMs: round(med('plainStroke')), plainRatioToCanvas: round(med('plainStroke') / med('canvas'), 2), speedup: round(med('plainStroke') / med('stroke'), 2) },
    runs, imageNumbers: images.map((n) => n.value), writtenNumbers: written.map((n) => n.value), sameValueAsPlain: `${same}/${images.length}`, sameValueAsEveryColumn: `${sameAsEveryColumn}/${images.length}`,
    method: 'median ms per call, each round timing one canvas recognize(), one image-path and one stroke-path recognizeNumber() and the plain search on both, in turn; ratio = median ÷ median canvas of the same run',
  };
} else if (config === 'floor') {
  sdk.configure({ backend: 'wasm', simd: true });
  const first = await sdk.recognize(digits[0]);
  if (first.backend !== 'wasm-simd') throw new Error(`floor needs wasm-simd, got ${first.backend}`);
  // @ts-ignore plain JS module
  const { measureFloor } = await import('../../bench/floor.js');
  out.floor = await measureFloor(tf, await sdk.getDefaultModel(), { quick });
} else {
  throw new Error(`unknown config ${config}`);
}

writeFileSync(outFile, JSON.stringify(out, null, 2));
process.exit(0);
