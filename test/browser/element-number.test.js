import { expect } from '@esm-bundle/chai';
import '../../dist/digit-pad.js';
import { DIGITS, canvasOf, cleanup, drawOn, frames, makePad, nextEvent } from './helpers.js';

afterEach(cleanup);

/**
 * The drawings for a number, written as a person would on one wide pad: each digit from the helpers'
 * 100×100 shapes, about three quarters of the pad's height, digits side by side left to right with
 * a small gap, the row roughly centred. Hands are not rulers, so sizes, baselines and gaps wander a
 * little from digit to digit (the same way on every run). Returns strokes in percent of the pad
 * (what drawOn() takes).
 */
function layoutNumber(pad, shapes, { height = 0.74, gap = 0.14 } = {}) {
  const { width: W, height: H } = canvasOf(pad).getBoundingClientRect();
  const wobble = [0, 0.6, -0.8, 0.9, -0.4, 0.7]; // per digit, -1..1
  const sizes = shapes.map((_, i) => (height + 0.05 * wobble[i % wobble.length]) * H); // px per 100 box units
  const extents = shapes.map((strokes) => {
    const xs = strokes.flat().map(([x]) => x);
    return [Math.min(...xs), Math.max(...xs)];
  });
  const gaps = shapes.map((_, i) => (gap + 0.04 * wobble[(i + 3) % wobble.length]) * H);
  const widths = extents.map(([a, b], i) => ((b - a) / 100) * sizes[i]);
  const total = widths.reduce((sum, w) => sum + w, 0) + gaps.slice(1).reduce((sum, g) => sum + g, 0);
  let cursor = (W - total) / 2;
  const out = [];
  shapes.forEach((strokes, i) => {
    const size = sizes[i];
    const left = cursor - (extents[i][0] / 100) * size;
    const top = (H - size) / 2 + 0.03 * H * wobble[(i + 1) % wobble.length];
    for (const stroke of strokes) {
      out.push(stroke.map(([x, y]) => [((left + (x / 100) * size) / W) * 100, ((top + (y / 100) * size) / H) * 100]));
    }
    cursor += widths[i] + (gaps[i + 1] ?? 0);
  });
  return out;
}

/** The shapes used for each digit of a number (helpers' DIGITS, by style name). */
const SHAPE = {
  0: DIGITS[0]['oval started at the top'],
  1: DIGITS[1]['with a flag'],
  2: DIGITS[2]['curved top and flat base'],
  3: DIGITS[3]['two round bumps'],
  4: DIGITS[4]['closed top, two strokes'],
  6: DIGITS[6]['curved back into a loop'],
  7: DIGITS[7]['with a crossbar'],
  8: DIGITS[8]['two stacked loops'],
  9: DIGITS[9]['loop and straight stem'],
};

/** Writes `text` (digits) on a number pad with pointer events. */
function writeNumber(pad, text, options) {
  drawOn(pad, layoutNumber(pad, [...text].map((d) => SHAPE[d]), options));
}

const boxesOf = (pad) => [...pad.shadowRoot.querySelectorAll('[part="box"]')];
const candidateTexts = (pad) => [...pad.shadowRoot.querySelectorAll('[part="candidate"]')].map((li) => `${li.querySelector('b').textContent} ${li.querySelector('span').textContent}`);

