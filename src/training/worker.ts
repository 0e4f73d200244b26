/** Entry of dist/train-worker.js: trains off the main thread and posts progress and weights back. */
import { DigitPadError } from '../errors.js';
import { loadModel } from '../model/load.js';
import { fit } from './fit.js';
import type { WorkerReply, WorkerRequest } from './worker-client.js';

const scope = self as unknown as { postMessage(message: WorkerReply | { type: 'ready' }, transfer?: Transferable[]): void; onmessage: ((e: MessageEvent<WorkerRequest>) => void) | null };
scope.postMessage({ type: 'ready' });
scope.onmessage = async (event) => {
  const { data, settings, base } = event.data;
  try {
    const network = base ? (await loadModel(base)).network : null;
    const result = await fit(data, settings, network, {
      onProgress: (progress) => scope.postMessage({ type: 'progress', progress }),
    });
    scope.postMessage({ type: 'done', result }, result.weights.map((w) => w.buffer as ArrayBuffer));
  } catch (error) {
    const code = error instanceof DigitPadError ? error.code : 'TRAINING_FAILED';
    scope.postMessage({ type: 'error', code, message: (error as Error).message });
  }
};
