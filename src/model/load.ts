import * as tf from '@tensorflow/tfjs-core';
import { ensureBackend } from '../backend.js';
import { DigitPadError } from '../errors.js';
import { weightShapes } from './architecture.js';
import { MANIFEST_FORMAT, type WeightsManifest } from './manifest.js';
import { Network, type DigitNetwork } from './network.js';
import { RoutedNetwork } from './routed-network.js';
import { decodeWeights } from './quantize.js';
import { sha256Hex } from './sha256.js';
import { ASSET_FIX, bundledModelUrls, DIGITS_MODEL, INK_SOURCE_MODEL, PAPER_DIGITS_MODEL, type BundledModel } from '../assets.js';
import { fileIo } from './file-io.js';
import { isIndexedDbKey, loadFromIndexedDb, saveToFile, saveToIndexedDb, type ModelBytes } from './storage.js';

/**
 * A loaded model: what `recognize(image, { model })` runs. Immutable: training makes a new one.
 * The built-in model reads with two networks mixed by ink kind (`RoutedNetwork`); its `manifest`,
 * `binary` and `save()` are those of its screen network, the one `train()` fine-tunes.
 */
export class DigitModel {
  /** @internal */
  constructor(
    readonly manifest: WeightsManifest,
    /** @internal the verified weights binary */
    readonly binary: Uint8Array,
    /** @internal */
    readonly network: DigitNetwork,
  ) {}

  get classNames(): readonly string[] {
    return this.manifest.classNames;
  }

  /** Frees the model's tensors; recognizing with it afterwards is an error. The built-in model is never disposed. */
  dispose(): void {
    this.network.dispose();
  }

  /**
   * Saves the model. No argument: returns `{ manifest, binary }` (works everywhere).
   * `'indexeddb://name'`: stores it in IndexedDB (browsers). A path or file: URL (Node): writes
   * `name.json` and `name.bin`, and resolves with `{ location }` (the manifest path or the key).
   * Reload any of these with `loadModel()`.
   *
   * ```ts
   * await model.save('indexeddb://my-handwriting');
   * const again = await loadModel('indexeddb://my-handwriting');
   * ```
   */
  save(): Promise<ModelBytes>;
  save(target: string | URL): Promise<{ location: string }>;
  async save(target?: string | URL): Promise<ModelBytes | { location: string }> {
    if (target === undefined) return { manifest: structuredClone(this.manifest), binary: this.binary.slice() };
    const bytes = { manifest: this.manifest, binary: this.binary };
    if (isIndexedDbKey(target)) {
      await saveToIndexedDb(target, bytes);
      return { location: target };
    }
    if (target instanceof URL || typeof target === 'string') return { location: (await saveToFile(target, bytes)).manifestPath };
    throw new DigitPadError('INVALID_OPTION', `save() takes 'indexeddb://name', a file path or nothing, got ${typeof target}.`);
  }
}

/** URL of the shipped digits manifest (its binary has its own URL: see src/assets.ts). */
export const DEFAULT_MANIFEST_URL: URL = DIGITS_MODEL.manifest;

const bundledModels: BundledModel[] = [DIGITS_MODEL];

/**
 * The built-in model, loaded once for every caller (retried after a failure): the shipped screen
 * and paper networks and the ink-source network that mixes them, all fetched together.
 *
 * ```ts
 * const model = await builtInModel(); // what recognize() uses without options.model
 * ```
 */
export const builtInModel: () => Promise<DigitModel> = (() => {
  let loading: Promise<DigitModel> | null = null;
  return () => {
    loading ??= loadBuiltIn().catch((error) => {
      loading = null;
      throw error;
    });
    return loading;
  };
})();

async function loadBuiltIn(): Promise<DigitModel> {
  const [screen, paper, source] = await Promise.all([DIGITS_MODEL, PAPER_DIGITS_MODEL, INK_SOURCE_MODEL].map((m) => loadBundled(bundledModelUrls(m))));
  return new DigitModel(screen.manifest, screen.binary, new RoutedNetwork(source.network as Network, paper.network as Network, screen.network as Network));
}

/**
 * A loader for a shipped model that loads it once for every caller; after a failure the next call
 * tries again (the page may have fixed its paths or come back online). Its files are looked up
 * when first needed, so a `configure({ assetBase })` before that moves them.
 *
 * ```ts
 * const getLetters = sharedModel(LETTERS_MODEL);
 * await getLetters() === await getLetters(); // true
 * ```
 */
