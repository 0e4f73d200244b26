import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { DigitModel } from '../model/load.js';

export interface RecognitionOptions<R> {
  /** Reads the drawing as it is now (one digit or a whole number) with `model` (null: built-in). */
  read(model: DigitModel | null): Promise<R>;
  /** The model to read with; null for the built-in digits model. */
  model(): DigitModel | null;
  /** A read of the current drawing finished; `model` is the one it was read with (null: built-in). */
  result(result: R, model: DigitModel | null): void;
  /** A read of the current drawing failed. */
  error(error: Error): void;
}

/**
 * Decides when the pad is read: after a pause (debounce), at once on demand, and never twice for
 * one drawing's outcome. Reads are async, so each one carries the drawing's revision and a result
 * for a drawing that has changed since is dropped instead of overwriting newer state.
 */
export class RecognitionScheduler<R> implements ReactiveController {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private revision = 0;
  private resumeOnConnect = false;

  constructor(host: ReactiveControllerHost, private readonly options: RecognitionOptions<R>) {
    host.addController(this);
  }

  /** A read is waiting for the writer's pause. */
  get scheduled(): boolean {
    return this.timer !== undefined;
  }

  /** The drawing changed: forget the pending read, and make reads in flight stale. */
  invalidate(): void {
    this.revision++;
    this.cancel();
  }

  /** Reads after `delay` ms unless the drawing changes first. Failures are reported via `error()` and logged. */
  schedule(delay: number): void {
    this.cancel();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run().catch((error) => console.error('<digit-pad>: recognition failed.', error));
    }, delay);
  }

  /** Reads now and resolves with the SDK result (applied through `result()` only if still current). */
  async run(): Promise<R> {
    this.cancel();
    const revision = this.revision;
    const model = this.options.model();
    let result: R;
    try {
      result = await this.options.read(model);
    } catch (error) {
      if (revision === this.revision) this.options.error(error as Error);
      throw error;
    }
    if (revision === this.revision) this.options.result(result, model);
    return result;
  }

  hostConnected(): void {
    // Moved in the DOM while a read was pending: finish it rather than leave the pad "pending".
    if (this.resumeOnConnect) this.schedule(0);
    this.resumeOnConnect = false;
  }

  hostDisconnected(): void {
    this.resumeOnConnect = this.scheduled;
    this.cancel();
  }

  private cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
