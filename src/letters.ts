/**
 * Optional letters model (A–J), trained with `train()` on generated handwriting-like letters.
 *
 * ```ts
 * import { recognize } from 'digit-pad';
 * import { loadLettersModel } from 'digit-pad/letters';
 * const { label } = await recognize(canvas, { model: await loadLettersModel() }); // 'A'…'J'
 * ```
 */
import type { BundledModel } from './assets.js';
import { sharedModel, type DigitModel } from './model/load.js';

// Each file by its own literal URL, so bundlers emit both (see src/assets.ts).
const LETTERS_MODEL: BundledModel = {
  name: 'letters',
  manifest: new URL('./weights/letters.json', import.meta.url),
  binary: new URL('./weights/letters.bin', import.meta.url),
};

export const LETTERS_MANIFEST_URL: URL = LETTERS_MODEL.manifest;

/** Loads the shipped letters model once (hash-checked like every model). */
export const loadLettersModel: () => Promise<DigitModel> = sharedModel(LETTERS_MODEL);