export function sharedModel(model: BundledModel): () => Promise<DigitModel> {
  if (!bundledModels.includes(model)) bundledModels.push(model);
  let loading: Promise<DigitModel> | null = null;
  return () => {
    loading ??= loadBundled(bundledModelUrls(model)).catch((error) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}

/** Manifest and binary fetched together: the binary's URL never depends on the manifest's. */
async function loadBundled({ manifest: manifestUrl, binary: binaryUrl }: BundledModel): Promise<DigitModel> {
  const [manifestBytes, binary] = await Promise.all([readBytes(manifestUrl), readBytes(binaryUrl)]);
  return fromBytes(parseManifest(manifestBytes, manifestUrl), binary, binaryUrl.href);
}

/**
 * Loads a model from a manifest URL (http(s):, file: or a relative URL in browsers), from
 * `'indexeddb://name'`, or from `{ manifest, binary }`, and checks the binary against the SHA-256
 * recorded in the manifest before using a single byte.
 *
 * ```ts
 * const model = await loadModel(new URL('./my-model.json', import.meta.url));
 * await recognize(canvas, { model });
 * ```
 */
export async function loadModel(source: string | URL | ModelBytes): Promise<DigitModel> {
  if (isIndexedDbKey(source)) {
    const { manifest, binary } = await loadFromIndexedDb(source);
    return fromBytes(manifest, binary, source);
  }
  if (source && typeof source === 'object' && !(source instanceof URL)) {
    if (!(source.binary instanceof Uint8Array)) {
      throw new DigitPadError('INVALID_INPUT', 'loadModel({ manifest, binary }) needs binary as a Uint8Array.');
    }
    return fromBytes(source.manifest, source.binary, 'the given model bytes');
  }
  const url = toUrl(source);
  // A shipped manifest's URL may be a bundler's data: URL, against which no binary resolves.
  const bundled = bundledModels.find((model) => model.manifest.href === url.href);
  if (bundled) return bundled === DIGITS_MODEL ? loadBuiltIn() : loadBundled(bundledModelUrls(bundled));
  const manifest = parseManifest(await readBytes(url), url);
  let binaryUrl: URL;
  try {
    if (url.protocol === 'data:' || url.protocol === 'blob:') throw new TypeError('no folder to resolve against');
    binaryUrl = new URL(manifest.file.path, url);
  } catch (error) {
    throw new DigitPadError(
      'WEIGHTS_LOAD_FAILED',
      `The binary ${JSON.stringify(manifest.file.path)} of the manifest at ${url.href.slice(0, 80)} cannot be located: a ${url.protocol} URL has no folder. ` +
        'Serve the manifest and its .bin from one folder over http(s), or pass loadModel({ manifest, binary }).',
      { cause: error },
    );
  }
  return fromBytes(manifest, await readBytes(binaryUrl), binaryUrl.href);
}

function parseManifest(bytes: Uint8Array, url: URL): WeightsManifest {
  let manifest: unknown;
  try {
    manifest = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    const start = new TextDecoder().decode(bytes.subarray(0, 64)).trimStart();
    const html = /^<(!doctype|html)/i.test(start);
    throw new DigitPadError(
      html ? 'WEIGHTS_LOAD_FAILED' : 'WEIGHTS_INVALID',
      html
        ? `${url.href} returned an HTML page, not the weights manifest: the server does not have the file (a dev server answers unknown paths with index.html). ${ASSET_FIX}`
        : `The weights manifest at ${url.href} is not valid JSON.`,
      { cause: error },
    );
  }
  checkManifest(manifest, url.href);
  return manifest;
}

async function fromBytes(manifest: unknown, binary: Uint8Array, source: string): Promise<DigitModel> {
  checkManifest(manifest, source);
  await ensureBackend(); // tensors must be created on the backend that will run them
  return modelFromBytes(manifest, binary, source);
}

/** Builds a model from a manifest and its binary, refusing anything that does not match. The backend must be ready. */
export function modelFromBytes(manifest: WeightsManifest, binary: Uint8Array, source = 'the weights binary'): DigitModel {
  if (binary.length !== manifest.file.byteLength) {
    throw new DigitPadError('WEIGHTS_INVALID', `${source} has ${binary.length} bytes; its manifest expects ${manifest.file.byteLength}.`);
  }
  const actual = sha256Hex(binary);
  if (actual !== manifest.file.sha256) {
    throw new DigitPadError(
      'WEIGHTS_HASH_MISMATCH',
      `${source} has SHA-256 ${actual}, but its manifest expects ${manifest.file.sha256}; the file is corrupt or was replaced.`,
    );
  }
  const tensors = new Map<string, tf.Tensor>();
  const shapes = new Map(manifest.weights.map((entry) => [entry.name, entry.shape]));
  for (const [name, values] of decodeWeights(manifest.weights, binary)) tensors.set(name, tf.tensor(values, shapes.get(name), 'float32'));
  const network = new Network(manifest.architecture, tensors, manifest.inputShape[0], manifest.classNames.length);
  return new DigitModel(manifest, binary, network);
}

function checkManifest(value: unknown, source: string): asserts value is WeightsManifest {
  const fail = (what: string): never => {
    throw new DigitPadError('WEIGHTS_INVALID', `The weights manifest of ${source} ${what}.`);
  };
  const m = value as Partial<WeightsManifest>;
  if (!m || typeof m !== 'object') fail('is not an object');
  if (m.format !== MANIFEST_FORMAT) fail(`has format ${JSON.stringify(m.format)}; expected "${MANIFEST_FORMAT}"`);
  if (!Array.isArray(m.classNames) || m.classNames.length < 2) fail('needs classNames with at least two entries');
  if (!Array.isArray(m.inputShape) || m.inputShape.length !== 3) fail('needs an inputShape [height, width, channels]');
  if (!Array.isArray(m.architecture) || !Array.isArray(m.weights)) fail('needs architecture and weights lists');
  const f = m.file;
  if (!f || typeof f.path !== 'string' || typeof f.sha256 !== 'string' || !Number.isInteger(f.byteLength)) {
    fail('needs file: { path, byteLength, sha256 }');
  }
  const expected = weightShapes(m.architecture!, m.inputShape!);
  if (expected.length !== m.weights!.length) fail(`lists ${m.weights!.length} weight tensors; its architecture has ${expected.length}`);
  expected.forEach(({ name, shape }, i) => {
    const entry = m.weights![i];
    if (entry.name !== name || entry.shape.join() !== shape.join()) {
      fail(`has ${entry.name} [${entry.shape}] where its architecture needs ${name} [${shape}]`);
    }
    const bytes = shape.reduce((a, b) => a * b, 1) * (entry.dtype === 'uint8' ? 1 : 4);
    if (!Number.isInteger(entry.offset) || entry.offset < 0 || entry.offset + bytes > f!.byteLength) {
      fail(`places ${name} outside the binary`);
    }
    if (entry.dtype === 'uint8' && !(Number.isFinite(entry.min) && Number.isFinite(entry.scale))) {
      fail(`gives ${name} no finite min/scale`);
    }
  });
  const last = m.architecture!.at(-1);
  if (last?.type !== 'dense' || last.units !== m.classNames!.length) fail('must end in a dense layer with one unit per class');
}

function toUrl(source: string | URL): URL {
  if (source instanceof URL) return source;
  if (typeof source !== 'string' || source === '') {
    throw new DigitPadError('INVALID_INPUT', `loadModel() needs a manifest URL, 'indexeddb://name' or { manifest, binary }, got ${source === null ? 'null' : typeof source}.`);
  }
  const base = typeof location === 'object' && location?.href ? location.href : `file://${process.cwd()}/`;
  return new URL(source, base);
}

async function readBytes(url: URL): Promise<Uint8Array> {
  if (url.protocol === 'file:') {
    const io = fileIo();
    if (!io) {
      throw new DigitPadError('WEIGHTS_LOAD_FAILED', `Could not read ${url.href}: file: URLs are read only in Node (digit-pad's Node entry); in a browser serve the file over http(s).`);
    }
    try {
      return await io.read(url);
    } catch (error) {
      throw new DigitPadError('WEIGHTS_LOAD_FAILED', `Could not read ${url.href}: ${(error as Error).message}`, { cause: error });
    }
  }
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new DigitPadError('WEIGHTS_LOAD_FAILED', `Could not fetch ${url.href}: ${(error as Error).message}. ${ASSET_FIX}`, { cause: error });
  }
  if (!response.ok) {
    throw new DigitPadError('WEIGHTS_LOAD_FAILED', `Could not fetch ${url.href}: HTTP ${response.status}. ${ASSET_FIX}`);
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (url.pathname.endsWith('.bin') && /^\s*<(!doctype|html)/i.test(new TextDecoder().decode(bytes.subarray(0, 64)))) {
    throw new DigitPadError('WEIGHTS_LOAD_FAILED', `${url.href} returned an HTML page, not weights: the server does not have the file (a dev server answers unknown paths with index.html). ${ASSET_FIX}`);
  }
  return bytes;
}
