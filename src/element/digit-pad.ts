import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { classMap } from 'lit/directives/class-map.js';
import type { RecognizeResult } from '../recognize.js';
import { readCheckedStrokes } from '../recognize-strokes.js';
import { recognizeNumber, type NumberResult } from '../segment/number.js';
import type { DigitModel } from '../model/load.js';
import { padEvent, recognizedEvent } from './events.js';
import { checkedNumber, numberAttribute, warnOnce } from './options.js';
import { DrawingSurface } from './drawing-surface.js';
import { RecognitionScheduler } from './recognition.js';
import {
  DEFAULT_STROKE_WIDTH, lineWidthFor, parseStrokeWidth, strokesToImageData,
  type Stroke, type StrokePoint, type StrokeWidth,
} from './stroke-renderer.js';
import {
  boxesTemplate, candidatesTemplate, digitListTemplate, digitReading, numberReading, resultLabel, statusTemplate,
  type NumberReading, type PadState,
} from './status-view.js';
import { padStyles } from './styles.js';
import { FormControlElement } from './form-control.js';
import { parseStrokes } from './strokes.js';
import { FormSync, padValidity } from './form-sync.js';
import { keyCommand, typedResult, typedTemplate, type TypedResult } from './typing.js';
import { warmUp, warmUpWhenIdle } from './warm-up.js';

const DEFAULT_DELAY = 400;
/** An ×: fits beside the status on pads as small as a PIN digit, where a word would wrap. */
const clearIcon = svg`<svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true"><path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" stroke-width="1.8" stroke-linecap="round"/></svg>`;
const DEFAULT_MIN_CONFIDENCE = 0.5;
/** toImageData() size for a pad that is not laid out (display: none, detached). */
const FALLBACK_SIZE = 280;
/** Most digits a `digits` pad can ask for. */
const MAX_DIGITS = 32;
/** Pad width per digit over its height, for the default shape of a `digits` pad. */
const DIGIT_ASPECT = 0.8;
/** Default shape of a `multiple` pad: room for about four digits. */
const MULTIPLE_ASPECT = 4 * DIGIT_ASPECT;
const DEFAULT_PLACEHOLDER = 'Write a digit';

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
 * **Whole numbers.** `digits="4"` (a PIN, a year) or `multiple` (any number of digits) makes one wide
 * pad for a number written left to right, digits side by side with a small gap. The drawing is then
 * read with the SDK's `recognizeNumber()`, digits grouped by stroke; `value` is the whole string
 * ('2026'), `result` and the `digit-recognized` detail are the `NumberResult`, the candidates list
 * shows each digit with its confidence, and `show-boxes` outlines the digits found. With `digits`,
 * a `required` pad is valid only with exactly that many digits. The default shape becomes
 * `digits × 0.8 : 1` (`multiple`: 3.2 : 1) and the default width 22rem; `--digit-pad-aspect-ratio`
 * and the element's width still win.
 *
 * ```html
 * <digit-pad name="year" digits="4" required show-boxes label="Year"></digit-pad>
 * <digit-pad name="amount" multiple label="Amount"></digit-pad>
 * ```
 *
 * **Typing instead of writing.** Someone who cannot draw (keyboard only, switch access, a screen
 * reader) types the digits with the pad focused: 0–9 sets the value as typed (on a `digits`/`multiple`
 * pad each digit is appended, up to `digits`), Backspace removes the last digit typed, Delete and
 * Escape clear. The pad shows the digits, the status announces "Typed 7", and forms see the same
 * value and validity as after writing it. `result` is then a `TypedResult` (`source: 'typed'`, no
 * probabilities: nothing was recognised), and `digit-recognized` does not fire (`input` and `change`
 * do). Writing on the pad replaces what was typed and typing replaces a drawing. `no-typing` turns
 * typing off for pages that must have handwriting; a `model` with other classes than digits has none.
 *
 * @summary Handwritten digit input that works in forms.
 *
 * @fires digit-recognized - A drawing was read (also after `model` changes); `detail` is the SDK's `RecognizeResult` (`mode` 'digit'), or with `digits`/`multiple` its `NumberResult` (`mode` 'number').
 * @fires digit-cleared - The pad became empty (clear button, Escape, `clear()`, undo of the last stroke).
 * @fires digit-error - Recognition failed (weights or wasm could not load); `detail` is the error.
 * @fires input - The user changed `value` (by drawing, typing, clearing or undoing). Keyboard: 0–9 type, Escape/Delete clear, Ctrl+Z/Backspace undo the last stroke (Backspace: the last digit typed).
 * @fires change - Same moments as `input`: each recognised change is a committed value.
 *
 * @csspart pad - The drawing surface frame (border, background, radius).
 * @csspart canvas - The canvas strokes are drawn on (focusable).
 * @csspart placeholder - The hint shown on an empty pad.
 * @csspart clear-button - The × button that clears the pad (beside the status line).
 * @csspart status - The live region with the recognised digit (or class label) or the "No digit" state.
 * @csspart candidates - The list of the three most likely digits (or class labels); with `digits`/`multiple`, each digit read.
 * @csspart candidate - One candidate: digit or label, probability and bar.
 * @csspart box - With `show-boxes`: the outline around one digit found in a number.
 * @csspart typed - The digits typed on the pad (an SVG over the canvas).
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
 * @cssprop [--digit-pad-aspect-ratio=1] - Pad shape; the pad's width follows the element's width. Default with `digits`: digits × 0.8; with `multiple`: 3.2.
 */
