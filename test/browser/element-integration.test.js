import { expect } from '@esm-bundle/chai';
import { emulateMedia, resetMouse, sendMouse, setViewport } from '@web/test-runner-commands';
import { DigitPad, DigitPadError, recognize } from '../../dist/digit-pad.js';
import { DIGITS, canvasOf, cleanup, commandOrSkip, drawOn, frames, makePad, nextEvent } from './helpers.js';

afterEach(cleanup);

/** Counts opaque-ish ink pixels of the on-screen canvas and returns one sample colour. */
function inkOf(pad) {
  const canvas = canvasOf(pad);
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let count = 0;
  let sample = null;
  for (let i = 3; i < data.length; i += 4) {
    if (data[i] === 255) {
      count++;
      sample ??= [data[i - 3], data[i - 2], data[i - 1]];
    }
  }
  return { count, sample };
}

describe('<digit-pad> as a drop-in element', () => {
  it('is defined by the bundle, which also re-exports the SDK', () => {
    expect(customElements.get('digit-pad')).to.equal(DigitPad);
    expect(recognize).to.be.a('function');
  });

  it('loading a second copy of the bundle does not throw or replace the definition', async () => {
    await import('../../dist/digit-pad.js?second-copy');
    expect(customElements.get('digit-pad')).to.equal(DigitPad);
  });

  it('warns once about a bad attribute value and falls back to the default', async () => {
    const warnings = [];
    const original = console.warn;
    console.warn = (...args) => warnings.push(args.join(' '));
    try {
      const pad = await makePad({ delay: 'soon' });
      const first = nextEvent(pad, 'digit-recognized');
      drawOn(pad, DIGITS[1]['single stroke']);
      const penUp = performance.now();
      await first;
      expect(performance.now() - penUp, 'the default 400 ms pause applies').to.be.at.least(399);
      drawOn(pad, DIGITS[1]['single stroke']);
      await nextEvent(pad, 'digit-recognized');
      pad.requestUpdate();
      await pad.updateComplete;
      expect(warnings.filter((w) => w.includes('delay'))).to.have.length(1);
      expect(warnings[0]).to.contain('delay="soon"').and.contain('400');

      pad.setAttribute('stroke-width', 'thick');
      pad.setAttribute('min-confidence', '7');
      await pad.updateComplete;
      pad.requestUpdate();
      await pad.updateComplete;
      expect(warnings.filter((w) => w.includes('stroke-width'))).to.have.length(1);
      expect(warnings.filter((w) => w.includes('min-confidence'))).to.have.length(1);
      expect(pad.toImageData().width).to.equal(198); // 200 px minus the 1 px border on each side
    } finally {
      console.warn = original;
    }
  });

  it('two pads on one page keep their own drawings, values and events', async () => {
    const a = await makePad({ delay: 20, name: 'a' });
    const b = await makePad({ delay: 20, name: 'b' });
    const events = { a: 0, b: 0 };
    a.addEventListener('digit-recognized', () => events.a++);
    b.addEventListener('digit-recognized', () => events.b++);
    const readA = nextEvent(a, 'digit-recognized');
    const readB = nextEvent(b, 'digit-recognized');
    drawOn(a, DIGITS[1]['with a flag']);
    drawOn(b, DIGITS[0]['oval started at the top'], { pointerId: 2 });
    await Promise.all([readA, readB]);
    expect([a.value, b.value]).to.deep.equal(['1', '0']);
    expect(events).to.deep.equal({ a: 1, b: 1 });
    a.clear();
    expect(a.value).to.equal('');
    expect(b.value).to.equal('0');
    expect(b.strokes).to.have.length(1);
  });

  it('keeps the drawing, crisp, when the pad is resized', async () => {
    const pad = await makePad({ delay: 20 });
    drawOn(pad, DIGITS[4]['closed top, two strokes']);
    await nextEvent(pad, 'digit-recognized');
    await frames(); // the ink is painted on the next frame, which WebKit may run after the reading
    const strokes = pad.strokes;
    const before = inkOf(pad).count;
    expect(before, 'ink painted before the resize').to.be.above(0);
    pad.style.width = '320px';
    await frames();
    const canvas = canvasOf(pad);
    expect(canvas.getBoundingClientRect().width).to.equal(318); // inside the 1 px border
    expect(canvas.width, 'one backing pixel per device pixel').to.equal(Math.round(318 * devicePixelRatio));
    expect(pad.strokes).to.deep.equal(strokes);
    // Ink area grows with the square of the size (the stroke width scales with the pad too).
    expect(inkOf(pad).count / before).to.be.within(2, 3.2);
    expect((await pad.recognize()).digit).to.equal(4);
  });

  it('keeps working after being moved to another place in the document', async () => {
    const pad = await makePad({ delay: 20 });
    const box = document.createElement('div');
    document.body.append(box);
    box.append(pad); // disconnect + connect
    await frames();
    drawOn(pad, DIGITS[7].plain);
    expect((await nextEvent(pad, 'digit-recognized')).detail.digit).to.equal(7);
    box.remove();
  });

  it('finishes a recognition that was pending when the pad was moved', async () => {
    const pad = await makePad({ delay: 100 });
    drawOn(pad, DIGITS[4]['open top, two strokes']);
    const recognized = nextEvent(pad, 'digit-recognized');
    document.body.prepend(pad); // moved during the pause
    expect((await recognized).detail.digit).to.equal(4);
  });

  it('value is read-only except for clearing, like a file input', async () => {
    const pad = await makePad({ delay: 20 });
    drawOn(pad, DIGITS[1]['single stroke']);
    await nextEvent(pad, 'digit-recognized');
    const warn = console.warn;
    const warnings = [];
    console.warn = (message) => warnings.push(message);
    try {
      pad.value = '5';
    } finally {
      console.warn = warn;
    }
    expect(pad.value).to.equal('1');
    expect(warnings).to.have.length(1);
    pad.value = '';
    expect(pad.value).to.equal('');
    expect(pad.strokes).to.deep.equal([]);
  });

  it('accepts strokes before it is in the document, and reads them', async () => {
    const pad = document.createElement('digit-pad');
    const recognized = nextEvent(pad, 'digit-recognized');
    pad.strokes = [[{ x: 0.3, y: 0.15 }, { x: 0.7, y: 0.15 }, { x: 0.45, y: 0.9 }]];
    expect((await recognized).detail.digit).to.equal(7);
    expect(pad.value).to.equal('7');
    document.body.append(pad);
    await pad.updateComplete;
    expect(pad.strokes).to.have.length(1);
    pad.remove();
  });

  it('rejects malformed strokes with a DigitPadError that says what was expected', async () => {
    const pad = await makePad();
    expect(() => { pad.strokes = [[{ x: 0.1 }]]; }).to.throw(DigitPadError, /strokes\[0\]\[0\] must be \{ x, y \}/);
    expect(() => { pad.strokes = 'a 7'; }).to.throw(DigitPadError, /array/);
    expect(pad.strokes).to.deep.equal([]);
  });

  it('draws with pen and touch, ignores a second finger and the right mouse button', async () => {
    const pad = await makePad({ delay: 60000 });
    drawOn(pad, DIGITS[7].plain, { pointerType: 'pen', pointerId: 7 });
    expect(pad.strokes).to.have.length(1);
    pad.clear();
    drawOn(pad, DIGITS[7].plain, { pointerType: 'touch', pointerId: 9 });
    expect(pad.strokes).to.have.length(1);
    pad.clear();
    const canvas = canvasOf(pad);
    const rect = canvas.getBoundingClientRect();
    const at = (type, id, x, y, extra = {}) => canvas.dispatchEvent(new PointerEvent(type, {
      bubbles: true, cancelable: true, pointerId: id, pointerType: 'touch', clientX: rect.left + x, clientY: rect.top + y, buttons: 1, ...extra,
    }));
    const middle = rect.width / 2;
    at('pointerdown', 1, middle, 20);
    at('pointerdown', 2, 20, 180); // palm / second finger while the first is drawing
    at('pointermove', 2, 60, 180);
    at('pointermove', 1, middle, 180);
    at('pointerup', 2, 60, 180, { buttons: 0 });
    at('pointerup', 1, middle, 180, { buttons: 0 });
    expect(pad.strokes).to.have.length(1);
    expect(pad.strokes[0].every((p) => p.x === 0.5)).to.equal(true);
    pad.clear();
    drawOn(pad, [[[50, 10], [50, 90]]], { pointerType: 'mouse' });
    canvas.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerId: 1, pointerType: 'mouse', button: 2, buttons: 2, clientX: rect.left + 10, clientY: rect.top + 10 }));
    expect(pad.strokes).to.have.length(1);
  });

  it('reads a digit drawn with real mouse input (pointer capture)', async () => {
    const pad = await makePad({ delay: 20 });
    const rect = canvasOf(pad).getBoundingClientRect();
    const to = ([x, y]) => [Math.round(rect.left + (x / 100) * rect.width), Math.round(rect.top + (y / 100) * rect.height)];
    const recognized = nextEvent(pad, 'digit-recognized');
    const stroke = DIGITS[7].plain[0];
    await sendMouse({ type: 'move', position: to(stroke[0]) });
    await sendMouse({ type: 'down' });
    for (const point of stroke.filter((_, i) => i % 3 === 0)) await sendMouse({ type: 'move', position: to(point) });
    await sendMouse({ type: 'move', position: to(stroke[stroke.length - 1]) });
    await sendMouse({ type: 'up' });
    await resetMouse();
    expect((await recognized).detail.digit).to.equal(7);
    expect(pad.strokes).to.have.length(1);
  });
});

