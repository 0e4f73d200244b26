// npm run test:apps: digit-pad as an npm user gets it. Packs the package, installs the tarball into
// examples/ (never a workspace link), builds every example app with its own toolchain, serves each
// build over loopback and, in headless Chromium, writes a 7 on the pad with the mouse. Each app must
// read it (event, value, FormData, a second SDK call) on the wasm-simd backend, with no console
// error, no failed request and no binary inlined as a data: URL.
//
//   npm run test:apps                 # all apps
//   APPS=vite,webpack npm run test:apps
//   SKIP_PACK=1 npm run test:apps     # reuse the tarball already installed in examples/
//   APPS_PORT=8140                    # loopback port of the static server (default 8140)
//   TARBALL=/path/to/digit-pad-x.tgz  # test that tarball instead of packing this checkout
//   SKIP_BUILD=1                      # pack dist/ as it is (CI: npm test has just built it)
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { writeSeven } from './lib/mouse-seven.mjs';

const root = resolve(import.meta.dirname, '..');
const examples = join(root, 'examples');
const port = Number(process.env.APPS_PORT ?? 8140);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Each app: how to build it and which folder holds the built site (served as /). */
const APPS = {
  vite: { build: ['npx', 'vite', 'build', 'vite', '--logLevel', 'warn'], site: 'vite/dist' },
  'vite-react19': { build: ['npx', 'vite', 'build', 'vite-react19', '--logLevel', 'warn'], typecheck: 'vite-react19', site: 'vite-react19/dist' },
  react18: { build: ['npx', 'vite', 'build', 'react18', '--logLevel', 'warn'], typecheck: 'react18', site: 'react18/dist' },
  webpack: { build: ['npx', 'webpack', '--config', 'webpack/webpack.config.js', '--stats', 'errors-warnings'], site: 'webpack/dist' },
  esbuild: { build: ['node', 'esbuild/build.mjs'], site: 'esbuild/dist' },
  rollup: { build: ['npx', 'rollup', '-c', 'rollup/rollup.config.mjs', '--silent'], site: 'rollup/dist' },
  // No build: the page loads node_modules/digit-pad/dist/ directly, so the whole examples/ folder is served.
  html: { build: null, site: '.', page: '/html/' },
};

const chosen = process.env.APPS ? process.env.APPS.split(',') : Object.keys(APPS);
for (const name of chosen) if (!APPS[name]) throw new Error(`unknown app ${name}; apps: ${Object.keys(APPS).join(', ')}`);

function run(command, args, cwd, env = {}) {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
}

function packAndInstall() {
  for (const old of readdirSync(examples).filter((f) => f.endsWith('.tgz'))) rmSync(join(examples, old));
  if (process.env.TARBALL) {
    run('cp', [resolve(process.env.TARBALL), examples], root);
  } else {
    if (!process.env.SKIP_BUILD) run(npm, ['run', 'build', '--silent'], root);
    run(npm, ['pack', '--silent', '--pack-destination', examples], root);
  }
  const tarball = readdirSync(examples).find((f) => f.endsWith('.tgz'));
  if (!existsSync(join(examples, 'node_modules', '.bin', 'vite'))) run(npm, ['ci', '--no-audit', '--no-fund'], examples);
  // --no-save: examples/package.json and its lock stay toolchain-only, as committed.
  run(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--include=dev', `./${tarball}`], examples);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.bin': 'application/octet-stream', '.svg': 'image/svg+xml' };

/**
 * A static host like the ones apps are deployed on: unknown paths get index.html (the single-page-app
 * fallback every dev server has), which is how a missing .wasm turns into an HTML page.
 */
function serve(siteDir) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(siteDir, path));
    try {
      if (!file.startsWith(siteDir)) throw new Error('outside');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end(await readFile(join(siteDir, 'index.html')).catch(() => '<!doctype html><title>not found</title>'));
    }
  });
  // Another process may hold the port: take the next one, up to 9 above.
  return new Promise((ok, fail) => {
    let tries = 0;
    server.on('error', (error) => {
      if (error.code !== 'EADDRINUSE' || ++tries > 9) return fail(error);
      server.listen(port + tries, '127.0.0.1');
    });
    server.listen(port, '127.0.0.1', () => ok(server));
  });
}

/** Bytes the page downloaded, by kind, raw and gzipped (what a compressing host sends). */
function tally(loaded) {
  const kinds = {};
  for (const { url, type, body } of loaded) {
    const kind = new URL(url).pathname.endsWith('.wasm') || type.includes('wasm') ? 'wasm'
      : /\.(bin|json)$/.test(new URL(url).pathname) && /weights|digits|segmenter|letters/.test(url) ? 'weights'
      : type.includes('javascript') ? 'js' : 'other';
    kinds[kind] ??= { files: 0, raw: 0, gzip: 0 };
    kinds[kind].files += 1;
    kinds[kind].raw += body.length;
    kinds[kind].gzip += gzipSync(body, { level: 9 }).length;
  }
  return kinds;
}

