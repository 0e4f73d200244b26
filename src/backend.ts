/**
 * Chooses and initialises the tfjs backend once for every caller: wasm with SIMD when the runtime
 * supports it, plain wasm otherwise, and the JS cpu backend when WebAssembly is unavailable.
 * The wasm binaries are loaded from next to the bundle (they ship in dist/), never from a CDN.
 */
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { DigitPadError } from './errors.js';

export type BackendName = 'wasm-simd' | 'wasm' | 'cpu';

export interface BackendOptions {
  /** 'auto' (default) tries wasm-simd, then wasm, then cpu. */
  backend?: 'auto' | 'wasm' | 'cpu';
  /** Set false to use the non-SIMD wasm binary even where SIMD works (benchmarks, old runtimes). */
  simd?: boolean;
  /** Directory URL (ending in '/') holding tfjs-backend-wasm*.wasm. Defaults to the bundle's own directory in browsers. */
  wasmPaths?: string;
}

let options: BackendOptions = {};
let ready: Promise<BackendName> | null = null;

/**
 * Sets backend options. Call before the first recognition; later calls throw, because the
 * backend of a running engine cannot be swapped under in-flight work.
 *
 * ```ts
 * configureBackend({ wasmPaths: '/static/tfjs-wasm/' });
 * ```
 */
export function configureBackend(next: BackendOptions): void {
  if (ready) {
    throw new DigitPadError('INVALID_OPTION', 'configure() must be called before the first recognize(); the backend is already initialised.');
  }
  const backend = next.backend ?? 'auto';
  if (!['auto', 'wasm', 'cpu'].includes(backend)) {
    throw new DigitPadError('INVALID_OPTION', `backend must be 'auto', 'wasm' or 'cpu', got ${String(backend)}.`);
  }
  if (next.wasmPaths !== undefined && typeof next.wasmPaths !== 'string') {
    throw new DigitPadError('INVALID_OPTION', `wasmPaths must be a directory URL string, got ${typeof next.wasmPaths}.`);
  }
  options = { ...options, ...next };
}

/** Resolves with the backend in use, initialising it on first call. */
export function ensureBackend(): Promise<BackendName> {
  ready ??= initialise().catch((error) => {
    ready = null; // let a later call retry (e.g. after the page fixes wasmPaths)
    throw error;
  });
  return ready;
}

async function initialise(): Promise<BackendName> {
  const wanted = options.backend ?? 'auto';
  if (wanted !== 'cpu' && typeof WebAssembly === 'object') {
    try {
      return await initialiseWasm();
    } catch (error) {
      if (wanted === 'wasm') {
        throw new DigitPadError('BACKEND_INIT_FAILED', `The wasm backend failed to start: ${(error as Error).message}`, { cause: error });
      }
    }
  } else if (wanted === 'wasm') {
    throw new DigitPadError('BACKEND_INIT_FAILED', 'backend: "wasm" was requested but this runtime has no WebAssembly.');
  }
  await import('@tensorflow/tfjs-backend-cpu');
  if (!(await tf.setBackend('cpu'))) {
    throw new DigitPadError('BACKEND_INIT_FAILED', 'Neither the wasm nor the cpu backend could be initialised.');
  }
  return 'cpu';
}

async function initialiseWasm(): Promise<BackendName> {
  const env = tf.env();
  // Threaded wasm needs cross-origin isolation that host pages rarely have; one digit needs no threads.
  env.set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (options.simd === false) env.set('WASM_HAS_SIMD_SUPPORT', false);
  const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';
  const paths = options.wasmPaths ?? (isNode ? undefined : new URL('./', import.meta.url).href);
  if (paths) setWasmPaths(paths);
  if (!(await tf.setBackend('wasm'))) throw new Error('tf.setBackend("wasm") returned false');
  await tf.ready();
  return (await env.getAsync('WASM_HAS_SIMD_SUPPORT')) ? 'wasm-simd' : 'wasm';
}
