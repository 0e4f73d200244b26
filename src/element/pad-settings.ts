import type { PropertyValues } from 'lit';
import { checkedNumber, warnOnce } from './options.js';
import { DEFAULT_STROKE_WIDTH, parseStrokeWidth, type StrokeWidth } from './stroke-renderer.js';

export const DEFAULT_DELAY = 400;
export const DEFAULT_MIN_CONFIDENCE = 0.5;
export const DEFAULT_PLACEHOLDER = 'Write a digit';
/** toImageData() size for a pad that is not laid out (display: none, detached). */
const FALLBACK_SIZE = 280;
/** Most digits a `digits` pad can ask for. */
const MAX_DIGITS = 32;
/** Pad width per digit over its height, for the default shape of a `digits` pad. */
const DIGIT_ASPECT = 0.8;
/** Default shape of a `multiple` pad: room for about four digits. */
const MULTIPLE_ASPECT = 4 * DIGIT_ASPECT;

/** The pad's attributes that take checking before use. */
export interface SettingsHost extends HTMLElement {
  delay: number;
  minConfidence: number;
  strokeWidth?: string | number;
  digits: number;
  multiple: boolean;
}

/**
 * The pad's attributes as it works with them. They are checked once per change rather than on
 * every use, so a bad value in hand-written markup warns once and the default applies.
 */
export class PadSettings {
  /** Milliseconds from the writer's pause to the read. */
  delay = DEFAULT_DELAY;
  minConfidence = DEFAULT_MIN_CONFIDENCE;
  /** Digits asked for: a whole number from 1 to 32. */
  digits = 1;
  /** `digits` > 1 or `multiple`, as of the last update. */
  numberMode = false;
  private strokeWidthAttr: StrokeWidth | null = null;

  constructor(private readonly host: SettingsHost) {}

  /**
   * Checks the attributes in `changed`. `digitsChanged` runs when `digits` or `multiple` did,
   * told whether the pad switched between reading one digit and a number.
   */
  update(changed: PropertyValues, digitsChanged: (switched: boolean) => void): void {
    const host = this.host;
    if (changed.has('delay')) this.delay = checkedNumber('delay', host.delay, host.getAttribute('delay'), 0, 60_000, DEFAULT_DELAY, ' (milliseconds)');
    if (changed.has('minConfidence')) {
      this.minConfidence = checkedNumber('min-confidence', host.minConfidence, host.getAttribute('min-confidence'), 0, 1, DEFAULT_MIN_CONFIDENCE);
    }
    if (changed.has('digits') || changed.has('multiple')) {
      const wasNumber = this.numberMode;
      this.digits = this.checkedDigits();
      this.numberMode = host.multiple || this.digits > 1;
      digitsChanged(wasNumber !== this.numberMode);
    }
    if (changed.has('strokeWidth')) {
      this.strokeWidthAttr = host.strokeWidth === undefined || host.strokeWidth === null ? null : parseStrokeWidth(host.strokeWidth);
      if (host.strokeWidth != null && !this.strokeWidthAttr) {
        warnOnce(`stroke-width=${host.strokeWidth}`, `stroke-width="${host.strokeWidth}" is not a width like 6, 6% or 14px; using the default.`);
      }
    }
  }

  /** Longest value that can be typed: 1, `digits`, or 32 with `multiple`. */
  get maxTyped(): number {
    return this.host.multiple ? MAX_DIGITS : this.digits;
  }

  /** Digits a pad's value must have, for its validity: 1, `digits`, or null (any number) with `multiple`. */
  get digitsAsked(): number | null {
    return this.numberMode ? (this.host.multiple ? null : this.digits) : 1;
  }

  /** The pad's default width over its height: 1 for a digit, wider for a number. */
  get shape(): number {
    if (!this.numberMode) return 1;
    return this.host.multiple ? MULTIPLE_ASPECT : this.digits * DIGIT_ASPECT;
  }

  /** CSS size of the image recognition reads: the canvas's, or a default one while it is not laid out. */
  imageSize(laidOut: { width: number; height: number }): [number, number] {
    if (laidOut.width > 0 && laidOut.height > 0) return [laidOut.width, laidOut.height];
    return [Math.round(FALLBACK_SIZE * this.shape), FALLBACK_SIZE];
  }

  /**
   * Gives the host its default shape, which wider number pads need (`pad` is the frame). The shape
   * is a private custom property under the public one, written through the CSSOM to stay CSP-safe.
   */
  showShape(pad: HTMLElement | null, internals: ElementInternals): void {
    if (this.numberMode) pad?.style.setProperty('--_shape', String(this.shape));
    else pad?.style.removeProperty('--_shape');
    // :state(number) widens the host, however `digits` was set and only when its value is valid.
    try {
      if (this.numberMode) internals.states?.add('number');
      else internals.states?.delete('number');
    } catch {
      // No CustomStateSet: the pad keeps the one-digit default width.
    }
  }

  /** The `stroke-width` attribute, else `--digit-pad-stroke-width`, else 6% of the shorter side. */
  strokeWidth(): StrokeWidth {
    if (this.strokeWidthAttr) return this.strokeWidthAttr;
    const custom = this.host.isConnected ? getComputedStyle(this.host).getPropertyValue('--digit-pad-stroke-width').trim() : '';
    if (!custom) return DEFAULT_STROKE_WIDTH;
    const parsed = parseStrokeWidth(custom);
    if (!parsed) warnOnce(`--digit-pad-stroke-width=${custom}`, `--digit-pad-stroke-width: ${custom} is not a width like 6%, 6 or 14px; using the default.`);
    return parsed ?? DEFAULT_STROKE_WIDTH;
  }

  /** `digits` as a whole number from 1 to 32; anything else warns once and means 1. */
  private checkedDigits(): number {
    const raw = this.host.getAttribute('digits');
    const n = checkedNumber('digits', this.host.digits, raw, 1, MAX_DIGITS, 1);
    if (Number.isInteger(n)) return n;
    warnOnce(`digits=${raw ?? n}`, `digits="${raw ?? n}" is not a whole number from 1 to ${MAX_DIGITS}; using 1.`);
    return 1;
  }
}
