/**
 * The pen-writers section of `npm run eval`: real pen digits of writers no training choice has seen
 * (HELD_OUT_WRITERS), read through the public SDK as a pad would give them.
 */
import { strokeBounds } from '../../src/preprocess/strokes.js';
import { createRng } from '../../src/training/rng.js';
import { composePenNumber, digitsByWriter, NUMBER_PAD } from './pen-numbers.js';
import { byWriters, HELD_OUT_WRITERS, loadPenDigits, penDigitOnPad } from './pendigits.js';

type Sdk = {
  recognize(image: unknown, options?: object): Promise<{ digit: number | null; confidence: number; probabilities: number[] }>;
  recognizeStrokes(strokes: unknown, options?: object): Promise<{ digit: number | null; confidence: number }>;
  recognizeNumber(image: unknown, options?: object): Promise<{ value: string }>;
};

export interface PenMisread { index: number; writer: number; label: number; predicted: number; confidence: number }

/** The pad of the headline figure: 280 px, the digit 60 % of it tall, the default 6 % pen. */
const PAD = { size: 280, digitHeight: 168, penWidth: 0.06 * 280 };
const SWEEP = { penFractions: [0.03, 0.05, 0.08, 0.12, 0.16, 0.2, 0.25], heights: [70, 140, 210] };
const BINS = [0, 0.5, 0.7, 0.9, 0.99, 1.000001];
const NUMBERS = 1000;

export async function evaluatePen(sdk: Sdk, model: unknown, limit?: number) {
  const digits = byWriters(loadPenDigits(), HELD_OUT_WRITERS).slice(0, limit);
  const confusion = Array.from({ length: 10 }, () => new Array(10).fill(0));
  const misreads: PenMisread[] = [];
  const reads: { right: boolean; confidence: number; writer: number }[] = [];
  for (let i = 0; i < digits.length; i++) {
    const d = digits[i];
    const r = await sdk.recognize(penDigitOnPad(d.strokes, PAD.size, PAD.digitHeight, PAD.penWidth), { model });
    const predicted = r.digit ?? -1;
    if (predicted >= 0) confusion[d.label][predicted]++;
    reads.push({ right: predicted === d.label, confidence: r.confidence, writer: d.writer });
    if (predicted !== d.label) misreads.push({ index: i, writer: d.writer, label: d.label, predicted, confidence: r.confidence });
  }
  let strokesRight = 0;
  for (const d of digits) if ((await sdk.recognizeStrokes(d.strokes, { model })).digit === d.label) strokesRight++;

  const sweep = [];
  for (const fraction of SWEEP.penFractions) {
    const bySize = [];
    for (const height of SWEEP.heights) {
      let right = 0;
      for (const d of digits) if ((await sdk.recognize(penDigitOnPad(d.strokes, PAD.size, height, fraction * height), { model })).digit === d.label) right++;
      bySize.push({ digitHeight: height, accuracy: right / digits.length });
    }
    sweep.push({ penFraction: fraction, accuracy: bySize.reduce((s, b) => s + b.accuracy, 0) / bySize.length, worst: Math.min(...bySize.map((b) => b.accuracy)), bySize });
  }

  const reliability = BINS.slice(0, -1).map((lo, k) => {
    const inBin = reads.filter((r) => r.confidence >= lo && r.confidence < BINS[k + 1]);
    return { from: lo, to: Math.min(1, BINS[k + 1]), count: inBin.length, accuracy: inBin.length ? inBin.filter((r) => r.right).length / inBin.length : null };
  });
  const confident = reads.filter((r) => r.confidence >= 0.9);

  const byWriter = digitsByWriter(digits);
  const random = createRng(31);
  let strokeExact = 0, imageExact = 0;
  const numberFailures: { value: string; strokes: string; image: string; writer: number }[] = [];
  const count = limit ? Math.min(limit, NUMBERS) : NUMBERS;
  /** Every stroke-path failure: a digit misread (the right count), or digits split or merged. */
  const strokeFailureKinds = { misreadDigit: 0, wrongCount: 0 };
  for (let i = 0; i < count; i++) {
    const n = composePenNumber(byWriter, random);
    // As a digits="4" pad reads them: its strokes, and the four digits it asks for.
    const viaStrokes = (await sdk.recognizeNumber(n.image, { model, strokes: n.strokes, strokeWidth: n.strokeWidth, expectedDigits: 4 })).value;
    const viaImage = (await sdk.recognizeNumber(n.image, { model })).value;
    if (viaStrokes === n.value) strokeExact++;
    else strokeFailureKinds[viaStrokes.length === n.value.length ? 'misreadDigit' : 'wrongCount']++;
    if (viaImage === n.value) imageExact++;
    if ((viaStrokes !== n.value || viaImage !== n.value) && numberFailures.length < 40) numberFailures.push({ value: n.value, strokes: viaStrokes, image: viaImage, writer: n.writer });
  }

  const right = reads.filter((r) => r.right).length;
  return {
    description: `UCI pendigits writers ${HELD_OUT_WRITERS.join(', ')} (held out of training and of every choice); each digit written on a ${PAD.size} px pad, ${PAD.digitHeight} px tall, with the default 6 % pen, read by recognize()`,
    writers: [...HELD_OUT_WRITERS],
    samples: digits.length,
    correct: right,
    accuracy: right / digits.length,
    padStrokesAccuracy: strokesRight / digits.length,
    perWriter: [...byWriter].map(([writer, list]) => ({
      writer, samples: list.length, accuracy: reads.filter((r) => r.writer === writer && r.right).length / list.length,
    })),
    perDigit: confusion.map((row, d) => row[d] / Math.max(1, digits.filter((x) => x.label === d).length)),
    confusion,
    misreads,
    penWidthSweep: sweep,
    reliability,
    confidentAtLeast90: { count: confident.length, accuracy: confident.filter((r) => r.right).length / Math.max(1, confident.length) },
    numbers: {
      description: `${count} four-digit numbers, each by one held-out writer, on a digits="4" pad (${NUMBER_PAD.width}×${NUMBER_PAD.height} px, 6 % pen), gaps 0–30 % of the row height`,
      samples: count,
      strokesAccuracy: strokeExact / count,
      imageAccuracy: imageExact / count,
      strokeFailureKinds,
      failures: numberFailures,
    },
    digitsForGallery: misreads.map((m) => digits[m.index].strokes),
  };
}

