import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sdk, mnistDigit } from './helpers.mjs';

const { loadModel, recognize, getDefaultModel, preprocess, DigitPadError } = sdk;
const manifest = JSON.parse(readFileSync('weights/digits.json', 'utf8'));

test('shipped weights: uint8 kernels, at most 64 KB, hash recorded, accuracy recorded', () => {
  const binary = readFileSync(join('weights', manifest.file.path));
  assert.ok(binary.length <= 64 * 1024, `${binary.length} bytes`);
  assert.equal(binary.length, manifest.file.byteLength);
  assert.equal(createHash('sha256').update(binary).digest('hex'), manifest.file.sha256);
  for (const w of manifest.weights) assert.equal(w.dtype, w.name.endsWith('/kernel') ? 'uint8' : 'float32');
  assert.ok(manifest.training?.seed !== undefined, 'training settings and seed recorded');
  // The shipped model traded 0.22 points of MNIST (99.64 → 99.42 %) for real pen writers (98.20 →
  // 99.33 % on held-out writers, issue 13). This floor was 0.995; the goal stays 0.996, not met yet.
  assert.ok(manifest.evaluation?.accuracy >= 0.994, `recorded MNIST accuracy ${manifest.evaluation?.accuracy}`);
  assert.ok(manifest.evaluation?.penWritersAccuracy >= 0.99, `recorded held-out pen writers accuracy ${manifest.evaluation?.penWritersAccuracy}`);
  assert.deepEqual(manifest.evaluation?.penWriters, [5, 10, 15, 20, 25, 30]);
  // The build ships the same bytes next to the bundle.
  assert.deepEqual(readFileSync(join('dist/weights', manifest.file.path)), binary);
});

function copyWeights() {
  const dir = mkdtempSync(join(tmpdir(), 'digit-pad-weights-'));
  cpSync('weights', dir, { recursive: true });
  return { dir, manifestUrl: pathToFileURL(join(dir, 'digits.json')) };
}

async function loadError(url) {
  const error = await loadModel(url).then(() => null, (e) => e);
  assert.ok(error instanceof DigitPadError, `expected DigitPadError, got ${error}`);
  return error;
}

test('a tampered weight file is refused with WEIGHTS_HASH_MISMATCH', async () => {
  const { dir, manifestUrl } = copyWeights();
  const path = join(dir, manifest.file.path);
  const bytes = readFileSync(path);
  bytes[1000] ^= 0x40;
  writeFileSync(path, bytes);
  const error = await loadError(manifestUrl);
  assert.equal(error.code, 'WEIGHTS_HASH_MISMATCH');
  assert.match(error.message, /SHA-256/);
});

test('a truncated weight file is refused with WEIGHTS_INVALID', async () => {
  const { dir, manifestUrl } = copyWeights();
  const path = join(dir, manifest.file.path);
  writeFileSync(path, readFileSync(path).subarray(0, 1000));
  const error = await loadError(manifestUrl);
  assert.equal(error.code, 'WEIGHTS_INVALID');
  assert.match(error.message, /has 1000 bytes/);
});

test('a corrupt or foreign manifest is refused with WEIGHTS_INVALID', async () => {
  const variants = [
    ['not json', '{ nope'],
    ['wrong format', JSON.stringify({ ...manifest, format: 'keras' })],
    ['wrong shape', JSON.stringify({ ...manifest, weights: manifest.weights.map((w, i) => (i === 0 ? { ...w, shape: [3, 3, 1, 16] } : w)) })],
    ['missing file entry', JSON.stringify({ ...manifest, file: undefined })],
    ['offset outside the binary', JSON.stringify({ ...manifest, weights: manifest.weights.map((w, i) => (i === 2 ? { ...w, offset: 10 ** 7 } : w)) })],
  ];
  for (const [, text] of variants) {
    const { dir, manifestUrl } = copyWeights();
    writeFileSync(join(dir, 'digits.json'), text);
    assert.equal((await loadError(manifestUrl)).code, 'WEIGHTS_INVALID');
  }
});

test('a missing weight file is refused with WEIGHTS_LOAD_FAILED', async () => {
  const { manifestUrl } = copyWeights();
  const error = await loadError(new URL('missing.json', manifestUrl));
  assert.equal(error.code, 'WEIGHTS_LOAD_FAILED');
});

test('a model loaded from a copy of the weights answers like the built-in model\'s screen network', async () => {
  const { manifestUrl } = copyWeights();
  const model = await loadModel(manifestUrl);
  assert.deepEqual(model.classNames, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  const { image } = mnistDigit(5);
  const screen = (await getDefaultModel()).network.forDrawnInk();
  assert.deepEqual((await recognize(image, { model })).probabilities, Array.from(screen.predict(preprocess(image), 1)));
  assert.ok(statSync(new URL(manifest.file.path, manifestUrl)).size <= 64 * 1024);
});
