/**
 * File access is Node's alone. The browser bundles never import Node modules (webpack and esbuild
 * refuse `node:` imports, Vite externalizes them with warnings); Node's entry (src/index.node.ts)
 * plugs its implementation in here instead.
 */
import type { ModelBytes } from './storage.js';

export interface FileIo {
  /** Reads a file: URL. */
  read(url: URL): Promise<Uint8Array>;
  /** Writes `<stem>.json` and `<stem>.bin`; resolves with the manifest's path. */
  save(path: string | URL, bytes: ModelBytes): Promise<{ manifestPath: string }>;
}

let io: FileIo | null = null;

/** @internal Called once by the Node entry. */
export function useFileIo(next: FileIo): void {
  io = next;
}

/** The Node file access, or null in browsers and workers. */
export function fileIo(): FileIo | null {
  return io;
}
