/**
 * Where models are saved and loaded besides URLs: files in Node, IndexedDB in browsers, or plain
 * bytes anywhere. A save is one write of manifest and binary together (one IndexedDB transaction),
 * so a failed or aborted save leaves the previously saved model loadable.
 */
import { DigitPadError } from '../errors.js';
import { fileIo } from './file-io.js';
import type { WeightsManifest } from './manifest.js';

export interface ModelBytes {
  manifest: WeightsManifest;
  binary: Uint8Array;
}

const IDB_PREFIX = 'indexeddb://';
const DB_NAME = 'digit-pad';
const STORE = 'models';

export function isIndexedDbKey(target: unknown): target is string {
  return typeof target === 'string' && target.startsWith(IDB_PREFIX) && target.length > IDB_PREFIX.length;
}

function openDb(): Promise<IDBDatabase> {
  if (typeof indexedDB === 'undefined') {
    return Promise.reject(new DigitPadError('STORAGE_FAILED', 'IndexedDB is not available in this runtime; save to a file path (Node) or call save() for the bytes.'));
  }
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new DigitPadError('STORAGE_FAILED', `Could not open IndexedDB: ${request.error?.message}`));
  });
}

export async function saveToIndexedDb(key: string, bytes: ModelBytes): Promise<void> {
  const db = await openDb();
  try {
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      tx.objectStore(STORE).put({ manifest: bytes.manifest, binary: bytes.binary }, key.slice(IDB_PREFIX.length));
      tx.oncomplete = () => resolve();
      tx.onabort = tx.onerror = () =>
        reject(new DigitPadError('STORAGE_FAILED', `Saving ${key} failed (${tx.error?.message ?? 'transaction aborted'}); the previously saved model is unchanged.`));
    });
  } finally {
    db.close();
  }
}

export async function loadFromIndexedDb(key: string): Promise<ModelBytes> {
  const db = await openDb();
  try {
    const value = await new Promise<unknown>((resolve, reject) => {
      const request = db.transaction(STORE, 'readonly').objectStore(STORE).get(key.slice(IDB_PREFIX.length));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(new DigitPadError('STORAGE_FAILED', `Reading ${key} failed: ${request.error?.message}`));
    });
    if (!value) throw new DigitPadError('WEIGHTS_LOAD_FAILED', `No model is saved under ${key}.`);
    const { manifest, binary } = value as { manifest: WeightsManifest; binary: unknown };
    if (!(binary instanceof Uint8Array)) throw new DigitPadError('WEIGHTS_INVALID', `The model saved under ${key} has no binary.`);
    return { manifest, binary };
  } finally {
    db.close();
  }
}

/** Node: writes `<path>.json` (manifest) and `<path>.bin` next to it; `path` may end in .json. */
export async function saveToFile(path: string | URL, bytes: ModelBytes): Promise<{ manifestPath: string }> {
  const io = fileIo();
  if (!io) {
    throw new DigitPadError('STORAGE_FAILED', `save(${JSON.stringify(String(path))}) writes files, which only Node can; in a browser save to 'indexeddb://name' or call save() for the bytes.`);
  }
  return io.save(path, bytes);
}
