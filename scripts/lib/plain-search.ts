/**
 * recognizeNumber() as it read before issue 15, kept as the reference the batched search must equal
 * (test/node/number-reads.test.mjs) and as the "before" of `npm run bench` (numbers4): every candidate
 * of a blob read in one call per blob through both networks, the best cuts chosen, the chosen pieces
 * read again (with their `views`). Built on the same plans (src/segment/number.ts, src/segment/ink-plans.ts), so it follows any
 * change to the grouping; the coarse pass of the image path's cut search reads through both networks.
 */
import { readPixels, type ImageInput } from '../../src/preprocess/image-input.js';
import { toInk } from '../../src/preprocess/ink.js';
import { bestCuts, DEFAULT_CUT_TUNING } from '../../src/segment/cuts.js';
import { classify, inkPlans, planReaders, strokePlans, type NumberOptions } from '../../src/segment/number.js';
import type { DigitModel } from '../../src/model/load.js';
import { choosePieces, PieceReader } from '../../src/segment/read-pieces.js';

export function plainSearch(image: ImageInput, options: NumberOptions, model: DigitModel, verifier: DigitModel) {
  const raw = readPixels(image, 'image');
  const plans = options.strokes
    ? strokePlans(options.strokes, raw.width, raw.height, options.strokeWidth ?? raw.height / 16)
    : inkPlans(toInk(raw), DEFAULT_CUT_TUNING, ...planReaders((inks) => classify(model, inks, verifier)));
  const pieces = plans.flatMap(({ whole, search }) => {
    if (!search) return [whole];
    const { positions, candidates, pieces: parts, rowHeight } = search;
    const cuts = bestCuts(positions, candidates, classify(model, parts.map((p) => p.ink), verifier, options.strokes !== undefined), rowHeight, DEFAULT_CUT_TUNING);
    return cuts ? cuts.map((c) => parts[candidates.indexOf(c)]) : [whole];
  });
  // The chosen pieces read again, answering as recognizeNumber() does (a pen piece with its thicker view too).
  const readings = new PieceReader(model, verifier, options.strokes !== undefined).read(pieces);
  const digits = pieces.flatMap((piece, i) => (readings[i] ? [{ ...readings[i]!, box: piece.box }] : []));
  return { value: digits.map((d) => d.label).join(''), digits };
}

/**
 * The image path's search as it ran before the coarse pass (issue 15): the verifier reads the pieces
 * at every cut column, and the recognizer only those that can still be chosen. The "before" of
 * `npm run bench` (numbers4), timed in the same run.
 */
export function everyColumnSearch(image: ImageInput, model: DigitModel, verifier: DigitModel): { value: string } {
  const reader = new PieceReader(model, verifier);
  const tuning = { ...DEFAULT_CUT_TUNING, coarse: 1 };
  const pieces = choosePieces(inkPlans(toInk(readPixels(image, 'image')), tuning), reader, tuning);
  return { value: reader.read(pieces).map((r) => r?.label ?? '').join('') };
}