describe('<digit-pad> rendering and theming', () => {
  it('draws smooth ink in the --digit-pad-ink colour, while recognition always sees dark on white', async () => {
    const pad = await makePad({ delay: 60000, style: 'width: 200px; --digit-pad-ink: rgb(255, 0, 0)' });
    drawOn(pad, DIGITS[2]['curved top and flat base']);
    await frames();
    const { count, sample } = inkOf(pad);
    expect(count).to.be.above(500);
    expect(sample).to.deep.equal([255, 0, 0]);
    const image = pad.toImageData();
    expect([image.width, image.height]).to.deep.equal([198, 198]); // the canvas inside the 1 px border
    expect([...image.data.slice(0, 4)]).to.deep.equal([255, 255, 255, 255]);
  });

  it('stroke width follows the stroke-width attribute, then --digit-pad-stroke-width', async () => {
    const inkArea = (pad) => {
      const { data } = pad.toImageData();
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
      return dark;
    };
    const plain = await makePad();
    const thick = await makePad({ 'stroke-width': '12%' });
    const fixed = await makePad({ style: 'width: 200px; --digit-pad-stroke-width: 4px' });
    for (const pad of [plain, thick, fixed]) pad.strokes = [[{ x: 0.5, y: 0.1 }, { x: 0.5, y: 0.9 }]];
    // A 158 px line on a 198 px canvas: area ≈ 158 × width (+ round caps).
    expect(inkArea(plain) / 158).to.be.within(11, 14); // 6% of 198 px ≈ 12 px
    expect(inkArea(thick) / 158).to.be.within(23, 28); // ≈ 24 px
    expect(inkArea(fixed) / 158).to.be.within(3.5, 5); // 4 px
  });

  it('follows the dark colour scheme, repainting the ink when it switches', async function () {
    const pad = await makePad({ delay: 60000 });
    drawOn(pad, DIGITS[1]['single stroke']);
    const background = () => getComputedStyle(pad.shadowRoot.querySelector('[part="pad"]')).backgroundColor;
    // Switching prefers-color-scheme needs the automation to emulate it (CDP only).
    await commandOrSkip(this, 'emulateMedia', () => emulateMedia({ colorScheme: 'light' }));
    try {
      await frames();
      expect(background()).to.equal('rgb(255, 254, 249)');
      expect(inkOf(pad).sample).to.deep.equal([27, 34, 48]);
      await emulateMedia({ colorScheme: 'dark' });
      await frames();
      expect(background()).to.equal('rgb(29, 33, 41)');
      expect(inkOf(pad).sample, 'light ink on the dark pad').to.deep.equal([241, 243, 248]);
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  it('stays crisp at devicePixelRatio 2 and keeps reading the same', async function () {
    const pad = await makePad({ delay: 60000 });
    drawOn(pad, DIGITS[9]['loop and straight stem']);
    const strokes = pad.strokes;
    await commandOrSkip(this, 'setViewport with deviceScaleFactor', () => setViewport({ width: 800, height: 600, deviceScaleFactor: 2 }));
    try {
      await frames();
      expect(devicePixelRatio).to.equal(2);
      // CDP's emulated ratio change fires neither the resolution media query nor ResizeObserver
      // (a real screen change or zoom does), so let the next stroke's paint pick it up.
      drawOn(pad, [[[20, 95], [21, 95]]]);
      pad.undo();
      const canvas = canvasOf(pad);
      expect(canvas.width).to.equal(Math.round(canvas.getBoundingClientRect().width * 2));
      expect(pad.strokes).to.deep.equal(strokes);
      expect(inkOf(pad).count).to.be.above(4 * 1000);
      expect((await pad.recognize()).digit).to.equal(9);
    } finally {
      await setViewport({ width: 800, height: 600, deviceScaleFactor: 1 });
    }
  });

  it('exposes parts for the canvas, candidates and clear button', async () => {
    const pad = await makePad({ delay: 20 });
    drawOn(pad, DIGITS[6]['curved back into a loop']);
    await nextEvent(pad, 'digit-recognized');
    await pad.updateComplete;
    for (const part of ['pad', 'canvas', 'clear-button', 'status', 'candidates', 'candidate']) {
      expect(pad.shadowRoot.querySelector(`[part~="${part}"]`), part).to.not.equal(null);
    }
  });
});

describe('<digit-pad> accessibility', () => {
  it('names the drawing area from label, aria-label or a <label for>', async () => {
    const labelled = await makePad({ label: 'Quantity' });
    expect(canvasOf(labelled).getAttribute('aria-label')).to.equal('Quantity');
    expect(canvasOf(labelled).getAttribute('role')).to.equal('application'); // 'img' with no-typing (element-typing.test.js)
    const aria = await makePad({ 'aria-label': 'PIN digit 1' });
    expect(canvasOf(aria).getAttribute('aria-label')).to.equal('PIN digit 1');
    const label = document.createElement('label');
    label.htmlFor = 'qty';
    label.textContent = 'How many?';
    document.body.append(label);
    const viaFor = await makePad({ id: 'qty' });
    viaFor.requestUpdate();
    await viaFor.updateComplete;
    expect(canvasOf(viaFor).getAttribute('aria-label')).to.equal('How many?');
    label.remove();
    const fallback = await makePad();
    expect(canvasOf(fallback).getAttribute('aria-label')).to.equal('Handwritten digit');
  });

  it('announces the result and the empty state in a live region, with top-3 candidates', async () => {
    const pad = await makePad({ delay: 20 });
    const status = () => pad.shadowRoot.querySelector('[role="status"]');
    expect(status().textContent.trim()).to.equal('No digit');
    drawOn(pad, DIGITS[8]['two stacked loops']);
    const { detail } = await nextEvent(pad, 'digit-recognized');
    await pad.updateComplete;
    expect(status().textContent.replace(/\s+/g, ' ').trim()).to.equal(`Recognised ${detail.digit} ${Math.round(detail.confidence * 100)}% sure`);
    const items = [...pad.shadowRoot.querySelectorAll('[part="candidate"]')];
    expect(items).to.have.length(3);
    expect(items[0].textContent).to.contain(String(detail.digit));
    pad.setAttribute('hide-candidates', '');
    await pad.updateComplete;
    expect(pad.shadowRoot.querySelector('[part="candidates"]')).to.equal(null);
    pad.clear();
    await pad.updateComplete;
    expect(status().textContent.trim()).to.equal('No digit');
  });

  it('never interprets a label or placeholder as HTML', async () => {
    const pad = await makePad({ label: '<img src=x onerror=alert(1)>', placeholder: '<b>bold</b>' });
    expect(pad.shadowRoot.querySelector('img, b')).to.equal(null);
    expect(pad.shadowRoot.querySelector('[part="placeholder"]').textContent).to.equal('<b>bold</b>');
  });
});
