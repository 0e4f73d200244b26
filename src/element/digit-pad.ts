import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import { getDefaultModel, type RecognizeResult } from '../recognize.js';
import type { DigitModel } from '../model/load.js';
import { padEvent } from './events.js';
import { checkedNumber, numberAttribute, warnOnce } from './options.js';
import { DrawingSurface } from './drawing-surface.js';
import { RecognitionScheduler } from './recognition.js';
import {
  DEFAULT_STROKE_WIDTH, parseStrokeWidth, strokesToImageData,
  type Stroke, type StrokePoint, type StrokeWidth,
} from './stroke-renderer.js';
import { candidatesTemplate, resultLabel, statusTemplate, type PadState } from './status-view.js';
import { padStyles } from './styles.js';
import { FormControlElement } from './form-control.js';
import { parseStrokes, serializeStrokes } from './strokes.js';

const DEFAULT_DELAY = 400;
/** An ×: fits beside the status on pads as small as a PIN digit, where a word would wrap. */
const clearIcon = svg`<svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true"><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg>`;
const DEFAULT_MIN_CONFIDENCE = 0.5;
/** toImageData() size for a pad that is not laid out (display: none, detached). */
const FALLBACK_SIZE = 280;

/**
 * A pad to write one digit on by mouse, pen or finger. It reads the digit in the browser
 * (TensorFlow.js wasm, weights shipped next to the bundle) once the writer pauses, shows the
 * top candidates, and takes part in forms like an `<input>`.
 *
 * ```html
 * <script type="module" src="digit-pad.js"></script>
 * <form><digit-pad name="qty" label="Quantity" required></digit-pad></form>
 * ```
 *
 * It reads with the built-in digits model unless the `model` property holds another one, such as
 * a model from `train()` or `loadModel()`. With a model whose classes are not digits, `value`,
 * the status line and the candidates show the class names instead:
 *
 * ```js
 * const model = await train(samples, { classNames: ['yes', 'no'] });
 * pad.model = model; // re-reads what is on the pad; pad.value is now 'yes', 'no' or ''
 * pad.model = null;  // back to the built-in digits
 * ```
 *
 * @summary Handwritten digit input that works in forms.
 *
 * @fires digit-recognized - A drawing was read (also after `model` changes); `detail` is the SDK's `RecognizeResult`.
 * @fires digit-cleared - The pad became empty (clear button, Escape, `clear()`, undo of the last stroke).
 * @fires digit-error - Recognition failed (weights or wasm could not load); `detail` is the error.
 * @fires input - The user changed `value` (by drawing, clearing or undoing). Keyboard: Escape/Delete clear, Ctrl+Z/Backspace undo.
 * @fires change - Same moments as `input`: each recognised change is a committed value.
 *
 * @csspart pad - The drawing surface frame (border, background, radius).
 * @csspart canvas - The canvas strokes are drawn on (focusable).
 * @csspart placeholder - The hint shown on an empty pad.
 * @csspart clear-button - The × button that clears the pad (beside the status line).
 * @csspart status - The live region with the recognised digit (or class label) or the "No digit" state.
 * @csspart candidates - The list of the three most likely digits (or class labels).
 * @csspart candidate - One candidate: digit or label, probability and bar.
 *
 * @cssprop [--digit-pad-ink=#1b2230] - Stroke colour (light text on dark pads in dark mode).
 * @cssprop [--digit-pad-background=#fffef9] - Pad background.
 * @cssprop [--digit-pad-border=1px solid #c9ccd4] - Pad border.
 * @cssprop [--digit-pad-radius=12px] - Pad corner radius.
 * @cssprop [--digit-pad-stroke-width=6%] - Ink width: percent of the pad's shorter side, or `px`. The `stroke-width` attribute wins.
 * @cssprop [--digit-pad-accent=#2f6fde] - Focus ring and probability bars.
 * @cssprop [--digit-pad-muted=#5b6272] - Secondary text (placeholder, percentages).
 * @cssprop [--digit-pad-text=inherit] - Main text colour.
 * @cssprop [--digit-pad-warning=#a35200] - The "can't read that" status.
 * @cssprop [--digit-pad-error=#c0262d] - The "recognition unavailable" status.
 * @cssprop [--digit-pad-aspect-ratio=1] - Pad shape; the pad's width follows the element's width.
 */
export class DigitPad extends FormControlElement {
  static override styles = padStyles;
  static override shadowRootOptions: ShadowRootInit = { ...FormControlElement.shadowRootOptions, delegatesFocus: true };

