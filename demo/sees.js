// "What the network sees": draws inspect()'s input, layer maps, filters and evidence maps for the big
// pad on canvases (no inline styles, so it works under the demo's strict CSP) in the page's colours.
import { inspect } from '../dist/digit-pad.js';

await customElements.whenDefined('digit-pad');

const pad = document.getElementById('big');
const section = document.querySelector('.sees');
const summary = document.getElementById('sees-summary');
const inputCanvas = document.getElementById('sees-input');
const evidenceCanvases = [0, 1].map((k) => document.getElementById(`sees-evidence-${k}`));
const evidenceCaptions = [0, 1].map((k) => document.getElementById(`sees-evidence-${k}-caption`));
const filtersCanvas = document.getElementById('sees-filters');
const layersBox = document.getElementById('sees-layers');
const layersText = document.getElementById('sees-layers-text');

/** The section's colours as [r, g, b], read from its custom properties so dark mode follows the page. */
function palette() {
  const style = getComputedStyle(section);
  const rgb = (name) => {
    const probe = document.createElement('canvas').getContext('2d');
    probe.fillStyle = style.getPropertyValue(name).trim();
    const hex = probe.fillStyle; // canvases normalise any CSS colour to #rrggbb
    return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  };
  return { paper: rgb('--surface'), ink: rgb('--text'), line: rgb('--line'), for: rgb('--evidence-for'), against: rgb('--evidence-against') };
}

const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * Math.max(0, Math.min(1, t))));

/** Paints a w×h grid of colours (colourAt(x, y) → [r, g, b]) at `scale` px per cell, at (left, top). */
function paint(ctx, w, h, scale, left, top, colourAt) {
  const image = ctx.createImageData(w * scale, h * scale);
  for (let y = 0; y < h * scale; y++) {
    for (let x = 0; x < w * scale; x++) {
      const [r, g, b] = colourAt(Math.floor(x / scale), Math.floor(y / scale));
      image.data.set([r, g, b, 255], (y * w * scale + x) * 4);
    }
  }
  ctx.putImageData(image, left, top);
}

function clear(canvas, colours) {
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = `rgb(${colours.paper})`;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  return ctx;
}

/** Tiles laid out `columns` wide with a 2 px gap; resizes the canvas to fit them. */
function tiles(canvas, count, w, h, scale, columns, colours, draw) {
  const gap = 2, rows = Math.ceil(count / columns);
  canvas.width = columns * (w * scale + gap) - gap;
  canvas.height = rows * (h * scale + gap) - gap;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = `rgb(${colours.line})`; // the gaps: tiles stay apart even where they are blank
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (let k = 0; k < count; k++) {
    draw(ctx, (k % columns) * (w * scale + gap), Math.floor(k / columns) * (h * scale + gap), k);
  }
}

function drawFilters(filters, colours) {
  const [kh, kw, , n] = filters.shape; // [height, width, inChannels = 1, filters]
  let max = 0;
  for (const v of filters.data) max = Math.max(max, Math.abs(v));
  tiles(filtersCanvas, n, kw, kh, 8, 8, colours, (ctx, left, top, f) =>
    paint(ctx, kw, kh, 8, left, top, (x, y) => {
      const v = filters.data[(y * kw + x) * n + f] / (max || 1);
      return v >= 0 ? mix(colours.paper, colours.for, v) : mix(colours.paper, colours.against, -v);
    }));
}

function drawInput(input, colours) {
  const ctx = clear(inputCanvas, colours);
  if (input) paint(ctx, 28, 28, 4, 0, 0, (x, y) => mix(colours.paper, colours.ink, input[y * 28 + x]));
}

function drawEvidence(seen, colours) {
  const scale = Math.max(...seen.evidence.map((e) => e.maxAbs), 1e-6); // one scale: the two maps compare
  evidenceCanvases.forEach((canvas, k) => {
    const ctx = clear(canvas, colours);
    const map = seen.evidence[k];
    if (!map || !seen.input) return;
    paint(ctx, 28, 28, 4, 0, 0, (x, y) => {
      const i = y * 28 + x, v = map.data[i] / scale;
      const base = mix(colours.paper, colours.ink, 0.2 * seen.input[i]); // the digit, faint, for orientation
      return v >= 0 ? mix(base, colours.for, v) : mix(base, colours.against, -v);
    });
  });
}

/** Channels of an [h, w, c] activation, strongest (largest sum) first. */
function rankChannels(layer) {
  const [h, w, c] = layer.shape;
  const sums = new Float64Array(c);
  for (let p = 0; p < h * w; p++) for (let ch = 0; ch < c; ch++) sums[ch] += layer.data[p * c + ch];
  return [...sums.keys()].sort((a, b) => sums[b] - sums[a]).map((ch) => ({ channel: ch, sum: sums[ch] }));
}

const SCALES = { 28: 2, 14: 3, 7: 5 };

