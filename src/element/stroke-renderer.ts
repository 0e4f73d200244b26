/**
 * Drawing strokes, separate from pointer handling so the same code renders live ink, re-renders
 * after a resize and produces the image the model reads.
 */

/** One sampled pen position, normalised to the pad: x and y run 0..1 across its width and height. */
export interface StrokePoint {
  x: number;
  y: number;
}

/** One pen-down-to-pen-up line, as the points the pointer passed through. */
export type Stroke = StrokePoint[];

/**
 * Stroke width: a fraction of the pad's shorter side (so ink keeps its weight when the pad is
 * resized) or fixed CSS pixels.
 */
export type StrokeWidth = { relative: number } | { px: number };

/** Default ink weight: 6% of the shorter side, close to MNIST's stroke-to-digit ratio once cropped. */
export const DEFAULT_STROKE_WIDTH: StrokeWidth = { relative: 0.06 };

/**
 * Parses '6', '6%' (percent of the pad's shorter side) or '14px'; null when it is none of those.
 *
 * ```ts
 * parseStrokeWidth('14px'); // { px: 14 }
 * ```
 */
export function parseStrokeWidth(value: unknown): StrokeWidth | null {
  if (typeof value === 'number') return value > 0 && value <= 50 ? { relative: value / 100 } : null;
  if (typeof value !== 'string') return null;
  const match = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(%|px)?\s*$/.exec(value);
  if (!match) return null;
  const n = Number(match[1]);
  if (match[2] === 'px') return n > 0 && n <= 200 ? { px: n } : null;
  return n > 0 && n <= 50 ? { relative: n / 100 } : null;
}

/** The line width in CSS pixels for a pad of the given CSS size. */
export function lineWidthFor(width: StrokeWidth, cssWidth: number, cssHeight: number): number {
  return 'px' in width ? width.px : Math.max(1, width.relative * Math.min(cssWidth, cssHeight));
}

/**
 * Traces strokes as quadratic curves through the midpoints of successive samples (as
 * signature_pad does): the curve passes smoothly near every sample instead of kinking at each
 * one, so fast strokes with sparse samples still look hand-drawn rather than polygonal.
 */
export function traceStrokes(ctx: CanvasPath, strokes: readonly Stroke[], width: number, height: number, lineWidth: number): void {
  for (const stroke of strokes) {
    if (stroke.length === 0) continue;
    const px = (p: StrokePoint) => p.x * width;
    const py = (p: StrokePoint) => p.y * height;
    const first = stroke[0];
    if (stroke.length === 1) {
      // A tap is a dot: a zero-length path would draw nothing.
      ctx.moveTo(px(first) + lineWidth / 2, py(first));
      ctx.arc(px(first), py(first), lineWidth / 2, 0, 2 * Math.PI);
      continue;
    }
    ctx.moveTo(px(first), py(first));
    for (let i = 1; i < stroke.length - 1; i++) {
      const p = stroke[i];
      const next = stroke[i + 1];
      ctx.quadraticCurveTo(px(p), py(p), (px(p) + px(next)) / 2, (py(p) + py(next)) / 2);
    }
    const last = stroke[stroke.length - 1];
    ctx.lineTo(px(last), py(last));
  }
}

/** Strokes with one point are filled dots; all others are stroked. */
function paint(ctx: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, strokes: readonly Stroke[], width: number, height: number, lineWidth: number, color: string): void {
  ctx.lineWidth = lineWidth;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  const dots = strokes.filter((s) => s.length === 1);
  const lines = strokes.filter((s) => s.length > 1);
  ctx.beginPath();
  traceStrokes(ctx, lines, width, height, lineWidth);
  ctx.stroke();
  ctx.beginPath();
  traceStrokes(ctx, dots, width, height, lineWidth);
  ctx.fill();
}

/**
 * Owns the on-screen canvas: keeps its backing store at device-pixel resolution (crisp at any
 * devicePixelRatio or zoom) and redraws every stroke from the stored points, so a resize never
 * loses or blurs the drawing.
 */
export class StrokeCanvas {
  private cssWidth = 0;
  private cssHeight = 0;
  /** devicePixelRatio when the backing store was last sized. */
  ratio = 0;

  constructor(private readonly canvas: HTMLCanvasElement) {}

  /** CSS size of the drawing surface, 0×0 before the first layout. */
  get size(): { width: number; height: number } {
    return { width: this.cssWidth, height: this.cssHeight };
  }

  /** Records a new layout size; device sizes come from ResizeObserver when the browser reports them. */
  resize(cssWidth: number, cssHeight: number, deviceWidth?: number, deviceHeight?: number): void {
    const ratio = globalThis.devicePixelRatio || 1;
    this.ratio = ratio;
    this.cssWidth = cssWidth;
    this.cssHeight = cssHeight;
    // Exact device sizes avoid resampling blur, but emulated ratios (devtools, CDP) report CSS
    // sizes there; anything beyond rounding away from css × ratio is not to be trusted.
    const trusted = (device: number | undefined, css: number) => (device !== undefined && Math.abs(device - css * ratio) <= 2 ? device : css * ratio);
    this.canvas.width = Math.max(1, Math.round(trusted(deviceWidth, cssWidth)));
    this.canvas.height = Math.max(1, Math.round(trusted(deviceHeight, cssHeight)));
  }

  render(strokes: readonly Stroke[], width: StrokeWidth, color: string): void {
    const ctx = this.canvas.getContext('2d');
    if (!ctx || this.cssWidth === 0 || this.cssHeight === 0) return;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx.setTransform(this.canvas.width / this.cssWidth, 0, 0, this.canvas.height / this.cssHeight, 0, 0);
    paint(ctx, strokes, this.cssWidth, this.cssHeight, lineWidthFor(width, this.cssWidth, this.cssHeight), color);
  }
}

/**
 * Renders strokes dark-on-white at CSS-pixel scale. Recognition reads this rather than the
 * on-screen canvas so page themes (light ink on a dark pad, coloured backgrounds) never change
 * what the model sees.
 */
export function strokesToImageData(strokes: readonly Stroke[], cssWidth: number, cssHeight: number, width: StrokeWidth): ImageData {
  const w = Math.max(1, Math.round(cssWidth));
  const h = Math.max(1, Math.round(cssHeight));
  const canvas = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(w, h) : Object.assign(document.createElement('canvas'), { width: w, height: h });
  const ctx = canvas.getContext('2d', { willReadFrequently: true }) as CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  paint(ctx, strokes, w, h, lineWidthFor(width, w, h), '#000');
  return ctx.getImageData(0, 0, w, h);
}