export type PenReport = Awaited<ReturnType<typeof evaluatePen>>;

const pct = (v: number) => `${(v * 100).toFixed(2)} %`;

/** The strokes as they were written: one polyline per stroke, later strokes in other colours. */
function strokesSvg(strokes: [number, number][][], label: string): string {
  const { x0, x1, y0, y1 } = strokeBounds(strokes.flat());
  const size = Math.max(x1 - x0, y1 - y0, 1), pad = size * 0.12;
  const colours = ['#1d2330', '#c2410c', '#2563eb'];
  const lines = strokes.map((s, k) => `<polyline points="${s.map(([x, y]) => `${(x - x0 + pad).toFixed(0)},${(y - y0 + pad).toFixed(0)}`).join(' ')}" stroke="${colours[k % 3]}"/>`).join('');
  return `<svg viewBox="0 0 ${(x1 - x0 + 2 * pad).toFixed(0)} ${(y1 - y0 + 2 * pad).toFixed(0)}" width="64" height="64" role="img" aria-label="${label}" fill="none" stroke-width="${(size / 14).toFixed(1)}" stroke-linecap="round" stroke-linejoin="round">${lines}</svg>`;
}

/** Reliability diagram: for each confidence bin, how often the read was right (the diagonal is perfect calibration). */
function reliabilitySvg(bins: PenReport['reliability']): string {
  const w = 320, h = 200, bar = w / bins.length;
  const bars = bins.map((b, k) => {
    if (b.accuracy === null) return '';
    const top = h - b.accuracy * h;
    return `<rect x="${k * bar + 4}" y="${top}" width="${bar - 8}" height="${h - top}" fill="#2563eb" opacity="0.75"><title>confidence ${b.from}–${b.to}: ${b.count} digits, ${pct(b.accuracy)} right</title></rect>` +
      `<text x="${k * bar + bar / 2}" y="${h + 14}" text-anchor="middle" font-size="11">${b.from}–${b.to}</text>` +
      `<text x="${k * bar + bar / 2}" y="${Math.max(12, top - 4)}" text-anchor="middle" font-size="11">${(b.accuracy * 100).toFixed(1)}% (${b.count})</text>`;
  }).join('');
  const diagonal = bins.map((b, k) => `${k * bar + bar / 2},${h - ((b.from + b.to) / 2) * h}`).join(' ');
  return `<svg viewBox="0 -4 ${w} ${h + 22}" width="${w * 1.5}" role="img" aria-label="reliability: accuracy per confidence bin">${bars}<polyline points="${diagonal}" fill="none" stroke="#c2410c" stroke-dasharray="4 3"/></svg>`;
}

