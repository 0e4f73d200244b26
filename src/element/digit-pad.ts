import type { PropertyValues } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { RecognizeResult } from '../recognize.js';
import type { NumberResult } from '../segment/number.js';
import type { DigitModel } from '../model/load.js';
import { numberAttribute, warnOnce } from './options.js';
import { DrawingSurface } from './drawing-surface.js';
import { DrawingReader } from './drawing-reader.js';
import type { Stroke } from './stroke-renderer.js';
import { padStyles } from './styles.js';
import { FormControlElement } from './form-control.js';
import { parseStrokes } from './strokes.js';
import { classesText, padValidity } from './form-sync.js';
import type { TypedResult } from './typing.js';
import { warmUp, warmUpWhenIdle } from './warm-up.js';
import { PadSettings } from './pad-settings.js';
import { PadContent } from './pad-content.js';
import { padTemplate } from './pad-view.js';
import { PadKeyboard } from './pad-keyboard.js';

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
    this._content.modelChanged();
  }

  /** @internal mirrored so a host `aria-label` names the focusable canvas inside the shadow root. */
  @property({ attribute: 'aria-label' }) private hostAriaLabel: string | null = null;
  @query('canvas') private _canvasEl!: HTMLCanvasElement;

  private _model: DigitModel | null = null;
  private readonly _settings = new PadSettings(this);
  private readonly _surface = new DrawingSurface(this, {
    canvas: () => this.renderRoot?.querySelector('canvas') ?? null,
    strokes: () => this._content.strokes,
    strokeWidth: () => this._settings.strokeWidth(),
    input: {
      enabled: () => !this._isDisabled,
      start: (point) => this._content.startStroke(point),
      extend: (points) => this._content.extendStroke(points),
      end: (cancelled) => this._content.endStroke(cancelled),
    },
  });
  private readonly _reader: DrawingReader = new DrawingReader({
    strokes: () => this._content.strokes, settings: this._settings, size: () => this._surface.size,
  });
  private readonly _content: PadContent = new PadContent(this, this._internals, {
    read: (model) => this._reader.read(model),
    model: () => this._model,
    settings: this._settings,
    readSize: (result) => this._reader.readSize(result),
    surface: this._surface,
    validity: (held) => padValidity({ ...held, required: this.required, classes: classesText(this._model?.classNames), digits: this._settings.digitsAsked }),
    anchor: () => this._canvasEl ?? undefined,
    penDown: () => {
      this._keyboard.pointerFocus();
      void warmUp(this._needs()); // at the latest while the user writes (a no-op once loaded); failures surface on recognition
    },
    userChanged: () => this._fireValueEvents(),
  });
  private readonly _keyboard = new PadKeyboard({
    canvas: () => this._canvasEl, content: this._content, settings: this._settings,
    enabled: () => !this._isDisabled, typing: () => this._typingOn,
  });

  /**
   * The recognised digit as a string ('' when there is none), or with a custom `model` the recognised
   * class name; with `digits`/`multiple` the whole number ('2026'). Only '' can be assigned (it
   * clears), as with file inputs.
   */
  get value(): string {
    return this._content.value;
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
    return this._content.result;
  }

  /**
   * The drawing: one array of points per stroke, coordinates 0..1 across the pad's width and height.
   * Reading returns a copy; assigning redraws and recognises (no `input`/`change`: not a user edit).
   * A malformed drawing throws a `DigitPadError` (`INVALID_INPUT`) and leaves the pad as it was.
   */
  get strokes(): Stroke[] {
    return this._content.strokes.map((stroke) => stroke.map((p) => ({ x: p.x, y: p.y })));
  }
  set strokes(strokes: Stroke[]) {
    this._content.setStrokes(parseStrokes(strokes), false);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The wasm, weights and verifier load while the page is idle, not when the first digit is read.
    warmUpWhenIdle(() => this._needs());
  }

  /** What this pad reads with, for the warm-up. */
  private _needs() {
    return { digitsModel: !this._model, number: this._settings.numberMode };
  }

  /** Removes every stroke. */
  clear(): void {
    this._content.setStrokes([], false);
  }

  /** Removes the last stroke (or the last digit typed). */
  undo(): void {
    const typed = this._content.typed;
    if (typed !== null) this._content.type(typed.slice(0, -1), false);
    else this._content.setStrokes(this._content.strokes.slice(0, -1), false);
  }

  /** Recognises the drawing now (skipping the pause) and resolves with the SDK result. */
  recognize(): Promise<RecognizeResult | NumberResult> {
    return this._content.recognize();
  }

  /** The drawing as dark ink on white at the pad's CSS size, whatever the theme (number pads read this; one-digit pads read the strokes, pen normalised). */
  toImageData(): ImageData {
    return this._reader.toImageData();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this._settings.update(changed, (switched) => {
      if (switched && this.hasUpdated) this._content.modeChanged();
      this._content.fitTyped();
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('strokeWidth')) this._surface.paint();
    if (changed.has('digits') || changed.has('multiple')) this._settings.showShape(this.renderRoot.querySelector<HTMLElement>('.pad'), this._internals);
    this._content.syncForm();
  }

  /** Typing is on unless `no-typing`, and only while the model reads digits (not a custom model's classes). */
  private get _typingOn(): boolean {
    return !this.noTyping && classesText(this._model?.classNames) === null;
  }

  override render() {
    return padTemplate({
      content: this._content, disabled: this._isDisabled, number: this._settings.numberMode, multiple: this.multiple,
      digits: this._settings.digits, typing: this._typingOn, label: this.label || this.hostAriaLabel || this._labelText, placeholder: this.placeholder,
      hideCandidates: this.hideCandidates, showBoxes: this.showBoxes, size: () => this._reader.imageSize(),
      onKeyDown: this._keyboard.onKeyDown, onBlur: this._keyboard.onBlur, onClear: this._keyboard.onClear,
    });
  }

  /** Like native inputs, a reset empties the pad silently (no events). */
  formResetCallback(): void {
    this._content.reset();
  }

  /** Back/forward navigation and autofill hand back the strokes saved with the form value; redraw and re-read them. */
  formStateRestoreCallback(state: unknown): void {
    this._content.restore(state);
  }

  // A method of the element itself: the manifest analyser reads the events a class fires from its methods.
  private _fireValueEvents(): void {
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

// Guarded so a second copy of the bundle on the page (or a page that defined it first) is harmless.
if (globalThis.customElements && !customElements.get('digit-pad')) customElements.define('digit-pad', DigitPad);

declare global {
  interface HTMLElementTagNameMap {
    'digit-pad': DigitPad;
  }
}
