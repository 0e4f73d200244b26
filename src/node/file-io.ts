/** Node's file access for models: reading file: URLs and saving `name.json` + `name.bin`. */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DigitPadError } from '../errors.js';
import type { FileIo } from '../model/file-io.js';
import type { ModelBytes } from '../model/storage.js';

async function save(path: string | URL, bytes: ModelBytes): Promise<{ manifestPath: string }> {
  const file = path instanceof URL ? fileURLToPath(path) : path;
  const stem = file.endsWith('.json') ? file.slice(0, -5) : file;
  const manifestPath = `${stem}.json`;
  const binaryPath = `${stem}.bin`;
  const manifest = { ...bytes.manifest, file: { ...bytes.manifest.file, path: basename(binaryPath) } };
  try {
    await mkdir(dirname(manifestPath), { recursive: true });
    // Write under temporary names, then rename: an interrupted save leaves the old pair, or a pair
    // whose hash check refuses it, never a silently different model.
    await writeFile(`${binaryPath}.tmp`, bytes.binary);
    await writeFile(`${manifestPath}.tmp`, JSON.stringify(manifest, null, 2) + '\n');
    await rename(`${binaryPath}.tmp`, binaryPath);
    await rename(`${manifestPath}.tmp`, manifestPath);
  } catch (error) {
    throw new DigitPadError('STORAGE_FAILED', `Could not write ${manifestPath}: ${(error as Error).message}`, { cause: error });
  }
  return { manifestPath };
}

export const nodeFileIo: FileIo = {
  read: async (url) => new Uint8Array(await readFile(url)),
  save,
};