export function renderPenHtml(pen: PenReport): string {
  const max = Math.max(...pen.confusion.flatMap((row, r) => row.filter((_, c) => c !== r)), 1);
  const rows = pen.confusion.map((row, r) => `<tr><th>${r}</th>${row.map((n, c) => {
    const style = r === c ? 'background: hsl(145 55% 80%)' : n === 0 ? '' : `background: hsl(0 75% ${95 - 50 * Math.sqrt(n / max)}%)`;
    return `<td style="${style}">${n || ''}</td>`;
  }).join('')}<td class="acc">${pct(pen.perDigit[r])}</td></tr>`).join('\n');
  const gallery = pen.misreads.map((m, k) => `<figure>${strokesSvg(pen.digitsForGallery[k], `a ${m.label} by writer ${m.writer}, read as ${m.predicted}`)}` +
    `<figcaption><b>${m.label}→${m.predicted < 0 ? '∅' : m.predicted}</b><br><small>writer ${m.writer}<br>${(m.confidence * 100).toFixed(0)} %</small></figcaption></figure>`).join('\n');
  const sweep = pen.penWidthSweep.map((s) => `<tr><th>${(s.penFraction * 100).toFixed(0)} %</th>${s.bySize.map((b) => `<td>${pct(b.accuracy)}</td>`).join('')}<td class="acc">${pct(s.worst)}</td></tr>`).join('\n');
  const writers = pen.perWriter.map((w) => `<td>${w.writer}: ${pct(w.accuracy)}</td>`).join('');
  return `
<style>.pen td, .pen th { width: auto; min-width: 3.2rem; padding: 0 .5rem; white-space: nowrap; }</style>
<h2>Pen writers (held out)</h2>
<p class="sub">${pen.description}. Stroke colours in the gallery show writing order (first dark, second orange, third blue).</p>
<div class="figures">
  <div>Held-out writers<b>${pct(pen.accuracy)}</b></div>
  <div>As the pad reads its strokes<b>${pct(pen.padStrokesAccuracy)}</b></div>
  <div>Right when confidence ≥ 0.9<b>${pct(pen.confidentAtLeast90.accuracy)}</b></div>
  <div>4-digit numbers, strokes<b>${pct(pen.numbers.strokesAccuracy)}</b></div>
  <div>4-digit numbers, image<b>${pct(pen.numbers.imageAccuracy)}</b></div>
</div>
<h3>Per writer</h3><table class="pen"><tr>${writers}</tr></table>
<h3>Confusion matrix</h3>
<table><tr><th></th>${[...Array(10).keys()].map((d) => `<th>${d}</th>`).join('')}<th>accuracy</th></tr>
${rows}
</table>
<h3>Pen width and digit size</h3>
<p class="sub">Accuracy by pen width (fraction of the digit's height) and digit height on a 280 px pad, through <code>recognize()</code>; last column: the worst size.</p>
<table class="pen"><tr><th>pen</th>${SWEEP.heights.map((h) => `<th>${h} px</th>`).join('')}<th>worst</th></tr>
${sweep}
</table>
<h3>Reliability</h3>
<p class="sub">For each confidence bin: how often the read was right, and how many digits fell in it. The dashed line is perfect calibration.</p>
${reliabilitySvg(pen.reliability)}
<h3>Four-digit numbers: failures (${pen.numbers.failures.length} shown)</h3>
<p>Of all the stroke-path failures, ${pen.numbers.strokeFailureKinds.misreadDigit} misread a digit and ${pen.numbers.strokeFailureKinds.wrongCount} split or merged digits.</p>
<p class="sub">${pen.numbers.description}. true → read from strokes / read from the image.</p>
<ul>${pen.numbers.failures.map((f) => `<li>${f.value} → <b>${f.strokes || '∅'}</b> / ${f.image || '∅'} (writer ${f.writer})</li>`).join('')}</ul>
<h3>Misread pen digits (${pen.misreads.length}), as they were written</h3>
<div class="gallery">${gallery}</div>
`;
}
