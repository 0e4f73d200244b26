/**
 * `npm run bench` (= npm run build && tsx scripts/bench.ts): digit-pad inference speed in Node and in
 * headless Chromium, in one run, against the tfjs-layers `model.predict` of the same network and
 * weights. Writes bench/results.json and prints a table with the targets of issue 6 (reported, never asserted).
 *
 *   npx tsx scripts/bench.ts [--quick] [--skip-node] [--skip-chromium] [--only numbers4,floor,coldPage,padRead] [--out bench/results.json]
 *
 * Issue 15 parts: numbers4 (a 4-digit number, image and stroke path, against one canvas in the same
 * run), floor (wasm-SIMD multiply-add rate of one core against the network's layers), coldPage (the
 * first digit on a cold, throttled page). `--only` runs just the named parts. Ports: PORT (the page
 * server) and COLD_PORT (the gzip server of the cold page); 0 or unset picks a free one.
 *
 * Node: each configuration runs in its own child process (scripts/bench/node-child.ts); the backend is
 * global per process. Chromium: bench/page.html and bench/layers.html over scripts/serve.mjs, one
 * fresh incognito context per configuration (and per cold start).
 */
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { median, round, topSelfTime } from '../bench/stats.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'skip-node': { type: 'boolean', default: false },
    'skip-chromium': { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.json' },
    'cold-runs': { type: 'string', default: '5' },
    'cold-page-runs': { type: 'string', default: '3' },
    only: { type: 'string' },
  },
});
const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'];
const TARGETS = { digitMs: 0.5, canvasMs: 2, speedup: 2, coldStartMs: 300, sdkGzipBytes: 120_000, numbers4Ratio: 10, coldPageExtraMs: 100 };
const ONLY = args.only ? new Set(args.only.split(',')) : null;
const wants = (part: string) => !ONLY || ONLY.has(part);
const started = Date.now();
const log = (message: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}`);

// Everything is measured on a snapshot of dist/ (in the git-ignored .cache/), so that a rebuild started
// elsewhere during the run (rollup empties dist/ first) cannot pull files from under it.
const DIST = '.cache/bench-dist';
await snapshotDist();

const results: Record<string, any> = {
  date: new Date().toISOString(),
  command: `tsx scripts/bench.ts ${process.argv.slice(2).join(' ')}`.trim(),
  quick: args.quick,
  machine: await machine(),
  git: await gitInfo(),
  weights: weightsInfo(),
  targets: TARGETS,
};
if (results.weights.distMatchesWeights === false) log('WARNING: dist/weights differs from weights/: run `npm run build` (the SDK reads dist/weights).');
if (results.machine.trainingRunning) log('WARNING: a training process is running; timings are noisy.');

results.inferenceJsGzipBytes = bundleSizes();
log(`bundle sizes: SDK ${results.inferenceJsGzipBytes.sdk.gzipBytes} B gzip, element ${results.inferenceJsGzipBytes.element.gzipBytes} B gzip`);

if (!args['skip-node']) results.node = await nodeBench();
if (!args['skip-chromium']) results.chromium = await chromiumBench();
results.machine.trainingRunningAtEnd = await trainingRunning();
results.machine.loadavgAtEnd = loadavg().map((x) => round(x, 2));

// Headline figures (also inside node/chromium).
results.numbers4 = results.node?.numbers4 ?? null;
results.floor = results.node?.floor ?? null;
results.coldPage = results.chromium?.coldPage ?? null;
results.padRead = results.chromium?.padRead ?? null;
results.coldStartMs = results.chromium?.coldStartMs ?? null;
results.speedupVsLayers = { node: results.node?.speedupVsLayers ?? null, chromium: results.chromium?.speedupVsLayers ?? null };
results.batchDigitsPerSecond = { node: results.node?.backends?.['wasm-simd']?.batchDigitsPerSecond ?? null, chromium: results.chromium?.backends?.['wasm-simd']?.batchDigitsPerSecond ?? null };
results.trainSamplesPerSecond = { node: results.node?.trainSamplesPerSecond ?? null, chromium: results.chromium?.trainSamplesPerSecond ?? null };
results.layersAgreement = results.node?.agreement ? { agree: results.node.agreement.agree, of: results.node.agreement.digits } : null;
results.targetsMet = targets(results);
results.notes = notes(results);
results.seconds = round((Date.now() - started) / 1000, 1);
rmSync(DIST, { recursive: true, force: true });

mkdirSync(dirname(args.out!), { recursive: true });
writeFileSync(args.out!, `${JSON.stringify(results, null, 2)}\n`);
console.log(table(results));
log(`wrote ${args.out} in ${results.seconds} s`);

// ───────────────────────────── machine, weights, bundle sizes ─────────────────────────────

async function snapshotDist() {
  const needed = ['digit-pad-sdk.js', 'digit-pad.js', 'index.node.js', 'train-worker.js', 'tfjs-backend-wasm-simd.wasm', 'weights/digits.json', 'weights/digits.bin'];
  for (let attempt = 0; ; attempt++) {
    const missing = needed.filter((f) => !existsSync(join('dist', f)));
    if (!missing.length) {
      rmSync(DIST, { recursive: true, force: true });
      cpSync('dist', DIST, { recursive: true });
      if (needed.every((f) => existsSync(join(DIST, f)))) return;
    } else if (attempt >= 30) {
      console.error(`dist/ is incomplete (missing ${missing.join(', ')}): run \`npm run build\` first (or \`npm run bench\`, which builds).`);
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 2000)); // maybe a build is running
  }
}

