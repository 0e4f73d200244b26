/**
 * Measures the built-in model (what recognize() uses without options.model: the screen and paper
 * networks mixed by the ink-source network) through the public recognize() on all 10,000 MNIST test
 * digits, and on the same digits placed at random size and position as dark ink on a 280×280 white
 * canvas; then each of its networks alone on the test digits, and how the ink-source network weighed them.
 * Writes reports/eval.json and reports/eval.html (confusion heatmap, per-class accuracy, misreads).
 *
 *   npm run eval                      # after npm run build
 *   npm run eval -- --write-manifest  # also records the figures in weights/digits.json
 *   npx tsx scripts/eval.ts --weights .cache/run/digits.json   # one network from a file instead
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadMnist, mnistImage } from './lib/mnist.js';
import { createRng } from '../src/training/rng.js';
import { placeOnCanvas, randomPlacement } from './lib/placement.mjs';
import { renderEvalHtml, type Misread, type NumberFailure } from './lib/eval-report.js';
import { composeNumber } from './lib/numbers.js';
import { evaluatePen, renderPenHtml } from './lib/eval-pen.js';
import { inspectMisreads } from './lib/eval-inspect.js';

const { values: args } = parseArgs({
  options: {
    'write-manifest': { type: 'boolean', default: false },
    limit: { type: 'string' },
    weights: { type: 'string' },
  },
});
// The public, built entry point: what an npm user runs.
const sdk = await import(new URL('../dist/index.node.js', import.meta.url).href);
const builtIn = args.weights === undefined;
const manifestPath = args.weights ?? 'weights/digits.json';
const fileModel = (path: string) => sdk.loadModel(new URL(`../${path}`, import.meta.url));
const model = builtIn ? await sdk.getDefaultModel() : await fileModel(manifestPath);
/** The built-in model's files: its screen network's manifest first. */
const modelFiles = builtIn ? ['weights/digits.json', 'weights/digits-paper.json', 'weights/ink-source.json'] : [manifestPath];
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

// Each network of the built-in model alone, and the ink-source network's weight for paper.
const parts = builtIn ? await builtInParts() : undefined;
async function builtInParts() {
  const [screen, paper, source] = await Promise.all(modelFiles.map(fileModel));
  let screenRight = 0, paperRight = 0, mostlyPaper = 0;
  for (let i = 0; i < samples; i++) {
    const image = mnistImage(test, i);
    if ((await sdk.recognize(image, { model: screen })).digit === test.labels[i]) screenRight++;
    if ((await sdk.recognize(image, { model: paper })).digit === test.labels[i]) paperRight++;
    if ((await sdk.recognize(image, { model: source })).probabilities[0] > 0.5) mostlyPaper++;
  }
  return {
    description: 'MNIST test digits read by each network of the built-in model alone, and the share the ink-source network weighs as paper (P > 0.5)',
    screenNetworkAccuracy: screenRight / samples,
    paperNetworkAccuracy: paperRight / samples,
    weighedMostlyPaper: mostlyPaper / samples,
  };
}

// Numbers: 2–6 MNIST test digits in a row, separated and touching (seeded, 2,000 of each).
const NUMBERS = args.limit ? Math.min(2000, Number(args.limit)) : 2000;
const failures: NumberFailure[] = [];
async function numbersAccuracy(touching: boolean) {
  const rng = createRng(touching ? 12 : 11);
  let exact = 0, digitsTotal = 0;
  for (let i = 0; i < NUMBERS; i++) {
    const { value, image } = composeNumber(test, rng, touching);
    const read = (await sdk.recognizeNumber(image, { model })).value;
    digitsTotal += value.length;
    if (read === value) exact++;
    else if (failures.filter((f) => f.touching === touching).length < 24) failures.push({ touching, value, read, image });
  }
  return { samples: NUMBERS, exact, accuracy: exact / NUMBERS, meanDigits: digitsTotal / NUMBERS };
}
started = performance.now();
const separated = await numbersAccuracy(false);
const touching = await numbersAccuracy(true);
const numbersMs = (performance.now() - started) / (2 * NUMBERS);

started = performance.now();
const penFull = await evaluatePen(sdk, model, args.limit ? Number(args.limit) : undefined);
const { digitsForGallery: _gallery, ...penFigures } = penFull;
const penSeconds = (performance.now() - started) / 1000;

