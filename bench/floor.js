// The floor under the network (issue 15, part 4): what one core does in wasm-SIMD multiply-adds per
// second, against what the network's layers take. Plain JS shared by Node (scripts/bench/node-child.ts,
// config 'floor') and Chromium (bench/page.js, mode=floor): `measureFloor(tf, model)` with tfjs-core on
// the wasm-SIMD backend and a DigitModel whose network is what recognize() runs.

/**
 * A hand-assembled wasm module: `run(n)` does n rounds of `a = a × m + c` on 12 independent f32x4
 * accumulators (12 × 4 = 48 multiply-adds a round, as f32x4.mul then f32x4.add: wasm SIMD has no fused
 * multiply-add without relaxed SIMD). Twelve chains hide the mul+add latency; nothing is loaded or stored.
 */
export function tightLoopModule() {
  const ACC = 12, M = ACC + 1, C = ACC + 2;
  const splat = (bits) => [0x43, ...bits, 0xfd, 0x13]; // f32.const, f32x4.splat
  const body = [
    0x01, ACC + 2, 0x7b, // locals: 14 × v128 (12 accumulators, m, c), zero-initialised
    ...splat([0x00, 0x00, 0x00, 0x3f]), 0x21, M, // m = 0.5
    ...splat([0x00, 0x00, 0x80, 0x3f]), 0x21, C, // c = 1.0
    0x03, 0x40, // loop
  ];
  for (let k = 1; k <= ACC; k++) body.push(0x20, k, 0x20, M, 0xfd, 0xe6, 0x01, 0x20, C, 0xfd, 0xe4, 0x01, 0x21, k);
  body.push(0x20, 0x00, 0x41, 0x01, 0x6b, 0x22, 0x00, 0x0d, 0x00, 0x0b); // n = n - 1; br_if n; end loop
  body.push(0x20, 0x01);
  for (let k = 2; k <= ACC; k++) body.push(0x20, k, 0xfd, 0xe4, 0x01);
  body.push(0xfd, 0x1f, 0x00, 0x0b); // f32x4.extract_lane 0; end
  const fn = [...leb(body.length), ...body];
  const codeSection = [0x01, ...fn];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    0x01, 0x06, 0x01, 0x60, 0x01, 0x7f, 0x01, 0x7d, // type: (i32) -> f32
    0x03, 0x02, 0x01, 0x00, // one function of type 0
    0x07, 0x07, 0x01, 0x03, 0x72, 0x75, 0x6e, 0x00, 0x00, // export "run"
    0x0a, ...leb(codeSection.length), ...codeSection,
  ];
  return { bytes: new Uint8Array(bytes), macsPerRound: ACC * 4 };
}

function leb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

const now = () => performance.now();
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Multiply-adds per second of the tight loop: the best of `runs` short runs of `rounds` rounds each
 * (≈ 10 M multiply-adds, a few ms: on a shared machine the best run is the one nobody interrupted).
 */
export async function tightLoopRate({ rounds = 2e5, runs = 60 } = {}) {
  const { bytes, macsPerRound } = tightLoopModule();
  const { instance } = await WebAssembly.instantiate(bytes);
  const run = instance.exports.run;
  for (let i = 0; i < 5; i++) run(200_000); // let V8 tier the function up (Liftoff → TurboFan) before timing
  const times = [];
  let sink = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = now();
    sink += run(rounds);
    times.push(now() - t0);
  }
  if (!Number.isFinite(sink)) throw new Error('tight loop diverged');
  const rate = (t) => (rounds * macsPerRound) / (t / 1000);
  return { macsPerSecond: rate(Math.min(...times)), medianMacsPerSecond: rate(median(times)), macs: rounds * macsPerRound, runs, bestMs: round(Math.min(...times)), medianMs: round(median(times)) };
}

/**
 * Times `fn` (which must finish its work synchronously): the best and the median ms over `runs` after
 * `warmup`. Efficiencies use the best run, as the floor does: both are what the core does uninterrupted.
 */
function timeMs(fn, { warmup = 20, runs = 100 } = {}) {
  for (let i = 0; i < warmup; i++) fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = now();
    fn();
    times.push(now() - t0);
  }
  return { best: Math.min(...times), median: median(times) };
}

function readBack(tensor) {
  const values = tensor.dataSync();
  tensor.dispose();
  return values;
}

/**
 * The floor and the network against it: the tight loop's rate, XNNPACK's GEMM on one big matrix
 * product through tf.matMul, and each layer of `model` alone (batch 1 and 16; larger batches run for longer than a shared core stays free) with its MACs.
 */
