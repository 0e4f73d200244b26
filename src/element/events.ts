import type { RecognizeResult } from '../recognize.js';
import type { NumberResult } from '../segment/number.js';
import type { DigitPadError } from '../errors.js';

/** `digit-recognized` on a one-digit pad: `detail` is the SDK's `RecognizeResult`. */
export type DigitReadEvent = CustomEvent<RecognizeResult> & { readonly mode: 'digit' };
/** `digit-recognized` on a `digits`/`multiple` pad: `detail` is the SDK's `NumberResult`. */
export type NumberReadEvent = CustomEvent<NumberResult> & { readonly mode: 'number' };

/**
 * Fired when a recognition of a non-empty drawing completes (after the writer pauses, or from
 * `recognize()`). `mode` says which result `detail` holds, and narrows it:
 *
 * ```ts
 * pad.addEventListener('digit-recognized', (e) => {
 *   if (e.mode === 'digit') console.log(e.detail.digit, e.detail.confidence);
 *   else console.log(e.detail.value, e.detail.digits.length);
 * });
 * ```
 */
export type DigitRecognizedEvent = DigitReadEvent | NumberReadEvent;

/** Fired when the pad becomes empty (clear button, Escape, `clear()`, or undoing the last stroke); not on form reset. */
export type DigitClearedEvent = CustomEvent<void>;

/** Fired when recognition fails (weights or wasm could not load); `detail` is the `DigitPadError`. */
export type DigitErrorEvent = CustomEvent<DigitPadError | Error>;

/** The pad's own events, by name (also merged into `HTMLElementEventMap`). */
export interface DigitPadEventMap {
  'digit-recognized': DigitRecognizedEvent;
  'digit-cleared': DigitClearedEvent;
  'digit-error': DigitErrorEvent;
}

/** Bubbling, composed events so listeners on a form or outside a shadow root hear them. */
export function padEvent<T>(type: string, detail: T): CustomEvent<T> {
  return new CustomEvent<T>(type, { detail, bubbles: true, composed: true });
}

/** A `digit-recognized` event carrying its `mode`, the discriminant that narrows `detail`. */
export function recognizedEvent(mode: 'digit', result: RecognizeResult): DigitReadEvent;
export function recognizedEvent(mode: 'number', result: NumberResult): NumberReadEvent;
export function recognizedEvent(mode: 'digit' | 'number', result: RecognizeResult | NumberResult): DigitRecognizedEvent {
  const event = padEvent('digit-recognized', result);
  Object.defineProperty(event, 'mode', { value: mode, enumerable: true });
  return event as DigitRecognizedEvent;
}

declare global {
  interface HTMLElementEventMap extends DigitPadEventMap {}
}
