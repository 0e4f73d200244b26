// inspect(): layer activations, filters and evidence maps, checked against the manifest's architecture
// and against recognize() on real MNIST test digits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sdk, tf, mnistDigit, mnistTrainDigit } from './helpers.mjs';

const { inspect, recognize, loadModel, train, DigitPadError } = sdk;
const manifest = JSON.parse(readFileSync(new URL('../../weights/digits.json', import.meta.url), 'utf8'));

/** The [h, w, channels] every conv and pool layer should output, worked out from the manifest alone. */
function expectedLayers(architecture, [height, width]) {
  let h = height, w = width, c = 1, pools = 0;
  const out = [];
  for (const layer of architecture) {
    if (layer.type === 'conv2d') out.push({ name: layer.name, type: 'conv2d', shape: [h, w, (c = layer.filters)] });
    if (layer.type === 'maxPool') {
      h = Math.floor(h / layer.size);
      w = Math.floor(w / layer.size);
      out.push({ name: `pool${++pools}`, type: 'maxPool', shape: [h, w, c] });
    }
  }
  return out;
}

const finite = (data) => data.every(Number.isFinite);

test('layer shapes, names and filters follow the manifest architecture', async () => {
  const seen = await inspect(mnistDigit(0).image);
  const expected = expectedLayers(manifest.architecture, manifest.inputShape);
  assert.equal(expected.length, 5); // conv1 pool1 conv2 pool2 conv3 in the shipped model
  assert.deepEqual(seen.layers.map(({ name, type, shape }) => ({ name, type, shape })), expected);
  for (const layer of seen.layers) {
    assert.ok(layer.data instanceof Float32Array);
    assert.equal(layer.data.length, layer.shape[0] * layer.shape[1] * layer.shape[2]);
    assert.ok(finite(layer.data) && layer.data.every((v) => v >= 0), `${layer.name}: ReLU and max-pool outputs are finite and ≥ 0`);
    assert.ok(layer.data.some((v) => v > 0), `${layer.name} responds to a written digit`);
  }
  const conv1 = manifest.weights.find((w) => w.name === 'conv1/kernel');
  assert.equal(seen.filters.name, 'conv1');
  assert.deepEqual(seen.filters.shape, conv1.shape);
  assert.equal(seen.filters.data.length, conv1.shape.reduce((a, b) => a * b, 1));
  // Dequantized uint8: every value lies on the manifest's grid min + q·scale.
  for (const v of seen.filters.data) {
    const q = (v - conv1.min) / conv1.scale;
    assert.ok(Math.abs(q - Math.round(q)) < 1e-3 && q > -0.01 && q < 255.01);
  }
  assert.deepEqual(seen.inputShape, [28, 28]);
  assert.equal(seen.input.length, 784);
  assert.ok(seen.input.every((v) => v >= 0 && v <= 1));
  assert.deepEqual(seen.evidence, []); // only on request
});

test('probabilities equal recognize()’s on 300 MNIST test digits', async () => {
  for (let i = 0; i < 300; i++) {
    const { image } = mnistDigit(i);
    const [seen, read] = await Promise.all([inspect(image), recognize(image)]);
    assert.deepEqual(seen.probabilities, read.probabilities, `test digit ${i}`);
    assert.equal(seen.digit, read.digit);
    assert.equal(seen.confidence, read.confidence);
    assert.equal(seen.status, 'ok');
  }
});

test('evidence maps: top class and runner-up by default, chosen classes on request, and they point at real ink', async () => {
  const { image } = mnistDigit(0); // a 7
  const seen = await inspect(image, { evidence: true });
  const ranked = seen.probabilities.map((p, i) => [p, i]).sort((a, b) => b[0] - a[0]);
  assert.deepEqual(seen.evidence.map((e) => e.classIndex), [ranked[0][1], ranked[1][1]]);
  const [top] = seen.evidence;
  assert.equal(top.digit, 7);
  assert.equal(top.label, '7');
  assert.deepEqual(top.shape, [28, 28]);
  assert.equal(top.data.length, 784);
  assert.ok(finite(top.data));
  assert.equal(top.maxAbs, Math.max(...top.data.map(Math.abs)));
  // Deleting the ink the map ranks highest for the 7 hurts the 7 far more than deleting as much ink at random.
  const ink = [...seen.input.keys()].filter((i) => seen.input[i] > 0);
  const k = Math.round(0.15 * ink.length);
  const without = async (pixels) => {
    const data = new Uint8Array(784);
    seen.input.forEach((v, i) => { data[i] = Math.round(v * 255); });
    for (const i of pixels) data[i] = 0;
    return (await inspect({ width: 28, height: 28, data })).probabilities[7];
  };
  const byEvidence = await without([...ink].sort((a, b) => top.data[b] - top.data[a]).slice(0, k));
  const spread = await without(ink.filter((_, j) => j % Math.round(ink.length / k) === 0).slice(0, k));
  assert.ok(byEvidence < spread, `7 after deleting its evidence ${byEvidence}, after deleting spread ink ${spread}`);

  const chosen = await inspect(image, { evidence: { classes: [2, 7, 9] } });
  assert.deepEqual(chosen.evidence.map((e) => e.classIndex), [2, 7, 9]);
  assert.deepEqual(chosen.evidence[1].data, top.data);
});

