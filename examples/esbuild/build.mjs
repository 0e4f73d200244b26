// esbuild has no built-in handling of new URL('./file', import.meta.url); this plugin emits those files.
import { copyFile, mkdir } from 'node:fs/promises';
import * as esbuild from 'esbuild';
import metaUrl from '@chialab/esbuild-plugin-meta-url';

const dir = import.meta.dirname;
await mkdir(`${dir}/dist`, { recursive: true });
await esbuild.build({
  entryPoints: [`${dir}/main.js`],
  bundle: true,
  format: 'esm',
  minify: true,
  outdir: `${dir}/dist`,
  assetNames: 'assets/[name]-[hash]',
  plugins: [metaUrl()],
});
await copyFile(`${dir}/index.html`, `${dir}/dist/index.html`);
