import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sdk, tf, mnistDigit, mnistTrainDigit } from './helpers.mjs';

const { train, recognize, loadModel, DigitPadError } = sdk;
const LETTERS = 'ABCDEFGHIJ'.split('');
const asLetters = (count, offset = 0) =>
  Array.from({ length: count }, (_, i) => {
    const { image, label } = mnistTrainDigit(offset + i);
    return { image, label: LETTERS[label] };
  });

async function heldOutLetterAccuracy(model, count) {
  let correct = 0;
  for (let i = 0; i < count; i++) {
    const { image, label } = mnistDigit(i);
    const result = await recognize(image, { model });
    if (result.label === LETTERS[label]) correct++;
  }
  return correct / count;
}

test('from scratch on 3,000 digits relabelled A–J: ≥ 90 % on held-out test digits in 3 epochs, labels are class names', async () => {
  const progress = [];
  const model = await train(asLetters(3000), { classNames: LETTERS, from: 'scratch', epochs: 3, onProgress: (p) => progress.push(p) });
  const accuracy = await heldOutLetterAccuracy(model, 1000);
  assert.ok(accuracy >= 0.9, `held-out accuracy ${accuracy}`);
  const last = progress.at(-1);
  assert.equal(last.epoch, 3);
  assert.equal(last.batch, last.batches);
  assert.ok(last.valAccuracy > 0.8, `valAccuracy ${last.valAccuracy}`);
  const result = await recognize(mnistDigit(0).image, { model });
  assert.ok(LETTERS.includes(result.label));
  assert.equal(result.digit, null, 'letters are not digits');
  model.dispose();
});

test('fine-tuning returns a new model and leaves the built-in one untouched; no tensors leak', async () => {
  const probe = mnistDigit(7).image;
  const before = (await recognize(probe)).probabilities;
  const tensorsBefore = tf.memory().numTensors;
  const samples = Array.from({ length: 40 }, (_, i) => mnistTrainDigit(i));
  const model = await train(samples, { epochs: 2 });
  assert.equal(model.manifest.training.from, 'pretrained');
  assert.deepEqual((await recognize(probe)).probabilities, before);
  assert.equal((await recognize(probe, { model })).digit, mnistDigit(7).label);
  model.dispose();
  assert.equal(tf.memory().numTensors, tensorsBefore);
});

test('three custom classes from pretrained replace the output layer', async () => {
  const wanted = { 0: 'zero', 1: 'one', 7: 'seven' };
  const samples = [];
  for (let i = 0; samples.length < 90; i++) {
    const { image, label } = mnistTrainDigit(i);
    if (label in wanted) samples.push({ image, label: wanted[label] });
  }
  const model = await train(samples, { classNames: ['zero', 'one', 'seven'] });
  assert.deepEqual(model.classNames, ['zero', 'one', 'seven']);
  assert.equal(model.manifest.weights.at(-2).shape.join(), '3136,3');
  let correct = 0, total = 0;
  for (let i = 0; i < 300; i++) {
    const { image, label } = mnistDigit(i);
    if (!(label in wanted)) continue;
    total++;
    const result = await recognize(image, { model });
    assert.equal(result.probabilities.length, 3);
    if (result.label === wanted[label]) correct++;
  }
  assert.ok(correct / total >= 0.95, `${correct}/${total}`);
  model.dispose();
});

test('an abort rejects with TRAINING_ABORTED, leaks nothing and changes no model', async () => {
  const probe = mnistDigit(1).image;
  const before = (await recognize(probe)).probabilities;
  const tensorsBefore = tf.memory().numTensors;
  const controller = new AbortController();
  const pending = train(asLetters(600), {
    classNames: LETTERS, from: 'scratch', epochs: 50, signal: controller.signal,
    onProgress: (p) => { if (p.batch === 3) controller.abort(); },
  });
  const error = await pending.then(() => null, (e) => e);
  assert.ok(error instanceof DigitPadError);
  assert.equal(error.code, 'TRAINING_ABORTED');
  assert.equal(tf.memory().numTensors, tensorsBefore);
  assert.deepEqual((await recognize(probe)).probabilities, before);
  const already = await train(asLetters(20), { classNames: LETTERS, signal: AbortSignal.abort() }).then(() => null, (e) => e);
  assert.equal(already.code, 'TRAINING_ABORTED');
});

test('save() and loadModel(): bytes, files, and a corrupt saved file is refused', async () => {
  const model = await train(asLetters(100), { classNames: LETTERS, from: 'scratch', epochs: 1 });
  const probe = mnistDigit(2).image;
  const expected = (await recognize(probe, { model })).probabilities;

  const bytes = await model.save();
  assert.deepEqual((await recognize(probe, { model: await loadModel(bytes) })).probabilities, expected);

  const dir = mkdtempSync(join(tmpdir(), 'digit-pad-save-'));
  const { location: manifestPath } = await model.save(join(dir, 'mine'));
  assert.equal(manifestPath, join(dir, 'mine.json'));
  const binaryPath = join(dir, 'mine.bin');
  const fromFile = await loadModel(pathToFileURL(manifestPath));
  assert.deepEqual(fromFile.classNames, LETTERS);
  assert.deepEqual((await recognize(probe, { model: fromFile })).probabilities, expected);

  const corrupt = readFileSync(binaryPath);
  corrupt[10] ^= 1;
  writeFileSync(binaryPath, corrupt);
  const error = await loadModel(pathToFileURL(manifestPath)).then(() => null, (e) => e);
  assert.equal(error.code, 'WEIGHTS_HASH_MISMATCH');

  const idb = await model.save('indexeddb://x').then(() => null, (e) => e);
  assert.equal(idb.code, 'STORAGE_FAILED', 'Node has no IndexedDB');
  for (const m of [model, fromFile]) m.dispose();
});

