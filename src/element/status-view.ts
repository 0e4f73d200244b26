import { html, nothing, type TemplateResult } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { RecognizeResult } from '../recognize.js';
import type { NumberResult } from '../segment/number.js';

/** What the pad shows under the drawing. */
export type PadState = 'empty' | 'pending' | 'ok' | 'uncertain' | 'error' | 'typed';

const percent = (p: number) => `${Math.round(p * 100)}%`;

/** What the pad shows for a result: the class label ('7' for the digits model, 'yes' for a custom one). */
export function resultLabel(result: RecognizeResult | null): string | null {
  if (!result || result.status !== 'ok') return null;
  return result.label ?? (result.digit === null ? null : String(result.digit));
}

/**
 * Sets a bar fill's width through the CSSOM. Lit's styleMap writes a style *attribute* on first
 * render, which a strict CSP (style-src without 'unsafe-inline') blocks; CSSOM writes are allowed.
 * A plain `width` is written rather than a custom property the CSS reads: in Chromium, setting a
 * custom property on three bars cost ~15 µs per read against ~2 µs for their widths.
 */
class BarValue extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('barValue() must be used as an element binding.');
  }
  render(_p: number) {
    return nothing;
  }
  private shown?: number;
  override update(part: ElementPart, [p]: [number]) {
    // Every re-render passes the value again; a style write costs a style recalculation. Rounded
    // to 0.01 %, the width never takes an exponent (1e-7 % would be an invalid width).
    if (p !== this.shown) (part.element as HTMLElement).style.width = `${Math.round(p * 10_000) / 100}%`;
    this.shown = p;
    return nothing;
  }
}
const barValue = directive(BarValue);

/** What the status line shows of the last reading: its label when it counts, and how sure it is. */
export interface StatusReading {
  ok: boolean;
  /** The digit, class name or whole number; null when the reading does not count. */
  label: string | null;
  confidence: number;
}

/** The status of a one-digit result. */
export function digitReading(result: RecognizeResult | null): StatusReading | null {
  return result ? { ok: result.status === 'ok', label: resultLabel(result), confidence: result.confidence } : null;
}

/** A whole-number reading, with the size of the image its boxes are in and whether it counts. */
export interface NumberReading {
  result: NumberResult;
  ok: boolean;
  width: number;
  height: number;
}

/** The status of a number reading: the whole value, and the least sure digit. */
export function numberReading(reading: NumberReading | null): StatusReading | null {
  if (!reading) return null;
  const confidence = reading.result.digits.reduce((min, d) => Math.min(min, d.confidence), 1);
  return { ok: reading.ok, label: reading.ok ? reading.result.value : null, confidence };
}

/**
 * The status line doubles as the live region (role=status): screen readers hear the final
 * outcome, so it changes only when a result, an empty pad or an error is known, never for the
 * in-between "reading" moment. `emptyText` is what an empty pad says ("No digit", "No number").
 */
export function statusTemplate(state: PadState, reading: StatusReading | null, emptyText = 'No digit'): TemplateResult {
  const shown = state === 'pending' ? (reading ? (reading.ok ? 'ok' : 'uncertain') : 'blank') : state;
  let content: TemplateResult | typeof nothing = nothing;
  const label = reading?.label ?? null;
  if (shown === 'typed' && label !== null) {
    // Said as "Typed 7": the value was typed, not recognised, so no confidence.
    content = html`<span>Typed</span> <span class="digit">${label}</span>`;
  } else if (shown === 'ok' && reading && label !== null) {
    // Spaces between the spans keep the announced text "Recognised 7 93% sure", not "Recognised793%".
    content = html`<span class="visually-hidden">Recognised</span> <span class="digit">${label}</span> <span class="long">${percent(reading.confidence)} sure</span>`;
  } else if (shown === 'uncertain') {
    content = html`<span class="long">Can’t read that</span> <span class="short">Unclear</span>`;
  } else if (shown === 'empty') {
    content = html`<span>${emptyText}</span>`;
  } else if (shown === 'error') {
    content = html`<span>Recognition unavailable</span>`;
  }
  return html`<div part="status" class="status ${shown}" role="status" aria-busy=${state === 'pending' ? 'true' : 'false'}>${content}</div>`;
}

/**
 * The three most likely classes with probabilities, best first. `classNames` are the classes of the
 * model that produced `result` (index i names probabilities[i]); without them the index is shown,
 * which is the digit for the built-in model.
 *
 * Rows are placed one by one rather than mapped from a list: every read re-renders them, and Lit
 * diffing a list of templates cost more than the rows themselves (in Chromium, an update that
 * changed nothing: ~14 µs with the list, ~5 µs without). A model of two classes gets two rows.
 */
export function candidatesTemplate(result: RecognizeResult | null, classNames?: readonly string[] | null): TemplateResult | typeof nothing {
  if (!result || result.status === 'empty') return nothing;
  const [first, second, third] = result.probabilities
    .map((p, i) => ({ label: classNames?.[i] ?? String(i), p }))
    .sort((a, b) => b.p - a.p);
  return html`<ol part="candidates" class=${classNames ? 'candidates named' : 'candidates'} aria-label="Top candidates">
    ${candidateRow(first.label, first.p)}${second ? candidateRow(second.label, second.p) : nothing}${third ? candidateRow(third.label, third.p) : nothing}
  </ol>`;
}

/** One candidate: its label, how sure, and a bar of that length. */
function candidateRow(label: string, p: number): TemplateResult {
  return html`<li part="candidate" class="candidate">
    <b>${label}</b><span>${percent(p)}</span>
    <span class="bar" aria-hidden="true"><span class="fill" ${barValue(p)}></span></span>
  </li>`;
}

/**
 * Number mode: each digit read, left to right, with how sure the model is of it (instead of the
 * top three guesses for one digit).
 */
export function digitListTemplate(result: NumberResult | null): TemplateResult | typeof nothing {
  if (!result || result.digits.length === 0) return nothing;
  return html`<ol part="candidates" class="candidates digits" aria-label="Digits read">
    ${result.digits.map(({ label, confidence }) => candidateRow(label, confidence))}
  </ol>`;
}

/** Positions an overlay box in percent of the image it was found in, through the CSSOM (CSP-safe). */
class BoxPosition extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('boxPosition() must be used as an element binding.');
  }
  render(_box: NumberResult['digits'][number]['box'], _width: number, _height: number) {
    return nothing;
  }
  override update(part: ElementPart, [box, width, height]: [NumberResult['digits'][number]['box'], number, number]) {
    const style = (part.element as HTMLElement).style;
    style.left = `${(box.x / width) * 100}%`;
    style.top = `${(box.y / height) * 100}%`;
    style.width = `${(box.width / width) * 100}%`;
    style.height = `${(box.height / height) * 100}%`;
    return nothing;
  }
}
const boxPosition = directive(BoxPosition);

/** Thin outlines around each digit found, over the canvas; `width`×`height` is the image the boxes are in. */
export function boxesTemplate(result: NumberResult | null, width: number, height: number): TemplateResult | typeof nothing {
  if (!result || result.digits.length === 0 || width <= 0 || height <= 0) return nothing;
  return html`<div class="boxes" aria-hidden="true">
    ${result.digits.map(({ box, label }) => html`<span part="box" class="box" data-label=${label} ${boxPosition(box, width, height)}></span>`)}
  </div>`;
}