  /** Accessible name of the drawing area; falls back to `aria-label`, a `<label for>`, then "Handwritten digit". */
  @property() label = '';
  /** Hint shown on an empty pad. */
  @property() placeholder = 'Write a digit';
  /** Milliseconds of pause after the last stroke before recognition runs (0–60000). */
  @property({ converter: numberAttribute }) delay: number = 400; // = DEFAULT_DELAY, literal for the manifest
  /** Below this probability (0–1) the pad reports "can't read" and `value` stays empty. */
  @property({ attribute: 'min-confidence', converter: numberAttribute }) minConfidence: number = 0.5; // = DEFAULT_MIN_CONFIDENCE
  /** Ink width: a number or `6%` (percent of the pad's shorter side) or `14px`. Overrides `--digit-pad-stroke-width`. */
  @property({ attribute: 'stroke-width' }) strokeWidth?: string | number;
  /** Hides the top-3 candidate list. */
  @property({ attribute: 'hide-candidates', type: Boolean, reflect: true }) hideCandidates = false;
  /**
   * The model that reads the drawing: a `DigitModel` from `train()` or `loadModel()`, or null for the
   * built-in digits model. Property only (no attribute). Assigning re-reads a drawing already on the
   * pad (firing `digit-recognized`, not `input`/`change`). With non-digit classes, `value`, the status
   * and the candidates use the class names. The pad never disposes the model.
   */
  @property({ attribute: false })
  get model(): DigitModel | null {
    return this._model;
  }
  set model(model: DigitModel | null) {
    const old = this._model;
    this._model = model ?? null;
    if (this._model === old) return;
    this.requestUpdate('model', old);
    // Another model: what is on the pad has to be read again, at once and with it (so a
    // `recognize()` right after the assignment is the read that counts). Not a user edit.
    if (this._strokes.length > 0 && !this._active) {
      this._reader.invalidate();
      this._state = 'pending';
      this._reader.schedule(0);
    }
  }

  /** @internal mirrored so a host `aria-label` names the focusable canvas inside the shadow root. */
  @property({ attribute: 'aria-label' }) private hostAriaLabel: string | null = null;

  @state() private _strokes: Stroke[] = [];
  @state() private _result: RecognizeResult | null = null;
  /** Class names of the model `_result` came from (null: the built-in digits), to label candidates. */
  private _resultClasses: readonly string[] | null = null;
  @state() private _state: PadState = 'empty';
  @query('canvas') private _canvasEl!: HTMLCanvasElement;

  private _model: DigitModel | null = null;
  private _active: Stroke | null = null;
  /** The pending change came from the user, so its outcome fires `input`/`change`. */
  private _userEdit = false;
  private _delayMs = DEFAULT_DELAY;
  private _minConfidence = DEFAULT_MIN_CONFIDENCE;
  private _strokeWidthAttr: StrokeWidth | null = null;
  private readonly _surface = new DrawingSurface(this, {
    canvas: () => this.renderRoot?.querySelector('canvas') ?? null,
    strokes: () => this._strokes,
    strokeWidth: () => this._strokeWidth(),
    input: {
      enabled: () => !this._isDisabled,
      start: (point) => this._startStroke(point),
      extend: (points) => this._extendStroke(points),
      end: () => this._endStroke(),
    },
  });
  private readonly _reader = new RecognitionScheduler(this, {
    image: () => this.toImageData(),
    minConfidence: () => this._minConfidence,
    model: () => this._model,
    result: (result, model) => this._apply(result, model),
    error: (error) => this._fail(error),
  });

  /**
   * The recognised digit as a string ('' when there is none), or with a custom `model` the recognised
   * class name. Only '' can be assigned (it clears), as with file inputs.
   */
  get value(): string {
    return resultLabel(this._result) ?? '';
  }
  set value(value: string) {
    if (value === '' || value === null) this.clear();
    else warnOnce(`value=${String(value)}`, `value can only be set to '' (to clear); a digit has to be written. Ignored "${String(value)}".`);
  }

  /** The last recognition result, or null for an empty pad. */
  get result(): RecognizeResult | null {
    return this._result;
  }

  /**
   * The drawing: one array of points per stroke, coordinates 0..1 across the pad's width and height.
   * Reading returns a copy; assigning redraws and recognises (no `input`/`change`: not a user edit).
   */
  get strokes(): Stroke[] {
    return this._strokes.map((stroke) => stroke.map((p) => ({ x: p.x, y: p.y })));
  }
  set strokes(strokes: Stroke[]) {
    this._setStrokes(parseStrokes(strokes), false);
  }

  /** Removes every stroke. */
  clear(): void {
    this._setStrokes([], false);
  }

  /** Removes the last stroke. */
  undo(): void {
    this._setStrokes(this._strokes.slice(0, -1), false);
  }

  /** Recognises the drawing now (skipping the pause) and resolves with the SDK result. */
  recognize(): Promise<RecognizeResult> {
    return this._reader.run();
  }