test('a blank image: empty result like recognize(), no NaN anywhere', async () => {
  const blanks = [
    { width: 28, height: 28, data: new Uint8Array(784) },
    { width: 280, height: 280, data: new Uint8ClampedArray(280 * 280 * 4).fill(255) },
  ];
  for (const image of blanks) {
    const [seen, read] = await Promise.all([inspect(image, { evidence: true }), recognize(image)]);
    assert.equal(seen.status, 'empty');
    assert.equal(seen.digit, null);
    assert.equal(seen.label, null);
    assert.equal(seen.confidence, 0);
    assert.deepEqual(seen.probabilities, read.probabilities);
    assert.equal(seen.input, null);
    assert.deepEqual(seen.layers, []);
    assert.deepEqual(seen.evidence, []);
    assert.ok(finite(seen.filters.data)); // the model's filters do not depend on the image
  }
});

test('bad input and options reject with DigitPadError like recognize()', async () => {
  const image = mnistDigit(1).image;
  const cases = [
    [() => inspect(null), 'INVALID_INPUT'],
    [() => inspect({ width: 28, height: 28, data: new Uint8Array(10) }), null],
    [() => inspect(image, null), 'INVALID_OPTION'],
    [() => inspect(image, { model: {} }), 'INVALID_OPTION'],
    [() => inspect(image, { evidence: 'yes' }), 'INVALID_OPTION'],
    [() => inspect(image, { evidence: { classes: [] } }), 'INVALID_OPTION'],
    [() => inspect(image, { evidence: { classes: [10] } }), 'INVALID_OPTION'],
    [() => inspect(image, { evidence: { classes: [1.5] } }), 'INVALID_OPTION'],
  ];
  for (const [call, code] of cases) {
    let recognizeCode;
    await assert.rejects(call(), (error) => {
      assert.ok(error instanceof DigitPadError, `${error}`);
      if (code) assert.equal(error.code, code);
      recognizeCode = error.code;
      return true;
    });
    if (!code) await assert.rejects(recognize({ width: 28, height: 28, data: new Uint8Array(10) }), (e) => e.code === recognizeCode);
  }
  const model = await loadModel(new URL('../../weights/digits.json', import.meta.url));
  model.dispose();
  await assert.rejects(inspect(image, { model }), (e) => e instanceof DigitPadError && e.code === 'INVALID_OPTION');
});

test('works with a model from loadModel() and from train(), with its own class names', async () => {
  const loaded = await loadModel(new URL('../../weights/digits.json', import.meta.url));
  const { image } = mnistDigit(3);
  const [a, b] = await Promise.all([inspect(image, { model: loaded }), recognize(image, { model: loaded })]);
  assert.deepEqual(a.probabilities, b.probabilities);
  loaded.dispose();

  const samples = [];
  for (let i = 0; samples.length < 12; i++) {
    const { image: img, label } = mnistTrainDigit(i);
    if (label === 0 || label === 1) samples.push({ image: img, label: label === 0 ? 'O' : 'I' });
  }
  const mine = await train(samples, { classNames: ['O', 'I'], epochs: 1, worker: false, seed: 1 });
  try {
    const seen = await inspect(image, { model: mine, evidence: true });
    const read = await recognize(image, { model: mine });
    assert.deepEqual(seen.probabilities, read.probabilities);
    assert.equal(seen.label, read.label);
    assert.deepEqual(seen.evidence.map((e) => e.label).sort(), ['I', 'O']);
    assert.deepEqual(seen.layers.map((l) => l.name), ['conv1', 'pool1', 'conv2', 'pool2', 'conv3']);
  } finally {
    mine.dispose();
  }
});

test('no tensors leak across 100 calls, with and without evidence', async () => {
  await inspect(mnistDigit(0).image, { evidence: true }); // warm up: model and backend load once
  const before = tf.memory().numTensors;
  for (let i = 0; i < 100; i++) await inspect(mnistDigit(i).image, { evidence: i % 10 === 0 });
  await inspect({ width: 28, height: 28, data: new Uint8Array(784) }, { evidence: true });
  await assert.rejects(inspect(mnistDigit(0).image, { evidence: { classes: [11] } }));
  assert.equal(tf.memory().numTensors, before);
});
