/** Node's entry for `digit-pad/letters`: the letters model with file access, as in src/index.node.ts. */
import { useFileIo } from './model/file-io.js';
import { nodeFileIo } from './node/file-io.js';

useFileIo(nodeFileIo);

export * from './letters.js';
