import type { StrokePoint } from './stroke-renderer.js';

/** What the pointer layer reports; the element decides what a stroke means. */
export interface StrokeInputCallbacks {
  /** Whether input is accepted right now (false while disabled). */
  enabled(): boolean;
  /** A pen, finger or primary mouse button went down: a stroke starts at `point`. */
  start(point: StrokePoint, event: PointerEvent): void;
  /** The active stroke moved through `points` (coalesced samples included, oldest first). */
  extend(points: StrokePoint[]): void;
  /**
   * The stroke is complete (pointer lifted or capture lost), or `cancelled`: the platform took the
   * pointer mid-stroke (pointercancel: a system gesture, palm rejection, the browser starting a pan).
   */
  end(cancelled: boolean): void;
}

/** Samples closer than this (fraction of the pad) add nothing visible and only bloat `strokes`. */
const MIN_STEP = 0.002;

/**
 * Turns pointer events on one surface into strokes, the same for mouse, pen and finger. One
 * pointer draws at a time (a resting palm or second finger is ignored), and the pointer is captured
 * so a stroke that leaves the pad keeps drawing and always ends. `touch-action: none` on the surface
 * (in the element's CSS) keeps the browser from panning or zooming the page while a finger writes
 * on the pad; touches elsewhere on the page scroll and zoom as usual.
 */
export class StrokeInput {
  private activeId: number | null = null;
  private rect: DOMRect | null = null;
  private last: StrokePoint | null = null;

  constructor(private readonly surface: HTMLElement, private readonly callbacks: StrokeInputCallbacks) {}

  get drawing(): boolean {
    return this.activeId !== null;
  }

  connect(): void {
    this.surface.addEventListener('pointerdown', this.onDown);
    this.surface.addEventListener('pointermove', this.onMove);
    this.surface.addEventListener('pointerup', this.onUp);
    this.surface.addEventListener('pointercancel', this.onUp);
    this.surface.addEventListener('lostpointercapture', this.onUp);
  }

  disconnect(): void {
    this.surface.removeEventListener('pointerdown', this.onDown);
    this.surface.removeEventListener('pointermove', this.onMove);
    this.surface.removeEventListener('pointerup', this.onUp);
    this.surface.removeEventListener('pointercancel', this.onUp);
    this.surface.removeEventListener('lostpointercapture', this.onUp);
    this.finish();
  }

  private onDown = (event: PointerEvent): void => {
    if (this.activeId !== null || !this.callbacks.enabled()) return;
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    // No text selection, no emulated mouse events, no focus steal by the browser's default.
    event.preventDefault();
    this.activeId = event.pointerId;
    this.rect = this.surface.getBoundingClientRect();
    try {
      this.surface.setPointerCapture(event.pointerId);
    } catch {
      // Synthetic events have no live pointer to capture; the stroke still works without capture.
    }
    this.last = this.toPoint(event);
    this.callbacks.start(this.last, event);
  };

  private onMove = (event: PointerEvent): void => {
    if (event.pointerId !== this.activeId) return;
    if (event.pointerType === 'mouse' && event.buttons === 0) {
      // The button was released outside the window without a pointerup reaching us.
      this.finish();
      return;
    }
    // Coalesced samples keep fast strokes round: browsers deliver one pointermove per frame.
    const samples = event.getCoalescedEvents?.() ?? [];
    const points: StrokePoint[] = [];
    for (const sample of samples.length > 0 ? samples : [event]) {
      const point = this.toPoint(sample);
      if (this.last && Math.hypot(point.x - this.last.x, point.y - this.last.y) < MIN_STEP) continue;
      points.push(point);
      this.last = point;
    }
    if (points.length > 0) this.callbacks.extend(points);
  };

  private onUp = (event: PointerEvent): void => {
    if (event.pointerId !== this.activeId) return;
    if (event.type === 'pointerup') {
      const point = this.toPoint(event);
      if (this.last && Math.hypot(point.x - this.last.x, point.y - this.last.y) >= MIN_STEP) this.callbacks.extend([point]);
    }
    this.finish(event.type === 'pointercancel');
  };

  private finish(cancelled = false): void {
    if (this.activeId === null) return;
    const id = this.activeId;
    this.activeId = null;
    this.last = null;
    if (this.surface.hasPointerCapture?.(id)) this.surface.releasePointerCapture(id);
    this.callbacks.end(cancelled);
  }

  /** Client coordinates → 0..1 of the surface, rounded to keep stored strokes compact. */
  private toPoint(event: PointerEvent): StrokePoint {
    const rect = this.rect ?? this.surface.getBoundingClientRect();
    const round = (v: number) => Math.round(v * 10000) / 10000;
    return {
      x: round(rect.width > 0 ? (event.clientX - rect.left) / rect.width : 0),
      y: round(rect.height > 0 ? (event.clientY - rect.top) / rect.height : 0),
    };
  }
}
