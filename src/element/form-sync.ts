import type { Stroke } from './stroke-renderer.js';
import { serializeStrokes } from './strokes.js';

export type ValidityFlag = 'badInput' | 'valueMissing' | 'tooShort' | 'tooLong';

/** Why the pad is invalid, as the browser reports it (null: valid). */
export type PadValidity = { flag: ValidityFlag; message: string } | null;

/** What decides the pad's validity. */
export interface ValidityInput {
  value: string;
  required: boolean;
  /** Strokes are on the pad (a typed value has none). */
  drawn: boolean;
  /** The drawing was read, and not as a digit (or one of the model's classes). */
  uncertain: boolean;
  /** "one of: yes, no" for a model whose classes are not digits, else null. */
  classes: string | null;
  /** Digits asked for on a `digits` pad (1 on a one-digit pad); null with `multiple`. */
  digits: number | null;
}

/**
 * The pad's validity, with the message a person reads: a drawing that is not a digit is bad input,
 * an empty required pad is missing its value, and a `digits` pad needs exactly that many.
 *
 * ```ts
 * padValidity({ value: '', required: true, drawn: false, uncertain: false, classes: null, digits: 1 });
 * // { flag: 'valueMissing', message: 'Please write a digit.' }
 * ```
 */
export function padValidity({ value, required, drawn, uncertain, classes, digits }: ValidityInput): PadValidity {
  if (drawn && uncertain) {
    return { flag: 'badInput', message: classes ? `That doesn’t look like ${classes}. Please write it again.` : 'That doesn’t look like a digit. Please write it again.' };
  }
  if (!required) return null;
  if (value === '') {
    const message = digits === null ? 'Please write a number.' : digits > 1 ? `Write ${digits} digits.` : classes ? `Please write ${classes}.` : 'Please write a digit.';
    return { flag: 'valueMissing', message };
  }
  if (digits !== null && digits > 1 && value.length !== digits) return { flag: value.length < digits ? 'tooShort' : 'tooLong', message: `Write ${digits} digits.` };
  return null;
}

/** For messages: "one of: yes, no" when the model's classes are not the digits, else null. */
export function classesText(classes: readonly string[] | undefined): string | null {
  if (!classes || classes.every((name) => /^[0-9]$/.test(name))) return null;
  const shown = classes.length > 8 ? [...classes.slice(0, 8), '…'] : classes;
  return `one of: ${shown.join(', ')}`;
}

/**
 * Hands value, state and validity to the browser only when they change. Every read and every
 * update syncs the form, and handing the browser an unchanged value and state again costs more than
 * the read's own preprocessing (the state is the whole drawing).
 */
export class FormSync {
  private value: string | null = null;
  private state: string | null = null;
  private validity: { flag: ValidityFlag | null; message: string; anchor: HTMLElement | undefined } | null = null;
  private serialized: { strokes: readonly Stroke[]; points: number; state: string } | null = null;

  constructor(private readonly internals: ElementInternals) {}

  /** Sets the form value and state, and the validity anchored at `anchor` (the pad's canvas). */
  sync(value: string, state: string | null, validity: PadValidity, anchor: HTMLElement | undefined): void {
    if (value !== this.value || state !== this.state) {
      this.internals.setFormValue(value, state);
      this.value = value;
      this.state = state;
    }
    const flag = validity?.flag ?? null, message = validity?.message ?? '';
    const at = validity ? anchor : undefined;
    const last = this.validity;
    if (last && last.flag === flag && last.message === message && last.anchor === at) return;
    this.validity = { flag, message, anchor: at };
    if (flag) this.internals.setValidity({ [flag]: true }, message, at);
    else this.internals.setValidity({});
  }

  /** The drawing as form state, serialised again only when strokes or points were added or removed. */
  strokesState(strokes: readonly Stroke[]): string {
    const points = strokes.reduce((n, stroke) => n + stroke.length, 0);
    const cached = this.serialized;
    if (cached?.strokes === strokes && cached.points === points) return cached.state;
    const state = serializeStrokes(strokes);
    this.serialized = { strokes, points, state };
    return state;
  }
}