describe('<digit-pad> with several digits', function () {
  this.timeout(120_000);

  before(() => customElements.whenDefined('digit-pad'));

  it('reads a year written on a digits="4" pad', async () => {
    const pad = await makePad({ digits: 4, delay: 60000, style: 'width: 400px' });
    const recognized = nextEvent(pad, 'digit-recognized');
    writeNumber(pad, '2026');
    const result = await pad.recognize();
    expect(result.value, JSON.stringify(result.digits.map((d) => [d.label, d.confidence.toFixed(2)]))).to.equal('2026');
    expect(result.digits).to.have.length(4);
    expect(pad.value).to.equal('2026');
    expect(pad.result).to.equal(result);
    expect((await recognized).detail).to.equal(result);
    await pad.updateComplete;
    const status = pad.shadowRoot.querySelector('[part="status"]').textContent.replace(/\s+/g, ' ').trim();
    expect(status).to.match(/^Recognised 2026 \d+% sure$/);
  });

  it('reads two-stroke 4s as one digit each', async () => {
    const pad = await makePad({ digits: 4, delay: 60000, style: 'width: 400px' });
    writeNumber(pad, '4004');
    expect(pad.strokes).to.have.length(6);
    const result = await pad.recognize();
    expect(result.value, JSON.stringify(result.digits.map((d) => [d.label, d.confidence.toFixed(2)]))).to.equal('4004');
    expect(pad.value).to.equal('4004');
  });

  it('joins a 4 written as an L with its stem apart on a digits="4" pad; a multiple pad reads the halves apart', async () => {
    // The L comes down near the baseline (it does not hang) and the stem stands clear of its bar.
    const apartFour = [[[32, 10], [22, 80], [60, 80]], [[74, 10], [74, 90]]];
    const shapes = [apartFour, SHAPE[1], SHAPE[7], SHAPE[0]];
    const four = await makePad({ digits: 4, delay: 60000, style: 'width: 400px' });
    drawOn(four, layoutNumber(four, shapes));
    const result = await four.recognize();
    expect(result.value, JSON.stringify(result.digits.map((d) => [d.label, d.confidence.toFixed(2)]))).to.equal('4170');
    expect(four.value).to.equal('4170');
    expect(four.matches(':invalid')).to.equal(false);
    const any = await makePad({ multiple: true, delay: 60000, style: 'width: 400px' });
    drawOn(any, layoutNumber(any, shapes));
    expect((await any.recognize()).value, 'a pad that asks for no count').to.have.length(5);
  });

  it('reads an 8 drawn as two loops as a digit of its own', async () => {
    // Each loop is shorter than the row, like a 5's bar; stacked, they make a digit where none stands.
    const pad = await makePad({ digits: 4, delay: 60000, style: 'width: 400px' });
    writeNumber(pad, '1980');
    const result = await pad.recognize();
    expect(result.value, JSON.stringify(result.digits.map((d) => [d.label, d.confidence.toFixed(2)]))).to.equal('1980');
  });

  it('reads any number of digits on a multiple pad, a 7 with a crossbar among them', async () => {
    const pad = await makePad({ multiple: true, delay: 60000, style: 'width: 360px' });
    writeNumber(pad, '7');
    expect(pad.strokes).to.have.length(2);
    let result = await pad.recognize();
    expect(result.value, JSON.stringify(result.digits)).to.equal('7');
    expect(pad.value).to.equal('7');

    pad.clear();
    writeNumber(pad, '31');
    result = await pad.recognize();
    expect(result.value, JSON.stringify(result.digits)).to.equal('31');
    expect(pad.value).to.equal('31');
  });

  it('fires input and change for written numbers, and reads again after the pause', async () => {
    const pad = await makePad({ multiple: true, delay: 50, style: 'width: 360px' });
    const change = nextEvent(pad, 'change');
    writeNumber(pad, '31');
    await change;
    expect(pad.value).to.equal('31');
  });

  it('submits the whole number with its form', async () => {
    const form = document.createElement('form');
    document.body.append(form);
    try {
      const pad = await makePad({ name: 'year', digits: 4, delay: 60000, style: 'width: 400px' }, form);
      writeNumber(pad, '2026');
      await pad.recognize();
      await pad.updateComplete;
      expect(new FormData(form).getAll('year')).to.deep.equal(['2026']);
    } finally {
      form.remove();
    }
  });

  it('is invalid when required with a different number of digits', async () => {
    const form = document.createElement('form');
    document.body.append(form);
    try {
      const pad = await makePad({ name: 'pin', digits: 4, required: true, delay: 60000, style: 'width: 400px' }, form);
      expect(pad.checkValidity()).to.equal(false);
      expect(pad.validity.valueMissing).to.equal(true);
      expect(pad.validationMessage).to.equal('Write 4 digits.');

      writeNumber(pad, '31');
      await pad.recognize();
      expect(pad.value).to.equal('31');
      expect(pad.checkValidity()).to.equal(false);
      expect(pad.validity.tooShort).to.equal(true);
      expect(pad.validationMessage).to.equal('Write 4 digits.');
      expect(form.checkValidity()).to.equal(false);

      pad.clear();
      writeNumber(pad, '2026');
      await pad.recognize();
      expect(pad.value).to.equal('2026');
      expect(pad.checkValidity()).to.equal(true);
      expect(form.checkValidity()).to.equal(true);
    } finally {
      form.remove();
    }
  });

  it('outlines each digit found with show-boxes', async () => {
    const pad = await makePad({ digits: 4, 'show-boxes': true, delay: 60000, style: 'width: 400px' });
    writeNumber(pad, '2026');
    await pad.recognize();
    await pad.updateComplete;
    await frames();
    const boxes = boxesOf(pad);
    expect(boxes).to.have.length(4);
    const canvas = canvasOf(pad).getBoundingClientRect();
    const rects = boxes.map((b) => b.getBoundingClientRect());
    rects.forEach((r, i) => {
      expect(r.width, `box ${i} width`).to.be.greaterThan(10);
      expect(r.height, `box ${i} height`).to.be.greaterThan(30);
      expect(r.left).to.be.at.least(canvas.left - 1);
      expect(r.right).to.be.at.most(canvas.right + 1);
      expect(r.top).to.be.at.least(canvas.top - 1);
      expect(r.bottom).to.be.at.most(canvas.bottom + 1);
      if (i > 0) expect(r.left, `box ${i} is right of box ${i - 1}`).to.be.greaterThan(rects[i - 1].left);
    });
    expect(boxes.map((b) => b.dataset.label).join('')).to.equal('2026');

    // Without the attribute, no boxes.
    pad.showBoxes = false;
    await pad.updateComplete;
    expect(boxesOf(pad)).to.have.length(0);
    // Boxes go with the drawing.
    pad.showBoxes = true;
    await pad.updateComplete;
    expect(boxesOf(pad)).to.have.length(4);
    pad.clear();
    await pad.updateComplete;
    expect(boxesOf(pad)).to.have.length(0);
  });

  it('lists each digit with its confidence instead of the top three', async () => {
    const pad = await makePad({ digits: 4, delay: 60000, style: 'width: 400px' });
    writeNumber(pad, '2026');
    const result = await pad.recognize();
    await pad.updateComplete;
    const texts = candidateTexts(pad);
    expect(texts).to.deep.equal(result.digits.map((d) => `${d.label} ${Math.round(d.confidence * 100)}%`));
    expect(texts.map((t) => t[0]).join('')).to.equal('2026');
  });

  it('undoes the last stroke and clears', async () => {
    const pad = await makePad({ multiple: true, delay: 60000, style: 'width: 360px' });
    writeNumber(pad, '31');
    await pad.recognize();
    expect(pad.value).to.equal('31');

    pad.undo(); // the 1 was one stroke
    await pad.recognize();
    expect(pad.value).to.equal('3');

    const cleared = nextEvent(pad, 'digit-cleared');
    pad.clear();
    await cleared;
    expect(pad.value).to.equal('');
    expect(pad.result).to.equal(null);
    expect(pad.strokes).to.deep.equal([]);
  });

  it('is wide by default and keeps --digit-pad-aspect-ratio as an override', async () => {
    const pad = await makePad({ digits: 4, style: 'width: 400px' });
    let rect = canvasOf(pad).getBoundingClientRect();
    expect(rect.width / rect.height).to.be.closeTo(3.2, 0.05);
    expect(pad.shadowRoot.querySelector('[part="placeholder"]').textContent).to.equal('Write 4 digits');

    const multiple = await makePad({ multiple: true, style: 'width: 320px' });
    rect = canvasOf(multiple).getBoundingClientRect();
    expect(rect.width / rect.height).to.be.closeTo(3.2, 0.05);

    const custom = await makePad({ digits: 4, style: 'width: 400px; --digit-pad-aspect-ratio: 2' });
    rect = canvasOf(custom).getBoundingClientRect();
    expect(rect.width / rect.height).to.be.closeTo(2, 0.05);

    // Without an explicit width the pad is wider than a one-digit pad.
    const wide = document.createElement('digit-pad');
    wide.setAttribute('digits', '4');
    const single = document.createElement('digit-pad');
    document.body.append(wide, single);
    try {
      await wide.updateComplete;
      await frames();
      expect(wide.getBoundingClientRect().width).to.be.greaterThan(single.getBoundingClientRect().width * 1.5);
    } finally {
      wide.remove();
      single.remove();
    }
  });

  it('widens when digits is set as a property, and leaves one-digit pads alone', async () => {
    const single = await makePad({ style: 'display: inline-block' });
    expect(single.hasAttribute('digits')).to.equal(false);
    const narrow = single.getBoundingClientRect().width;
    single.digits = 4;
    await single.updateComplete;
    await frames();
    expect(single.getBoundingClientRect().width).to.be.greaterThan(narrow * 1.5);
    const rect = canvasOf(single).getBoundingClientRect();
    expect(rect.width / rect.height).to.be.closeTo(3.2, 0.05);
    single.digits = 1;
    await single.updateComplete;
    await frames();
    expect(single.getBoundingClientRect().width).to.be.closeTo(narrow, 0.5);
  });

  it('warns once about a bad digits value and reads one digit', async () => {
    const warnings = [];
    const warn = console.warn;
    console.warn = (...args) => warnings.push(args.join(' '));
    try {
      const pads = [];
      for (const bad of ['0', '2.5', 'lots', '0']) pads.push(await makePad({ digits: bad }));
      expect(warnings.filter((w) => w.includes('digits="0"'))).to.have.length(1);
      expect(warnings.filter((w) => w.includes('digits="2.5"'))).to.have.length(1);
      expect(warnings.filter((w) => w.includes('digits="lots"'))).to.have.length(1);
      for (const pad of pads) {
        expect(pad.shadowRoot.querySelector('[part="placeholder"]').textContent).to.equal('Write a digit');
        const rect = canvasOf(pad).getBoundingClientRect();
        expect(rect.width / rect.height).to.be.closeTo(1, 0.02);
      }
      drawOn(pads[0], DIGITS[7].plain);
      const result = await pads[0].recognize();
      expect(result.digit).to.equal(7);
      expect(pads[0].value).to.equal('7');
    } finally {
      console.warn = warn;
    }
  });

  it('switches between one digit and a number when digits changes', async () => {
    const pad = await makePad({ delay: 60000, style: 'width: 400px' });
    pad.digits = 4;
    await pad.updateComplete;
    await frames();
    writeNumber(pad, '2026');
    await pad.recognize();
    expect(pad.value).to.equal('2026');
    const recognized = nextEvent(pad, 'digit-recognized');
    pad.digits = 1; // read again as one digit: four digits are no one digit
    await pad.updateComplete;
    const { detail } = await recognized;
    expect(detail).to.have.property('probabilities');
    expect(pad.value).to.not.equal('2026');
  });
});
