// Shared by the Node bench (scripts/bench.ts, scripts/bench/*.ts) and the Chromium bench page (bench/page.js).

/** Times `fn` (sync or async): `warmup` untimed calls, then `runs` timed ones; returns a summary. */
export async function time(fn, { warmup = 50, runs = 300, perCall = 1 } = {}) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples = new Array(runs);
  const start = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn(warmup + i);
    samples[i] = performance.now() - t0;
  }
  return summarize(samples, performance.now() - start, perCall);
}

/**
 * medianMs / p95Ms per call; digitsPerSecond is sustained throughput (digits done ÷ wall time of the
 * whole timed loop), so it includes any per-call overhead the samples miss.
 */
export function summarize(samples, totalMs, perCall = 1) {
  const sorted = [...samples].sort((a, b) => a - b);
  const q = (p) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
  const total = totalMs ?? samples.reduce((a, b) => a + b, 0);
  return {
    runs: samples.length,
    medianMs: round(median(samples)),
    p95Ms: round(q(0.95)),
    minMs: round(sorted[0]),
    meanMs: round(total / samples.length),
    digitsPerSecond: Math.round((samples.length * perCall * 1000) / total),
  };
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export function round(x, digits = 4) {
  return Number(x.toFixed(digits));
}

export function argmax(values, offset = 0, length = values.length - offset) {
  let best = 0;
  for (let i = 1; i < length; i++) if (values[offset + i] > values[offset + best]) best = i;
  return best;
}

/** Top functions by self time from a V8 CPU profile (Profiler.stop / node:inspector / --cpu-prof). */
export function topSelfTime(profile, limit = 15) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    const node = byId.get(id);
    const f = node.callFrame;
    const file = f.url ? f.url.replace(/^.*\//, '') : '';
    const key = `${f.functionName || '(anonymous)'} ${file}${f.url ? `:${f.lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  // Self time inside WebAssembly code (the tfjs kernels), over all functions, not just the top ones.
  let wasm = 0;
  for (const [key, ms] of self) if (/^wasm-function/.test(key)) wasm += ms;
  return {
    totalMs: round(total, 1),
    wasmMs: round(wasm, 1),
    top: [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit)
      .map(([fn, ms]) => ({ fn, selfMs: round(ms, 1), percent: round((100 * ms) / total, 1) })),
  };
}

export { placeOnCanvas } from '../scripts/lib/placement.mjs';

/** Deterministic placements (size 120..240 px, anywhere inside the canvas) for the i-th canvas. */
export function placement(i, canvasSize = 280) {
  let s = (i + 1) * 2654435761 >>> 0;
  const rnd = () => ((s = (Math.imul(s ^ (s >>> 15), 2246822519) + 0x9e3779b9) >>> 0) / 2 ** 32);
  const size = 120 + Math.floor(rnd() * 121);
  return { size, left: Math.floor(rnd() * (canvasSize - size + 1)), top: Math.floor(rnd() * (canvasSize - size + 1)) };
}

/** Parses MNIST IDX image bytes (with header) into { count, images }. */
export function parseIdxImages(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== 2051) throw new Error('not an IDX image file');
  const count = view.getUint32(4);
  return { count, images: bytes.subarray(16, 16 + count * 784) };
}

export function parseIdxLabels(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0) !== 2049) throw new Error('not an IDX label file');
  return bytes.subarray(8, 8 + view.getUint32(4));
}

/** Float32 weights of a digit-pad manifest + binary, by name (uint8 entries dequantized: w = min + q·scale). */
export function dequantizeAll(manifest, binary) {
  const out = new Map();
  for (const entry of manifest.weights) {
    const count = entry.shape.reduce((a, b) => a * b, 1);
    let values;
    if (entry.dtype === 'uint8') {
      values = new Float32Array(count);
      for (let i = 0; i < count; i++) values[i] = entry.min + binary[entry.offset + i] * entry.scale;
    } else {
      values = new Float32Array(binary.slice(entry.offset, entry.offset + count * 4).buffer);
    }
    out.set(entry.name, { values, shape: entry.shape });
  }
  return out;
}
