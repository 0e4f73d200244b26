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
 * fresh incognito context per configuration (and per cold start). scripts/bench/machine.ts records
 * where the run happened (machine, load, commit, weights, bundle sizes); scripts/bench/report.ts turns
 * the results into the targets, notes and printed table.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median, round, topSelfTime } from '../bench/stats.js';
import { bundleSizes, CHROMIUM, DIST, gitInfo, machine, snapshotDist, trainingRunning, weightsInfo } from './bench/machine.js';
import { notes, table, targets, TARGETS } from './bench/report.js';
import { symbolicate } from './bench/symbolicate.js';

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
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'];
const ONLY = args.only ? new Set(args.only.split(',')) : null;
const wants = (part: string) => !ONLY || ONLY.has(part);
const started = Date.now();
const log = (message: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}`);

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

