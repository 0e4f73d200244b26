import type { ReactiveControllerHost } from 'lit';
import type { RecognizeResult } from '../recognize.js';
import type { NumberResult } from '../segment/number.js';
import type { DigitModel } from '../model/load.js';
import { padEvent, recognizedEvent } from './events.js';
import { FormSync, type PadValidity, type ValidityInput } from './form-sync.js';
import type { PadSettings } from './pad-settings.js';
import { RecognitionScheduler } from './recognition.js';
import { resultLabel, type NumberReading, type PadState } from './status-view.js';
import type { Stroke, StrokePoint } from './stroke-renderer.js';
import { parseStrokes } from './strokes.js';
import { typedResult, type TypedResult } from './typing.js';

type Reading = RecognizeResult | NumberResult;

export interface PadContentOptions {
  /** Reads the drawing as it is now with `model` (null: the built-in digits model). */
  read(model: DigitModel | null): Promise<Reading>;
  /** The model to read with; null for the built-in digits model. */
  model(): DigitModel | null;
  settings: Readonly<Pick<PadSettings, 'numberMode' | 'minConfidence' | 'delay' | 'maxTyped'>>;
  /** CSS size of the image a number was read from, for its boxes (the pad may have resized since). */
  readSize(result: NumberResult): [number, number];
  surface: { paint(): void; requestPaint(): void };
  /** The validity of what the pad holds; `required`, `digits` and the model's classes are the host's. */
  validity(held: Pick<ValidityInput, 'value' | 'drawn' | 'uncertain'>): PadValidity;
  /** Where the browser points a validity message: the canvas, once rendered. */
  anchor(): HTMLElement | undefined;
  /** A stroke began: the pad takes focus and loads what reading it needs. */
  penDown(): void;
  /** The user changed the value: the host fires `input` and `change`. */
  userChanged(): void;
}

/**
 * What is on the pad (strokes, or digits typed instead) and what it was read as. Every change goes
 * through here, so `value`, the form's value, state and validity, and the events a change fires
 * always agree. The host renders these plain fields, so each change requests its update before any
 * event fires: a listener that awaits `updateComplete` sees the change rendered.
 */
