/**
 * Runs `fit()` in a module Web Worker (dist/train-worker.js) so a page stays responsive while it
 * trains. Progress and the result come back as messages; aborting terminates the worker.
 */
import { DigitPadError } from '../errors.js';
import type { ModelBytes } from '../model/storage.js';
import type { PreparedDataset } from './dataset.js';
import type { FitHooks, FitResult, FitSettings } from './fit.js';

export type WorkerRequest = { data: PreparedDataset; settings: FitSettings; base: ModelBytes | null };
export type WorkerReply =
  | { type: 'progress'; progress: Parameters<NonNullable<FitHooks['onProgress']>>[0] }
  | { type: 'done'; result: FitResult }
  | { type: 'error'; code: string; message: string };

export function workerAvailable(): boolean {
  return typeof Worker === 'function' && typeof window === 'object';
}

export function trainInWorker(data: PreparedDataset, settings: FitSettings, base: ModelBytes | null, hooks: FitHooks): Promise<FitResult> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./train-worker.js', import.meta.url), { type: 'module', name: 'digit-pad-training' });
    } catch (error) {
      reject(Object.assign(new Error(`worker could not start: ${(error as Error).message}`), { code: 'WORKER_UNAVAILABLE' }));
      return;
    }
    let started = false;
    const finish = () => {
      hooks.signal?.removeEventListener('abort', onAbort);
      worker.terminate();
    };
    const onAbort = () => {
      finish();
      reject(new DigitPadError('TRAINING_ABORTED', 'Training was aborted; existing models are unchanged.'));
    };
    hooks.signal?.addEventListener('abort', onAbort, { once: true });
    worker.onerror = (event) => {
      event.preventDefault();
      finish();
      // Before the first message the worker script never ran (blocked by CSP, missing file): fall back.
      if (!started) reject(Object.assign(new Error(`worker failed to start: ${event.message}`), { code: 'WORKER_UNAVAILABLE' }));
      else reject(new DigitPadError('TRAINING_FAILED', `Training failed in the worker: ${event.message}`));
    };
    worker.onmessage = (event: MessageEvent<WorkerReply | { type: 'ready' }>) => {
      const reply = event.data;
      started = true;
      if (reply.type === 'progress') hooks.onProgress?.(reply.progress);
      else if (reply.type === 'done') {
        finish();
        resolve(reply.result);
      } else if (reply.type === 'error') {
        finish();
        reject(new DigitPadError(reply.code as 'TRAINING_FAILED', reply.message));
      }
    };
    const request: WorkerRequest = { data, settings, base };
    worker.postMessage(request);
  });
}
