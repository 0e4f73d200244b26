import { html, nothing, svg, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { PadContent } from './pad-content.js';
import { DEFAULT_PLACEHOLDER } from './pad-settings.js';
import { boxesTemplate, candidatesTemplate, digitListTemplate, digitReading, numberReading, statusTemplate } from './status-view.js';
import { typedTemplate } from './typing.js';

/** An ×: fits beside the status on pads as small as a PIN digit, where a word would wrap. */
const clearIcon = svg`<svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true"><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg>`;

/** What the pad's shadow DOM is made from. */
export interface PadView {
  content: Pick<PadContent, 'strokes' | 'typed' | 'state' | 'reading' | 'number' | 'readingClasses'>;
  disabled: boolean;
  /** Reads a number (`digits` above 1, or `multiple`) rather than one digit. */
  number: boolean;
  multiple: boolean;
  digits: number;
  /** Typing 0–9 is on. */
  typing: boolean;
  /** Accessible name of the canvas ('' for the default one). */
  label: string;
  placeholder: string;
  hideCandidates: boolean;
  showBoxes: boolean;
  /** CSS size of the pad, for the typed digits' layout. */
  size(): [number, number];
  // The same functions on every render: Lit removes and re-adds a listener whose function changed.
  onKeyDown(event: KeyboardEvent): void;
  onBlur(): void;
  onClear(): void;
}

const aspect = ([width, height]: [number, number]) => width / height;

/**
 * The pad: the canvas with typed digits, digit boxes or the placeholder over it, then the status
 * and clear button, the candidates, and the hint the canvas is described by.
 */
export function padTemplate(view: PadView): TemplateResult<1> {
  const { content, disabled, number, typing } = view;
  const { typed, state } = content;
  const empty = content.strokes.length === 0 && typed === null;
  const hidden = state === 'empty' || state === 'error';
  const shownResult = hidden ? null : content.reading;
  const shownNumber = hidden ? null : content.number;
  const placeholder = number && view.placeholder === DEFAULT_PLACEHOLDER
    ? (view.multiple ? 'Write a number' : `Write ${view.digits} digits`)
    : view.placeholder;
  let candidates: unknown = nothing;
  if (!view.hideCandidates && typed === null) candidates = number ? digitListTemplate(shownNumber?.result ?? null) : candidatesTemplate(shownResult, content.readingClasses);
  return html`<div class=${classMap({ root: true, disabled, number })}>
      <div part="pad" class="pad">
        <canvas part="canvas" tabindex=${disabled ? '-1' : '0'} role=${typing ? 'application' : 'img'} aria-roledescription="drawing pad"
          aria-label=${view.label || (number ? 'Handwritten number' : 'Handwritten digit')} aria-describedby="hint" aria-disabled=${disabled ? 'true' : 'false'}
          @keydown=${view.onKeyDown} @blur=${view.onBlur}></canvas>
        ${typed !== null ? typedTemplate(typed, aspect(view.size())) : nothing}
        ${number && view.showBoxes && shownNumber && !empty ? boxesTemplate(shownNumber.result, shownNumber.width, shownNumber.height) : nothing}
        ${empty && placeholder
          ? html`<span part="placeholder" class="placeholder" aria-hidden="true">${placeholder}</span>`
          : nothing}
      </div>
      <div class="footer">
        ${statusTemplate(state, typed !== null ? { ok: true, label: typed, confidence: 1 } : number ? numberReading(content.number) : digitReading(content.reading), number ? 'No number' : 'No digit')}
        <button part="clear-button" class="clear" type="button" title="Clear (Esc)" aria-label="Clear drawing"
          ?disabled=${disabled || empty} @click=${view.onClear}>${clearIcon}</button>
      </div>
      ${candidates}
      <span id="hint" hidden>${number
        ? `Write ${view.multiple ? 'a number' : `${view.digits} digits`} from left to right with a mouse, pen or finger, a small gap between digits.`
        : 'Draw one digit with a mouse, pen or finger.'}${typing ? ` Or type ${number ? 'the digits' : 'the digit'}.` : ''} Escape clears, Control+Z or Backspace undoes the last stroke.</span>
    </div>`;
}
