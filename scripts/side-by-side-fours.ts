/**
 * Synthetic side-by-side 4s, from the validation writers (or, with WRITERS=train, the training
 * writers; never the held-out ones): each two-stroke 4 gets its stem (the stroke reaching lower)
 * moved right of its L, GAP_LO–GAP_HI of the digit's height apart, so the two no longer cross; then
 * N numbers are composed as `npm run eval` composes them and read through the stroke path (what a
 * `digits="4"` pad runs, with its four expected digits; NOJOIN=1 reads without them, as the hanging rule was
 * chosen). NOSIDE=1 leaves the 4s as written. Prints exact numbers and how the
 * numbers holding a 4 fared. How the hanging-part rule of src/segment/stroke-units.ts was chosen:
 *
 *   npm run build && MODEL=.cache/runA/digits.json GAP_LO=0.2 GAP_HI=0.3 npx tsx scripts/side-by-side-fours.ts
 */
const sdk = await import(new URL('../dist/index.node.js', import.meta.url).href);
import { loadPenDigits, byWriters, HELD_OUT_WRITERS, VALIDATION_WRITERS, type PenDigit } from '../scripts/lib/pendigits.js';
import { composePenNumber, digitsByWriter, stemBeside } from '../scripts/lib/pen-numbers.js';
import { createRng } from '../src/training/rng.js';
const model = await sdk.loadModel(process.env.MODEL ?? 'weights/digits.json');
const all = loadPenDigits();
const pool = process.env.WRITERS === 'train' ? byWriters(byWriters(all, HELD_OUT_WRITERS, false), VALIDATION_WRITERS, false) : byWriters(all, VALIDATION_WRITERS);
const random = createRng(Number(process.env.SEED ?? 41));
const lo = Number(process.env.GAP_LO ?? 0.02), hi = Number(process.env.GAP_HI ?? 0.25);
let made = 0;
const side = (d: PenDigit): PenDigit => {
  if (process.env.NOSIDE) return d;
  const moved = stemBeside(d, lo, hi, random);
  if (moved !== d) made++;
  return moved;
};
const byWriter = digitsByWriter(pool.map(side));
const N = Number(process.env.N ?? 1000);
let right = 0, with4 = 0, right4 = 0, count4 = 0;
for (let i = 0; i < N; i++) {
  const n = composePenNumber(byWriter, random);
  const s = await sdk.recognizeNumber(n.image, { model, strokes: n.strokes, strokeWidth: n.strokeWidth, expectedDigits: process.env.NOJOIN ? undefined : 4 });
  const ok = s.value === n.value;
  if (ok) right++;
  if (n.value.includes('4')) { with4++; if (ok) right4++; else if (s.value.length !== n.value.length) count4++; }
  if (!ok && process.env.VERBOSE && s.value.length !== n.value.length) console.log(n.value, '→', s.value, 'w', n.writer);
}
console.log(`side-by-side 4s made ${made}; exact ${right}/${N}; numbers with a 4: ${right4}/${with4} right, ${count4} with a wrong digit count`);