const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
const weightBytes = modelFiles.reduce((sum, path) => {
  const { file } = JSON.parse(readFileSync(path, 'utf8'));
  return sum + statSync(new URL(file.path, new URL(`../${path}`, import.meta.url))).size;
}, 0);
const report = {
  date: new Date().toISOString(),
  command: 'npm run eval',
  model: builtIn ? `built-in: ${modelFiles.join(', ')}` : manifestPath,
  ...(parts ? { networksAlone: parts } : {}),
  samples,
  correct,
  accuracy: correct / samples,
  placedOnCanvas: {
    description: 'same test digits, dark ink on a 280×280 white canvas, random size 40–280 px and position (seed 7)',
    samples,
    correct: placedCorrect,
    accuracy: placedCorrect / samples,
  },
  numbers: {
    description: '2–6 MNIST test digits per number, random size (±15 %, bilinear resampling) and baseline (±4 px); separated by 3–12 px, or touching/overlapping by 0–4 px (at most a quarter of the narrower digit)',
    separated,
    touching,
    msPerNumber: numbersMs,
  },
  pen: penFigures,
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
const inspected = await inspectMisreads(sdk, model, misreads, (i) => mnistImage(test, i));
writeFileSync('reports/eval.html', renderEvalHtml(report, misreads, (i) => test.images.subarray(i * 784, (i + 1) * 784), failures, inspected)
  .replace('</body>', `${renderPenHtml(penFull)}</body>`));
console.log(
  `MNIST test (${samples}): ${(report.accuracy * 100).toFixed(2)} %   placed on 280×280 canvas: ` +
  `${(report.placedOnCanvas.accuracy * 100).toFixed(2)} %   weights ${weightBytes} B   backend ${backend}\n` +
  (parts ? `  each network alone on MNIST test: screen ${(parts.screenNetworkAccuracy * 100).toFixed(2)} %, paper ${(parts.paperNetworkAccuracy * 100).toFixed(2)} %; weighed mostly paper: ${(parts.weighedMostlyPaper * 100).toFixed(2)} %\n` : '') +
  `numbers exactly right: separated ${(separated.accuracy * 100).toFixed(2)} %, touching ${(touching.accuracy * 100).toFixed(2)} % (${NUMBERS} each)\n` +
  `held-out pen writers (${penFigures.samples}): ${(penFigures.accuracy * 100).toFixed(2)} % through recognize() on a 280 px pad, ` +
  `${(penFigures.padStrokesAccuracy * 100).toFixed(2)} % as the pad reads strokes; confidence ≥ 0.9: ${(penFigures.confidentAtLeast90.accuracy * 100).toFixed(2)} % right ` +
  `(${penFigures.confidentAtLeast90.count}); pen 3–25 %: worst ${(Math.min(...penFigures.penWidthSweep.map((s) => s.worst)) * 100).toFixed(2)} %\n` +
  `held-out pen numbers (4 digits, ${penFigures.numbers.samples}): strokes ${(penFigures.numbers.strokesAccuracy * 100).toFixed(2)} % (failures: ${penFigures.numbers.strokeFailureKinds.misreadDigit} a digit misread, ${penFigures.numbers.strokeFailureKinds.wrongCount} digits split or merged), image ${(penFigures.numbers.imageAccuracy * 100).toFixed(2)} % (${penSeconds.toFixed(0)} s)\n` +
  `${report.msPerDigit28.toFixed(3)} ms per 28×28 digit, ${report.msPerCanvas280.toFixed(3)} ms per 280×280 canvas (incl. preprocessing)\n` +
  'wrote reports/eval.json and reports/eval.html',
);
if (args['write-manifest']) {
  manifest.evaluation = {
    command: 'npm run eval', date: report.date, samples, accuracy: report.accuracy,
    placedOnCanvasAccuracy: report.placedOnCanvas.accuracy, backend,
    numbersSeparatedAccuracy: separated.accuracy, numbersTouchingAccuracy: touching.accuracy,
    penWriters: penFigures.writers, penWritersAccuracy: penFigures.accuracy, penPadStrokesAccuracy: penFigures.padStrokesAccuracy,
    penNumbersStrokesAccuracy: penFigures.numbers.strokesAccuracy,
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  console.log(`recorded the figures in ${manifestPath}`);
}
