/**
 * How `JOIN_MIN_WHOLE` (src/segment/expected-count.ts) was chosen: validation writers' 4-digit pen
 * numbers (never held-out ones) read through the stroke path with `expectedDigits` 4, for each
 * threshold ("off": no joins). LENGTH=5 writes five-digit numbers on the same pad instead (a join
 * there loses a digit); SIDE=lo,hi moves each two-stroke 4's stem lo–hi of its height right of its L,
 * as scripts/side-by-side-fours.ts does. Prints, per threshold, the numbers right and those read as 4 digits.
 *
 * The README's figures were read with MODEL=.cache/runA/digits.json (stage 2 without the validation
 * writers, `npm run train -- --pen-writers train`); the default is the shipped model.
 *
 *   npm run build && npx tsx scripts/expected-count-sweep.ts                     # 5 seeds × 1,000
 *   LENGTH=5 SEEDS=51,52 npx tsx scripts/expected-count-sweep.ts
 *   SIDE=0.2,0.3 SEEDS=41 npx tsx scripts/expected-count-sweep.ts
 */
import { byWriters, loadPenDigits, VALIDATION_WRITERS, type PenDigit } from './lib/pendigits.js';
import { composePenNumber, digitsByWriter, stemBeside } from './lib/pen-numbers.js';
import { createRng } from '../src/training/rng.js';
const sdk: any = await import(new URL('../dist/index.node.js', import.meta.url).href);
const { strokePlans } = await import('../src/segment/number.js');
const { PieceReader, choosePieces } = await import('../src/segment/read-pieces.js');
const { DEFAULT_CUT_TUNING } = await import('../src/segment/cuts.js');
const { joinToCount } = await import('../src/segment/expected-count.js');
const model = await sdk.loadModel(process.env.MODEL ?? 'weights/digits.json');
const verifier = await sdk.loadModel('weights/segmenter.json');
const sideRandom = createRng(41);
const [lo, hi] = (process.env.SIDE ?? '').split(',').map(Number);
const side = (d: PenDigit): PenDigit => (process.env.SIDE ? stemBeside(d, lo, hi, sideRandom) : d);
const byWriter = digitsByWriter(byWriters(loadPenDigits(), VALIDATION_WRITERS).map(side));
const levels = (process.env.LEVELS ?? 'off,0,0.05,0.1,0.15,0.2,0.3,0.5').split(',');
const seeds = (process.env.SEEDS ?? '31,32,33,34,35').split(',').map(Number);
const length = Number(process.env.LENGTH ?? 4);
const right: Record<string, number> = {}, asFour: Record<string, number> = {};
let total = 0;
for (const seed of seeds) {
  const random = createRng(seed);
  for (let i = 0; i < Number(process.env.N ?? 1000); i++) {
    const n = composePenNumber(byWriter, random, length);
    const reader = new PieceReader(model, verifier);
    const chosen = choosePieces(strokePlans(n.strokes, n.image.width, n.image.height, n.strokeWidth), reader, DEFAULT_CUT_TUNING);
    total++;
    for (const level of levels) {
      const pieces = level === 'off' ? chosen : joinToCount(chosen, 4, reader, Number(level));
      const value = reader.read(pieces).map((r) => r?.label ?? '').join('');
      if (value === n.value) right[level] = (right[level] ?? 0) + 1;
      if (value.length === 4) asFour[level] = (asFour[level] ?? 0) + 1;
      if (process.env.SHOW && level === process.env.SHOW && value !== n.value) console.log(n.value, '→', value, 'w', n.writer);
    }
  }
}
console.log(`${length}-digit numbers (${total}), minWhole: right / read as 4 digits`);
for (const level of levels) console.log(level, right[level] ?? 0, asFour[level] ?? 0);
