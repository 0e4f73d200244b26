// The image path's cut search runs coarse to fine (src/segment/ink-plans.ts): the verifier reads the
// pieces between every other cut column first, and only the columns near coarse cuts on a good chain
// are read at every step. These check which columns it keeps, and that it loses no cut the full search finds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestCuts, coarsePositions, DEFAULT_CUT_TUNING, refinedPositions } from '../../src/segment/cuts.ts';
import { inkPlans } from '../../src/segment/ink-plans.ts';
import { composeNumber } from '../../scripts/lib/numbers.ts';
import { loadMnist } from '../../scripts/lib/mnist.ts';
import { createRng } from '../../src/training/rng.ts';
import { toInk } from '../../src/preprocess/ink.ts';
import { classify, planReaders } from '../../src/segment/number.ts';
import { sdk } from './helpers.mjs';

// A blob 25 columns wide, cut columns every 2 (and its end, 25), in a row 30 px high.
const positions = [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 25];
const segment = { x0: 0, x1: 24, y0: 0, y1: 29, mass: 1, labels: [1] };
const coarse = (() => {
  const cols = coarsePositions(positions);
  const candidates = [];
  for (let i = 0; i < cols.length; i++) for (let j = i + 1; j < cols.length; j++) candidates.push({ i, j, part: { ...segment, x0: cols[i], x1: cols[j] - 1 } });
  return { positions: cols, candidates };
})();
const wholesWhere = (isDigit) => coarse.candidates.map((c) => (isDigit(coarse.positions[c.i], coarse.positions[c.j]) ? 0.99 : 1e-4));

test('the coarse pass reads every other cut column and the blob end', () => {
  assert.deepEqual(coarse.positions, [0, 4, 8, 12, 16, 20, 24, 25]);
});

test('a cut on the best coarse chain is refined at every column less than a coarse step away', () => {
  const wholes = wholesWhere((a, b) => (a === 0 && b === 12) || (a === 12 && b === 25));
  assert.deepEqual(refinedPositions(positions, coarse, wholes, 30), [0, 10, 12, 14, 25]);
  // Three columns apart on the coarse pass: the two on either side are read.
  const coarse3 = { ...DEFAULT_CUT_TUNING, coarse: 3 };
  const cols3 = coarsePositions(positions, coarse3);
  const candidates3 = [];
  for (let i = 0; i < cols3.length; i++) for (let j = i + 1; j < cols3.length; j++) candidates3.push({ i, j, part: { ...segment, x0: cols3[i], x1: cols3[j] - 1 } });
  const wholes3 = candidates3.map((c) => ((cols3[c.i] === 0 && cols3[c.j] === 12) || (cols3[c.i] === 12 && cols3[c.j] === 25) ? 0.99 : 1e-4));
  assert.deepEqual(refinedPositions(positions, { positions: cols3, candidates: candidates3 }, wholes3, 30, coarse3), [0, 8, 10, 12, 14, 16, 25]);
});

test('a blob the coarse pass reads as one digit keeps only its ends', () => {
  const wholes = wholesWhere((a, b) => a === 0 && b === 25);
  assert.deepEqual(refinedPositions(positions, coarse, wholes, 30), [0, 25]);
});

test('cuts on chains within the margin of the best are refined too; pieces with no ink break chains', () => {
  // Two nearly as good readings (cut at 12, or at 16): both are refined.
  const wholes = wholesWhere((a, b) => (a === 0 && (b === 12 || b === 16)) || ((a === 12 || a === 16) && b === 25));
  assert.deepEqual(refinedPositions(positions, coarse, wholes, 30), [0, 10, 12, 14, 16, 18, 25]);
  // Far below the margin (the second pair of pieces unlikely): only the best cut.
  const weak = coarse.candidates.map((c, k) => (coarse.positions[c.i] === 16 && coarse.positions[c.j] === 25 ? 0.002 : wholes[k]));
  assert.deepEqual(refinedPositions(positions, coarse, weak, 30, { ...DEFAULT_CUT_TUNING, coarseMargin: 1 }), [0, 10, 12, 14, 25]);
  // No ink right of 12: no chain through 12 at all.
  const empty = coarse.candidates.map((c, k) => (coarse.positions[c.i] === 12 && coarse.positions[c.j] === 25 ? null : wholes[k]));
  assert.deepEqual(refinedPositions(positions, coarse, empty, 30), [0, 14, 16, 18, 25]);
});