async function gitInfo() {
  const git = (...a: string[]) => promisify(execFile)('git', a).then((r) => r.stdout.trim(), () => null);
  const dirty = await git('status', '--porcelain', '--', 'src', 'weights', 'rollup.config.mjs', 'package.json');
  return { commit: await git('rev-parse', '--short', 'HEAD'), uncommittedBuildInputs: dirty ? dirty.split('\n') : [] };
}

async function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.*)/.exec(cpuinfo)?.[1] ?? cpus()[0]?.model;
  const chromium = await promisify(execFile)(CHROMIUM, ['--version']).then((r) => r.stdout.trim(), () => 'unknown');
  return {
    cpuModel: model, cores: cpus().length, node: process.version, chromium, platform: `${process.platform} ${process.arch}`,
    loadavgAtStart: loadavg().map((x) => round(x, 2)), trainingRunning: await trainingRunning(), busyProcessesAtStart: await busyProcesses(),
  };
}

/** Other processes using ≥ 20 % of a core right now (the machine is shared; their load makes timings noisy). */
async function busyProcesses(): Promise<string[]> {
  const ps = await promisify(execFile)('ps', ['-eo', 'pid=,pcpu=,args=', '--sort=-pcpu']).then((r) => r.stdout, () => '');
  return ps.split('\n').map((l) => /^\s*(\d+)\s+([\d.]+)\s+(.*)$/.exec(l)).filter((m): m is RegExpExecArray => !!m)
    .filter((m) => Number(m[2]) >= 20 && Number(m[1]) !== process.pid && Number(m[1]) !== process.ppid)
    .map((m) => `${m[2]}% ${m[3].replace(/--(require|import) \S+ /g, '').slice(0, 100)}`).slice(0, 5);
}

async function trainingRunning(): Promise<boolean> {
  return promisify(execFile)('pgrep', ['-f', 'scripts/train.ts']).then((r) => r.stdout.trim().length > 0, () => false);
}

function weightsInfo() {
  const sha = (path: string) => (existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : null);
  const manifest = JSON.parse(readFileSync(`${DIST}/weights/digits.json`, 'utf8'));
  const source = existsSync('weights/digits.json') ? JSON.parse(readFileSync('weights/digits.json', 'utf8')) : {};
  return {
    manifest: 'dist/weights/digits.json', sha256: sha(`${DIST}/weights/digits.bin`),
    // The binary is what counts (the manifest also gets evaluation figures written after a build).
    distMatchesWeights: sha(`${DIST}/weights/digits.bin`) === sha('weights/digits.bin') && manifest.file?.sha256 === source.file?.sha256,
    trainingData: manifest.training?.data ?? null, trainingEpochs: manifest.training?.epochs ?? null,
    evaluation: source.evaluation ?? manifest.evaluation ?? null,
  };
}

/**
 * JS a page loads to recognise: the entry plus every chunk reachable through static `import`/`export … from`
 * (rollup's ES output), not through `import()` (the lazy cpu-backend and training chunks).
 */
