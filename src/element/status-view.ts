import { html, nothing, type TemplateResult } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import type { RecognizeResult } from '../recognize.js';

/** What the pad shows under the drawing. */
export type PadState = 'empty' | 'pending' | 'ok' | 'uncertain' | 'error';

const percent = (p: number) => `${Math.round(p * 100)}%`;

/** What the pad shows for a result: the class label ('7' for the digits model, 'yes' for a custom one). */
export function resultLabel(result: RecognizeResult | null): string | null {
  if (!result || result.status !== 'ok') return null;
  return result.label ?? (result.digit === null ? null : String(result.digit));
}

/**
 * Sets a bar's `--p` through the CSSOM. Lit's styleMap writes a style *attribute* on first
 * render, which a strict CSP (style-src without 'unsafe-inline') blocks; CSSOM writes are allowed.
 */
class BarValue extends Directive {
  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('barValue() must be used as an element binding.');
  }
  render(_p: number) {
    return nothing;
  }
  override update(part: ElementPart, [p]: [number]) {
    (part.element as HTMLElement).style.setProperty('--p', String(p));
    return nothing;
  }
}
const barValue = directive(BarValue);

/**
 * The status line doubles as the live region (role=status): screen readers hear the final
 * outcome, so it changes only when a result, an empty pad or an error is known, never for the
 * in-between "reading" moment.
 */
export function statusTemplate(state: PadState, result: RecognizeResult | null): TemplateResult {
  const shown = state === 'pending' ? (result ? (result.status === 'ok' ? 'ok' : 'uncertain') : 'blank') : state;
  let content: TemplateResult | typeof nothing = nothing;
  const label = resultLabel(result);
  if (shown === 'ok' && result && label !== null) {
    // Spaces between the spans keep the announced text "Recognised 7 93% sure", not "Recognised793%".
    content = html`<span class="visually-hidden">Recognised</span> <span class="digit">${label}</span> <span class="long">${percent(result.confidence)} sure</span>`;
  } else if (shown === 'uncertain') {
    content = html`<span class="long">Can’t read that</span> <span class="short">Unclear</span>`;
  } else if (shown === 'empty') {
    content = html`<span>No digit</span>`;
  } else if (shown === 'error') {
    content = html`<span>Recognition unavailable</span>`;
  }
  return html`<div part="status" class="status ${shown}" role="status" aria-busy=${state === 'pending' ? 'true' : 'false'}>${content}</div>`;
}

/**
 * The three most likely classes with probabilities, best first. `classNames` are the classes of the
 * model that produced `result` (index i names probabilities[i]); without them the index is shown,
 * which is the digit for the built-in model.
 */
export function candidatesTemplate(result: RecognizeResult | null, classNames?: readonly string[] | null): TemplateResult | typeof nothing {
  if (!result || result.status === 'empty') return nothing;
  const top = result.probabilities
    .map((p, i) => ({ label: classNames?.[i] ?? String(i), p }))
    .sort((a, b) => b.p - a.p)
    .slice(0, 3);
  return html`<ol part="candidates" class=${classNames ? 'candidates named' : 'candidates'} aria-label="Top candidates">
    ${top.map(
      ({ label, p }) => html`<li part="candidate" class="candidate">
        <b>${label}</b><span>${percent(p)}</span>
        <span class="bar" ${barValue(p)} aria-hidden="true"></span>
      </li>`,
    )}
  </ol>`;
}