export class PadContent {
  private _strokes: Stroke[] = [];
  /** Digits typed instead of written (null: none; the pad then holds strokes or nothing). */
  private _typed: string | null = null;
  private typedResult: TypedResult | null = null;
  private _reading: RecognizeResult | null = null;
  private _number: NumberReading | null = null;
  private _readingClasses: readonly string[] | null = null;
  private _state: PadState = 'empty';
  /** The stroke being drawn. */
  private active: Stroke | null = null;
  /** The pending change came from the user, so its outcome fires `input`/`change`. */
  private userEdit = false;
  private readonly form: FormSync;
  private readonly reader: RecognitionScheduler<Reading>;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, internals: ElementInternals, private readonly options: PadContentOptions) {
    this.form = new FormSync(internals);
    this.reader = new RecognitionScheduler<Reading>(host, {
      read: (model) => options.read(model),
      model: () => options.model(),
      result: (result, model) => this.apply(result, model),
      error: (error) => this.fail(error),
    });
  }

  get strokes(): readonly Stroke[] { return this._strokes; }
  get typed(): string | null { return this._typed; }
  /** The last one-digit reading (null: none, or nothing was read). */
  get reading(): RecognizeResult | null { return this._reading; }
  /** The last reading in number mode. */
  get number(): NumberReading | null { return this._number; }
  /** Class names of the model `reading` came from (null: the built-in digits), to label candidates. */
  get readingClasses(): readonly string[] | null { return this._readingClasses; }
  get state(): PadState { return this._state; }
  /** A stroke is being drawn. */
  get writing(): boolean { return this.active !== null; }

  /** The host's `value`: the typed digits, else what was read ('' when nothing counts). */
  get value(): string {
    if (this._typed !== null) return this._typed;
    if (this.options.settings.numberMode) return this._number?.ok ? this._number.result.value : '';
    return resultLabel(this._reading) ?? '';
  }

  /** The host's `result`: a TypedResult for typed digits, else the last reading for the pad's mode. */
  get result(): Reading | TypedResult | null {
    if (this._typed !== null) return (this.typedResult ??= typedResult(this._typed, this.options.settings.numberMode));
    return this.options.settings.numberMode ? this._number?.result ?? null : this._reading;
  }

  startStroke(point: StrokePoint): void {
    this.reader.invalidate();
    if (this._typed !== null) {
      // Writing replaces what was typed; the drawing's reading decides the value and its events.
      this._typed = null;
      this.typedResult = null;
      this.syncForm();
    }
    this.userEdit = true;
    this.active = [point];
    this._strokes = [...this._strokes, this.active];
    this._state = 'pending';
    this.host.requestUpdate();
    this.options.penDown();
    this.options.surface.requestPaint();
  }

  extendStroke(points: StrokePoint[]): void {
    if (!this.active) return;
    this.active.push(...points);
    this.options.surface.requestPaint();
  }

  endStroke(cancelled = false): void {
    const active = this.active;
    if (!active) return;
    this.active = null;
    if (cancelled) {
      // The browser or OS took the pointer mid-stroke (a system gesture, a palm): the cut-short
      // stroke was not meant, so it goes; the strokes before it stay and are read as before.
      this._strokes = this._strokes.filter((stroke) => stroke !== active);
      this.host.requestUpdate();
      this.options.surface.paint();
      if (this._strokes.length === 0) {
        this.userEdit = false;
        this._state = 'empty';
        this.syncForm();
        return;
      }
    }
    this.form.strokesState(this._strokes); // serialised while the writer pauses, not in the read
    this.reader.schedule(this.options.settings.delay);
  }

  /** Replaces the drawing (clear, undo, assignment, restore) and brings value and events in line. */
  setStrokes(strokes: Stroke[], user: boolean, delay = 0): void {
    const hadStrokes = this._strokes.length > 0 || this._typed !== null;
    const before = this.value;
    this._typed = null;
    this.typedResult = null;
    this.reader.invalidate();
    this.active = null;
    this._strokes = strokes;
    this.host.requestUpdate();
    this.options.surface.paint();
    if (strokes.length > 0) {
      this.userEdit ||= user;
      this._state = 'pending';
      this.form.strokesState(strokes); // the form state of the new drawing, ready before it is read
      this.reader.schedule(delay);
      return;
    }
    this._reading = null;
    this._number = null;
    this._state = 'empty';
    this.userEdit = false;
    this.syncForm();
    if (hadStrokes) this.host.dispatchEvent(padEvent('digit-cleared', undefined));
    if (user && before !== '') this.options.userChanged();
  }

  /**
   * Puts typed digits on the pad in place of any drawing ('' empties it). Nothing is recognised, so
   * `digit-recognized` does not fire; a user's typing fires `input` and `change`.
   */
  type(typed: string, user: boolean): void {
    if (typed === '') {
      this.setStrokes([], user);
      return;
    }
    const before = this.value;
    this.replaceWith(typed);
    if (user && this.value !== before) this.options.userChanged();
  }

  /** Empties the pad silently (no events), as a form reset does to native inputs. */
  reset(): void {
    this.replaceWith(null);
  }

  /** Puts back a drawing or typed digits saved as form state (back/forward navigation, autofill). */
  restore(state: unknown): void {
    if (typeof state !== 'string') return;
    try {
      const saved: unknown = JSON.parse(state);
      const typed = (saved as { typed?: unknown } | null)?.typed;
      if (typeof typed === 'string') {
        if (/^[0-9]+$/.test(typed) && typed.length <= this.options.settings.maxTyped) this.type(typed, false);
        return;
      }
      this.setStrokes(parseStrokes(saved), false, 0);
    } catch {
      // A state saved by another version of the pad: start empty rather than fail.
    }
  }

  /**
   * Another model: what is on the pad has to be read again, at once and with it (so a
   * `recognize()` right after the assignment is the read that counts). Not a user edit.
   */
  modelChanged(): void {
    if (this._strokes.length > 0 && !this.active) {
      this.reader.invalidate();
      this.readAgain();
    }
  }

  /** One digit ↔ a number: what is on the pad is read again the other way (not a user edit). */
  modeChanged(): void {
    this.reader.invalidate();
    this._reading = null;
    this._number = null;
    if (this._strokes.length > 0 && !this.active) this.readAgain();
  }

  /** After `digits`/`multiple` change, a typed value too long for the pad is dropped (not a user edit). */
  fitTyped(): void {
    this.typedResult = null;
    if (this._typed !== null && this._typed.length > this.options.settings.maxTyped) this.setStrokes([], false);
  }

  /** Reads now, skipping the pause, and resolves with the SDK result. */
  recognize(): Promise<Reading> {
    return this.reader.run();
  }

  /** Runs a pending read at once, e.g. when focus moves to a submit button. */
  flush(): void {
    if (this.reader.scheduled && !this.active) this.reader.schedule(0);
  }

  /** Form value is the digit (or class name); the strokes ride along as state so navigation can restore the drawing. */
  syncForm(): void {
    const state = this._typed !== null ? JSON.stringify({ typed: this._typed }) : this._strokes.length > 0 ? this.form.strokesState(this._strokes) : null;
    const value = this.value;
    const validity = this.options.validity({ value, drawn: this._strokes.length > 0, uncertain: this._state === 'uncertain' });
    this.form.sync(value, state, validity, this.options.anchor());
  }

  private readAgain(): void {
    this._state = 'pending';
    this.host.requestUpdate();
    this.reader.schedule(0);
  }

  /** Drops the drawing, its reading and typed digits; then holds `typed`, or nothing. */
  private replaceWith(typed: string | null): void {
    this.reader.invalidate();
    this.active = null;
    this.userEdit = false;
    this._strokes = [];
    this._reading = null;
    this._number = null;
    this._typed = typed;
    this.typedResult = null;
    this._state = typed === null ? 'empty' : 'typed';
    this.host.requestUpdate();
    this.options.surface.paint();
    this.syncForm();
  }

  private apply(result: Reading, model: DigitModel | null): void {
    const before = this.value;
    const user = this.userEdit;
    this.userEdit = false;
    if ('digits' in result) {
      // A number counts when every digit was read as a class with at least `min-confidence`; one
      // unclear digit makes the whole number unclear (value ''), as one unclear digit does on a one-digit pad.
      const ok = result.digits.length > 0 && result.digits.every((d) => d.confidence >= this.options.settings.minConfidence);
      const [width, height] = this.options.readSize(result);
      this._number = { result, ok, width, height };
      this._state = ok ? 'ok' : 'uncertain';
    } else {
      this._reading = result.status === 'empty' ? null : result;
      this._readingClasses = model ? model.classNames : null;
      this._state = result.status === 'ok' ? 'ok' : result.status === 'uncertain' ? 'uncertain' : 'empty';
    }
    this.host.requestUpdate();
    this.syncForm();
    if ('digits' in result) this.host.dispatchEvent(recognizedEvent('number', result));
    else if (result.status !== 'empty') this.host.dispatchEvent(recognizedEvent('digit', result));
    if (user && this.value !== before) this.options.userChanged();
  }

  private fail(error: Error): void {
    // A result for an older drawing must not stay submittable once this one can't be read.
    this._reading = null;
    this._number = null;
    this._state = 'error';
    this.host.requestUpdate();
    this.syncForm();
    this.host.dispatchEvent(padEvent('digit-error', error));
  }
}
