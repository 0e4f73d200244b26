/**
 * Reading real pen digits through the public SDK: as written on a 280 px pad (the pixels go through
 * `recognize()`), and as the pad reads its strokes (pen normalised, through `recognize()` too).
 */
import { penDigitOnPad, normalizePenImage, type PenDigit } from './pendigits.js';

export interface PenRead { label: number; writer: number; predicted: number; confidence: number; index: number }

type Sdk = { recognize(image: unknown, options?: object): Promise<{ digit: number | null; confidence: number }> };

/** Default way a person writes on a 280 px pad: the digit 60 % of the pad tall, the default 6 % pen. */
export const PAD = { size: 280, digitHeight: 168, penWidth: 0.06 * 280 };

export async function readOnPad(sdk: Sdk, model: unknown, digits: PenDigit[], digitHeight = PAD.digitHeight, penWidth = PAD.penWidth): Promise<PenRead[]> {
  const out: PenRead[] = [];
  for (let i = 0; i < digits.length; i++) {
    const d = digits[i];
    const r = await sdk.recognize(penDigitOnPad(d.strokes, PAD.size, digitHeight, penWidth), { model });
    out.push({ label: d.label, writer: d.writer, predicted: r.digit ?? -1, confidence: r.confidence, index: i });
  }
  return out;
}

/** As the pad reads its own strokes: re-rendered with the reading pen (see PEN_READING). */
export async function readNormalized(sdk: Sdk, model: unknown, digits: PenDigit[], penWidth?: number): Promise<PenRead[]> {
  const out: PenRead[] = [];
  for (let i = 0; i < digits.length; i++) {
    const d = digits[i];
    const r = await sdk.recognize(normalizePenImage(d.strokes, penWidth), { model });
    out.push({ label: d.label, writer: d.writer, predicted: r.digit ?? -1, confidence: r.confidence, index: i });
  }
  return out;
}

export const accuracyOf = (reads: PenRead[]) => reads.filter((r) => r.predicted === r.label).length / Math.max(1, reads.length);
