import type { RecognizeResult } from '../recognize.js';
import type { NumberResult } from '../segment/number.js';
import type { DigitPadError } from '../errors.js';

/**
 * Fired when a recognition of a non-empty drawing completes (after the writer pauses, or from
 * `recognize()`); `detail` is the SDK result: a `RecognizeResult` for one digit, a `NumberResult`
 * on a `digits`/`multiple` pad.
 *
 * ```ts
 * pad.addEventListener('digit-recognized', (e) => console.log(e.detail.digit, e.detail.confidence));
 * ```
 */
export type DigitRecognizedEvent = CustomEvent<RecognizeResult | NumberResult>;

/** Fired when the pad becomes empty (clear button, Escape, `clear()`, or undoing the last stroke); not on form reset. */
export type DigitClearedEvent = CustomEvent<void>;

/** Fired when recognition fails (weights or wasm could not load); `detail` is the `DigitPadError`. */
export type DigitErrorEvent = CustomEvent<DigitPadError | Error>;

/** Bubbling, composed events so listeners on a form or outside a shadow root hear them. */
export function padEvent<T>(type: string, detail: T): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    'digit-recognized': DigitRecognizedEvent;
    'digit-cleared': DigitClearedEvent;
    'digit-error': DigitErrorEvent;
  }
}
