import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sdk } from './helpers.mjs';
import { generateLetters } from '../../scripts/lib/letters.ts';

test('digit-pad/letters: the shipped A–J model reads fresh generated letters ≥ 95 %', async () => {
  const { loadLettersModel } = await import('../../dist/letters.node.js');
  const model = await loadLettersModel();
  assert.deepEqual(model.classNames, 'ABCDEFGHIJ'.split(''));
  const letters = generateLetters(500, 777); // a seed used neither for training nor for the report
  let correct = 0;
  for (const { image, label } of letters) if ((await sdk.recognize(image, { model })).label === label) correct++;
  assert.ok(correct / letters.length >= 0.95, `${correct}/500`);
  const manifest = JSON.parse(readFileSync('weights/letters.json', 'utf8'));
  assert.ok(manifest.evaluation.accuracy >= 0.95);
  assert.ok(readFileSync('weights/letters.bin').length <= 64 * 1024);
});
