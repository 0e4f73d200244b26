/**
 * Node's entry (`exports["."].node`): the SDK plus file access (file: URLs, `model.save(path)`).
 * The browser bundles are built from src/index.ts and never reference Node modules.
 */
import { useFileIo } from './model/file-io.js';
import { nodeFileIo } from './node/file-io.js';

useFileIo(nodeFileIo);

export * from './index.js';
