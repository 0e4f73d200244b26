/** Renders reports/eval.html: confusion heatmap, per-class accuracy and a gallery of misreads. */
import { PNG } from 'pngjs';
import { EVIDENCE_NOTE, type InspectParts } from './eval-inspect.js';

export interface Misread {
  index: number;
  label: number;
  predicted: number;
  confidence: number;
  probabilities: number[];
}

export interface NumberFailure {
  touching: boolean;
  value: string;
  read: string;
  image: { width: number; height: number; data: Uint8Array };
}

interface Report {
  samples: number;
  accuracy: number;
  placedOnCanvas: { accuracy: number; description: string };
  weightBytes: number;
  backend: string;
  confusion: number[][];
  perClassAccuracy: number[];
  date: string;
  numbers: { separated: { accuracy: number; samples: number }; touching: { accuracy: number; samples: number } };
  networksAlone?: { screenNetworkAccuracy: number; paperNetworkAccuracy: number; weighedMostlyPaper: number };
}

const pct = (v: number) => `${(v * 100).toFixed(2)} %`;

function pngDataUrl(pixels: Uint8Array, width = 28, height = 28): string {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i++) {
    png.data[i * 4] = png.data[i * 4 + 1] = png.data[i * 4 + 2] = 255 - pixels[i];
    png.data[i * 4 + 3] = 255;
  }
  return `data:image/png;base64,${PNG.sync.write(png).toString('base64')}`;
}

export function renderEvalHtml(report: Report, misreads: Misread[], imageOf: (index: number) => Uint8Array, numberFailures: NumberFailure[], inspected?: InspectParts): string {
  const max = Math.max(...report.confusion.flatMap((row, r) => row.filter((_, c) => c !== r)), 1);
  const cell = (count: number, r: number, c: number) => {
    const style = r === c
      ? `background: hsl(145 55% ${92 - 50 * Math.min(1, count / (report.samples / 10))}%)`
      : count === 0 ? '' : `background: hsl(0 75% ${95 - 50 * Math.sqrt(count / max)}%)`;
    return `<td style="${style}" title="true ${r}, read ${c}: ${count}">${count || ''}</td>`;
  };
  const rows = report.confusion
    .map((row, r) => `<tr><th>${r}</th>${row.map((n, c) => cell(n, r, c)).join('')}<td class="acc">${pct(report.perClassAccuracy[r])}</td></tr>`)
    .join('\n');
  const gallery = misreads
    .map((m) => {
      const top = m.probabilities
        .map((p, d) => [d, p] as const).sort((a, b) => b[1] - a[1]).slice(0, 3)
        .map(([d, p]) => `${d}: ${(p * 100).toFixed(0)}%`).join(', ');
      return `<figure><img src="${pngDataUrl(imageOf(m.index))}" alt="test digit ${m.index}, a ${m.label} read as ${m.predicted}" width="56" height="56">` +
        `<figcaption><b>${m.label}→${m.predicted < 0 ? '∅' : m.predicted}</b><br><small>#${m.index}<br>${top}</small>${inspected?.evidenceOf(m) ?? ''}</figcaption></figure>`;
    })
    .join('\n');
  const numberGallery = (touching: boolean) => numberFailures
    .filter((f) => f.touching === touching)
    .map((f) => `<figure class="wide"><img src="${pngDataUrl(f.image.data, f.image.width, f.image.height)}" alt="the number ${f.value}, read as ${f.read || 'nothing'}" width="${f.image.width * 2}" height="${f.image.height * 2}">` +
      `<figcaption>${f.value} → <b>${f.read || '∅'}</b></figcaption></figure>`)
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>digit-pad evaluation</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #1d2330; }
  h1 { margin-bottom: .2rem; } .sub { color: #5a6275; margin-top: 0; }
  .figures { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1.2rem 0; }
  .figures div { background: #f2f4f8; border-radius: 10px; padding: .7rem 1rem; min-width: 10rem; }
  .figures b { display: block; font-size: 1.6rem; }
  table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
  td, th { width: 3.2rem; height: 2.2rem; text-align: center; border: 1px solid #e1e4ea; }
  td.acc { width: 5.5rem; background: #f7f8fa; }
  .gallery { display: flex; flex-wrap: wrap; gap: .6rem; }
  figure { margin: 0; width: 6.6rem; text-align: center; background: #f7f8fa; border-radius: 8px; padding: .4rem 0; }
  figure img { image-rendering: pixelated; border: 1px solid #d6dae2; }
  figcaption { font-size: .8rem; line-height: 1.25; }
  figure.wide { width: auto; padding: .4rem; }
</style></head><body>
<h1>digit-pad evaluation</h1>
<p class="sub">${report.samples.toLocaleString('en')} MNIST test digits through the public <code>recognize()</code>, shipped uint8 weights · ${report.date} · backend ${report.backend}</p>
<div class="figures">
  <div>Accuracy<b>${pct(report.accuracy)}</b></div>
  <div>Placed on a 280×280 canvas<b>${pct(report.placedOnCanvas.accuracy)}</b></div>
  <div>Misread<b>${misreads.length}</b></div>
  <div>Numbers, separated<b>${pct(report.numbers.separated.accuracy)}</b></div>
  <div>Numbers, touching<b>${pct(report.numbers.touching.accuracy)}</b></div>
  <div>Weights<b>${(report.weightBytes / 1024).toFixed(1)} KB</b></div>
</div>
${report.networksAlone ? `<p class="sub">The built-in model mixes two networks per digit by the kind of ink. Alone on these digits, its screen network (MNIST and pen digits) reads ${pct(report.networksAlone.screenNetworkAccuracy)} and its paper network (MNIST alone) ${pct(report.networksAlone.paperNetworkAccuracy)}; the ink-source network weighed ${pct(report.networksAlone.weighedMostlyPaper)} of them mostly as paper. A pad's strokes are read by the screen network alone.</p>` : ''}
<h2>Confusion matrix</h2>
<p class="sub">Rows: true digit; columns: what was read; last column: per-class accuracy. Off-diagonal cells are errors.</p>
<table><tr><th></th>${[...Array(10).keys()].map((d) => `<th>${d}</th>`).join('')}<th>accuracy</th></tr>
${rows}
</table>
<h2>Numbers</h2>
<p class="sub">${report.numbers.separated.samples.toLocaleString('en')} separated and ${report.numbers.touching.samples.toLocaleString('en')} touching/overlapping numbers of 2–6 MNIST test digits through <code>recognizeNumber()</code>; exactly right: ${pct(report.numbers.separated.accuracy)} and ${pct(report.numbers.touching.accuracy)}. Failures (true → read):</p>
<h3>Separated</h3><div class="gallery">${numberGallery(false)}</div>
<h3>Touching or overlapping</h3><div class="gallery">${numberGallery(true)}</div>
${inspected?.filters ?? ''}<h2>Misread digits (${misreads.length})</h2>
<p class="sub">true→read, test-set index, top-3 probabilities.${inspected ? ` ${EVIDENCE_NOTE}` : ''}</p>
<div class="gallery">
${gallery}
</div>
</body></html>
`;
}
