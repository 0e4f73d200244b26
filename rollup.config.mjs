// Two outputs from one source tree:
//  - dist/*.js for browsers and workers: tfjs bundled in, wasm binaries and weights copied next to
//    the bundles, so `<script type="module" src=".../digit-pad.js">` needs nothing else. The code
//    names each asset by a literal new URL('./file', import.meta.url) (src/assets.ts), so an app's
//    bundler emits it too. No Node module is referenced: Node gets its own entry.
//  - dist/index.node.js for Node: tfjs stays external (Node loads its own CJS builds and wasm files),
//    file access plugged in by src/index.node.ts.
// No source maps ship: tfjs's alone were 10 MB of the tarball.
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
      // Threads are off (src/backend.ts), so the threaded-SIMD binary is never loaded and not shipped.
      for (const name of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm']) {
        this.emitFile({ type: 'asset', fileName: name, source: readFileSync(join(wasmDir, name)) });
      }
      for (const name of readdirSync('weights')) {
        this.emitFile({ type: 'asset', fileName: `weights/${name}`, source: readFileSync(join('weights', name)) });
      }
    },
  };
}

/**
 * tfjs's ES builds keep Node-only `require('util')`, `require('fs')`... inside code that runs only
 * in Node (PlatformNode, emscripten's node branch). Left in the browser bundle, esbuild fails on
 * them ("Could not resolve util") and webpack and Vite try to polyfill them. The browser bundle
 * never takes those branches, so each becomes an expression that says so if it ever runs.
 */
function dropNodeRequires() {
  const nodeOnly = /\brequire\((["'])(util|fs|path|os|crypto|perf_hooks|worker_threads|node-fetch)\1\)/g;
  return {
    name: 'drop-node-requires',
    renderChunk(code) {
      if (!nodeOnly.test(code)) return null;
      nodeOnly.lastIndex = 0;
      return {
        // No quotes in the replacement: some matches sit inside string literals (emscripten's worker source).
        code: code.replace(nodeOnly, (_, __, name) => `(()=>{throw Error(/digit-pad browser bundle: no Node module ${name}, Node uses the package Node entry/.source)})()`),
        map: null,
      };
    },
  };
}

const ts = () => typescript({ tsconfig: './tsconfig.json', declaration: false, declarationDir: undefined, outDir: 'dist', noEmitOnError: true });

export default [
  {
    input: {
      'digit-pad-sdk': 'src/index.ts',
      'digit-pad': 'src/element/index.ts',
      'train-worker': 'src/training/worker.ts',
      'digit-pad-letters': 'src/letters.ts',
      'digit-pad-react': 'src/react/index.ts',
    },
    // The React wrapper uses the app's React (one copy per app); @lit/react (1 KB) is bundled.
    external: ['react'],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
    },
    plugins: [
      resolve({ browser: true, exportConditions: ['browser', 'module', 'import', 'default'] }),
      commonjs(),
      ts(),
      terser({ format: { comments: false } }),
      dropNodeRequires(),
      copyAssets(),
    ],
    onwarn(warning, warn) {
      // tfjs's emscripten glue uses `this` at top level and eval-free dynamic requires it never reaches in browsers.
      if (warning.code === 'THIS_IS_UNDEFINED' || warning.code === 'CIRCULAR_DEPENDENCY') return;
      warn(warning);
    },
  },
  {
    input: { 'index.node': 'src/index.node.ts', 'letters.node': 'src/letters.node.ts' },
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'node-[name]-[hash].js' },
    external: (id) => id.startsWith('@tensorflow/') || id.startsWith('node:'),
    plugins: [resolve(), ts()],
  },
];
