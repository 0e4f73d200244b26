// Classic script: adds the import map for the tfjs-layers baseline page (kept out of inline HTML).
// The tfjs ES bundles (dist/*.fesm.js) import only '@tensorflow/tfjs-core', except the wasm backend,
// whose emscripten glue also imports Node's fs/path/os/perf_hooks (never used in browsers): stubbed.
{
  const tfjs = '/node_modules/@tensorflow/';
  const map = document.createElement('script');
  map.type = 'importmap';
  map.textContent = JSON.stringify({
    imports: {
      '@tensorflow/tfjs-core': `${tfjs}tfjs-core/dist/tf-core.fesm.js`,
      '@tensorflow/tfjs-layers': `${tfjs}tfjs-layers/dist/tf-layers.fesm.js`,
      '@tensorflow/tfjs-backend-wasm': `${tfjs}tfjs-backend-wasm/dist/tf-backend-wasm.fesm.js`,
      fs: '/bench/node-stub.js',
      path: '/bench/node-stub.js',
      os: '/bench/node-stub.js',
      perf_hooks: '/bench/node-stub.js',
    },
  });
  document.currentScript.after(map);
}
