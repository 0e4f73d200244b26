/**
 * Optional letters model (A–J), trained with `train()` on generated handwriting-like letters.
 *
 * ```ts
 * import { recognize } from 'digit-pad';
 * import { loadLettersModel } from 'digit-pad/letters';
 * const { label } = await recognize(canvas, { model: await loadLettersModel() }); // 'A'…'J'
 * ```
 */
import { loadModel, type DigitModel } from './model/load.js';

export const LETTERS_MANIFEST_URL = new URL('./weights/letters.json', import.meta.url);

let letters: Promise<DigitModel> | null = null;

/** Loads the shipped letters model once (hash-checked like every model). */
export function loadLettersModel(): Promise<DigitModel> {
  letters ??= loadModel(LETTERS_MANIFEST_URL).catch((error) => {
    letters = null;
    throw error;
  });
  return letters;
}
