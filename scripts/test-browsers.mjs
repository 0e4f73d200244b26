#!/usr/bin/env node
// Runs the browser suite (web-test-runner) in Chromium, Firefox ESR and WebKitGTK, one engine after
// another, and prints passed / failed / skipped and the time per engine. WebKit's MiniBrowser has no
// headless mode (and hangs silently without a display), so this starts Xvfb and WebKitWebDriver for
// it and stops them on exit.
//
//   ENGINES=chromium,firefox,webkit  which engines (default: all three)
//   WTR_PORT=8000                    test server port (default: web-test-runner's own choice)
//   WEBKIT_DRIVER_PORT=8171          WebKitWebDriver port
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const engines = (process.env.ENGINES ?? 'chromium,firefox,webkit').split(',').map((s) => s.trim()).filter(Boolean);
const driverPort = Number(process.env.WEBKIT_DRIVER_PORT ?? 8171);
const children = new Set();
const scratch = mkdtempSync(join(tmpdir(), 'digit-pad-wtr-'));

function stopChildren() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  children.clear();
}
process.on('exit', () => {
  stopChildren();
  rmSync(scratch, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

function start(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** Xvfb on a display number it picks itself (-displayfd), so parallel runs do not collide. */
function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = start('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'inherit', 'pipe'],
    });
    let out = '';
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve(`:${out.trim()}`);
    });
    xvfb.on('error', (error) => reject(new Error(`Xvfb did not start (${error.message}); install the xvfb package`)));
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
  });
}

async function waitForDriver(port, child) {
  const until = Date.now() + 30_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`WebKitWebDriver exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`WebKitWebDriver did not answer on port ${port} within 30 s`);
}

function run(command, args, env) {
  return new Promise((resolve) => {
    const child = start(command, args, { env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const rows = [];
let failed = false;
for (const engine of engines) {
  const began = Date.now();
  const env = { ...process.env, ENGINE: engine, WTR_SUMMARY: join(scratch, `${engine}.json`) };
  let driver;
  if (engine === 'webkit') {
    const display = await startXvfb();
    driver = start('WebKitWebDriver', [`--port=${driverPort}`, '--host=127.0.0.1'], { env: { ...env, DISPLAY: display } });
    await waitForDriver(driverPort, driver);
    env.DISPLAY = display;
    env.WEBKIT_DRIVER_PORT = String(driverPort);
  }
  console.log(`\n=== ${engine}: browser tests ===`);
  const code = await run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...process.argv.slice(2)], env);
  if (engine === 'webkit') stopChildren();
  let counts = null;
  try {
    counts = JSON.parse(readFileSync(env.WTR_SUMMARY, 'utf8'));
  } catch {
    // the run died before reporting
  }
  const seconds = Math.round((Date.now() - began) / 1000);
  rows.push({ engine, code, seconds, counts });
  if (code !== 0) failed = true;
}

console.log('\nBrowser tests by engine:');
for (const { engine, code, seconds, counts } of rows) {
  const summary = counts
    ? `passed ${counts.passed}, failed ${counts.failed}, skipped ${counts.skipped}${counts.fileErrors ? `, file errors ${counts.fileErrors}` : ''}`
    : 'no results';
  console.log(`  ${engine.padEnd(9)} ${summary} (${seconds} s${code !== 0 ? `, exit ${code}` : ''})`);
  for (const name of counts?.skippedTests ?? []) console.log(`            skipped: ${name}`);
}
process.exit(failed ? 1 : 0);