async function checkApp(browser, name, app) {
  const siteDir = resolve(examples, app.site);
  const problems = [];
  const server = await serve(siteDir);
  const page = await browser.newPage();
  const loaded = [];
  const warnings = [];
  try {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
      if (m.type() === 'warn' || m.type() === 'warning') warnings.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed request: ${r.url().slice(0, 120)} (${r.failure()?.errorText})`));
    page.on('response', async (r) => {
      const url = r.url();
      if (r.status() >= 400) problems.push(`HTTP ${r.status()} for ${url}`);
      const type = r.headers()['content-type'] ?? '';
      if (url.startsWith('data:') && !/json|svg|text|css/.test(url.slice(5, 40))) problems.push(`binary inlined as a data: URL (${url.slice(0, 60)}…)`);
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      try { loaded.push({ url, type, body: await r.buffer() }); } catch { /* redirects have no body */ }
    });
    page.setDefaultTimeout(30_000);
    await page.goto(`http://127.0.0.1:${server.address().port}${app.page ?? '/'}`, { waitUntil: 'load' });
    await page.waitForFunction(() => customElements.get('digit-pad') && document.querySelector('digit-pad')?.shadowRoot, { timeout: 20_000 });
    const box = await page.evaluate(() => {
      const r = document.querySelector('digit-pad').getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    await writeSeven(page, box);
    let result = null;
    try {
      await page.waitForFunction(() => document.querySelector('#result')?.textContent, { timeout: 30_000 });
      result = JSON.parse(await page.evaluate(() => document.querySelector('#result').textContent));
    } catch {
      const status = await page.evaluate(() => document.querySelector('digit-pad')?.shadowRoot?.querySelector('[part="status"]')?.textContent?.trim());
      problems.push(`no result within 30 s (pad status: ${JSON.stringify(status)})`);
    }
    if (result) {
      const expected = { event: 7, value: '7', form: '7', sdk: 7, backend: 'wasm-simd' };
      for (const [key, value] of Object.entries(expected)) {
        if (result[key] !== value) problems.push(`${key} is ${JSON.stringify(result[key])}, expected ${JSON.stringify(value)}`);
      }
    }
    const paths = loaded.map((l) => new URL(l.url).pathname); // esbuild's plugin adds ?hash=
    if (!paths.some((p) => p.endsWith('.wasm'))) problems.push('no .wasm file was requested');
    if (!paths.some((p) => p.endsWith('.bin'))) problems.push('no weights .bin file was requested');
    return { name, ok: problems.length === 0, problems, warnings, bytes: tally(loaded) };
  } finally {
    await page.close();
    server.closeAllConnections();
    await new Promise((ok) => server.close(ok));
  }
}

const started = Date.now();
if (!process.env.SKIP_PACK) packAndInstall();
const results = [];
for (const name of chosen) {
  const app = APPS[name];
  const problems = [];
  const t0 = Date.now();
  try {
    if (app.build) {
      rmSync(join(examples, app.site), { recursive: true, force: true });
      run(app.build[0], app.build.slice(1), examples, { NODE_ENV: 'production' });
    }
    if (app.typecheck) run('npx', ['tsc', '-p', app.typecheck], examples);
  } catch (error) {
    problems.push(`build failed: ${error.message.split('\n')[0]}`);
  }
  results.push({ name, ok: problems.length === 0, problems, buildMs: Date.now() - t0 });
}

const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-dev-shm-usage'],
});
try {
  for (const entry of results) {
    if (!entry.ok) continue;
    console.log(`checking ${entry.name} in Chromium`);
    Object.assign(entry, await checkApp(browser, entry.name, APPS[entry.name]).catch((error) => ({ ok: false, problems: [`page check threw: ${error.message}`] })));
  }
} finally {
  await browser.close();
}

let passed = 0;
for (const { name, ok, problems, warnings = [], bytes } of results) {
  console.log(`${ok ? 'ok    ' : 'FAILED'} ${name}`);
  for (const p of problems) console.log(`         ${p}`);
  for (const w of warnings) console.log(`         console warning: ${w.slice(0, 200)}`);
  if (bytes) {
    const parts = Object.entries(bytes).map(([kind, b]) => `${kind} ${b.files} file(s) ${(b.raw / 1024).toFixed(1)} KB raw / ${(b.gzip / 1024).toFixed(1)} KB gzip`);
    console.log(`         first load: ${parts.join('; ')}`);
  }
  if (ok) passed += 1;
}
console.log(`apps test took ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exitCode = passed === results.length ? 0 : 1;
