/**
 * What a bench run records about where it ran: the machine and its load, the commit, the weights
 * measured, and the bytes of JS a page loads to recognise. Paths are relative to the project root.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { round } from '../../bench/stats.js';

export const CHROMIUM = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/**
 * Everything is measured on a snapshot of dist/ (in the git-ignored .cache/), so that a rebuild started
 * elsewhere during the run (rollup empties dist/ first) cannot pull files from under it.
 */
export const DIST = '.cache/bench-dist';

/** Copies dist/ to `DIST`, waiting for a build that may be running; exits when dist/ stays incomplete. */
export async function snapshotDist() {
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

export async function gitInfo() {
  const git = (...a: string[]) => promisify(execFile)('git', a).then((r) => r.stdout.trim(), () => null);
  const dirty = await git('status', '--porcelain', '--', 'src', 'weights', 'rollup.config.mjs', 'package.json');
  return { commit: await git('rev-parse', '--short', 'HEAD'), uncommittedBuildInputs: dirty ? dirty.split('\n') : [] };
}

export async function machine() {
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

export async function trainingRunning(): Promise<boolean> {
  return promisify(execFile)('pgrep', ['-f', 'scripts/train.ts']).then((r) => r.stdout.trim().length > 0, () => false);
}

export function weightsInfo() {
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
export function bundleSizes() {
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
