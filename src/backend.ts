/**
 * Chooses and initialises the tfjs backend once for every caller: wasm with SIMD when the runtime
 * supports it, plain wasm otherwise, and the JS cpu backend when WebAssembly is unavailable.
 * The wasm binaries are loaded from next to the bundle (each by its own literal URL, see
 * src/assets.ts), or from `configure({ assetBase })`; never from a third-party CDN.
 */
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { ASSET_FIX, setAssetLocations, wasmUrl } from './assets.js';
import { DigitPadError } from './errors.js';

export type BackendName = 'wasm-simd' | 'wasm' | 'cpu';

export interface BackendOptions {
  /** 'auto' (default) tries wasm-simd, then wasm, then cpu. */
  backend?: 'auto' | 'wasm' | 'cpu';
  /** Set false to use the non-SIMD wasm binary even where SIMD works (benchmarks, old runtimes). */
  simd?: boolean;
  /**
   * Directory URL holding a copy of the package's dist/ assets (`*.wasm` and `weights/`), e.g. on a
   * CDN. By default each asset is loaded from where the bundler put it.
   */
  assetBase?: string | URL;
  /** Directory URL holding only the tfjs-backend-wasm*.wasm files; wins over `assetBase` for them. */
  wasmPaths?: string | URL;
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
  setAssetLocations(next); // validates assetBase and wasmPaths
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

/** Why the wasm backend did not start, when 'auto' fell back to cpu; null otherwise. */
let fallbackReason: string | null = null;

/**
 * Why recognition runs on the slow cpu backend instead of wasm (e.g. the .wasm URL returned an
 * HTML page), or null when it does not. The pad shows it; the console says it once.
 */
export function backendFallbackReason(): string | null {
  return fallbackReason;
}

async function initialise(): Promise<BackendName> {
  const wanted = options.backend ?? 'auto';
  if (wanted !== 'cpu' && typeof WebAssembly === 'object') {
    try {
      return await initialiseWasm();
    } catch (error) {
      const message = (error as Error).message;
      if (wanted === 'wasm') {
        throw new DigitPadError('BACKEND_INIT_FAILED', `The wasm backend failed to start: ${message}`, { cause: error });
      }
      fallbackReason = message;
      console.warn(`digit-pad: the wasm backend failed to start, so recognition runs on the slower cpu backend. ${message}`);
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

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d]; // "\0asm"

/**
 * Fetches a wasm binary and checks it is one, so a missing file is reported as what it is (an HTTP
 * error, or an HTML page from a dev server's fallback) instead of tfjs's generic abort.
 */
async function fetchWasm(url: URL): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (error) {
    throw new Error(`Could not fetch ${url.href}: ${(error as Error).message}. ${ASSET_FIX}`);
  }
  if (!response.ok) throw new Error(`Could not fetch ${url.href}: HTTP ${response.status}. ${ASSET_FIX}`);
  const buffer = await response.arrayBuffer();
  const bytes = new Uint8Array(buffer);
  if (!WASM_MAGIC.every((byte, i) => bytes[i] === byte)) {
    const type = response.headers.get('content-type') ?? 'no content type';
    const html = /html/i.test(type) || /^\s*<(!doctype|html)/i.test(new TextDecoder().decode(bytes.subarray(0, 64)));
    throw new Error(
      `${url.href} returned ${html ? 'an HTML page' : 'a file that is not WebAssembly'} (${type}), not the wasm binary: the server does not have the file` +
        `${html ? ' (a dev server answers unknown paths with index.html)' : ''}. ${ASSET_FIX}`,
    );
  }
  return buffer;
}

async function initialiseWasm(): Promise<BackendName> {
  const env = tf.env();
  // Threaded wasm needs cross-origin isolation that host pages rarely have; one digit needs no threads.
  env.set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (options.simd === false) env.set('WASM_HAS_SIMD_SUPPORT', false);
  const simd = (await env.getAsync('WASM_HAS_SIMD_SUPPORT')) as boolean;
  const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';
  if (isNode) {
    // Node's tfjs-backend-wasm loads its own binaries from node_modules.
    if (options.wasmPaths !== undefined) setWasmPaths(String(options.wasmPaths));
    if (!(await tf.setBackend('wasm'))) throw new Error('tf.setBackend("wasm") returned false');
  } else {
    const url = wasmUrl(simd ? 'tfjs-backend-wasm-simd.wasm' : 'tfjs-backend-wasm.wasm');
    const bytes = await fetchWasm(url);
    // tfjs fetches through its platform when told to (usePlatformFetch): hand it the checked bytes
    // instead of a second download. Every name maps to the one binary chosen above.
    setWasmPaths({ 'tfjs-backend-wasm.wasm': url.href, 'tfjs-backend-wasm-simd.wasm': url.href, 'tfjs-backend-wasm-threaded-simd.wasm': url.href }, true);
    const platform = env.platform;
    const platformFetch = platform.fetch;
    platform.fetch = (path: string, init?: RequestInit) =>
      path === url.href ? Promise.resolve(new Response(bytes, { headers: { 'content-type': 'application/wasm' } })) : platformFetch.call(platform, path, init);
    try {
      if (!(await tf.setBackend('wasm'))) throw new Error(`tf.setBackend("wasm") returned false with ${url.href}`);
      await tf.ready();
    } finally {
      platform.fetch = platformFetch;
    }
  }
  await tf.ready();
  return simd ? 'wasm-simd' : 'wasm';
}