export class DigitPad extends FormControlElement {
  static override styles = padStyles;
  static override shadowRootOptions: ShadowRootInit = { ...FormControlElement.shadowRootOptions, delegatesFocus: true };

  /** Accessible name of the drawing area; falls back to `aria-label`, a `<label for>`, then "Handwritten digit". */
  @property() label = '';
  /** Hint shown on an empty pad. With `digits`/`multiple` the default reads "Write 4 digits" or "Write a number". */
  @property() placeholder = 'Write a digit';
  /** Milliseconds of pause after the last stroke before recognition runs (0–60000). */
  @property({ converter: numberAttribute }) delay: number = 400; // = DEFAULT_DELAY, literal for the manifest
  /** Below this probability (0–1) the pad reports "can't read" and `value` stays empty (with `digits`/`multiple`: for any one digit). */
  @property({ attribute: 'min-confidence', converter: numberAttribute }) minConfidence: number = 0.5; // = DEFAULT_MIN_CONFIDENCE
  /** Ink width: a number or `6%` (percent of the pad's shorter side) or `14px`. Overrides `--digit-pad-stroke-width`. */
  @property({ attribute: 'stroke-width' }) strokeWidth?: string | number;
  /** Hides the top-3 candidate list. */
  @property({ attribute: 'hide-candidates', type: Boolean, reflect: true }) hideCandidates = false;
  /**
   * How many digits to write on this one pad (a positive integer up to 32; default 1). Above 1 the pad
   * reads a whole number and, when `required`, is valid only with exactly this many digits.
   */
  @property({ converter: numberAttribute }) digits: number = 1;
  /** Any number of digits on one pad, read as a whole number; wins over `digits`. */
  @property({ type: Boolean, reflect: true }) multiple = false;
  /** Turns off typing 0–9 on the focused pad, for pages that must have handwriting. */
  @property({ attribute: 'no-typing', type: Boolean, reflect: true }) noTyping = false;
  /** With `digits`/`multiple`: outlines each digit found over the drawing. */
  @property({ attribute: 'show-boxes', type: Boolean, reflect: true }) showBoxes = false;
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
  /** Digits typed instead of written (null: none; the pad then holds strokes or nothing). */
  @state() private _typed: string | null = null;
  private _typedResult: TypedResult | null = null;
  @state() private _result: RecognizeResult | null = null;
  /** The last reading in number mode (`digits` > 1 or `multiple`). */
  @state() private _number: NumberReading | null = null;
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
  private _digits = 1;
  /** `digits` > 1 or `multiple`, as of the last update. */
  private _numberMode = false;
  /** Size of the image each number result was read from, for its boxes (the pad may resize meanwhile). */
  private readonly _readSizes = new WeakMap<NumberResult, [number, number]>();
  private readonly _form = new FormSync(this._internals);
  private readonly _surface = new DrawingSurface(this, {
    canvas: () => this.renderRoot?.querySelector('canvas') ?? null,
    strokes: () => this._strokes,
    strokeWidth: () => this._strokeWidth(),
    input: {
      enabled: () => !this._isDisabled,
      start: (point) => this._startStroke(point),
      extend: (points) => this._extendStroke(points),
      end: (cancelled) => this._endStroke(cancelled),
    },
  });
  private readonly _reader = new RecognitionScheduler<RecognizeResult | NumberResult>(this, {
    read: (model) => this._read(model),
    model: () => this._model,
    result: (result, model) => this._apply(result, model),
    error: (error) => this._fail(error),
  });