test('bad datasets are refused with INVALID_DATASET naming the item', async () => {
  const good = mnistTrainDigit(0).image;
  const cases = [
    [[], /empty/],
    [[{ image: good, label: 3 }, { image: good, label: 3 }], /only one class \(3\)/],
    [[{ image: good, label: 3 }, { image: good, label: 'x' }], /item 1 has label "x", which is not one of the classes/],
    [[{ image: good, label: 3 }, { image: good, label: 12 }], /item 1 has label 12/],
    [[{ image: good, label: 1 }, { image: good, label: 2 }, { image: { width: 0, height: 2, data: new Uint8Array(0) }, label: 3 }], /item 2 has an unreadable image: .*width must be a positive integer/],
    [[{ image: good, label: 1 }, { image: { width: 28, height: 28, data: new Uint8Array(784) }, label: 2 }], /item 1 has a blank image/],
    [[{ image: good, label: 1 }, null], /item 1 must be \{ image, label \}/],
    [{ images: new Float32Array(784 * 3), labels: [1, 2] }, /holds 3 images but dataset.labels has 2/],
    [{ images: new Float32Array(100), labels: [1] }, /not a multiple of 784/],
    [42, /must be an array, an iterable/],
  ];
  for (const [dataset, message] of cases) {
    const error = await train(dataset, { epochs: 1 }).then(() => null, (e) => e);
    assert.ok(error instanceof DigitPadError, `expected DigitPadError for ${message}`);
    assert.equal(error.code, 'INVALID_DATASET');
    assert.match(error.message, message);
  }
});

test('bad options are refused with INVALID_OPTION', async () => {
  const data = asLetters(10);
  for (const options of [
    { classNames: ['A'] }, { classNames: ['A', 'A'] }, { from: 'imagenet' }, { epochs: 0 }, { epochs: 1.5 },
    { batchSize: -1 }, { learningRate: 0 }, { validationSplit: 1 }, { signal: 'stop' }, { onProgress: 3 },
  ]) {
    const error = await train(data, { classNames: LETTERS, ...options }).then(() => null, (e) => e);
    assert.equal(error?.code, 'INVALID_OPTION', JSON.stringify(options));
  }
});

test('accepts async iterables and { images, labels } typed arrays', async () => {
  async function* stream() { yield* asLetters(60); }
  const fromStream = await train(stream(), { classNames: LETTERS, from: 'scratch', epochs: 1 });
  assert.equal(fromStream.manifest.training.samples, 60);
  const images = new Uint8Array(60 * 784);
  const labels = [];
  for (let i = 0; i < 60; i++) {
    const { image, label } = mnistTrainDigit(i);
    images.set(sdk.preprocess(image).map((v) => Math.round(v * 255)), i * 784);
    labels.push(label);
  }
  const fromArrays = await train({ images, labels }, { from: 'scratch', epochs: 1 });
  assert.equal(fromArrays.manifest.training.samples, 60);
  for (const m of [fromStream, fromArrays]) m.dispose();
});

test('recognize() during train() gets exactly the answer it gets alone', async () => {
  const probes = Array.from({ length: 50 }, (_, i) => mnistDigit(100 + i).image);
  const alone = [];
  for (const image of probes) alone.push((await recognize(image)).probabilities);
  const during = [];
  let stop = false;
  const recognizing = (async () => {
    for (let round = 0; !stop; round++) {
      const k = round % probes.length;
      during.push([k, (await recognize(probes[k])).probabilities]);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  })();
  const model = await train(asLetters(400), { classNames: LETTERS, from: 'scratch', epochs: 2 });
  stop = true;
  await recognizing;
  assert.ok(during.length >= 20, `only ${during.length} recognitions overlapped training`);
  for (const [k, probabilities] of during) assert.deepEqual(probabilities, alone[k]);
  model.dispose();
});

test('20 fine-tunes in a row leak no tensors', async () => {
  const samples = Array.from({ length: 20 }, (_, i) => mnistTrainDigit(i));
  await recognize(samples[0].image);
  const before = tf.memory().numTensors;
  for (let i = 0; i < 20; i++) {
    const model = await train(samples, { epochs: 1, seed: i + 1 });
    model.dispose();
  }
  assert.equal(tf.memory().numTensors, before);
});

test('fine-tuning on 5 samples per digit from one writer improves that writer and keeps MNIST ≥ 99 %', async () => {
  const { writerStyle } = await import('../../scripts/lib/writer-style.ts');
  const samples = [];
  const taken = new Array(10).fill(0);
  for (let i = 0; samples.length < 50; i++) {
    const { image, label } = mnistTrainDigit(i);
    if (taken[label]++ < 5) samples.push({ image: writerStyle(image.data), label });
  }
  const accuracy = async (model, styled) => {
    let correct = 0;
    for (let i = 0; i < 2000; i++) {
      const { image, label } = mnistDigit(i);
      if ((await recognize(styled ? writerStyle(image.data) : image, model ? { model } : {})).digit === label) correct++;
    }
    return correct / 2000;
  };
  const tuned = await train(samples, { seed: 3 });
  const before = await accuracy(null, true);
  const after = await accuracy(tuned, true);
  assert.ok(after > before, `writer accuracy ${before} → ${after}`);
  assert.ok((await accuracy(tuned, false)) >= 0.99);
  tuned.dispose();
});