  /** The drawing as dark ink on white at the pad's CSS size: what recognition reads, whatever the theme. */
  toImageData(): ImageData {
    const size = this._surface.size;
    const [width, height] = size.width > 0 && size.height > 0 ? [size.width, size.height] : [FALLBACK_SIZE, FALLBACK_SIZE];
    return strokesToImageData(this._strokes, width, height, this._strokeWidth());
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('delay')) this._delayMs = checkedNumber('delay', this.delay, this.getAttribute('delay'), 0, 60_000, DEFAULT_DELAY, ' (milliseconds)');
    if (changed.has('minConfidence')) {
      this._minConfidence = checkedNumber('min-confidence', this.minConfidence, this.getAttribute('min-confidence'), 0, 1, DEFAULT_MIN_CONFIDENCE);
    }
    if (changed.has('strokeWidth')) {
      this._strokeWidthAttr = this.strokeWidth === undefined || this.strokeWidth === null ? null : parseStrokeWidth(this.strokeWidth);
      if (this.strokeWidth != null && !this._strokeWidthAttr) {
        warnOnce(`stroke-width=${this.strokeWidth}`, `stroke-width="${this.strokeWidth}" is not a width like 6, 6% or 14px; using the default.`);
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('strokeWidth')) this._surface.paint();
    this._syncForm();
  }

  override render() {
    const disabled = this._isDisabled;
    const empty = this._strokes.length === 0;
    const shownResult = this._state === 'empty' || this._state === 'error' ? null : this._result;
    return html`<div class=${classMap({ root: true, disabled })}>
      <div part="pad" class="pad">
        <canvas part="canvas" tabindex=${disabled ? '-1' : '0'} role="img" aria-roledescription="drawing pad"
          aria-label=${this._label()} aria-describedby="hint" aria-disabled=${disabled ? 'true' : 'false'}
          @keydown=${this._onKeyDown} @blur=${this._flush}></canvas>
        ${empty && this.placeholder
          ? html`<span part="placeholder" class="placeholder" aria-hidden="true">${this.placeholder}</span>`
          : nothing}
      </div>
      <div class="footer">
        ${statusTemplate(this._state, this._result)}
        <button part="clear-button" class="clear" type="button" title="Clear (Esc)" aria-label="Clear drawing"
          ?disabled=${disabled || empty} @click=${this._onClearClick}>${clearIcon}</button>
      </div>
      ${this.hideCandidates ? nothing : candidatesTemplate(shownResult, this._resultClasses)}
      <span id="hint" hidden>Draw one digit with a mouse, pen or finger. Escape clears, Control+Z or Backspace undoes the last stroke.</span>
    </div>`;
  }

  /** Like native inputs, a reset empties the pad silently (no events). */
  formResetCallback(): void {
    this._reader.invalidate();
    this._active = null;
    this._userEdit = false;
    this._strokes = [];
    this._result = null;
    this._state = 'empty';
    this._syncForm();
    this._surface.paint();
  }

  /** Back/forward navigation and autofill hand back the strokes saved with the form value; redraw and re-read them. */
  formStateRestoreCallback(state: unknown): void {
    if (typeof state !== 'string') return;
    try {
      this._setStrokes(parseStrokes(JSON.parse(state)), false, 0);
    } catch {
      // A state saved by another version of the pad: start empty rather than fail.
    }
  }

  private _label(): string {
    return this.label || this.hostAriaLabel || this._labelText || 'Handwritten digit';
  }

  private _startStroke(point: StrokePoint): void {
    this._reader.invalidate();
    this._userEdit = true;
    this._active = [point];
    this._strokes = [...this._strokes, this._active];
    this._state = 'pending';
    // Focus (for Escape/Ctrl+Z and flush-on-blur) without the keyboard focus ring: Chrome shows
    // :focus-visible for script focus even when a pointer caused it.
    this._canvasEl.classList.add('pointer-focus');
    this._canvasEl.focus({ preventScroll: true });
    if (!this._model) getDefaultModel().catch(() => {}); // warm up while the user writes; failures surface on recognition
    this._surface.requestPaint();
  }

  private _extendStroke(points: StrokePoint[]): void {
    if (!this._active) return;
    this._active.push(...points);
    this._surface.requestPaint();
  }

  private _endStroke(): void {
    if (!this._active) return;
    this._active = null;
    this._reader.schedule(this._delayMs);
  }

