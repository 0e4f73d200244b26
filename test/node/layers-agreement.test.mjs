// The fast inference path (tfjs-core ops over dequantized uint8 weights) computes the same network as
// the tfjs-layers model that training builds: same argmax on a sample of MNIST test digits.
// `npm run bench` checks all 10,000 digits and records the count in bench/results.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sdk, tf, mnistDigit } from './helpers.mjs';
import { layersBaseline, predictNormalized } from '../../scripts/bench/baseline.ts';

const SAMPLE = 500;

test(`recognize() and the tfjs-layers model with the same weights agree on the argmax of ${SAMPLE} MNIST test digits`, async () => {
  // One network: the built-in model's screen network, from its file (the built-in mixes it with another).
  const model = await sdk.loadModel(new URL('../../weights/digits.json', import.meta.url));
  const layers = layersBaseline(model.manifest, model.binary);
  const inputs = new Float32Array(SAMPLE * 784);
  const ours = [];
  for (let i = 0; i < SAMPLE; i++) {
    // Spread over the whole test set, not just its first digits.
    const { image } = mnistDigit((i * 20) % 10_000);
    const digit = sdk.preprocess(image);
    assert.ok(digit, `test digit ${i * 20} preprocessed to nothing`);
    inputs.set(digit, i * 784);
    ours.push(await sdk.recognize(image, { model }));
  }
  const theirs = predictNormalized(layers, inputs, SAMPLE);
  const disagreements = [];
  let maxDiff = 0;
  for (let i = 0; i < SAMPLE; i++) {
    const row = Array.from(theirs.subarray(i * 10, i * 10 + 10));
    const best = row.indexOf(Math.max(...row));
    if (ours[i].digit !== best) disagreements.push(`#${i * 20}: recognize ${ours[i].digit}, layers ${best}`);
    for (let c = 0; c < 10; c++) maxDiff = Math.max(maxDiff, Math.abs(ours[i].probabilities[c] - row[c]));
  }
  assert.deepEqual(disagreements, [], `${disagreements.length}/${SAMPLE} disagree`);
  assert.ok(maxDiff < 1e-3, `probabilities differ by up to ${maxDiff}`);
  layers.dispose();
  assert.equal(tf.getBackend(), 'wasm');
});