  /**
   * The recognised digit as a string ('' when there is none), or with a custom `model` the recognised
   * class name; with `digits`/`multiple` the whole number ('2026'). Only '' can be assigned (it
   * clears), as with file inputs.
   */
  get value(): string {
    if (this._typed !== null) return this._typed;
    if (this._isNumber) return this._number?.ok ? this._number.result.value : '';
    return resultLabel(this._result) ?? '';
  }
  set value(value: string) {
    if (value === '' || value === null) this.clear();
    else warnOnce(`value=${String(value)}`, `value can only be set to '' (to clear); a digit has to be written. Ignored "${String(value)}".`);
  }

  /**
   * The last recognition result, or null for an empty pad; with `digits`/`multiple` the `NumberResult`;
   * after typing a `TypedResult` (`source: 'typed'`).
   */
  get result(): RecognizeResult | NumberResult | TypedResult | null {
    if (this._typed !== null) return (this._typedResult ??= typedResult(this._typed, this._isNumber));
    return this._isNumber ? this._number?.result ?? null : this._result;
  }

  /**
   * The drawing: one array of points per stroke, coordinates 0..1 across the pad's width and height.
   * Reading returns a copy; assigning redraws and recognises (no `input`/`change`: not a user edit).
   * A malformed drawing throws a `DigitPadError` (`INVALID_INPUT`) and leaves the pad as it was.
   */
  get strokes(): Stroke[] {
    return this._strokes.map((stroke) => stroke.map((p) => ({ x: p.x, y: p.y })));
  }
  set strokes(strokes: Stroke[]) {
    this._setStrokes(parseStrokes(strokes), false);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The wasm, weights and verifier load while the page is idle, not when the first digit is read.
    warmUpWhenIdle(() => this._needs());
  }

  /** What this pad reads with, for the warm-up. */
  private _needs() {
    return { digitsModel: !this._model, number: this._isNumber };
  }

  /** Removes every stroke. */
  clear(): void {
    this._setStrokes([], false);
  }

  /** Removes the last stroke (or the last digit typed). */
  undo(): void {
    if (this._typed !== null) this._type(this._typed.slice(0, -1), false);
    else this._setStrokes(this._strokes.slice(0, -1), false);
  }

  /** Recognises the drawing now (skipping the pause) and resolves with the SDK result. */
  recognize(): Promise<RecognizeResult | NumberResult> {
    return this._reader.run();
  }

  /** The drawing as dark ink on white at the pad's CSS size, whatever the theme (number pads read this; one-digit pads read the strokes, pen normalised). */
  toImageData(): ImageData {
    const [width, height] = this._imageSize();
    return strokesToImageData(this._strokes, width, height, this._strokeWidth());
  }

  /** Reads more than one digit: `digits` above 1, or `multiple`. */
  private get _isNumber(): boolean {
    return this._numberMode;
  }

  /** CSS size of the image recognition reads (what toImageData() renders). */
  private _imageSize(): [number, number] {
    const size = this._surface.size;
    if (size.width > 0 && size.height > 0) return [size.width, size.height];
    const ratio = this._isNumber ? (this.multiple ? MULTIPLE_ASPECT : this._digits * DIGIT_ASPECT) : 1;
    return [Math.round(FALLBACK_SIZE * ratio), FALLBACK_SIZE];
  }