  /** Replaces the drawing (clear, undo, assignment, restore) and brings value and events in line. */
  private _setStrokes(strokes: Stroke[], user: boolean, delay = 0): void {
    const hadStrokes = this._strokes.length > 0;
    const before = this.value;
    this._reader.invalidate();
    this._active = null;
    this._strokes = strokes;
    this._surface.paint();
    if (strokes.length > 0) {
      this._userEdit ||= user;
      this._state = 'pending';
      this._reader.schedule(delay);
      return;
    }
    this._result = null;
    this._state = 'empty';
    this._userEdit = false;
    this._syncForm();
    if (hadStrokes) this.dispatchEvent(padEvent('digit-cleared', undefined));
    if (user && before !== '') this._fireValueEvents();
  }

  /** Runs a pending recognition at once, e.g. when focus moves to a submit button. */
  private _flush = (): void => {
    this._canvasEl.classList.remove('pointer-focus');
    if (this._reader.scheduled && !this._active) this._reader.schedule(0);
  };

  private _apply(result: RecognizeResult, model: DigitModel | null): void {
    const before = this.value;
    const user = this._userEdit;
    this._userEdit = false;
    this._result = result.status === 'empty' ? null : result;
    this._resultClasses = model ? model.classNames : null;
    this._state = result.status === 'ok' ? 'ok' : result.status === 'uncertain' ? 'uncertain' : 'empty';
    this._syncForm();
    if (result.status !== 'empty') this.dispatchEvent(padEvent('digit-recognized', result));
    if (user && this.value !== before) this._fireValueEvents();
  }

  private _fail(error: Error): void {
    // A result for an older drawing must not stay submittable once this one can't be read.
    this._result = null;
    this._state = 'error';
    this._syncForm();
    this.dispatchEvent(padEvent('digit-error', error));
  }

  private _fireValueEvents(): void {
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** Form value is the digit (or class name); the strokes ride along as state so navigation can restore the drawing. */
  private _syncForm(): void {
    this._internals.setFormValue(this.value, this._strokes.length > 0 ? serializeStrokes(this._strokes) : null);
    const anchor = this._canvasEl ?? undefined;
    if (this._strokes.length > 0 && this._state === 'uncertain') {
      const what = this._classesText();
      this._internals.setValidity({ badInput: true }, what ? `That doesn’t look like ${what}. Please write it again.` : 'That doesn’t look like a digit. Please write it again.', anchor);
    } else if (this.required && this.value === '') {
      const what = this._classesText();
      this._internals.setValidity({ valueMissing: true }, what ? `Please write ${what}.` : 'Please write a digit.', anchor);
    } else {
      this._internals.setValidity({});
    }
  }

  /** For messages: "one of: yes, no" when the model's classes are not the digits, else null. */
  private _classesText(): string | null {
    const classes = this._model?.classNames;
    if (!classes || classes.every((name) => /^[0-9]$/.test(name))) return null;
    const shown = classes.length > 8 ? [...classes.slice(0, 8), '…'] : classes;
    return `one of: ${shown.join(', ')}`;
  }

  private _onKeyDown = (event: KeyboardEvent): void => {
    this._canvasEl.classList.remove('pointer-focus'); // keyboard use: show the focus ring again
    if (this._isDisabled || this._active) return;
    if (event.key === 'Escape' || event.key === 'Delete') {
      if (this._strokes.length === 0) return; // let Escape reach dialogs when there is nothing to clear
      event.preventDefault();
      this._setStrokes([], true);
    } else if (event.key === 'Backspace' || ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z')) {
      // Backspace takes back the last thing written, as in a text field.
      if (this._strokes.length === 0) return;
      event.preventDefault();
      this._setStrokes(this._strokes.slice(0, -1), true);
    }
  };

  private _onClearClick = (): void => {
    this._setStrokes([], true);
    this._canvasEl.focus(); // the button hides once the pad is empty; keep focus on the pad
  };

  /** The `stroke-width` attribute, else `--digit-pad-stroke-width`, else 6% of the shorter side. */
  private _strokeWidth(): StrokeWidth {
    if (this._strokeWidthAttr) return this._strokeWidthAttr;
    const custom = this.isConnected ? getComputedStyle(this).getPropertyValue('--digit-pad-stroke-width').trim() : '';
    if (!custom) return DEFAULT_STROKE_WIDTH;
    const parsed = parseStrokeWidth(custom);
    if (!parsed) warnOnce(`--digit-pad-stroke-width=${custom}`, `--digit-pad-stroke-width: ${custom} is not a width like 6%, 6 or 14px; using the default.`);
    return parsed ?? DEFAULT_STROKE_WIDTH;
  }
}

// Guarded so a second copy of the bundle on the page (or a page that defined it first) is harmless.
if (globalThis.customElements && !customElements.get('digit-pad')) customElements.define('digit-pad', DigitPad);

declare global {
  interface HTMLElementTagNameMap {
    'digit-pad': DigitPad;
  }
}
