import { html, nothing, type TemplateResult } from 'lit';
import type { Digit } from '../recognize.js';

/**
 * What `result` holds when the digits were typed on the pad instead of written: nothing was
 * recognised, so there are no probabilities or confidence, only what was typed. Tell it apart from a
 * recognition result by `source`:
 *
 * ```js
 * if (pad.result?.source === 'typed') console.log('typed', pad.result.value);
 * ```
 */
export interface TypedResult {
  source: 'typed';
  /** The digits typed, as `value` reports them ('7', or '2026' on a `digits="4"` pad). */
  value: string;
  /** On a one-digit pad the digit typed; null on `digits`/`multiple` pads. */
  digit: Digit | null;
}

/** Builds the `result` of a typed value. */
export function typedResult(value: string, numberMode: boolean): TypedResult {
  return { source: 'typed', value, digit: numberMode ? null : (Number(value) as Digit) };
}

/**
 * The typed value after a key press, or null when the key is not typing (so the browser, a dialog
 * or a shortcut keeps it). A digit replaces the value on a one-digit pad and is appended on a number
 * pad until `maxLength` digits; Backspace removes the last digit typed.
 */
export function typedAfterKey(current: string, event: KeyboardEvent, maxLength: number): string | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return null;
  if (/^[0-9]$/.test(event.key)) {
    if (maxLength === 1) return event.key;
    return current.length < maxLength ? current + event.key : current;
  }
  if (event.key === 'Backspace' && current !== '') return current.slice(0, -1);
  return null;
}

/** What a key press on the focused pad does: type, clear, or take back the last stroke. */
export type KeyCommand = { kind: 'type'; typed: string } | { kind: 'clear' } | { kind: 'undo' };

/**
 * The pad's keyboard: 0–9 and Backspace type (when typing is on), Escape and Delete clear, Backspace
 * and Ctrl/⌘+Z take back the last stroke. Null leaves the key to the page (Escape on an empty pad
 * still closes a dialog).
 *
 * ```ts
 * keyCommand(event, { typing: true, typed: null, maxTyped: 1, strokes: 0 }); // { kind: 'type', typed: '7' } for "7"
 * ```
 */
export function keyCommand(event: KeyboardEvent, pad: { typing: boolean; typed: string | null; maxTyped: number; strokes: number }): KeyCommand | null {
  if (pad.typing && (pad.typed !== null || event.key !== 'Backspace')) {
    const typed = typedAfterKey(pad.typed ?? '', event, pad.maxTyped);
    if (typed !== null) return { kind: 'type', typed };
  }
  if (event.key === 'Escape' || event.key === 'Delete') return pad.strokes === 0 && pad.typed === null ? null : { kind: 'clear' };
  // Backspace takes back the last thing written, as in a text field.
  const undo = event.key === 'Backspace' || ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z');
  return undo && pad.strokes > 0 ? { kind: 'undo' } : null;
}

/**
 * The typed digits shown big on the pad, scaled with it by the SVG viewBox (no inline style: CSP-safe).
 * `aspect` is the pad's width over its height.
 */
export function typedTemplate(value: string, aspect: number): TemplateResult {
  const width = Math.max(1, aspect) * 100;
  return html`<svg part="typed" class="typed-digits" viewBox="0 0 ${width} 100" preserveAspectRatio="xMidYMid meet" aria-hidden="true">
    <text x=${width / 2} y="54" text-anchor="middle" dominant-baseline="middle" font-size="70" textLength=${value.length > 1 && value.length * 45 > width * 0.9 ? width * 0.9 : nothing}
      lengthAdjust="spacingAndGlyphs">${value}</text>
  </svg>`;
}
