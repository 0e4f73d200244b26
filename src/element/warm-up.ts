import { ensureBackend } from '../backend.js';
import { getDefaultModel } from '../recognize.js';
import { getSegmenter } from '../segment/number.js';

/** What a pad will read with: the built-in digits model unless it has its own, and the verifier for numbers. */
export interface WarmUpNeeds {
  digitsModel: boolean;
  number: boolean;
}

let scheduled = false;
const pending: (() => WarmUpNeeds)[] = [];

/**
 * Loads what recognition needs — the wasm binary (fetched and compiled), the weights — once for the
 * whole page, so the first digit a person writes is answered as fast as the tenth. Every pad shares
 * the same loads (the backend and models are page-wide singletons); failures are left for the read
 * itself to report (and retry). Marks `digit-pad:warm-up` and `digit-pad:ready` on the performance timeline.
 *
 * ```ts
 * warmUp({ digitsModel: true, number: false }); // on the first pointerdown
 * ```
 */
export function warmUp({ digitsModel, number }: WarmUpNeeds): Promise<void> {
  mark('digit-pad:warm-up');
  const loads: Promise<unknown>[] = [ensureBackend()];
  if (digitsModel) loads.push(getDefaultModel());
  if (number) loads.push(getSegmenter());
  return Promise.all(loads).then(() => mark('digit-pad:ready'), () => {});
}

/**
 * Warms up when the page is next idle (at most a second after the first pad connects), for every pad
 * connected until then. A page without a pad never calls this, and loads no wasm and no weights.
 */
export function warmUpWhenIdle(needs: () => WarmUpNeeds): void {
  pending.push(needs);
  if (scheduled) return;
  scheduled = true;
  const run = () => {
    scheduled = false;
    const all = pending.splice(0).map((n) => n());
    void warmUp({ digitsModel: all.some((n) => n.digitsModel), number: all.some((n) => n.number) });
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 1000 });
  else setTimeout(run, 200);
}

function mark(name: string): void {
  if (performance.getEntriesByName(name).length === 0) performance.mark?.(name);
}
