// Serves the project root over http on localhost (the demo loads dist/ and weights from it) and prints the URL.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const isMain = import.meta.url === `file://${process.argv[1]}`;
// The folder to serve: the command-line argument when run directly, else the project root.
const root = resolve(isMain && process.argv[2] ? process.argv[2] : new URL('..', import.meta.url).pathname);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.wasm': 'application/wasm', '.css': 'text/css', '.png': 'image/png',
  '.svg': 'image/svg+xml', '.map': 'application/json', '.bin': 'application/octet-stream',
};

/**
 * A strict policy for every page: no inline or eval'd script (only 'wasm-unsafe-eval', which
 * WebAssembly compilation needs), nothing from other origins. The demo is built to run under it.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "worker-src 'self'", "connect-src 'self'",
  "img-src 'self' data: blob:", "style-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
].join('; ');

/**
 * `gzip: true` compresses JS, JSON, wasm and weights for clients that accept it (as a production
 * server would; npm run bench's cold page measures bytes on the wire that way). Off by default.
 */
export function startServer(port = Number(process.env.PORT ?? 8000), host = '127.0.0.1', { gzip = false } = {}) {
  const compressed = new Map();
  const server = createServer(async (request, response) => {
    try {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) throw Object.assign(new Error('outside root'), { code: 'ENOENT' });
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      let body = await readFile(file);
      const zip = gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '') && ['.js', '.mjs', '.json', '.wasm', '.bin', '.html', '.css'].includes(extname(file));
      if (zip) {
        if (!compressed.has(file)) compressed.set(file, gzipSync(body, { level: 9 }));
        body = compressed.get(file);
      }
      response.writeHead(200, {
        ...(zip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        // Benchmark pages are cross-origin isolated so performance.now() resolves 5 µs, not 100 µs.
        ...(path.startsWith('/bench/') ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' } : {}),
      });
      response.end(body);
    } catch (error) {
      response.writeHead(error.code === 'ENOENT' || error.code === 'EISDIR' ? 404 : 500, { 'content-type': 'text/plain' });
      response.end(error.code === 'ENOENT' ? 'not found' : 'server error');
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', (error) => {
      if (error.code === 'EADDRINUSE' && port < 8100) resolvePromise(startServer(port + 1, host, { gzip }));
      else reject(error);
    });
    server.listen(port, host, () => resolvePromise({ server, url: `http://localhost:${server.address().port}/` }));
  });
}

if (isMain) {
  const { url } = await startServer();
  console.log(`digit-pad demo: ${url}demo/   (Ctrl+C to stop)`);
}
