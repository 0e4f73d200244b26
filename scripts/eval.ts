/**
 * Measures the shipped model through the public recognize() on all 10,000 MNIST test digits, and on
 * the same digits placed at random size and position as dark ink on a 280×280 white canvas.
 * Writes reports/eval.json and reports/eval.html (confusion heatmap, per-class accuracy, misreads).
 *
 *   npm run eval                      # after npm run build
 *   npm run eval -- --write-manifest  # also records the figures in weights/digits.json
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadMnist, mnistImage } from './lib/mnist.js';
import { createRng } from '../src/training/rng.js';
import { placeOnCanvas, randomPlacement } from './lib/placement.js';
import { renderEvalHtml, type Misread } from './lib/eval-report.js';

const { values: args } = parseArgs({
  options: {
    'write-manifest': { type: 'boolean', default: false },
    limit: { type: 'string' },
    weights: { type: 'string', default: 'weights/digits.json' },
  },
});
// The public, built entry point: what an npm user runs.
const sdk = await import(new URL('../dist/index.node.js', import.meta.url).href);
const manifestPath = args.weights!;
const model = await sdk.loadModel(new URL(`../${manifestPath}`, import.meta.url));
const test = loadMnist('test');
const samples = args.limit ? Math.min(Number(args.limit), test.count) : test.count;

const confusion = Array.from({ length: 10 }, () => new Array(10).fill(0));
const misreads: Misread[] = [];
let correct = 0, backend = '';
let started = performance.now();
for (let i = 0; i < samples; i++) {
  const result = await sdk.recognize(mnistImage(test, i), { model });
  backend = result.backend;
  const label = test.labels[i];
  const predicted = result.digit ?? -1;
  if (predicted >= 0) confusion[label][predicted]++;
  if (predicted === label) correct++;
  else misreads.push({ index: i, label, predicted, confidence: result.confidence, probabilities: result.probabilities });
}
const plainMs = performance.now() - started;

const random = createRng(7);
let placedCorrect = 0;
started = performance.now();
for (let i = 0; i < samples; i++) {
  const { size, left, top } = randomPlacement(random);
  const canvas = placeOnCanvas(test.images.subarray(i * 784, (i + 1) * 784), 280, size, left, top);
  if ((await sdk.recognize(canvas, { model })).digit === test.labels[i]) placedCorrect++;
}
const placedMs = performance.now() - started;

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const weightBytes = statSync(new URL(manifest.file.path, new URL(`../${manifestPath}`, import.meta.url))).size;
const report = {
  date: new Date().toISOString(),
  command: 'npm run eval',
  model: manifestPath,
  samples,
  correct,
  accuracy: correct / samples,
  placedOnCanvas: {
    description: 'same test digits, dark ink on a 280×280 white canvas, random size 40–280 px and position (seed 7)',
    samples,
    correct: placedCorrect,
    accuracy: placedCorrect / samples,
  },
  weightBytes,
  backend,
  perClassAccuracy: confusion.map((row, d) => row[d] / row.reduce((a, b) => a + b, 0)),
  confusion,
  misclassified: misreads.map(({ probabilities, ...m }) => m),
  msPerDigit28: plainMs / samples,
  msPerCanvas280: placedMs / samples,
};
mkdirSync('reports', { recursive: true });
writeFileSync('reports/eval.json', JSON.stringify(report, null, 2) + '\n');
writeFileSync('reports/eval.html', renderEvalHtml(report, misreads, (i) => test.images.subarray(i * 784, (i + 1) * 784)));
console.log(
  `MNIST test (${samples}): ${(report.accuracy * 100).toFixed(2)} %   placed on 280×280 canvas: ` +
  `${(report.placedOnCanvas.accuracy * 100).toFixed(2)} %   weights ${weightBytes} B   backend ${backend}\n` +
  `${report.msPerDigit28.toFixed(3)} ms per 28×28 digit, ${report.msPerCanvas280.toFixed(3)} ms per 280×280 canvas (incl. preprocessing)\n` +
  'wrote reports/eval.json and reports/eval.html',
);
if (args['write-manifest']) {
  manifest.evaluation = {
    command: 'npm run eval', date: report.date, samples, accuracy: report.accuracy,
    placedOnCanvasAccuracy: report.placedOnCanvas.accuracy, backend,
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  console.log(`recorded the figures in ${manifestPath}`);
}