export async function measureFloor(tf, model, { quick = false, log = () => {} } = {}) {
  const loop = await tightLoopRate(quick ? { runs: 20 } : {});
  log('tight loop done');
  // XNNPACK's own GEMM on one big product: a 1×1 convolution is a plain matrix product (32·32 × 128
  // · 128 × 128; tf.matMul goes through a slower path in tfjs-backend-wasm).
  const [hw, cin, cout] = [32, 128, 128];
  const gx = tf.tensor4d(new Float32Array(hw * hw * cin).map((_, i) => (i % 13) / 13), [1, hw, hw, cin]);
  const gf = tf.tensor4d(new Float32Array(cin * cout).map((_, i) => (i % 7) / 7 - 0.5), [1, 1, cin, cout]);
  const gValues = gx.dataSync();
  const g = timeMs(() => readBack(tf.tidy(() => tf.conv2d(tf.tensor4d(gValues, gx.shape), gf, 1, 'same'))), { warmup: 3, runs: quick ? 10 : 40 });
  gx.dispose();
  gf.dispose();
  const gemmMacs = hw * hw * cin * cout;
  log('gemm done');
  const gemm = { shape: `${hw * hw}×${cin} · ${cin}×${cout} (1×1 conv)`, macs: gemmMacs, bestMs: round(g.best), medianMs: round(g.median), macsPerSecond: gemmMacs / (g.best / 1000) };

  const arch = model.manifest.architecture;
  const size = model.manifest.inputShape[0];
  const layers = [];
  const perBatch = {};
  for (const batch of [1, 16]) {
    let shape = [batch, size, size, 1];
    let x = tf.tensor4d(new Float32Array(batch * size * size).map((_, i) => (i % 17) / 17), shape);
    const rows = [];
    for (const layer of arch) {
      let run = null, macs = 0;
      const input = x;
      const values = input.dataSync();
      const inputShape = input.shape;
      const [, h, w, c] = shape;
      if (layer.type === 'conv2d') {
        const filter = model.network.weight(`${layer.name}/kernel`), bias = model.network.weight(`${layer.name}/bias`);
        run = (v) => tf.fused.conv2d({ x: v, filter, bias, strides: 1, pad: 'same', activation: 'relu' });
        macs = h * w * layer.filters * layer.kernelSize * layer.kernelSize * c;
      } else if (layer.type === 'maxPool') {
        run = (v) => tf.maxPool(v, layer.size, layer.size, 'valid');
      } else if (layer.type === 'dense') {
        const kernel = model.network.weight(`${layer.name}/kernel`), bias = model.network.weight(`${layer.name}/bias`);
        run = (v) => tf.fused.matMul({ a: tf.reshape(v, [batch, -1]), b: kernel, bias });
        macs = h * w * c * layer.units;
      } else continue; // dropout: nothing at inference
      // As Network.predict does: a fresh input tensor, the op in a tidy, the result read back outside it.
      // (Re-running an op on one input tensor and reading inside tidy ran ~20× slower in tfjs-backend-wasm.)
      const { best: ms, median: medianMs } = timeMs(() => readBack(tf.tidy(() => run(tf.tensor(values, inputShape)))), batch === 1 ? { warmup: 30, runs: quick ? 60 : 200 } : { warmup: 5, runs: quick ? 20 : 60 });
      const out = run(input);
      shape = out.shape;
      x = out;
      if (input !== x) input.dispose();
      const floorMs = (batch * macs) / loop.macsPerSecond * 1000;
      log(`batch ${batch} ${layer.name ?? layer.type} done`);
      rows.push({ layer: layer.name ?? `${layer.type}${layer.size ?? ''}`, type: layer.type, macsPerDigit: macs, msPerDigit: round(ms / batch, 5), medianMsPerDigit: round(medianMs / batch, 5), floorMsPerDigit: round(floorMs / batch, 5), efficiency: macs ? round(floorMs / ms, 3) : null });
    }
    x.dispose();
    // The whole network as recognize() runs it (Network.predict: one tidy, one read back).
    const inputs = new Float32Array(batch * size * size).map((_, i) => (i % 11) / 11);
    const { best: wholeMs, median: wholeMedianMs } = timeMs(() => model.network.predict(inputs, batch), batch === 1 ? { warmup: 30, runs: quick ? 60 : 200 } : { warmup: 5, runs: quick ? 20 : 60 });
    const macs = rows.reduce((s, r) => s + r.macsPerDigit, 0);
    const floorMs = (macs / loop.macsPerSecond) * 1000;
    perBatch[batch] = { networkMsPerDigit: round(wholeMs / batch, 5), networkMedianMsPerDigit: round(wholeMedianMs / batch, 5), floorMsPerDigit: round(floorMs, 5), efficiency: round(floorMs / (wholeMs / batch), 3), layersSumMsPerDigit: round(rows.reduce((s, r) => s + r.msPerDigit, 0), 5) };
    layers.push({ batch, rows });
  }
  const macsPerDigit = layers[0].rows.reduce((s, r) => s + r.macsPerDigit, 0);
  return {
    tightLoop: { ...loop, macsPerSecond: Math.round(loop.macsPerSecond), medianMacsPerSecond: Math.round(loop.medianMacsPerSecond), gmacsPerSecond: round(loop.macsPerSecond / 1e9, 2) },
    gemm: { ...gemm, macsPerSecond: Math.round(gemm.macsPerSecond), gmacsPerSecond: round(gemm.macsPerSecond / 1e9, 2), ofTightLoop: round(gemm.macsPerSecond / loop.macsPerSecond, 3) },
    macsPerDigit,
    network: perBatch,
    layers,
    method: 'floor = MACs ÷ the tight f32x4 loop\'s best rate (one core, wasm SIMD mul+add, 12 independent accumulators, no memory traffic); each layer timed alone through tfjs (op + dataSync); network = Network.predict (what recognize() runs after preprocessing); efficiency = floor ÷ best run (medians are kept too: on a shared machine they measure the neighbours)',
  };
}
