import { expect } from '@esm-bundle/chai';
import { train } from '../../dist/digit-pad.js';
import { DIGITS, canvasOf, cleanup, drawOn, frames, line, makePad, nextEvent, polyline } from './helpers.js';

afterEach(cleanup);

// Two classes no digit looks like: a tick ("yes") and a cross ("no"), in a 100×100 box.
const TICK = [polyline([24, 52], [42, 74], [78, 22])];
const CROSS = [line(26, 22, 74, 80), line(74, 22, 26, 80)];

/** A small seeded generator so the training set (and so the test) is the same on every run. */
function rng(seed) {
  return () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
}

/** `strokes` drawn on a canvas like a hand would: jittered, slightly rotated, scaled and moved. */
function sampleCanvas(strokes, random) {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 112;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 112, 112);
  const angle = (random() - 0.5) * 0.35;
  const scale = 0.85 + random() * 0.3;
  const dx = (random() - 0.5) * 10;
  const dy = (random() - 0.5) * 10;
  ctx.translate(56 + dx, 56 + dy);
  ctx.rotate(angle);
  ctx.scale(scale, scale);
  ctx.translate(-50, -50);
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 6 + random() * 3;
  ctx.lineCap = ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    ctx.beginPath();
    stroke.forEach(([x, y], i) => {
      const jx = x + (random() - 0.5) * 3;
      const jy = y + (random() - 0.5) * 3;
      if (i === 0) ctx.moveTo(jx, jy);
      else ctx.lineTo(jx, jy);
    });
    ctx.stroke();
  }
  return canvas;
}

function samples(names) {
  const random = rng(7);
  const out = [];
  for (let i = 0; i < 12; i++) {
    out.push({ image: sampleCanvas(TICK, random), label: names[0] });
    out.push({ image: sampleCanvas(CROSS, random), label: names[1] });
  }
  return out;
}

const candidateLabels = (pad) => [...pad.shadowRoot.querySelectorAll('[part="candidate"] b')].map((b) => b.textContent.trim());
const statusText = (pad) => pad.shadowRoot.querySelector('[part="status"]').textContent.replace(/\s+/g, ' ').trim();

describe('<digit-pad> with a custom model', function () {
  this.timeout(120_000);
  let yesNo;
  let okCancel;

  before(async () => {
    await customElements.whenDefined('digit-pad');
    // Fine-tunes the shipped network on 24 drawings: a few seconds in the worker.
    yesNo = await train(samples(['yes', 'no']), { classNames: ['yes', 'no'], epochs: 4, seed: 3 });
    okCancel = await train(samples(['ok', 'cancel']), { classNames: ['ok', 'cancel'], epochs: 4, seed: 5 });
  });

  it('reports the class name as value, status and candidates', async () => {
    const pad = await makePad({ delay: 60000 });
    pad.model = yesNo;
    await pad.updateComplete;
    drawOn(pad, TICK);
    const result = await pad.recognize();
    expect(result.label, `probabilities ${result.probabilities}`).to.equal('yes');
    expect(result.digit).to.equal(null);
    expect(pad.value).to.equal('yes');
    await pad.updateComplete;
    expect(statusText(pad)).to.match(/^Recognised yes \d+% sure$/);
    expect(candidateLabels(pad)).to.deep.equal(['yes', 'no']);

    pad.clear();
    drawOn(pad, CROSS);
    await pad.recognize();
    expect(pad.value).to.equal('no');
    await pad.updateComplete;
    expect(candidateLabels(pad)).to.deep.equal(['no', 'yes']);
  });

  it('submits the class name with its form', async () => {
    const form = document.createElement('form');
    document.body.append(form);
    try {
      const pad = await makePad({ name: 'answer', required: true, delay: 60000 }, form);
      pad.model = yesNo;
      await pad.updateComplete;
      expect(pad.validationMessage).to.equal('Please write one of: yes, no.');
      drawOn(pad, CROSS);
      await pad.recognize();
      expect(new FormData(form).get('answer')).to.equal('no');
      expect(pad.checkValidity()).to.equal(true);
    } finally {
      form.remove();
    }
  });

  it('re-reads the drawing when the model changes, and model = null goes back to digits', async () => {
    const pad = await makePad({ delay: 60000 });
    drawOn(pad, DIGITS[7].plain);
    await pad.recognize();
    expect(pad.value).to.equal('7');
    const userEvents = [];
    pad.addEventListener('input', () => userEvents.push('input'));
    pad.addEventListener('change', () => userEvents.push('change'));

    let reread = nextEvent(pad, 'digit-recognized');
    pad.model = yesNo;
    let event = await reread;
    expect(['yes', 'no']).to.include(event.detail.label);
    await pad.updateComplete;
    expect(candidateLabels(pad).sort()).to.deep.equal(['no', 'yes']);
    expect(pad.value).to.be.oneOf(['yes', 'no', '']);

    reread = nextEvent(pad, 'digit-recognized');
    pad.model = null;
    event = await reread;
    expect(event.detail.digit).to.equal(7);
    expect(pad.value).to.equal('7');
    await pad.updateComplete;
    expect(statusText(pad)).to.match(/^Recognised 7 \d+% sure$/);
    const labels = candidateLabels(pad);
    expect(labels).to.have.length(3);
    expect(labels[0]).to.equal('7');
    for (const label of labels) expect(label).to.match(/^[0-9]$/);
    expect(userEvents, 'a model change is not a user edit').to.deep.equal([]);
  });

  it('keeps two pads with different models independent', async () => {
    const a = await makePad({ delay: 60000 });
    const b = await makePad({ delay: 60000 });
    const c = await makePad({ delay: 60000 });
    a.model = yesNo;
    b.model = okCancel;
    for (const pad of [a, b, c]) drawOn(pad, TICK);
    await Promise.all([a, b, c].map((pad) => pad.recognize()));
    expect(a.value).to.equal('yes');
    expect(b.value).to.equal('ok');
    expect(c.model).to.equal(null);
    expect(c.result.probabilities).to.have.length(10);
    await Promise.all([a, b, c].map((pad) => pad.updateComplete));
    expect(candidateLabels(a)).to.deep.equal(['yes', 'no']);
    expect(candidateLabels(b)).to.deep.equal(['ok', 'cancel']);
    for (const label of candidateLabels(c)) expect(label).to.match(/^[0-9]$/);

    // Swapping one pad's model leaves the other alone.
    const reread = nextEvent(a, 'digit-recognized');
    a.model = okCancel;
    await reread;
    expect(a.value).to.equal('ok');
    expect(b.value).to.equal('ok');
    expect(b.model).to.equal(okCancel);
    b.model = null;
    await nextEvent(b, 'digit-recognized');
    expect(a.value).to.equal('ok');
    expect(a.result.probabilities).to.have.length(2);
    expect(b.result.probabilities).to.have.length(10);
  });

  it('is a property only: no model attribute is read or reflected', async () => {
    const pad = await makePad({ model: 'indexeddb://whatever', delay: 60000 });
    expect(pad.model).to.equal(null);
    pad.model = yesNo;
    await pad.updateComplete;
    expect(pad.getAttribute('model')).to.equal('indexeddb://whatever');
    expect(canvasOf(pad)).to.exist;
    await frames();
  });
});
