/**
 * Optional letters model (A–J), trained with `train()` on generated handwriting-like letters.
 *
 * ```ts
 * import { recognize } from 'digit-pad';
 * import { loadLettersModel } from 'digit-pad/letters';
 * const { label } = await recognize(canvas, { model: await loadLettersModel() }); // 'A'…'J'
 * ```
 */
import { sharedModel, type DigitModel } from './model/load.js';

export const LETTERS_MANIFEST_URL = new URL('./weights/letters.json', import.meta.url);

/** Loads the shipped letters model once (hash-checked like every model). */
export const loadLettersModel: () => Promise<DigitModel> = sharedModel(LETTERS_MANIFEST_URL);
