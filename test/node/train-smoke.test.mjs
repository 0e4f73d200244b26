// The training script really learns: a tiny run (1,000 digits, 1 epoch) must beat chance by far.
// CI never trains the full model; this checks the same code path on a small budget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sdk, mnistDigit } from './helpers.mjs';

/** Runs scripts/train.ts with `args` into a fresh folder: the manifest it wrote and the model loaded from it. */
async function trainScript(args) {
  const out = mkdtempSync(join(tmpdir(), 'digit-pad-train-'));
  execFileSync('npx', ['tsx', 'scripts/train.ts', ...args, '--out', out, '--checkpoints', join(out, 'checkpoints'), '--fresh'], { stdio: 'pipe', timeout: 240_000 });
  const manifest = JSON.parse(readFileSync(join(out, 'digits.json'), 'utf8'));
  return { manifest, model: await sdk.loadModel(pathToFileURL(join(out, 'digits.json'))) };
}

/** How many of the first 300 MNIST test digits `model` reads right. */
async function mnistRight(model) {
  let correct = 0;
  for (let i = 0; i < 300; i++) {
    const { image, label } = mnistDigit(i);
    if ((await sdk.recognize(image, { model })).digit === label) correct++;
  }
  return correct;
}

test('scripts/train.ts on 1,000 digits for 1 epoch learns far above chance and writes a valid model', async () => {
  const { manifest, model } = await trainScript(['--epochs', '1', '--limit', '1000', '--batch-size', '32']);
  assert.equal(manifest.training.epochs, 1);
  const correct = await mnistRight(model);
  assert.ok(correct >= 180, `tiny model read only ${correct}/300 test digits (chance is ~30)`);
});

test('the fine-tuning stage of npm run train loads its base model from a file and keeps reading', async () => {
  // Stage 2 of `npm run train` reads stage 1's weights through a file path; a one-epoch run on a
  // few digits and one render of each training writer's pen digits checks that path end to end.
  const { manifest, model } = await trainScript(['--epochs', '1', '--limit', '300', '--base', 'weights/digits.json',
    '--pen-writers', 'train', '--pen-variants', '1', '--learning-rate', '0.0002']);
  assert.equal(manifest.training.from, 'pretrained');
  assert.match(manifest.training.data, /pen digits by writers/);
  const correct = await mnistRight(model);
  assert.ok(correct >= 290, `the fine-tuned model read only ${correct}/300 test digits`);
});

test('scripts/train.ts --conv3-filters trains a wider network that loads and reads like the shipped one', async () => {
  const { manifest, model } = await trainScript(['--epochs', '1', '--limit', '1000', '--batch-size', '32', '--conv3-filters', '96']);
  assert.deepEqual(manifest.architecture.find((layer) => layer.name === 'conv3'), { type: 'conv2d', name: 'conv3', kernelSize: 3, filters: 96 });
  const correct = await mnistRight(model);
  assert.ok(correct >= 180, `tiny wide model read only ${correct}/300 test digits (chance is ~30)`);
});

test('scripts/train.ts --distill mixes a teacher into the MNIST targets, records it, and keeps reading', async () => {
  const { manifest, model } = await trainScript(['--epochs', '1', '--limit', '300', '--base', 'weights/digits.json',
    '--distill', 'weights/digits.json', '--distill-weight', '0.5', '--learning-rate', '0.0002']);
  assert.deepEqual(manifest.training.distill, { teacher: 'weights/digits.json', weight: 0.5, on: 'MNIST samples' });
  const correct = await mnistRight(model);
  assert.ok(correct >= 290, `the distilled model read only ${correct}/300 test digits`);
});

test('scripts/train-segmenter.ts FILTERS trains a smaller verifier from scratch that tells whole digits from wrong cuts; PEN_NUMBERS adds pen-written numbers, PEN_STROKE_NUMBERS their stroke-path pieces, INPUT_POOL a pool first, DISTILL a teacher', async () => {
  // The experiments behind the README's cheaper verifiers (fewer filters, 14×14 input, distilled); here tiny and quick.
  const out = join(mkdtempSync(join(tmpdir(), 'digit-pad-segmenter-')), 'segmenter');
  execFileSync('npx', ['tsx', 'scripts/train-segmenter.ts'], {
    stdio: 'pipe', timeout: 240_000,
    env: { ...process.env, SDK: '../src/index.node.ts', FILTERS: '4,8,8', INPUT_POOL: '2', DISTILL: 'weights/segmenter.json', NUMBERS: '100', PEN_NUMBERS: '20', PEN_STROKE_NUMBERS: '100', EPOCHS: '2', NEAREST_EVERY: '0', OUT: out },
  });
  const manifest = JSON.parse(readFileSync(`${out}.json`, 'utf8'));
  assert.match(manifest.training.data, /of 100 numbers composed from MNIST training digits and 20 written with the pen digits/);
  assert.match(manifest.training.data, /and the stroke-cut pieces of 100 more read from their strokes/);
  assert.match(manifest.training.command, /PEN_STROKE_NUMBERS=100/);
  assert.deepEqual(manifest.architecture.filter((layer) => layer.type === 'conv2d').map((layer) => layer.filters), [4, 8, 8]);
  assert.deepEqual(manifest.architecture[0], { type: 'maxPool', size: 2 });
  assert.match(manifest.training.command, /INPUT_POOL=2 DISTILL=<teacher> DISTILL_WEIGHT=0.5/);
  assert.deepEqual(manifest.classNames, ['digit', 'other']);
  // Wrong cuts outnumber whole digits about 3 : 2, so always answering "other" scores ~0.6.
  assert.ok(manifest.evaluation.validationAccuracy >= 0.7, `validation accuracy ${manifest.evaluation.validationAccuracy}`);
  const verifier = await sdk.loadModel(pathToFileURL(`${out}.json`));
  const [p] = verifier.network.predictEach([new Float32Array(784).fill(0.1)]);
  assert.equal(p.length, 2);
});

test('scripts/train.ts --number-pieces adds the cut search\'s whole-digit pieces, records them, and keeps reading', async () => {
  const { manifest, model } = await trainScript(['--epochs', '1', '--limit', '300', '--base', 'weights/digits.json',
    '--number-pieces', '40', '--learning-rate', '0.0002']);
  assert.match(manifest.training.data, /and \d+ whole-digit pieces the cut search crops from 40 touching numbers of MNIST training digits 0–49,999/);
  const correct = await mnistRight(model);
  assert.ok(correct >= 290, `the model trained with number pieces read only ${correct}/300 test digits`);
});