  /** One read of the drawing as it is now: one digit, or the whole number grouped by stroke. */
  private async _read(model: DigitModel | null): Promise<RecognizeResult | NumberResult> {
    const [cssWidth, cssHeight] = this._imageSize();
    if (!this._isNumber) {
      // The strokes themselves, re-rendered with the pen the model was trained for: the pad's
      // pen width and the digit's size do not change the answer.
      return readCheckedStrokes(this._strokes, this._minConfidence, model ?? undefined, cssWidth, cssHeight);
    }
    const image = this.toImageData();
    const { width, height } = image;
    const strokes = this._strokes.map((stroke) => stroke.map((p) => ({ x: p.x * width, y: p.y * height })));
    const strokeWidth = lineWidthFor(this._strokeWidth(), width, height);
    const result = await recognizeNumber(image, { strokes, strokeWidth, ...(model ? { model } : {}) });
    this._readSizes.set(result, [width, height]);
    return result;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('delay')) this._delayMs = checkedNumber('delay', this.delay, this.getAttribute('delay'), 0, 60_000, DEFAULT_DELAY, ' (milliseconds)');
    if (changed.has('minConfidence')) {
      this._minConfidence = checkedNumber('min-confidence', this.minConfidence, this.getAttribute('min-confidence'), 0, 1, DEFAULT_MIN_CONFIDENCE);
    }
    if (changed.has('digits') || changed.has('multiple')) {
      const wasNumber = this._numberMode;
      this._digits = this._checkedDigits();
      this._numberMode = this.multiple || this._digits > 1;
      if (wasNumber !== this._numberMode && this.hasUpdated) this._reread();
      this._fitTyped();
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
    if (changed.has('digits') || changed.has('multiple')) {
      // The default shape, as a private custom property under the public one (CSSOM: CSP-safe).
      const pad = this.renderRoot.querySelector<HTMLElement>('.pad');
      if (this._isNumber) pad?.style.setProperty('--_shape', String(this.multiple ? MULTIPLE_ASPECT : this._digits * DIGIT_ASPECT));
      else pad?.style.removeProperty('--_shape');
      // :state(number) widens the host, however `digits` was set and only when its value is valid.
      try {
        if (this._isNumber) this._internals.states?.add('number');
        else this._internals.states?.delete('number');
      } catch {
        // No CustomStateSet: the pad keeps the one-digit default width.
      }
    }
    this._syncForm();
  }

  /** `digits` as a whole number from 1 to 32; anything else warns once and means 1. */
  private _checkedDigits(): number {
    const raw = this.getAttribute('digits');
    const n = checkedNumber('digits', this.digits, raw, 1, MAX_DIGITS, 1);
    if (Number.isInteger(n)) return n;
    warnOnce(`digits=${raw ?? n}`, `digits="${raw ?? n}" is not a whole number from 1 to ${MAX_DIGITS}; using 1.`);
    return 1;
  }

  /** Typing is on unless `no-typing`, and only while the model reads digits (not a custom model's classes). */
  private get _typingOn(): boolean {
    return !this.noTyping && this._classesText() === null;
  }

  /** Longest value that can be typed: 1, `digits`, or 32 with `multiple`. */
  private get _maxTyped(): number {
    return this.multiple ? MAX_DIGITS : this._digits;
  }

  /** After `digits`/`multiple` change, a typed value too long for the pad is dropped (not a user edit). */
  private _fitTyped(): void {
    this._typedResult = null;
    if (this._typed !== null && this._typed.length > this._maxTyped) this._setStrokes([], false);
  }

  /** One digit ↔ a number: what is on the pad is read again the other way (not a user edit). */
  private _reread(): void {
    this._reader.invalidate();
    this._result = null;
    this._number = null;
    if (this._strokes.length > 0 && !this._active) {
      this._state = 'pending';
      this._reader.schedule(0);
    }
  }

