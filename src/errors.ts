/**
 * Every failure digit-pad reports on purpose is a `DigitPadError`: `code` is a stable string for
 * programs, `message` says what was wrong and what was expected, for people.
 *
 * ```ts
 * try { await recognize(img); } catch (e) {
 *   if (e instanceof DigitPadError && e.code === 'INVALID_IMAGE_SIZE') showHint(e.message);
 * }
 * ```
 */
export type DigitPadErrorCode =
  | 'INVALID_INPUT'
  | 'INVALID_IMAGE_SIZE'
  | 'INVALID_IMAGE_DATA'
  | 'INVALID_OPTION'
  | 'WEIGHTS_LOAD_FAILED'
  | 'WEIGHTS_INVALID'
  | 'WEIGHTS_HASH_MISMATCH'
  | 'BACKEND_INIT_FAILED'
  | 'INVALID_DATASET'
  | 'TRAINING_ABORTED'
  | 'TRAINING_FAILED'
  | 'STORAGE_FAILED';

export class DigitPadError extends Error {
  readonly code: DigitPadErrorCode;

  constructor(code: DigitPadErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DigitPadError';
    this.code = code;
  }
}
