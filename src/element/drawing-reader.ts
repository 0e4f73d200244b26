import type { RecognizeResult } from '../recognize.js';
import { readCheckedStrokes } from '../recognize-strokes.js';
import { recognizeNumber, type NumberResult } from '../segment/number.js';
import type { DigitModel } from '../model/load.js';
import type { PadSettings } from './pad-settings.js';
import { lineWidthFor, strokesToImageData, type Stroke } from './stroke-renderer.js';

export interface DrawingReaderOptions {
  strokes(): readonly Stroke[];
  settings: Pick<PadSettings, 'numberMode' | 'minConfidence' | 'strokeWidth' | 'imageSize' | 'digitsAsked'>;
  /** CSS size of the canvas; 0×0 until laid out. */
  size(): { width: number; height: number };
}

/** Hands the SDK the pad's drawing: the strokes for one digit, an image of the whole pad for a number. */
export class DrawingReader {
  /** Size of the image each number result was read from, for its boxes (the pad may resize meanwhile). */
  private readonly readSizes = new WeakMap<NumberResult, [number, number]>();

  constructor(private readonly options: DrawingReaderOptions) {}

  /** CSS size of the image recognition reads (what toImageData() renders). */
  imageSize(): [number, number] {
    return this.options.settings.imageSize(this.options.size());
  }

  /** The drawing as dark ink on white at the pad's CSS size: what a number is read from. */
  toImageData(): ImageData {
    const [width, height] = this.imageSize();
    return strokesToImageData(this.options.strokes(), width, height, this.options.settings.strokeWidth());
  }

  /** One read of the drawing as it is now: one digit, or the whole number grouped by stroke. */
  async read(model: DigitModel | null): Promise<RecognizeResult | NumberResult> {
    const { settings } = this.options;
    const [cssWidth, cssHeight] = this.imageSize();
    if (!settings.numberMode) {
      // The strokes themselves, re-rendered with the pen the model was trained for: the pad's
      // pen width and the digit's size do not change the answer.
      return readCheckedStrokes(this.options.strokes(), settings.minConfidence, model ?? undefined, cssWidth, cssHeight);
    }
    const image = this.toImageData();
    const { width, height } = image;
    const strokes = this.options.strokes().map((stroke) => stroke.map((p) => ({ x: p.x * width, y: p.y * height })));
    const strokeWidth = lineWidthFor(settings.strokeWidth(), width, height);
    // A digits="4" pad asks for four: a digit its writer split in two is joined back (expectedDigits).
    const expectedDigits = settings.digitsAsked ?? undefined;
    const result = await recognizeNumber(image, { strokes, strokeWidth, expectedDigits, ...(model ? { model } : {}) });
    this.readSizes.set(result, [width, height]);
    return result;
  }

  /** The size `result` was read at, for its boxes; the current size for a result read elsewhere. */
  readSize(result: NumberResult): [number, number] {
    return this.readSizes.get(result) ?? this.imageSize();
  }
}