test('a narrow blob is taken whole when the verifier is sure of it, or doubts it a little and the recognizer is sure', () => {
  // Three rings 30 px tall and 24 wide, apart: each blob 0.8 rows wide, well under sureWidth.
  const width = 120, height = 40, ink = new Float32Array(width * height);
  for (const left of [5, 45, 85]) {
    for (let y = 5; y < 35; y++) for (let x = left; x < left + 24; x++) if (y < 8 || y > 31 || x < left + 3 || x > left + 20) ink[y * width + x] = 1;
  }
  const image = { width, height, ink };
  // The verifier's P(whole) and the recognizer's confidence for each whole blob, by its left edge.
  const plansWith = (wholeP, confidence) => {
    const asked = [];
    const plans = inkPlans(image, DEFAULT_CUT_TUNING,
      (pieces) => pieces.map((p) => (p.box.width > 20 ? wholeP[p.box.x] ?? 0.01 : 0.01)),
      (pieces) => pieces.map((p) => (asked.push(p.box.x), confidence[p.box.x])));
    return { searched: plans.map((p) => Boolean(p.search)), asked };
  };
  const { sureWhole, sureIfConfident, sureConfidence } = DEFAULT_CUT_TUNING;
  // Sure; doubted a little with a sure recognizer; doubted a little with a recognizer not quite sure.
  const some = plansWith({ 5: sureWhole, 45: sureIfConfident, 85: sureIfConfident }, { 45: sureConfidence, 85: 0.99 });
  assert.deepEqual(some.searched, [false, false, true]);
  assert.deepEqual(some.asked, [45, 85], 'the recognizer reads only the doubted blobs');
  // Doubted too much: searched, however sure the recognizer.
  const doubted = plansWith({ 5: sureIfConfident - 0.01 }, { 5: 1 });
  assert.deepEqual(doubted.searched, [true, true, true]);
  assert.deepEqual(doubted.asked, []);
});

test('on touching numbers the refined plans read under half the pieces and keep the cuts the full search chooses', async (t) => {
  const model = await sdk.getDefaultModel();
  const verifier = await sdk.loadModel(new URL('../../weights/segmenter.json', import.meta.url));
  const read = (pieces) => classify(model, pieces.map((p) => p.ink), verifier);
  const train = loadMnist('train');
  const random = createRng(1012); // training digits, as scripts/tune-cuts.ts
  let full = 0, refined = 0, sameCuts = 0;
  const N = 40;
  for (let n = 0; n < N; n++) {
    const ink = toInk(composeNumber(train, random, true).image);
    const plain = inkPlans(ink);
    const coarseToFine = inkPlans(ink, DEFAULT_CUT_TUNING, ...planReaders((inks) => classify(model, inks, verifier)));
    assert.equal(coarseToFine.length, plain.length);
    full += plain.reduce((sum, p) => sum + (p.search?.pieces.length ?? 0), 0);
    refined += coarseToFine.reduce((sum, p) => sum + (p.search?.pieces.length ?? 0), 0);
    // The pieces each search picks (a blob taken whole without a search: itself), as boxes.
    const chosen = (plans) => plans.flatMap(({ whole, search }) => (search ? chosenBoxes(search, read(search.pieces)) ?? [whole.box] : [whole.box]));
    if (JSON.stringify(chosen(plain)) === JSON.stringify(chosen(coarseToFine))) sameCuts++;
  }
  t.diagnostic(`${refined} pieces against ${full}; ${sameCuts}/${N} cut alike`);
  assert.ok(refined < full / 2, `refined plans hold ${refined} pieces against ${full}`);
  assert.ok(sameCuts >= N - 2, `${sameCuts}/${N} numbers cut at the same columns as the full search`);
});

/** The boxes of the pieces bestCuts picks in a blob, given every candidate's reading; null: none. */
function chosenBoxes({ positions, candidates, pieces, rowHeight }, readings) {
  return bestCuts(positions, candidates, readings, rowHeight)?.map((c) => pieces[candidates.indexOf(c)].box) ?? null;
}