function drawLayers(layers, colours) {
  const convs = layers.filter((l) => l.type === 'conv2d');
  if (layersBox.children.length !== convs.length * 2) {
    layersBox.replaceChildren(...convs.flatMap((layer) => {
      const heading = document.createElement('h3');
      const canvas = document.createElement('canvas');
      canvas.className = 'sees-canvas';
      canvas.setAttribute('role', 'img');
      return [heading, canvas];
    }));
  }
  return convs.map((layer, k) => {
    const [h, w, c] = layer.shape;
    const ranked = rankChannels(layer);
    let max = 0;
    for (const v of layer.data) max = Math.max(max, v);
    const heading = layersBox.children[2 * k], canvas = layersBox.children[2 * k + 1];
    heading.textContent = `${layer.name} `;
    const small = document.createElement('small');
    small.textContent = `${c} maps of ${h}×${w}, strongest first`;
    heading.append(small);
    const scale = SCALES[h] ?? Math.max(1, Math.round(56 / h));
    tiles(canvas, c, w, h, scale, Math.min(c, 16), colours, (ctx, left, top, t) =>
      paint(ctx, w, h, scale, left, top, (x, y) => mix(colours.paper, colours.ink, layer.data[(y * w + x) * c + ranked[t].channel] / (max || 1))));
    const active = ranked.filter((r) => r.sum > 0).length;
    const strongest = ranked.slice(0, 3).map((r) => r.channel).join(', ');
    canvas.setAttribute('aria-label', `${layer.name}: ${active} of ${c} maps respond; the strongest are maps ${strongest}`);
    return `${layer.name}: ${active} of ${c} maps respond, strongest ${strongest}`;
  });
}

/** Where a map's strongest positive evidence peaks, in words: "at the top right". */
function where(map) {
  let peak = -1;
  map.data.forEach((v, i) => { if (v > 0 && (peak < 0 || v > map.data[peak])) peak = i; });
  if (peak < 0) return null;
  const third = (v) => (v < 10 ? 0 : v < 18 ? 1 : 2);
  const row = ['top', 'middle', 'bottom'][third(Math.floor(peak / 28))], column = ['left', 'centre', 'right'][third(peak % 28)];
  if (row === 'middle') return column === 'centre' ? 'in the middle' : `on the ${column}`;
  return `at the ${row}${column === 'centre' ? '' : ` ${column}`}`;
}

let latest = 0;
let seen = null;

function render() {
  const colours = palette();
  drawInput(seen?.input ?? null, colours);
  if (!seen) return;
  drawFilters(seen.filters, colours);
  drawEvidence(seen, colours);
  const layerText = drawLayers(seen.layers, colours);
  if (seen.status === 'empty') {
    summary.textContent = 'Write a digit on the pad above to look inside the network.';
    inputCanvas.setAttribute('aria-label', "The network's 28 by 28 input: nothing written yet");
    layersBox.replaceChildren();
    layersText.textContent = section.dataset.layers = '';
    return;
  }
  const pct = (p) => (p > 0 && p < 0.005 ? '<1 %' : `${Math.round(p * 100)} %`);
  const [best, second] = seen.evidence.length ? seen.evidence : [];
  inputCanvas.setAttribute('aria-label', `The network's 28 by 28 input: your drawing cropped, scaled and centred like MNIST`);
  const margin = best && second ? `, runner-up ${second.label} at ${pct(seen.probabilities[second.classIndex])}` : '';
  const evidenceText = seen.evidence.map((e) => {
    const place = where(e);
    return place ? `the ${e.label}'s evidence peaks ${place}` : `nothing argues for the ${e.label}`;
  });
  const sentence = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  summary.textContent = `Read as ${seen.label} at ${pct(seen.confidence)}${margin}. ${evidenceText.length ? `${sentence(evidenceText.join('; '))}.` : ''}`;
  seen.evidence.forEach((e, k) => {
    evidenceCaptions[k].textContent = `Why ${e.label} (${pct(seen.probabilities[e.classIndex])})`;
    evidenceCanvases[k].setAttribute('aria-label', `Evidence for ${e.label}: ${evidenceText[k]}`);
  });
  layersText.textContent = `Which feature maps respond most: ${layerText.join('; ')}.`;
  section.dataset.layers = layerText.join('; '); // also what the tests read
}

async function update(evidence) {
  const ticket = ++latest;
  // What a one-digit pad reads: its strokes (in pad pixels, so the shape keeps its proportions).
  const { width, height } = pad.toImageData();
  const strokes = pad.strokes.map((stroke) => stroke.map(({ x, y }) => [x * width, y * height]));
  const result = await inspect(strokes, { evidence, ...(pad.model ? { model: pad.model } : {}) });
  if (ticket !== latest) return; // a newer stroke overtook this one
  seen = result;
  render();
  section.dataset.state = seen.status === 'empty' ? 'empty' : evidence ? 'read' : 'drawing';
}

// Layers follow every stroke (one pass, about a millisecond); evidence maps (a few hundred passes)
// wait for the pad's own reading after the writer pauses.
pad.addEventListener('pointerup', () => requestAnimationFrame(() => update(false).catch(showError)));
pad.addEventListener('digit-recognized', () => update(true).catch(showError));
pad.addEventListener('digit-cleared', () => update(false).catch(showError));
matchMedia('(prefers-color-scheme: dark)').addEventListener('change', render);

function showError(error) {
  summary.textContent = `Could not look inside the network: ${error?.message ?? error}`;
}

// The filters belong to the model, not to a drawing: show them before anything is written.
update(false).catch(showError);
