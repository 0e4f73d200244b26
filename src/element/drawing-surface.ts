import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { StrokeInput, type StrokeInputCallbacks } from './stroke-input.js';
import { StrokeCanvas, type Stroke, type StrokeWidth } from './stroke-renderer.js';

export interface DrawingSurfaceOptions {
  /** The canvas once rendered (the controller waits for it). */
  canvas(): HTMLCanvasElement | null;
  /** The current drawing, re-read on every paint. */
  strokes(): readonly Stroke[];
  strokeWidth(): StrokeWidth;
  /** Pointer callbacks, passed through to StrokeInput. */
  input: StrokeInputCallbacks;
}

/**
 * Wires a canvas to its host's lifecycle: pointer input, device-pixel sizing via ResizeObserver,
 * and repainting from the stored strokes (after a resize, a colour-scheme switch, or at most once
 * per frame while a stroke is drawn). The element keeps the drawing; this only shows it.
 */
export class DrawingSurface implements ReactiveController {
  private surface: StrokeCanvas | null = null;
  private input: StrokeInput | null = null;
  private observer: ResizeObserver | null = null;
  private frame = 0;
  private readonly colorScheme = globalThis.matchMedia?.('(prefers-color-scheme: dark)');
  // High-contrast themes change the canvas's forced `color`; canvas pixels are never adjusted for us.
  private readonly forcedColors = globalThis.matchMedia?.('(forced-colors: active)');
  private pixelRatio: MediaQueryList | null = null;

  constructor(host: ReactiveControllerHost, private readonly options: DrawingSurfaceOptions) {
    host.addController(this);
  }

  /** CSS size of the canvas; 0×0 until laid out. */
  get size(): { width: number; height: number } {
    return this.surface?.size ?? { width: 0, height: 0 };
  }

  hostConnected(): void {
    this.colorScheme?.addEventListener('change', this.paint);
    this.forcedColors?.addEventListener('change', this.paint);
    this.watchPixelRatio();
    this.attach(); // no-op before the first render; re-attaches after a move in the DOM
  }

  hostUpdated(): void {
    if (!this.observer) this.attach();
  }

  hostDisconnected(): void {
    this.colorScheme?.removeEventListener('change', this.paint);
    this.forcedColors?.removeEventListener('change', this.paint);
    this.pixelRatio?.removeEventListener('change', this.onPixelRatio);
    this.pixelRatio = null;
    this.input?.disconnect();
    this.observer?.disconnect();
    this.observer = null;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Repaints on the next animation frame; many pointer moves in one frame cost one paint. */
  requestPaint(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.paint();
    });
  }

  /** Repaints now, in the canvas's computed `color` (the themed ink). */
  paint = (): void => {
    const canvas = this.options.canvas();
    if (!this.surface || !canvas) return;
    const { width, height } = this.surface.size;
    // Catches a devicePixelRatio change that no observer reported (see watchPixelRatio).
    if (this.surface.ratio !== (globalThis.devicePixelRatio || 1) && width > 0) this.surface.resize(width, height);
    this.surface.render(this.options.strokes(), this.options.strokeWidth(), getComputedStyle(canvas).color);
  };

  private attach(): void {
    const canvas = this.options.canvas();
    if (!canvas || this.observer) return;
    this.surface ??= new StrokeCanvas(canvas);
    this.input ??= new StrokeInput(canvas, this.options.input);
    this.input.connect();
    this.observer = new ResizeObserver(this.onResize);
    try {
      // Device-pixel sizes keep the canvas crisp at fractional zoom and devicePixelRatio.
      this.observer.observe(canvas, { box: 'device-pixel-content-box' });
    } catch {
      this.observer.observe(canvas);
    }
  }

  /**
   * A window moved to another screen or zoomed changes devicePixelRatio without necessarily
   * resizing the canvas in CSS pixels; ResizeObserver's device-pixel box does not report that
   * everywhere, so the backing store is also resized on a `resolution` media change.
   */
  private watchPixelRatio(): void {
    this.pixelRatio?.removeEventListener('change', this.onPixelRatio);
    this.pixelRatio = globalThis.matchMedia?.(`(resolution: ${globalThis.devicePixelRatio || 1}dppx)`) ?? null;
    this.pixelRatio?.addEventListener('change', this.onPixelRatio);
  }

  private onPixelRatio = (): void => {
    const { width, height } = this.size;
    if (width > 0 && height > 0) this.surface?.resize(width, height);
    this.paint();
    this.watchPixelRatio();
  };

  private onResize = (entries: ResizeObserverEntry[]): void => {
    const entry = entries[entries.length - 1];
    const box = entry.contentBoxSize?.[0];
    const device = entry.devicePixelContentBoxSize?.[0];
    this.surface?.resize(box?.inlineSize ?? entry.contentRect.width, box?.blockSize ?? entry.contentRect.height, device?.inlineSize, device?.blockSize);
    this.paint();
  };
}
