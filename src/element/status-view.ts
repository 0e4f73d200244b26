import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { RecognizeResult } from '../recognize.js';

/** What the pad shows under the drawing. */
export type PadState = 'empty' | 'pending' | 'ok' | 'uncertain' | 'error';

const percent = (p: number) => `${Math.round(p * 100)}%`;

/**
 * The status line doubles as the live region (role=status): screen readers hear the final
 * outcome, so it changes only when a result, an empty pad or an error is known, never for the
 * in-between "reading" moment.
 */
export function statusTemplate(state: PadState, result: RecognizeResult | null): TemplateResult {
  const shown = state === 'pending' ? (result ? (result.status === 'ok' ? 'ok' : 'uncertain') : 'blank') : state;
  let content: TemplateResult | typeof nothing = nothing;
  if (shown === 'ok' && result && result.digit !== null) {
    // Spaces between the spans keep the announced text "Recognised 7 93% sure", not "Recognised793%".
    content = html`<span class="visually-hidden">Recognised</span> <span class="digit">${result.digit}</span> <span class="long">${percent(result.confidence)} sure</span>`;
  } else if (shown === 'uncertain') {
    content = html`<span class="long">Can’t read that</span> <span class="short">Unclear</span>`;
  } else if (shown === 'empty') {
    content = html`<span>No digit</span>`;
  } else if (shown === 'error') {
    content = html`<span>Recognition unavailable</span>`;
  }
  return html`<div part="status" class="status ${shown}" role="status" aria-busy=${state === 'pending' ? 'true' : 'false'}>${content}</div>`;
}

/** The three most likely digits with probabilities, best first. */
export function candidatesTemplate(result: RecognizeResult | null): TemplateResult | typeof nothing {
  if (!result || result.status === 'empty') return nothing;
  const top = result.probabilities
    .map((p, i) => ({ label: String(i), p }))
    .sort((a, b) => b.p - a.p)
    .slice(0, 3);
  return html`<ol part="candidates" class="candidates" aria-label="Top candidates">
    ${top.map(
      ({ label, p }) => html`<li part="candidate" class="candidate">
        <b>${label}</b><span>${percent(p)}</span>
        <span class="bar" style=${styleMap({ '--p': String(p) })} aria-hidden="true"></span>
      </li>`,
    )}
  </ol>`;
}
