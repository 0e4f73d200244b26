import { DigitPadError } from '../errors.js';

/** A plain image: RGBA (`width*height*4` values) or one channel (`width*height` values). */
export interface RawImage {
  width: number;
  height: number;
  /** Bytes 0..255, or floats 0..1 for `Float32Array`. */
  data: Uint8Array | Uint8ClampedArray | Float32Array;
}

/** Anything `recognize()` accepts. Canvas and bitmap types exist only in browsers and workers. */
export type ImageInput =
  | RawImage
  | ImageData
  | HTMLCanvasElement
  | OffscreenCanvas
  | ImageBitmap;

/** Grayscale "ink" map: 0 is background, 1 is full-strength ink, whatever the source polarity. */
export interface InkImage {
  width: number;
  height: number;
  ink: Float32Array;
}

/** Largest side accepted; bigger images are almost always a mistake (or a whole photo). */
export const MAX_IMAGE_SIDE = 4096;

/**
 * Reads any supported input into RGBA-or-gray pixels, checking size and data at the boundary.
 *
 * ```ts
 * const raw = readPixels({ width: 28, height: 28, data: new Uint8Array(784) });
 * ```
 */
export function readPixels(input: unknown, argName = 'image'): RawImage {
  if (input === null || typeof input !== 'object') {
    throw new DigitPadError(
      'INVALID_INPUT',
      `${argName} must be an ImageData, canvas, ImageBitmap or { width, height, data }, got ${describe(input)}.`,
    );
  }
  const source = input as Record<string, unknown>;
  if (isDrawable(source)) return readDrawable(source, argName);
  if (!('data' in source) || !('width' in source) || !('height' in source)) {
    throw new DigitPadError(
      'INVALID_INPUT',
      `${argName} must be an ImageData, canvas, ImageBitmap or { width, height, data }, got an object without ${
        ['width', 'height', 'data'].filter((k) => !(k in source)).join(', ')
      }.`,
    );
  }
  const { width, height, data } = source;
  checkSize(width, height, argName);
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray || data instanceof Float32Array)) {
    throw new DigitPadError(
      'INVALID_IMAGE_DATA',
      `${argName}.data must be a Uint8Array, Uint8ClampedArray or Float32Array, got ${describe(data)}.`,
    );
  }
  const pixels = (width as number) * (height as number);
  if (data.length !== pixels && data.length !== pixels * 4) {
    throw new DigitPadError(
      'INVALID_IMAGE_DATA',
      `${argName}.data has ${data.length} values; a ${width}×${height} image needs ${pixels} (one channel) or ${pixels * 4} (RGBA).`,
    );
  }
  if (data instanceof Float32Array) checkFloats(data, argName);
  return { width: width as number, height: height as number, data };
}

function checkSize(width: unknown, height: unknown, argName: string): void {
  for (const [name, value] of [['width', width], ['height', height]] as const) {
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) {
      throw new DigitPadError(
        'INVALID_IMAGE_SIZE',
        `${argName}.${name} must be a positive integer, got ${describe(value)}.`,
      );
    }
    if (value > MAX_IMAGE_SIDE) {
      throw new DigitPadError(
        'INVALID_IMAGE_SIZE',
        `${argName}.${name} is ${value}; at most ${MAX_IMAGE_SIDE} pixels per side are accepted (scale the image down first).`,
      );
    }
  }
}

function checkFloats(data: Float32Array, argName: string): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (!(v >= 0 && v <= 1)) {
      throw new DigitPadError(
        'INVALID_IMAGE_DATA',
        `${argName}.data[${i}] is ${v}; Float32Array pixels must be finite numbers in 0..1.`,
      );
    }
  }
}

type Drawable = HTMLCanvasElement | OffscreenCanvas | ImageBitmap;

function isDrawable(value: object): value is Drawable {
  const g = globalThis as Record<string, unknown>;
  return (
    (typeof g.HTMLCanvasElement === 'function' && value instanceof (g.HTMLCanvasElement as typeof HTMLCanvasElement)) ||
    (typeof g.OffscreenCanvas === 'function' && value instanceof (g.OffscreenCanvas as typeof OffscreenCanvas)) ||
    (typeof g.ImageBitmap === 'function' && value instanceof (g.ImageBitmap as typeof ImageBitmap))
  );
}

function readDrawable(source: Drawable, argName: string): RawImage {
  checkSize(source.width, source.height, argName);
  let canvas: HTMLCanvasElement | OffscreenCanvas;
  if (typeof ImageBitmap === 'function' && source instanceof ImageBitmap) {
    canvas = new OffscreenCanvas(source.width, source.height);
    (canvas.getContext('2d') as OffscreenCanvasRenderingContext2D).drawImage(source, 0, 0);
  } else {
    canvas = source as HTMLCanvasElement | OffscreenCanvas;
  }
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as
    | CanvasRenderingContext2D
    | OffscreenCanvasRenderingContext2D
    | null;
  if (!ctx) {
    throw new DigitPadError(
      'INVALID_INPUT',
      `${argName} is a canvas without a 2d context (it is used for WebGL/bitmaprenderer); pass its ImageData or a 2d canvas instead.`,
    );
  }
  const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
  return { width: canvas.width, height: canvas.height, data };
}

/** Short human description of a bad value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value !== 'object') return `a ${typeof value}`;
  const name = (value as object).constructor?.name;
  return name ? `a ${name}` : 'an object';
}