function bundleSizes() {
  const closure = (entry: string) => {
    const files: string[] = [];
    const lazy = new Set<string>();
    const queue = [entry];
    while (queue.length) {
      const file = queue.shift()!;
      if (files.includes(file)) continue;
      files.push(file);
      const code = readFileSync(file, 'utf8');
      const staticRe = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["'](\.{1,2}\/[^"']+)["']/g;
      for (const m of code.matchAll(staticRe)) queue.push(posix.join(posix.dirname(file), m[1]));
      for (const m of code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) lazy.add(posix.join(posix.dirname(file), m[1]));
    }
    const sizes = files.map((f) => {
      const bytes = readFileSync(f);
      return { file: f.replace(DIST, 'dist'), bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    });
    // gzip of each file as served (one response each), summed.
    return {
      entry: entry.replace(DIST, 'dist'), files: sizes, bytes: sizes.reduce((a, s) => a + s.bytes, 0), gzipBytes: sizes.reduce((a, s) => a + s.gzipBytes, 0),
      lazyChunks: [...lazy].filter((f) => !files.includes(f)).map((f) => f.replace(DIST, 'dist')),
    };
  };
  const wasm = readFileSync(`${DIST}/tfjs-backend-wasm-simd.wasm`);
  return {
    method: 'static import closure through dist chunks, each file gzip -9, summed; dynamically imported chunks excluded',
    sdk: closure(`${DIST}/digit-pad-sdk.js`),
    element: closure(`${DIST}/digit-pad.js`),
    wasmSimd: { file: 'dist/tfjs-backend-wasm-simd.wasm', bytes: wasm.length, gzipBytes: gzipSync(wasm, { level: 9 }).length },
  };
}

// ───────────────────────────── Node ─────────────────────────────

async function nodeChild(config: string): Promise<any> {
  const dir = mkdtempSync(join(tmpdir(), 'digit-pad-bench-'));
  const outFile = join(dir, `${config}.json`);
  const argv = ['--expose-gc', '--import', 'tsx', 'scripts/bench/node-child.ts', config, outFile, ...(args.quick ? ['--quick'] : [])];
  const t0 = Date.now();
  const stderr = await new Promise<string>((resolvePromise, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, BENCH_DIST: DIST } });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolvePromise(err);
      // emscripten prints whole minified source lines with errors: keep the readable lines only.
      else reject(new Error(`Node bench '${config}' exited ${code}:\n${err.split('\n').filter((l) => l.length < 400).slice(-25).join('\n')}`));
    });
  });
  const result = JSON.parse(readFileSync(outFile, 'utf8'));
  rmSync(dir, { recursive: true, force: true });
  log(`node ${config}: ${((Date.now() - t0) / 1000).toFixed(1)} s${stderr.trim() ? ` (stderr: ${stderr.trim().split('\n')[0].slice(0, 120)})` : ''}`);
  return result;
}

async function nodeBench() {
  const issue15: Record<string, any> = {};
  if (wants('numbers4')) issue15.numbers4 = (await nodeChild('numbers')).numbers4;
  if (wants('floor')) issue15.floor = (await nodeChild('floor')).floor;
  if (ONLY && !ONLY.has('node')) return issue15;
  const backends: Record<string, any> = {};
  const runs: Record<string, any> = {};
  for (const config of ['wasm-simd', 'wasm', 'cpu', 'layers']) {
    runs[config] = await nodeChild(config);
    backends[config === 'layers' ? 'layers-baseline' : config] = pick(runs[config]);
  }
  const train = await nodeChild('train');
  const simd = backends['wasm-simd'], base = backends['layers-baseline'];
  const same = runs.layers.oursSameProcess;
  return {
    ...issue15,
    backends,
    speedupVsLayers: {
      digit28: round(base.digit28.medianMs / simd.digit28.medianMs, 2),
      canvas280: round(base.canvas280.medianMs / simd.canvas280.medianMs, 2),
      sameProcess: { digit28: round(base.digit28.medianMs / same.digit28.medianMs, 2), canvas280: round(base.canvas280.medianMs / same.canvas280.medianMs, 2) },
    },
    agreement: runs.layers.agreement,
    memory: runs['wasm-simd'].memory,
    trainSamplesPerSecond: train.train.samplesPerSecond,
    train: train.train,
    profiles: { 'wasm-simd': runs['wasm-simd'].profile, 'layers-baseline': runs.layers.profile },
  };
}

function pick(r: any) {
  return {
    backend: r.backend, digit28: r.digit28, canvas280: r.canvas280, batchDigitsPerSecond: r.batchDigitsPerSecond, batch1024: r.batch1024, parts: r.parts,
    ...(r.crossOriginIsolated !== undefined ? { crossOriginIsolated: r.crossOriginIsolated } : {}),
    ...(r.oursSameProcess ? { oursSameProcess: r.oursSameProcess } : {}),
  };
}

// ───────────────────────────── Chromium ─────────────────────────────

