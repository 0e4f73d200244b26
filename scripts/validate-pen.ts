/**
 * Judges a trained model on the validation writers (3, 8, 13, 18, 23, 28), never the held-out ones:
 * how training runs that left them out (`--pen-writers train`) are compared before one is chosen.
 * Prints their digits read as written on a 280 px pad (6 % pen, `recognize()`) and as the pad reads
 * its strokes (`recognizeStrokes()`), and 500 of their 4-digit numbers through the stroke path.
 * `--mnist` adds the MNIST test set: that is test data, so read it once per candidate at most.
 *
 *   npm run build && npx tsx scripts/validate-pen.ts .cache/runA/digits.json [--mnist]
 */
import { parseArgs } from 'node:util';
import { byWriters, loadPenDigits, penDigitOnPad, VALIDATION_WRITERS } from './lib/pendigits.js';
import { composePenNumber, digitsByWriter } from './lib/pen-numbers.js';
import { loadMnist, mnistImage } from './lib/mnist.js';
import { createRng } from '../src/training/rng.js';

const { values: args, positionals } = parseArgs({ allowPositionals: true, options: { mnist: { type: 'boolean', default: false }, numbers: { type: 'string', default: '500' } } });
const weights = positionals[0] ?? 'weights/digits.json';
const sdk = await import(new URL('../dist/index.node.js', import.meta.url).href);
const model = await sdk.loadModel(weights);
const digits = byWriters(loadPenDigits(), VALIDATION_WRITERS);
const percent = (right: number, total: number) => `${((100 * right) / total).toFixed(2)} %`;

let onPad = 0, asStrokes = 0;
for (const d of digits) {
  if ((await sdk.recognize(penDigitOnPad(d.strokes, 280, 168, 0.06 * 280), { model })).digit === d.label) onPad++;
  if ((await sdk.recognizeStrokes(d.strokes, { model })).digit === d.label) asStrokes++;
}
console.log(`${weights}: validation writers ${VALIDATION_WRITERS.join(', ')} (${digits.length} digits): on a 280 px pad ${percent(onPad, digits.length)}, as the pad reads strokes ${percent(asStrokes, digits.length)}`);

const byWriter = digitsByWriter(digits);
const random = createRng(41);
const count = Number(args.numbers);
let numbersRight = 0;
const misread: string[] = [];
for (let i = 0; i < count; i++) {
  const n = composePenNumber(byWriter, random);
  const { value } = await sdk.recognizeNumber(n.image, { model, strokes: n.strokes, strokeWidth: n.strokeWidth, expectedDigits: 4 });
  if (value === n.value) numbersRight++;
  else misread.push(`${n.value}→${value} (writer ${n.writer})`);
}
console.log(`4-digit numbers, stroke path (${count}): ${percent(numbersRight, count)}; first misreads: ${misread.slice(0, 12).join(', ')}`);

if (args.mnist) {
  const test = loadMnist('test');
  let right = 0;
  for (let i = 0; i < test.count; i++) if ((await sdk.recognize(mnistImage(test, i), { model })).digit === test.labels[i]) right++;
  console.log(`MNIST test (${test.count}): ${percent(right, test.count)}`);
}