  override render() {
    const disabled = this._isDisabled;
    const typed = this._typed;
    const empty = this._strokes.length === 0 && typed === null;
    const number = this._isNumber;
    const typing = this._typingOn;
    const hidden = this._state === 'empty' || this._state === 'error';
    const shownResult = hidden ? null : this._result;
    const shownNumber = hidden ? null : this._number;
    const placeholder = number && this.placeholder === DEFAULT_PLACEHOLDER
      ? (this.multiple ? 'Write a number' : `Write ${this._digits} digits`)
      : this.placeholder;
    let candidates: unknown = nothing;
    if (!this.hideCandidates && typed === null) candidates = number ? digitListTemplate(shownNumber?.result ?? null) : candidatesTemplate(shownResult, this._resultClasses);
    return html`<div class=${classMap({ root: true, disabled, number })}>
      <div part="pad" class="pad">
        <canvas part="canvas" tabindex=${disabled ? '-1' : '0'} role=${typing ? 'application' : 'img'} aria-roledescription="drawing pad"
          aria-label=${this._label()} aria-describedby="hint" aria-disabled=${disabled ? 'true' : 'false'}
          @keydown=${this._onKeyDown} @blur=${this._flush}></canvas>
        ${typed !== null ? typedTemplate(typed, this._aspect()) : nothing}
        ${number && this.showBoxes && shownNumber && !empty ? boxesTemplate(shownNumber.result, shownNumber.width, shownNumber.height) : nothing}
        ${empty && placeholder
          ? html`<span part="placeholder" class="placeholder" aria-hidden="true">${placeholder}</span>`
          : nothing}
      </div>
      <div class="footer">
        ${statusTemplate(this._state, typed !== null ? { ok: true, label: typed, confidence: 1 } : number ? numberReading(this._number) : digitReading(this._result), number ? 'No number' : 'No digit')}
        <button part="clear-button" class="clear" type="button" title="Clear (Esc)" aria-label="Clear drawing"
          ?disabled=${disabled || empty} @click=${this._onClearClick}>${clearIcon}</button>
      </div>
      ${candidates}
      <span id="hint" hidden>${number
        ? `Write ${this.multiple ? 'a number' : `${this._digits} digits`} from left to right with a mouse, pen or finger, a small gap between digits.`
        : 'Draw one digit with a mouse, pen or finger.'}${typing ? ` Or type ${number ? 'the digits' : 'the digit'}.` : ''} Escape clears, Control+Z or Backspace undoes the last stroke.</span>
    </div>`;
  }

  /** Like native inputs, a reset empties the pad silently (no events). */
  formResetCallback(): void {
    this._reader.invalidate();
    this._active = null;
    this._userEdit = false;
    this._strokes = [];
    this._typed = null;
    this._typedResult = null;
    this._result = null;
    this._number = null;
    this._state = 'empty';
    this._syncForm();
    this._surface.paint();
  }

  /** Back/forward navigation and autofill hand back the strokes saved with the form value; redraw and re-read them. */
  formStateRestoreCallback(state: unknown): void {
    if (typeof state !== 'string') return;
    try {
      const saved: unknown = JSON.parse(state);
      const typed = (saved as { typed?: unknown } | null)?.typed;
      if (typeof typed === 'string') {
        if (/^[0-9]+$/.test(typed) && typed.length <= this._maxTyped) this._type(typed, false);
        return;
      }
      this._setStrokes(parseStrokes(saved), false, 0);
    } catch {
      // A state saved by another version of the pad: start empty rather than fail.
    }
  }

  private _label(): string {
    return this.label || this.hostAriaLabel || this._labelText || (this._isNumber ? 'Handwritten number' : 'Handwritten digit');
  }

  private _startStroke(point: StrokePoint): void {
    this._reader.invalidate();
    if (this._typed !== null) {
      // Writing replaces what was typed; the drawing's reading decides the value and its events.
      this._typed = null;
      this._typedResult = null;
      this._syncForm();
    }
    this._userEdit = true;
    this._active = [point];
    this._strokes = [...this._strokes, this._active];
    this._state = 'pending';
    // Focus (for Escape/Ctrl+Z and flush-on-blur) without the keyboard focus ring: Chrome shows
    // :focus-visible for script focus even when a pointer caused it.
    this._canvasEl.classList.add('pointer-focus');
    this._canvasEl.focus({ preventScroll: true });
    void warmUp(this._needs()); // at the latest while the user writes (a no-op once loaded); failures surface on recognition
    this._surface.requestPaint();
  }

  private _extendStroke(points: StrokePoint[]): void {
    if (!this._active) return;
    this._active.push(...points);
    this._surface.requestPaint();
  }

  private _endStroke(cancelled = false): void {
    const active = this._active;
    if (!active) return;
    this._active = null;
    if (cancelled) {
      // The browser or OS took the pointer mid-stroke (a system gesture, a palm): the cut-short
      // stroke was not meant, so it goes; the strokes before it stay and are read as before.
      this._strokes = this._strokes.filter((stroke) => stroke !== active);
      this._surface.paint();
      if (this._strokes.length === 0) {
        this._userEdit = false;
        this._state = 'empty';
        this._syncForm();
        return;
      }
    }
    this._strokesState(); // serialised while the writer pauses, not in the read
    this._reader.schedule(this._delayMs);
  }

