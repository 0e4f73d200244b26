/**
 * The report's look inside the network: the first layer's learned filters, and for every misread
 * digit the occlusion evidence (inspect()) for its true class and for the class it was read as.
 */
import { PNG } from 'pngjs';
import type { Misread } from './eval-report.js';

interface Filters { name: string; shape: number[]; data: Float32Array }
interface Evidence { classIndex: number; data: Float32Array; maxAbs: number }
interface Inspected { input: Float32Array | null; filters: Filters; evidence: Evidence[] }
interface Sdk { inspect(image: unknown, options: object): Promise<Inspected> }

/** What renderEvalHtml() adds: the filters section and, per misread, its evidence figures. */
export interface InspectParts {
  filters: string;
  evidenceOf: (misread: Misread) => string;
}

type Rgb = [number, number, number];
const PAPER: Rgb = [255, 255, 255], INK: Rgb = [29, 35, 48], FOR: Rgb = [31, 157, 85], AGAINST: Rgb = [214, 51, 108];
const mix = (a: Rgb, b: Rgb, t: number): Rgb => a.map((v, i) => Math.round(v + (b[i] - v) * Math.max(0, Math.min(1, t)))) as Rgb;
/** Green for positive, pink for negative, `base` where 0. */
const diverging = (v: number, base: Rgb): Rgb => (v >= 0 ? mix(base, FOR, v) : mix(base, AGAINST, -v));

function png(width: number, height: number, colourAt: (x: number, y: number) => Rgb): string {
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) image.data.set([...colourAt(x, y), 255], (y * width + x) * 4);
  }
  return `data:image/png;base64,${PNG.sync.write(image).toString('base64')}`;
}

/**
 * Runs inspect() on every misread digit for its true and its read class (one scale for both maps,
 * so they compare), and renders the filters. Misreads read as nothing (blank) get no maps.
 */
export async function inspectMisreads(sdk: Sdk, model: unknown, misreads: Misread[], imageOf: (index: number) => unknown): Promise<InspectParts> {
  const figures = new Map<number, string>();
  let filters: Filters | null = null;
  for (const m of misreads) {
    const seen = await sdk.inspect(imageOf(m.index), { model, ...(m.predicted >= 0 ? { evidence: { classes: [m.label, m.predicted] } } : {}) });
    filters ??= seen.filters;
    if (!seen.input || seen.evidence.length < 2) continue;
    const scale = Math.max(seen.evidence[0].maxAbs, seen.evidence[1].maxAbs, 1e-6);
    const input = seen.input;
    const images = seen.evidence.map((e) => png(28, 28, (x, y) => diverging(e.data[y * 28 + x] / scale, mix(PAPER, INK, 0.2 * input[y * 28 + x]))));
    figures.set(m.index, `<span class="evidence">` +
      `<img src="${images[0]}" width="56" height="56" alt="evidence for ${m.label}, the true digit" title="why ${m.label} (true)">` +
      `<img src="${images[1]}" width="56" height="56" alt="evidence for ${m.predicted}, what it was read as" title="why ${m.predicted} (read)">` +
      `<small>why ${m.label} · why ${m.predicted}</small></span>`);
  }
  return { filters: filters ? filtersHtml(filters) : '', evidenceOf: (m) => figures.get(m.index) ?? '' };
}

function filtersHtml({ name, shape, data }: Filters): string {
  const [kh, kw, , n] = shape;
  let max = 0;
  for (const v of data) max = Math.max(max, Math.abs(v));
  const tiles = Array.from({ length: n }, (_, f) =>
    `<img src="${png(kw, kh, (x, y) => diverging(data[(y * kw + x) * n + f] / (max || 1), PAPER))}" width="${kw * 10}" height="${kh * 10}" alt="${name} filter ${f}">`);
  return `<style>
  .filters { display: flex; flex-wrap: wrap; gap: .4rem; } .filters img, .evidence img { image-rendering: pixelated; border: 1px solid #d6dae2; }
  .gallery figure:has(.evidence) { width: 8.4rem; } .evidence { display: block; } .evidence small { display: block; color: #5a6275; }
  .key-for { color: rgb(${FOR}); font-weight: 600; } .key-against { color: rgb(${AGAINST}); font-weight: 600; }
</style>
<h2>First-layer filters</h2>
<p class="sub">The ${n} learned ${kw}×${kh} kernels of <code>${name}</code>, one scale for all: <span class="key-for">green</span> weights respond to ink, <span class="key-against">pink</span> to its absence.</p>
<div class="filters">${tiles.join('')}</div>
`;
}

/** One sentence for the misreads' caption: how to read the evidence maps. */
export const EVIDENCE_NOTE = 'Under each misread: occlusion evidence from <code>inspect()</code> for the true class and for the class it was read as, on one scale; <span class="key-for">green</span> ink argues for that class (blanking it lowers its score), <span class="key-against">pink</span> argues against it.';
