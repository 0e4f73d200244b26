// Filling the pad without drawing: real key presses (the browser's own keyboard input through
// CDP, WebDriver BiDi or WebDriver classic), in every engine.
import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../dist/digit-pad.js';
import { DIGITS, canvasOf, cleanup, drawOn, frames, makePad, nextEvent, sleep } from './helpers.js';

afterEach(cleanup);

async function padInForm(attributes) {
  const form = document.createElement('form');
  document.body.append(form);
  const pad = await makePad({ name: 'n', ...attributes }, form);
  pad.focus();
  expect(pad.shadowRoot.activeElement, 'the pad takes focus').to.equal(canvasOf(pad));
  return { form, pad, remove: () => form.remove() };
}

const statusText = (pad) => pad.shadowRoot.querySelector('[part="status"]').textContent.replace(/\s+/g, ' ').trim();
const log = (pad, types = ['input', 'change', 'digit-cleared', 'digit-recognized']) => {
  const seen = [];
  for (const type of types) pad.addEventListener(type, () => seen.push(type));
  return seen;
};

describe('<digit-pad> typing instead of writing', () => {
  it('a typed digit is the value, as typed: status, events, validity and FormData as after writing', async () => {
    const { form, pad, remove } = await padInForm({ required: true, delay: 20 });
    try {
      expect(pad.validity.valueMissing).to.equal(true);
      const events = log(pad);
      await sendKeys({ press: '7' });
      expect(pad.value).to.equal('7');
      expect(pad.result).to.deep.equal({ source: 'typed', value: '7', digit: 7 });
      expect(events, 'nothing was recognised').to.deep.equal(['input', 'change']);
      expect(pad.validity.valid).to.equal(true);
      expect(form.checkValidity()).to.equal(true);
      expect(new FormData(form).get('n')).to.equal('7');
      await pad.updateComplete;
      const status = pad.shadowRoot.querySelector('[part="status"]');
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.getAttribute('aria-busy')).to.equal('false');
      expect(statusText(pad)).to.equal('Typed 7');
      const padBottom = pad.shadowRoot.querySelector('[part="pad"]').getBoundingClientRect().bottom;
      expect(status.getBoundingClientRect().top, 'the status stays under the pad').to.be.at.least(padBottom - 1);
      expect(pad.shadowRoot.querySelector('[part="typed"]').textContent.trim()).to.equal('7');
      expect(pad.shadowRoot.querySelector('[part="placeholder"]')).to.equal(null);
      expect(pad.shadowRoot.querySelector('[part="candidates"]'), 'no probabilities for a typed digit').to.equal(null);

      // A second digit replaces the first on a one-digit pad.
      await sendKeys({ press: '3' });
      expect(pad.value).to.equal('3');
      expect(new FormData(form).get('n')).to.equal('3');
      expect(events).to.deep.equal(['input', 'change', 'input', 'change']);
    } finally {
      remove();
    }
  });

  it('Backspace and Delete clear what was typed; the pad is required again', async () => {
    const { form, pad, remove } = await padInForm({ required: true });
    try {
      await sendKeys({ press: '4' });
      const events = log(pad);
      await sendKeys({ press: 'Backspace' });
      expect(pad.value).to.equal('');
      expect(pad.result).to.equal(null);
      expect(events).to.deep.equal(['digit-cleared', 'input', 'change']);
      expect(pad.validity.valueMissing).to.equal(true);
      expect(new FormData(form).get('n')).to.equal('');
      await pad.updateComplete;
      expect(statusText(pad)).to.equal('No digit');

      await sendKeys({ press: '9' });
      expect(pad.value).to.equal('9');
      await sendKeys({ press: 'Delete' });
      expect(pad.value).to.equal('');
      await sendKeys({ press: '5' });
      await sendKeys({ press: 'Escape' });
      expect(pad.value).to.equal('');
      expect(form.checkValidity()).to.equal(false);
    } finally {
      remove();
    }
  });

  it('typing replaces a drawing, and writing replaces what was typed', async () => {
    const { pad, remove } = await padInForm({ delay: 20 });
    try {
      drawOn(pad, DIGITS[1]['single stroke']);
      await nextEvent(pad, 'digit-recognized');
      expect(pad.value).to.equal('1');
      await sendKeys({ press: '8' });
      expect(pad.strokes).to.deep.equal([]);
      expect(pad.value).to.equal('8');

      const recognized = nextEvent(pad, 'digit-recognized');
      drawOn(pad, DIGITS[7].plain);
      expect(pad.value, 'the typed value is gone once writing starts').to.equal('');
      expect((await recognized).detail.digit).to.equal(7);
      expect(pad.value).to.equal('7');
      expect(pad.result.source).to.equal(undefined);
      await pad.updateComplete;
      expect(pad.shadowRoot.querySelector('[part="typed"]')).to.equal(null);
    } finally {
      remove();
    }
  });

  it('a digits="4" pad takes a typed number: too short until four digits, a fifth is ignored', async () => {
    const { form, pad, remove } = await padInForm({ digits: 4, required: true });
    try {
      await sendKeys({ press: '2' });
      await sendKeys({ press: '0' });
      expect(pad.value).to.equal('20');
      expect(pad.validity.tooShort).to.equal(true);
      expect(form.checkValidity()).to.equal(false);
      await sendKeys({ press: '2' });
      await sendKeys({ press: '6' });
      await sendKeys({ press: '1' });
      expect(pad.value).to.equal('2026');
      expect(pad.result).to.deep.equal({ source: 'typed', value: '2026', digit: null });
      expect(pad.validity.valid).to.equal(true);
      expect(new FormData(form).get('n')).to.equal('2026');
      await pad.updateComplete;
      expect(statusText(pad)).to.equal('Typed 2026');
      await sendKeys({ press: 'Backspace' });
      expect(pad.value, 'Backspace takes back the last digit typed').to.equal('202');
      expect(pad.validity.tooShort).to.equal(true);
    } finally {
      remove();
    }
  });

  it('a multiple pad takes any number of typed digits', async () => {
    const { pad, remove } = await padInForm({ multiple: true });
    try {
      for (const key of '120034') await sendKeys({ press: key });
      expect(pad.value).to.equal('120034');
    } finally {
      remove();
    }
  });

  it('form reset empties a typed pad; the typed value is saved as form state, not as strokes', async () => {
    const { form, pad, remove } = await padInForm({ required: true });
    try {
      await sendKeys({ press: '6' });
      form.reset();
      expect(pad.value).to.equal('');
      expect(pad.strokes).to.deep.equal([]);
      expect(form.checkValidity()).to.equal(false);
      // What back/forward navigation hands back: the pad restores the typed digit.
      pad.formStateRestoreCallback(JSON.stringify({ typed: '6' }));
      expect(pad.value).to.equal('6');
      expect(form.checkValidity()).to.equal(true);
    } finally {
      remove();
    }
  });

  it('no-typing turns it off: digits do nothing, the pad is handwriting only', async () => {
    const { pad, remove } = await padInForm({ 'no-typing': true, delay: 20 });
    try {
      const events = log(pad);
      await sendKeys({ press: '7' });
      await sleep(50);
      expect(pad.value).to.equal('');
      expect(events).to.deep.equal([]);
      expect(canvasOf(pad).getAttribute('role')).to.equal('img');
      expect(pad.shadowRoot.getElementById('hint').textContent).to.not.contain('type');
      // Backspace keeps its handwriting meaning.
      drawOn(pad, DIGITS[4]['open top, two strokes']);
      await sendKeys({ press: 'Backspace' });
      expect(pad.strokes).to.have.length(1);
    } finally {
      remove();
    }
  });

  it('is off while a model with other classes than digits reads the pad', async () => {
    const { pad, remove } = await padInForm({});
    try {
      // Only the model's class names matter here; with nothing on the pad it is never asked to read.
      pad.model = { classNames: ['yes', 'no'] };
      await pad.updateComplete;
      await sendKeys({ press: '1' });
      expect(pad.value).to.equal('');
      expect(canvasOf(pad).getAttribute('role')).to.equal('img');
      pad.model = null;
      await pad.updateComplete;
      await sendKeys({ press: '1' });
      expect(pad.value).to.equal('1');
    } finally {
      remove();
    }
  });

  it('tells assistive technology it can be typed on and passes keys to it', async () => {
    const pad = await makePad();
    const canvas = canvasOf(pad);
    // A focusable widget that handles its own keys: screen readers switch to focus mode and let digits through.
    expect(canvas.getAttribute('role')).to.equal('application');
    expect(pad.shadowRoot.getElementById('hint').textContent).to.contain('Or type the digit.');
  });

  it('a disabled pad takes no typing', async () => {
    const { pad, remove } = await padInForm({});
    try {
      pad.disabled = true;
      await pad.updateComplete;
      canvasOf(pad).focus();
      await sendKeys({ press: '3' });
      expect(pad.value).to.equal('');
    } finally {
      remove();
    }
  });

  it('the typed digit is drawn big in the ink colour', async () => {
    const { pad, remove } = await padInForm({ style: 'width: 200px; --digit-pad-ink: rgb(255, 0, 0)' });
    try {
      await sendKeys({ press: '5' });
      await pad.updateComplete;
      await frames();
      const svg = pad.shadowRoot.querySelector('[part="typed"]');
      const box = svg.querySelector('text').getBoundingClientRect();
      const padBox = pad.shadowRoot.querySelector('[part="pad"]').getBoundingClientRect();
      expect(box.height / padBox.height, 'digit height over pad height').to.be.within(0.5, 0.95);
      expect(getComputedStyle(svg).fill).to.equal('rgb(255, 0, 0)');
    } finally {
      remove();
    }
  });
});
