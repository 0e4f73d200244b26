/**
 * Every file the browser bundles load at run time, each named by its own literal
 * `new URL('./file', import.meta.url)`: the one pattern Vite, webpack 5, Parcel, Rollup (with
 * @web/rollup-plugin-import-meta-assets) and esbuild (with a meta-url plugin) all follow to emit and
 * fingerprint an asset. A folder URL or a path read from a manifest is followed by none of them, so
 * no asset is ever found that way. `configure({ assetBase })` moves them all to one directory (a CDN).
 */
import { DigitPadError } from './errors.js';

/** A shipped model: its manifest and its binary, each with its own literal URL. */
export interface BundledModel {
  /** Its file stem in dist/weights/ (bundlers may rename the files; a CDN copy of dist/ keeps these names). */
  name: string;
  manifest: URL;
  binary: URL;
}

// Keep each `new URL(...)` literal and on one line: bundlers match the exact pattern.
export const DIGITS_MODEL: BundledModel = {
  name: 'digits',
  manifest: new URL('./weights/digits.json', import.meta.url),
  binary: new URL('./weights/digits.bin', import.meta.url),
};
/** The built-in model's second digit network, trained on MNIST alone (see src/model/routed-network.ts). */
export const PAPER_DIGITS_MODEL: BundledModel = {
  name: 'digits-paper',
  manifest: new URL('./weights/digits-paper.json', import.meta.url),
  binary: new URL('./weights/digits-paper.bin', import.meta.url),
};
/** The small network that tells scanned paper from ink drawn on a screen, mixing the two. */
export const INK_SOURCE_MODEL: BundledModel = {
  name: 'ink-source',
  manifest: new URL('./weights/ink-source.json', import.meta.url),
  binary: new URL('./weights/ink-source.bin', import.meta.url),
};
export const SEGMENTER_MODEL: BundledModel = {
  name: 'segmenter',
  manifest: new URL('./weights/segmenter.json', import.meta.url),
  binary: new URL('./weights/segmenter.bin', import.meta.url),
};

/** The tfjs wasm binaries digit-pad uses (threads are off, so the threaded-SIMD one is never loaded). */
export const WASM_FILES = {
  'tfjs-backend-wasm.wasm': new URL('./tfjs-backend-wasm.wasm', import.meta.url),
  'tfjs-backend-wasm-simd.wasm': new URL('./tfjs-backend-wasm-simd.wasm', import.meta.url),
} as const;
export type WasmFile = keyof typeof WASM_FILES;

/** What to do when an asset is missing; shared by weights and wasm errors. */
export const ASSET_FIX =
  "Let your bundler emit digit-pad's assets (it does by itself for Vite and webpack 5; Rollup needs @web/rollup-plugin-import-meta-assets, esbuild a new URL(..., import.meta.url) plugin), " +
  "or copy node_modules/digit-pad/dist/ (its .wasm files and weights/) to your server and call configure({ assetBase: '<that folder>/' }).";

let assetBase: URL | null = null;
let wasmBase: URL | null = null;

function directoryUrl(value: unknown, option: string): URL {
  if (typeof value !== 'string' && !(value instanceof URL)) {
    throw new DigitPadError('INVALID_OPTION', `${option} must be a directory URL (string or URL), got ${value === null ? 'null' : typeof value}.`);
  }
  const text = String(value);
  const base = typeof location === 'object' && location?.href ? location.href : undefined;
  let url: URL;
  try {
    url = new URL(text.endsWith('/') ? text : `${text}/`, base);
  } catch {
    throw new DigitPadError('INVALID_OPTION', `${option} must be a directory URL such as 'https://cdn.example/digit-pad/0.1.0/dist/', got ${JSON.stringify(text)}.`);
  }
  return url;
}

/** @internal Set by `configure()`: where the assets live instead of next to the bundle. */
export function setAssetLocations(next: { assetBase?: string | URL; wasmPaths?: string | URL }): void {
  if (next.assetBase !== undefined) assetBase = directoryUrl(next.assetBase, 'assetBase');
  if (next.wasmPaths !== undefined) wasmBase = directoryUrl(next.wasmPaths, 'wasmPaths');
}

/** Where a wasm binary is loaded from: `wasmPaths`, else `assetBase`, else next to the bundle. */
export function wasmUrl(file: WasmFile): URL {
  const base = wasmBase ?? assetBase;
  return base ? new URL(file, base) : WASM_FILES[file];
}

/** Where a shipped model is loaded from: under `assetBase` (same `weights/` layout as dist/), else next to the bundle. */
export function bundledModelUrls(model: BundledModel): BundledModel {
  if (!assetBase) return model;
  return {
    name: model.name,
    manifest: new URL(`weights/${model.name}.json`, assetBase),
    binary: new URL(`weights/${model.name}.bin`, assetBase),
  };
}
