import { copyFileSync, mkdirSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';

const dir = import.meta.dirname;
mkdirSync(`${dir}/dist`, { recursive: true });
copyFileSync(`${dir}/index.html`, `${dir}/dist/index.html`);

export default {
  input: `${dir}/main.js`,
  output: { dir: `${dir}/dist`, format: 'es' },
  // importMetaAssets emits each new URL('./file', import.meta.url) asset (digit-pad's .wasm and weights).
  plugins: [nodeResolve({ browser: true }), importMetaAssets()],
};