  /** Replaces the drawing (clear, undo, assignment, restore) and brings value and events in line. */
  private _setStrokes(strokes: Stroke[], user: boolean, delay = 0): void {
    const hadStrokes = this._strokes.length > 0 || this._typed !== null;
    const before = this.value;
    this._typed = null;
    this._typedResult = null;
    this._reader.invalidate();
    this._active = null;
    this._strokes = strokes;
    this._surface.paint();
    if (strokes.length > 0) {
      this._userEdit ||= user;
      this._state = 'pending';
      this._strokesState(); // the form state of the new drawing, ready before it is read
      this._reader.schedule(delay);
      return;
    }
    this._result = null;
    this._number = null;
    this._state = 'empty';
    this._userEdit = false;
    this._syncForm();
    if (hadStrokes) this.dispatchEvent(padEvent('digit-cleared', undefined));
    if (user && before !== '') this._fireValueEvents();
  }

  /**
   * Puts typed digits on the pad in place of any drawing ('' empties it). Nothing is recognised, so
   * `digit-recognized` does not fire; a user's typing fires `input` and `change`.
   */
  private _type(typed: string, user: boolean): void {
    if (typed === '') {
      this._setStrokes([], user);
      return;
    }
    const before = this.value;
    this._reader.invalidate();
    this._active = null;
    this._strokes = [];
    this._result = null;
    this._number = null;
    this._typed = typed;
    this._typedResult = null;
    this._state = 'typed';
    this._userEdit = false;
    this._surface.paint();
    this._syncForm();
    if (user && this.value !== before) this._fireValueEvents();
  }

  /** The pad's width over its height, for the typed digits' layout. */
  private _aspect(): number {
    const [width, height] = this._imageSize();
    return width / height;
  }

  /** Runs a pending recognition at once, e.g. when focus moves to a submit button. */
  private _flush = (): void => {
    this._canvasEl.classList.remove('pointer-focus');
    if (this._reader.scheduled && !this._active) this._reader.schedule(0);
  };

  private _apply(result: RecognizeResult | NumberResult, model: DigitModel | null): void {
    if ('digits' in result) {
      this._applyNumber(result);
      return;
    }
    const before = this.value;
    const user = this._userEdit;
    this._userEdit = false;
    this._result = result.status === 'empty' ? null : result;
    this._resultClasses = model ? model.classNames : null;
    this._state = result.status === 'ok' ? 'ok' : result.status === 'uncertain' ? 'uncertain' : 'empty';
    this._syncForm();
    if (result.status !== 'empty') this.dispatchEvent(recognizedEvent('digit', result));
    if (user && this.value !== before) this._fireValueEvents();
  }

  /**
   * A number counts when every digit was read as a class with at least `min-confidence`; one unclear
   * digit makes the whole number unclear (value ''), as one unclear digit does on a one-digit pad.
   */
  private _applyNumber(result: NumberResult): void {
    const before = this.value;
    const user = this._userEdit;
    this._userEdit = false;
    const ok = result.digits.length > 0 && result.digits.every((d) => d.confidence >= this._minConfidence);
    const [width, height] = this._readSizes.get(result) ?? this._imageSize();
    this._number = { result, ok, width, height };
    this._state = ok ? 'ok' : 'uncertain';
    this._syncForm();
    this.dispatchEvent(recognizedEvent('number', result));
    if (user && this.value !== before) this._fireValueEvents();
  }

  private _fail(error: Error): void {
    // A result for an older drawing must not stay submittable once this one can't be read.
    this._result = null;
    this._number = null;
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
    const state = this._typed !== null ? JSON.stringify({ typed: this._typed }) : this._strokes.length > 0 ? this._strokesState() : null;
    const value = this.value;
    const validity = padValidity({
      value, required: this.required, drawn: this._strokes.length > 0, uncertain: this._state === 'uncertain',
      classes: this._classesText(), digits: this._isNumber ? (this.multiple ? null : this._digits) : 1,
    });
    this._form.sync(value, state, validity, this._canvasEl ?? undefined);
  }

  private _strokesState(): string {
    return this._form.strokesState(this._strokes);
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
    const command = keyCommand(event, { typing: this._typingOn, typed: this._typed, maxTyped: this._maxTyped, strokes: this._strokes.length });
    if (!command) return;
    event.preventDefault();
    if (command.kind === 'type') {
      if (command.typed !== this._typed) this._type(command.typed, true);
    } else {
      this._setStrokes(command.kind === 'clear' ? [] : this._strokes.slice(0, -1), true);
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
