/**
 * coldPage of `npm run bench` (issue 15): the first digit on a cold page. Headless Chromium, a fresh
 * incognito context each run, the cache disabled and the network throttled through CDP
 * (Network.emulateNetworkConditions: 40 ms latency, 10 Mbit/s down), the page served gzip-compressed.
 * bench/cold-pad.html holds one <digit-pad delay="400">; 1 s after the load event a "7" is written with
 * the mouse, and the time from the last pointerup to `digit-recognized` is compared with delay + 100 ms.
 * A page with the element but no pad (?pads=0) is watched for 3 s: it must fetch no wasm and no weights.
 */
import { median, round } from '../../bench/stats.js';

const THROTTLE = { offline: false, latency: 40, downloadThroughput: (10e6 / 8), uploadThroughput: (10e6 / 8) };
const DELAY = 400;

type Resource = { name: string; transferSize: number; encodedBodySize: number; decodedBodySize: number; startTime: number; responseEnd: number };

function kindOf(path: string): string {
  if (/\/weights\//.test(path)) return 'weights';
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.js')) return 'js';
  return 'other';
}

async function open(browser: any, url: string) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  const errors: string[] = [];
  page.on('pageerror', (e: Error) => errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return { context, page, errors };
}

const resources = (page: any): Promise<Resource[]> => page.evaluate(() => performance.getEntriesByType('resource').map((r: any) => ({
  name: new URL(r.name).pathname, transferSize: r.transferSize, encodedBodySize: r.encodedBodySize, decodedBodySize: r.decodedBodySize, startTime: r.startTime, responseEnd: r.responseEnd,
})));

function bytesByKind(list: Resource[], strip: string) {
  const out: Record<string, { files: number; transferBytes: number; bodyBytes: number; names: string[] }> = {};
  for (const r of list) {
    const kind = kindOf(r.name);
    if (kind === 'other') continue;
    out[kind] ??= { files: 0, transferBytes: 0, bodyBytes: 0, names: [] };
    out[kind].files++;
    out[kind].transferBytes += r.transferSize;
    out[kind].bodyBytes += r.decodedBodySize;
    out[kind].names.push(r.name.replace(strip, ''));
  }
  return out;
}

/** One run: load, wait 1 s after the load event, write a 7, time pointerup → digit-recognized. */
async function run(browser: any, url: string, dist: string) {
  const { context, page, errors } = await open(browser, url);
  try {
    const loadEventEnd: number = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd);
    await page.waitForFunction((t: number) => performance.now() >= t + 1000, { polling: 10 }, loadEventEnd);
    const box = await (await page.waitForSelector('digit-pad >>> canvas')).boundingBox();
    const at = (x: number, y: number) => [box.x + (x / 100) * box.width, box.y + (y / 100) * box.height] as const;
    const writeStart: number = await page.evaluate(() => performance.now());
    await page.mouse.move(...at(28, 25));
    await page.mouse.down();
    for (const [x, y] of [[40, 25], [55, 25], [72, 25], [66, 40], [58, 55], [50, 70], [44, 82]]) await page.mouse.move(...at(x, y), { steps: 3 });
    await page.mouse.up();
    await page.waitForFunction(() => (window as any).padEvents.length > 0, { timeout: 20_000, polling: 5 });
    const state = await page.evaluate(() => ({
      lastPointerUp: (window as any).lastPointerUp as number, events: (window as any).padEvents as { at: number; digit: number | null }[],
      warmUp: performance.getEntriesByName('digit-pad:warm-up')[0]?.startTime ?? null,
      ready: performance.getEntriesByName('digit-pad:ready')[0]?.startTime ?? null,
      elementDefined: (window as any).elementDefined as number,
    }));
    const list = await resources(page);
    const first = state.events[0];
    return {
      answerAfterPointerUpMs: round(first.at - state.lastPointerUp, 1), digit: first.digit,
      loadEventMs: round(loadEventEnd, 1), writeStartMs: round(writeStart, 1),
      warmUpStartMs: state.warmUp === null ? null : round(state.warmUp, 1), readyMs: state.ready === null ? null : round(state.ready, 1),
      elementDefinedMs: round(state.elementDefined, 1),
      bytes: bytesByKind(list, dist), errors,
    };
  } finally {
    await context.close();
  }
}

/** A page with the element's script but no pad: what it fetches in 3 s after load. */
async function noPad(browser: any, url: string, dist: string) {
  const { context, page } = await open(browser, url);
  try {
    await new Promise((r) => setTimeout(r, 3000));
    const list = await resources(page);
    const bytes = bytesByKind(list, dist);
    return { fetchedWasm: Boolean(bytes.wasm), fetchedWeights: Boolean(bytes.weights), bytes };
  } finally {
    await context.close();
  }
}

export async function coldPageBench(browser: any, baseUrl: string, dist: string, runs: number, digits = 1) {
  const url = new URL(`bench/cold-pad.html?dist=${dist}${digits > 1 ? `&digits=${digits}` : ''}`, baseUrl).href;
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await run(browser, url, dist));
  const answers = all.map((r) => r.answerAfterPointerUpMs);
  const mid = [...all].sort((a, b) => a.answerAfterPointerUpMs - b.answerAfterPointerUpMs)[all.length >> 1];
  const empty = await noPad(browser, `${url}&pads=0`, dist);
  return {
    digits, medianAnswerAfterPointerUpMs: round(median(answers), 1), maxAnswerAfterPointerUpMs: Math.max(...answers),
    delayMs: DELAY, limitMs: DELAY + 100, met: Math.max(...answers) <= DELAY + 100,
    medianTimeToReadyMs: round(median(all.map((r) => (r.readyMs ?? NaN) - r.loadEventMs)), 1),
    timeToReadyFrom: 'the load event to the digit-pad:ready mark (wasm compiled, backend up, weights loaded)',
    bytes: mid.bytes, noPad: empty, runs: all,
    method: 'headless Chromium, fresh incognito context per run, CDP Network.setCacheDisabled + Network.emulateNetworkConditions (40 ms latency, 10 Mbit/s down and up), server gzip; a 7 written with the mouse 1 s after the load event; answer = digit-recognized − last pointerup (performance.now() in the page)',
  };
}