async function chromiumBench() {
  const { default: puppeteer } = await import('puppeteer-core');
  // serve.mjs takes its root from process.argv[2] even when imported: hand it the project root.
  const argv = process.argv;
  process.argv = [argv[0], argv[1], root];
  // @ts-ignore plain JS module
  const { startServer } = await import('./serve.mjs').finally(() => (process.argv = argv));
  const { server, url } = await startServer(Number(process.env.PORT ?? 0));
  // Timing pages are served cross-origin isolated, only so that performance.now() resolves 5 µs instead
  // of 100 µs (sub-millisecond medians); both the SDK and the baseline keep wasm threads off regardless.
  // Cold-start pages are served as a normal site would serve them. (Headers set here merge into serve.mjs's.)
  server.prependListener('request', (request: any, response: any) => {
    if (!String(request.url).includes('mode=cold')) {
      response.setHeader('cross-origin-opener-policy', 'same-origin');
      response.setHeader('cross-origin-embedder-policy', 'require-corp');
    }
  });
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const quick = `&dist=/${DIST}/${args.quick ? '&quick' : ''}`;
  let coldPage: any = null;
  if (wants('coldPage')) {
    const { coldPageBench } = await import('./bench/cold-page.js');
    const gzipServer = await startServer(Number(process.env.COLD_PORT ?? 0), '127.0.0.1', { gzip: true });
    try {
      // COLD_DIST=/some/dist/ (under the project root) measures another build, e.g. an older commit's;
      // COLD_DIGITS=4 a number pad.
      coldPage = await coldPageBench(browser, gzipServer.url, process.env.COLD_DIST ?? `/${DIST}/`, Number(args['cold-page-runs']), Number(process.env.COLD_DIGITS ?? 1));
      log(`chromium coldPage: first answer ${coldPage.medianAnswerAfterPointerUpMs} ms after pointerup (median), ready ${coldPage.medianTimeToReadyMs} ms after load`);
    } finally {
      gzipServer.server.close();
    }
  }
  let padRead: any = null;
  if (wants('padRead')) {
    padRead = {};
    // PAD_DIST=/some/dist/ (under the project root) also measures another build, e.g. an older
    // commit's, in the same run: recorded as padRead.other.
    const builds = [{ key: '', query: quick.slice(1) }, ...(process.env.PAD_DIST ? [{ key: 'other', query: `dist=${process.env.PAD_DIST}${args.quick ? '&quick' : ''}` }] : [])];
    for (const dpr of [1, 3]) {
      for (const build of builds) {
        const context = await browser.createBrowserContext();
        try {
          const page = await context.newPage();
          await page.setViewport({ width: 800, height: 600, deviceScaleFactor: dpr });
          await page.goto(new URL(`bench/pad-read.html?${build.query}`, url).href, { waitUntil: 'load' });
          const result = await page.evaluate('window.benchResult');
          if (!result || result.error) throw new Error(`pad-read.html at DPR ${dpr}: ${result?.error ?? 'no result'}`);
          if (build.key) (padRead[build.key] ??= { dist: process.env.PAD_DIST })[`dpr${dpr}`] = result;
          else padRead[`dpr${dpr}`] = result;
          log(`chromium padRead${build.key ? ` (${process.env.PAD_DIST})` : ''} DPR ${dpr}: pad ${result.padMs} ms, 28×28 digit ${result.digitMs} ms (${result.ratio}×); read first / second: pad ${result.padByPosition?.first} / ${result.padByPosition?.second}, digit ${result.digitByPosition?.first} / ${result.digitByPosition?.second} ms`);
        } finally {
          await context.close();
        }
      }
    }
    padRead.method = 'Chromium: pad.recognize() on a 280 px pad holding each of the pad tests\' handwritten digits in turn (strokes assigned), each strokes assignment followed by both reads, pad.recognize() and recognize() on the same drawing as a 28×28 image, in alternating order (the first read after the redraw is slower, whichever it is: padByPosition / digitByPosition); 400 untimed pairs first; medians; ratio = pad ÷ digit';
  }
  if (ONLY && !ONLY.has('chromium')) {
    await browser.close();
    server.close();
    return { coldPage, padRead };
  }
  try {
    /** Opens `path` in a fresh incognito context, awaits window.benchResult, runs `then` on the page, closes. */
    const visit = async (path: string, then?: (page: any, result: any) => Promise<void>) => {
      const t0 = Date.now();
      const context = await browser.createBrowserContext();
      try {
        const page = await context.newPage();
        // The server's strict CSP forbids import maps (inline script); only the baseline page needs one.
        if (path.startsWith('bench/layers.html')) await page.setBypassCSP(true);
        const errors: string[] = [];
        page.on('pageerror', (e: Error) => errors.push(String(e)));
        page.on('console', (m: any) => m.type() === 'error' && errors.push(m.text()));
        await page.goto(new URL(path, url).href, { waitUntil: 'load' });
        const result = await page.evaluate('window.benchResult');
        if (!result || result.error) throw new Error(`${path}: ${result?.error ?? 'no result'}\n${errors.join('\n')}`);
        if (then) await then(page, result);
        log(`chromium ${path}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
        return result;
      } finally {
        await context.close();
      }
    };
    const profileLoops = async (page: any) => {
      const cdp = await page.createCDPSession();
      const out: Record<string, unknown> = {};
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
      for (const kind of ['digit28', 'canvas280']) {
        await cdp.send('Profiler.start');
        await page.evaluate(`window.benchLoop(${JSON.stringify(kind)}, 300)`);
        out[kind] = topSelfTime(await symbolicate((await cdp.send('Profiler.stop')).profile), 12);
      }
      return out;
    };

    const backends: Record<string, any> = {};
    const profiles: Record<string, any> = {};
    let preprocessed100: number[][] = [], sdkArgmax100: number[] = [];
    for (const backend of ['wasm-simd', 'wasm', 'cpu']) {
      const r = await visit(`bench/page.html?mode=sdk&backend=${backend}${quick}`, async (page, res) => {
        if (backend === 'wasm-simd') profiles['wasm-simd'] = await profileLoops(page);
      });
      if (backend === 'wasm-simd') ({ preprocessed100, argmax100: sdkArgmax100 } = r);
      backends[backend] = pick(r);
    }
    let crossCheck: any = null;
    const layers = await visit(`bench/layers.html?${quick.slice(1)}`, async (page) => {
      const theirs: number[] = await page.evaluate((rows: number[][]) => (window as any).predictNormalized(rows), preprocessed100);
      crossCheck = { digits: theirs.length, agree: theirs.filter((a, i) => a === sdkArgmax100[i]).length, method: 'argmax: SDK recognize() vs layers model.predict on the SDK-preprocessed inputs, first 100 MNIST test digits, in Chromium' };
      profiles['layers-baseline'] = await profileLoops(page);
    });
    backends['layers-baseline'] = pick(layers);

    const colds = [];
    for (let i = 0; i < Number(args['cold-runs']); i++) colds.push(await visit(`bench/page.html?mode=cold&dist=/${DIST}/`));
    const coldSorted = [...colds].sort((a, b) => a.coldStartMs - b.coldStartMs);
    const train = await visit(`bench/page.html?mode=train${quick}`);
    // Cross-check of the static-import analysis: the JS files the cold-start page really fetched.
    const loaded = [...new Set(colds.flatMap((c) => c.scripts.map((s: string) => s.replace(`/${DIST}/`, 'dist/'))))].sort();
    const predicted = results.inferenceJsGzipBytes.sdk.files.map((f: any) => f.file).sort();
    results.inferenceJsGzipBytes.sdk.chromiumLoaded = { files: loaded, matchesStaticAnalysis: loaded.join() === predicted.join() };

    const simd = backends['wasm-simd'], base = backends['layers-baseline'];
    return {
      coldPage,
      padRead,
      backends,
      speedupVsLayers: {
        digit28: round(base.digit28.medianMs / simd.digit28.medianMs, 2),
        canvas280: round(base.canvas280.medianMs / simd.canvas280.medianMs, 2),
      },
      layersCrossCheck: crossCheck,
      coldStartMs: round(median(colds.map((c) => c.coldStartMs)), 1),
      coldStart: {
        runs: colds.map((c) => ({ coldStartMs: c.coldStartMs, importMs: c.importMs, firstRecognizeMs: c.firstRecognizeMs })),
        medianImportMs: round(median(colds.map((c) => c.importMs)), 1),
        medianFirstRecognizeMs: round(median(colds.map((c) => c.firstRecognizeMs)), 1),
        medianRun: coldSorted[coldSorted.length >> 1],
        method: 'performance.now() in the page from before `await import("/dist/digit-pad-sdk.js")` to the first recognize() result on a 280×280 canvas; fresh incognito context each run; localhost server',
      },
      trainSamplesPerSecond: train.samplesPerSecond,
      train,
      profiles,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * Names minified functions of the bundles in a Chromium CPU profile after their sources, through the
 * bundles' source maps ("w digit-pad-sdk.js:1" → "toInk src/preprocess/ink.ts:12 [w digit-pad-sdk.js]").
 */
async function symbolicate(profile: any) {
  let trace: any;
  try {
    trace = await import('@jridgewell/trace-mapping'); // terser's dependency; without it, names stay minified
  } catch {
    return profile;
  }
  const maps = new Map<string, any>();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    const m = /\/\.cache\/bench-dist\/([\w.-]+\.js)$/.exec(f.url ?? '');
    if (!m) continue;
    if (!maps.has(m[1])) {
      const path = join(DIST, `${m[1]}.map`);
      maps.set(m[1], existsSync(path) ? new trace.TraceMap(readFileSync(path, 'utf8')) : null);
    }
    const map = maps.get(m[1]);
    if (!map) continue;
    const pos = trace.originalPositionFor(map, { line: f.lineNumber + 1, column: f.columnNumber });
    if (pos.source) {
      const source = pos.source.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, '');
      f.functionName = `${pos.name ?? f.functionName ?? '(anonymous)'} ${source}:${pos.line} [${f.functionName || '?'}]`;
      f.url = '';
    }
  }
  return profile;
}

// ───────────────────────────── targets, notes, table ─────────────────────────────

function targets(r: any) {
  const list: { target: string; where: string; value: number | null; limit: number; met: boolean | null }[] = [];
  const add = (target: string, where: string, value: number | null | undefined, limit: number, lowerIsBetter = true) => {
    const v = value ?? null;
    list.push({ target, where, value: v, limit, met: v === null ? null : lowerIsBetter ? v <= limit : v >= limit });
  };
  for (const env of ['chromium', 'node'] as const) {
    const b = r[env]?.backends?.['wasm-simd'];
    add('wasm-SIMD median per 28×28 digit (ms) ≤ 0.5', env, b?.digit28.medianMs, TARGETS.digitMs);
    add('wasm-SIMD median per 280×280 canvas, end to end (ms) ≤ 2', env, b?.canvas280.medianMs, TARGETS.canvasMs);
    add('speed-up vs tfjs-layers, 28×28 digit ≥ 2×', env, r[env]?.speedupVsLayers?.digit28, TARGETS.speedup, false);
    add('speed-up vs tfjs-layers, 280×280 canvas ≥ 2×', env, r[env]?.speedupVsLayers?.canvas280, TARGETS.speedup, false);
  }
  add('cold start, import → first result (ms) ≤ 300', 'chromium', r.chromium?.coldStartMs, TARGETS.coldStartMs);
  add('4-digit number, image path ≤ 10× one 280×280 canvas (ratio)', 'node', r.numbers4?.image.ratioToCanvas, TARGETS.numbers4Ratio);
  add('4-digit number, stroke path ≤ 10× one 280×280 canvas (ratio)', 'node', r.numbers4?.stroke.ratioToCanvas, TARGETS.numbers4Ratio);
  add('cold page: digit-recognized ≤ delay + 100 ms after the last pointerup (worst run, ms)', 'chromium', r.coldPage?.maxAnswerAfterPointerUpMs, (r.coldPage?.delayMs ?? 400) + TARGETS.coldPageExtraMs);
  add('SDK path JS (gzip bytes) ≤ 120 KB', 'dist', r.inferenceJsGzipBytes.sdk.gzipBytes, TARGETS.sdkGzipBytes);
  return list;
}

function notes(r: any): string[] {
  const out: string[] = [];
  if (r.machine.trainingRunning || r.machine.trainingRunningAtEnd) out.push('A model was training on this machine during the run (pgrep scripts/train.ts): timings are noisy; rerun when it is gone.');
  if (r.machine.loadavgAtStart[0] > 1 || r.machine.busyProcessesAtStart.length) {
    out.push(`The machine was not idle (load average ${r.machine.loadavgAtStart[0]} at start, ${r.machine.loadavgAtEnd[0]} at end, on ${r.machine.cores} cores${r.machine.busyProcessesAtStart.length ? `; busy: ${r.machine.busyProcessesAtStart.join(' | ')}` : ''}): p95s and small ratios are noisy.`);
  }
  if (r.weights.distMatchesWeights === false) out.push('dist/weights differs from weights/: the run measured stale weights; run `npm run build` first.');
  const top = (p: any, n = 4) => p?.top?.slice(0, n).map((t: any) => `${t.fn} ${t.percent}%`).join('; ');
  for (const t of r.targetsMet.filter((x: any) => x.met === false)) {
    let why = '';
    const env = t.where as 'node' | 'chromium';
    if (/28×28/.test(t.target) && /median/.test(t.target)) why = `top self time: ${top(r[env]?.profiles?.['wasm-simd']?.digit28)}`;
    else if (/280×280/.test(t.target) && /median/.test(t.target)) why = `top self time: ${top(r[env]?.profiles?.['wasm-simd']?.canvas280)}`;
    else if (/speed-up/.test(t.target)) {
      const kind = /28×28/.test(t.target) ? 'digit28' : 'canvas280';
      const ours = r[env].backends['wasm-simd'], base = r[env].backends['layers-baseline'];
      why = `ours ${ours[kind].medianMs} ms vs layers ${base[kind].medianMs} ms; ours: ${top(r[env]?.profiles?.['wasm-simd']?.[kind], 3)}; layers: ${top(r[env]?.profiles?.['layers-baseline']?.[kind], 3)}.`;
      if (kind === 'digit28') {
        // Share of wasm self time in the profiled loop (the profiler slows the loop down, so scale the
        // share onto the unprofiled median rather than dividing the profiled time by the call count).
        const prof = r[env]?.profiles?.['wasm-simd']?.digit28;
        const kernelMs = ours.digit28.medianMs * ((prof?.wasmMs ?? 0) / Math.max(prof?.totalMs ?? 1, 1e-6));
        why += ` Network alone: ours ${ours.parts?.networkOnly?.medianMs} ms vs layers ${base.parts?.networkOnly?.medianMs} ms; preprocessing a 28×28 digit ${ours.parts?.preprocess28?.medianMs} ms.`
          + ` Both run the same tfjs wasm-SIMD (XNNPACK) kernels; ≈${round(kernelMs, 3)} ms per digit is inside wasm code (wasm share of a CPU profile × median),`
          + ` so even with zero JS overhead the speed-up would be at most ≈${round(base.digit28.medianMs / Math.max(kernelMs, 1e-6), 2)}×: the gap left is tfjs dispatch overhead, not arithmetic.`;
      } else {
        why += ` Ours = preprocessing ${ours.parts?.preprocess280?.medianMs} ms (pixel read, ink map and MNIST normalisation in JS) + network ${ours.parts?.networkOnly?.medianMs} ms;`
          + ' the baseline\'s resize runs in wasm, and its preprocessing is simpler (no ink detection, crop or centring).';
      }
    } else if (/cold start/.test(t.target)) {
      const m = r.chromium.coldStart.medianRun;
      const slow = [...m.resources].sort((a: any, b: any) => b.endMs - b.startMs - (a.endMs - a.startMs)).slice(0, 4)
        .map((x: any) => `${x.name} ${x.startMs}→${x.endMs} ms (${x.bytes} B)`).join('; ');
      why = `median import ${r.chromium.coldStart.medianImportMs} ms + first recognize ${r.chromium.coldStart.medianFirstRecognizeMs} ms; slowest loads: ${slow}`;
    } else if (/gzip/.test(t.target)) {
      why = `files: ${r.inferenceJsGzipBytes.sdk.files.map((f: any) => `${f.file} ${f.gzipBytes} B`).join('; ')}`;
    }
    out.push(`NOT MET (${t.where}): ${t.target}: ${t.value}. ${why}`);
  }
  return out;
}

function table(r: any): string {
  const lines: string[] = [];
  const pad = (s: unknown, n: number) => String(s ?? '–').padStart(n);
  lines.push('', `digit-pad bench — ${r.date} — ${r.machine.cpuModel}, ${r.machine.cores} cores, Node ${r.machine.node}, ${r.machine.chromium}${r.quick ? ' — QUICK' : ''}`);
  lines.push(`weights ${r.weights.sha256?.slice(0, 12)} (${r.weights.trainingData ?? '?'})${r.machine.trainingRunning ? ' — WARNING: training process running (noisy)' : ''}`);
  lines.push('', `${'env'.padEnd(9)}${'backend'.padEnd(17)}${pad('28² med', 9)}${pad('p95', 8)}${pad('dig/s', 8)}${pad('280² med', 10)}${pad('p95', 8)}${pad('dig/s', 8)}${pad('batch/s', 9)}`);
  for (const env of ['node', 'chromium']) {
    for (const [name, b] of Object.entries<any>(r[env]?.backends ?? {})) {
      lines.push(`${env.padEnd(9)}${name.padEnd(17)}${pad(b.digit28.medianMs.toFixed(3), 9)}${pad(b.digit28.p95Ms.toFixed(3), 8)}${pad(b.digit28.digitsPerSecond, 8)}${pad(b.canvas280.medianMs.toFixed(3), 10)}${pad(b.canvas280.p95Ms.toFixed(3), 8)}${pad(b.canvas280.digitsPerSecond, 8)}${pad(b.batchDigitsPerSecond, 9)}`);
    }
  }
  lines.push('(ms; dig/s = timed runs ÷ wall time of the timed loop; batch/s = recognizeBatch of 1,024 digits (layers: model.predict on 1,024 preprocessed digits))');
  for (const env of ['node', 'chromium']) {
    const s = r[env]?.speedupVsLayers;
    if (s) lines.push(`speed-up vs tfjs-layers (${env}): 28×28 ${s.digit28}×, 280×280 ${s.canvas280}×${s.sameProcess ? ` (same process: ${s.sameProcess.digit28}×, ${s.sameProcess.canvas280}×)` : ''}`);
  }
  if (r.chromium?.coldStart) lines.push(`cold start (chromium): median ${r.chromium.coldStartMs} ms of ${r.chromium.coldStart.runs.length} (import ${r.chromium.coldStart.medianImportMs} ms + first recognize ${r.chromium.coldStart.medianFirstRecognizeMs} ms)`);
  const z = r.inferenceJsGzipBytes;
  lines.push(`JS to recognise (gzip): SDK ${z.sdk.gzipBytes} B (${z.sdk.files.length} files${z.sdk.chromiumLoaded ? `, ${z.sdk.chromiumLoaded.matchesStaticAnalysis ? 'the same files' : 'NOT the files'} Chromium loaded at cold start` : ''}), element ${z.element.gzipBytes} B (${z.element.files.length} files); wasm-SIMD ${z.wasmSimd.bytes} B raw, ${z.wasmSimd.gzipBytes} B gzip`);
  if (r.node?.agreement) lines.push(`layers agreement (node, argmax): ${r.node.agreement.agree}/${r.node.agreement.digits} MNIST test digits${r.chromium?.layersCrossCheck ? `; chromium cross-check ${r.chromium.layersCrossCheck.agree}/${r.chromium.layersCrossCheck.digits}` : ''}`);
  lines.push(`train() samples/s (1 epoch, ${r.node?.train?.samples ?? r.chromium?.train?.samples} digits, from scratch): node ${r.trainSamplesPerSecond.node ?? '–'}, chromium (worker) ${r.trainSamplesPerSecond.chromium ?? '–'}`);
  if (r.node?.memory) {
    const m = r.node.memory;
    lines.push(`memory (node, ${m.recognitions} recognitions): rss ${(m.before.rssBytes / 2 ** 20).toFixed(1)} → ${(m.after.rssBytes / 2 ** 20).toFixed(1)} MiB, heapUsed ${(m.before.heapUsedBytes / 2 ** 20).toFixed(1)} → ${(m.after.heapUsedBytes / 2 ** 20).toFixed(1)} MiB, tensors ${m.before.numTensors} → ${m.after.numTensors}`);
  }
  const n4 = r.numbers4;
  if (n4) {
    lines.push(`numbers4 (node): canvas ${n4.canvasMs} ms; image path ${n4.image.medianMs} ms = ${n4.image.ratioToCanvas}× (every cut column, as before: ${n4.image.everyColumnMedianMs} ms = ${n4.image.everyColumnRatioToCanvas}×, ${n4.image.speedupOverEveryColumn}× faster now; plain search ${n4.image.plainMedianMs} ms = ${n4.image.plainRatioToCanvas}×); stroke path ${n4.stroke.medianMs} ms = ${n4.stroke.ratioToCanvas}× (plain ${n4.stroke.plainMedianMs} ms = ${n4.stroke.plainRatioToCanvas}×, ${n4.stroke.speedup}× faster)`);
  }
  const f = r.floor;
  if (f) {
    lines.push(`floor (node, one core): tight f32x4 mul+add loop ${f.tightLoop.gmacsPerSecond} GMAC/s; XNNPACK GEMM ${f.gemm.shape} ${f.gemm.gmacsPerSecond} GMAC/s (${f.gemm.ofTightLoop} of the loop)`);
    for (const batch of [1, 16]) {
      const n = f.network[batch];
      lines.push(`  batch ${String(batch).padStart(3)}: network ${n.networkMsPerDigit} ms/digit, floor ${n.floorMsPerDigit} ms (${f.macsPerDigit} MACs) → ${Math.round(n.efficiency * 100)} % of the floor; layers: ${f.layers.find((l: any) => l.batch === batch).rows.map((x: any) => `${x.layer} ${x.msPerDigit} ms${x.efficiency !== null ? ` (${Math.round(x.efficiency * 100)} %)` : ''}`).join(', ')}`);
    }
  }
  const c = r.coldPage;
  if (c) {
    const b = (k: string) => (c.bytes[k] ? `${k} ${c.bytes[k].transferBytes} B on the wire (${c.bytes[k].bodyBytes} B, ${c.bytes[k].files} files)` : `${k} –`);
    lines.push(`coldPage (chromium, 40 ms / 10 Mbit/s, gzip): first digit answered ${c.medianAnswerAfterPointerUpMs} ms after pointerup (median of ${c.runs.length}, worst ${c.maxAnswerAfterPointerUpMs}; limit ${c.limitMs}); ready ${c.medianTimeToReadyMs} ms after load; ${['js', 'wasm', 'weights'].map(b).join('; ')}; page without a pad fetched wasm: ${c.noPad.fetchedWasm}, weights: ${c.noPad.fetchedWeights}`);
  }
  if (r.padRead) lines.push(`padRead (chromium): pad.recognize() on a 280 px pad ${r.padRead.dpr1.padMs} ms at DPR 1 = ${r.padRead.dpr1.ratio}× one 28×28 digit, ${r.padRead.dpr3.padMs} ms at DPR 3 = ${r.padRead.dpr3.ratio}× (digits read right: ${r.padRead.dpr1.padReadsRight}, ${r.padRead.dpr3.padReadsRight})`);
  lines.push('', 'targets:');
  for (const t of r.targetsMet) lines.push(`  ${t.met === null ? '  n/a ' : t.met ? '  met ' : 'NOT met'}  ${t.where.padEnd(9)} ${t.target}: ${t.value}`);
  if (r.notes.length) lines.push('', 'notes:', ...r.notes.map((n: string) => `  - ${n}`));
  return lines.join('\n');
}
