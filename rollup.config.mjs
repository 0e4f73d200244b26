// Two outputs from one source tree:
//  - dist/*.js for browsers and workers: tfjs bundled in, wasm binaries and weights copied next to
//    the bundles, so `<script type="module" src=".../digit-pad.js">` needs nothing else.
//  - dist/index.node.js for Node: tfjs stays external (Node loads its own CJS builds and wasm files).
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import resolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

const require = createRequire(import.meta.url);
// Chunk names carry content hashes; start clean so stale chunks never ship.
rmSync('dist', { recursive: true, force: true });
const wasmDir = join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');

/** Copies the tfjs wasm binaries and the shipped weights into dist/. */
function copyAssets() {
  return {
    name: 'copy-assets',
    generateBundle() {
      for (const name of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
        this.emitFile({ type: 'asset', fileName: name, source: readFileSync(join(wasmDir, name)) });
      }
      for (const name of readdirSync('weights')) {
        this.emitFile({ type: 'asset', fileName: `weights/${name}`, source: readFileSync(join('weights', name)) });
      }
    },
  };
}

const ts = () => typescript({ tsconfig: './tsconfig.json', declaration: false, declarationDir: undefined, outDir: 'dist', noEmitOnError: true });

export default [
  {
    input: { 'digit-pad-sdk': 'src/index.ts', 'digit-pad': 'src/element/index.ts', 'train-worker': 'src/training/worker.ts', 'digit-pad-letters': 'src/letters.ts' },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      sourcemap: true,
    },
    plugins: [
      resolve({ browser: true, exportConditions: ['browser', 'module', 'import', 'default'] }),
      commonjs(),
      ts(),
      terser({ format: { comments: false } }),
      copyAssets(),
    ],
    onwarn(warning, warn) {
      // tfjs's emscripten glue uses `this` at top level and eval-free dynamic requires it never reaches in browsers.
      if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return;
      warn(warning);
    },
  },
  {
    input: { 'index.node': 'src/index.ts', 'letters.node': 'src/letters.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', sourcemap: true },
    external: (id) => id.startsWith('@tensorflow/') || id.startsWith('node:'),
    plugins: [resolve(), ts()],
  },
];
