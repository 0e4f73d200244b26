import { expect } from '@esm-bundle/chai';
import { sendKeys } from '@web/test-runner-commands';
import '../../dist/digit-pad.js';
import { DIGITS, canvasOf, cleanup, drawOn, makePad, nextEvent, sleep } from './helpers.js';
import { pressChord } from './real-input.js';

afterEach(cleanup);

async function formWithPad(attributes = { name: 'd', required: true }) {
  const form = document.createElement('form');
  document.body.append(form);
  const pad = await makePad({ delay: 30, ...attributes }, form);
  form.addEventListener('submit', (e) => e.preventDefault());
  return { form, pad };
}

describe('<digit-pad> in a form', () => {
  afterEach(() => document.querySelectorAll('form, fieldset').forEach((n) => n.remove()));

  it('blocks submission while a required pad is empty, with a validation message', async () => {
    const { form, pad } = await formWithPad();
    let submitted = 0;
    let invalid = 0;
    form.addEventListener('submit', () => submitted++);
    expect(pad.willValidate).to.equal(true);
    expect(form.checkValidity()).to.equal(false);
    expect(pad.validity.valueMissing).to.equal(true);
    expect(pad.validationMessage).to.equal('Please write a digit.');
    expect(pad.matches(':invalid')).to.equal(true);
    pad.addEventListener('invalid', () => invalid++);
    form.requestSubmit();
    expect(submitted).to.equal(0);
    expect(invalid).to.equal(1);
  });

  it('puts the recognised digit in FormData under its name and then submits', async () => {
    const { form, pad } = await formWithPad();
    let submitted = 0;
    form.addEventListener('submit', () => submitted++);
    drawOn(pad, DIGITS[5]['one stroke from the top right']);
    await nextEvent(pad, 'digit-recognized');
    expect(new FormData(form).get('d')).to.equal('5');
    expect(pad.validity.valid).to.equal(true);
    expect(pad.validationMessage).to.equal('');
    form.requestSubmit();
    expect(submitted).to.equal(1);
  });

  it('an empty optional pad submits an empty value, like an empty input', async () => {
    const { form } = await formWithPad({ name: 'd' });
    expect(form.checkValidity()).to.equal(true);
    expect(new FormData(form).get('d')).to.equal('');
  });

  it('form reset clears the drawing and the value without firing events', async () => {
    const { form, pad } = await formWithPad();
    drawOn(pad, DIGITS[2]['curved top and flat base']);
    await nextEvent(pad, 'digit-recognized');
    const log = [];
    for (const type of ['digit-cleared', 'input', 'change']) pad.addEventListener(type, () => log.push(type));
    form.reset();
    expect(pad.value).to.equal('');
    expect(pad.strokes).to.deep.equal([]);
    expect(new FormData(form).get('d')).to.equal('');
    expect(form.checkValidity()).to.equal(false);
    expect(log).to.deep.equal([]);
    await sleep(100);
    expect(pad.value, 'a pending recognition must not come back after reset').to.equal('');
  });

  it('a recognition still pending when the form resets does not resurrect the value', async () => {
    const { form, pad } = await formWithPad({ name: 'd', delay: 0 });
    drawOn(pad, DIGITS[7].plain);
    form.reset();
    await sleep(300);
    expect(pad.value).to.equal('');
  });

  it('disabled: ignores drawing, leaves the form, skips validation', async () => {
    const { form, pad } = await formWithPad({ name: 'd', required: true, disabled: true });
    drawOn(pad, DIGITS[1]['single stroke']);
    await sleep(150);
    expect(pad.strokes).to.deep.equal([]);
    expect(form.checkValidity()).to.equal(true);
    expect([...new FormData(form).keys()]).to.deep.equal([]);
    expect(canvasOf(pad).tabIndex).to.equal(-1);
    expect(pad.matches(':disabled')).to.equal(true);
  });

  it('is disabled by a disabled fieldset, and enabled again when the fieldset is', async () => {
    const form = document.createElement('form');
    const fieldset = document.createElement('fieldset');
    form.append(fieldset);
    document.body.append(form);
    const pad = await makePad({ name: 'd', delay: 20 }, fieldset);
    fieldset.disabled = true;
    await pad.updateComplete;
    drawOn(pad, DIGITS[1]['single stroke']);
    expect(pad.strokes).to.deep.equal([]);
    expect(pad.matches(':disabled')).to.equal(true);
    expect([...new FormData(form).keys()]).to.deep.equal([]);
    fieldset.disabled = false;
    await pad.updateComplete;
    drawOn(pad, DIGITS[1]['single stroke']);
    await nextEvent(pad, 'digit-recognized');
    expect(new FormData(form).get('d')).to.equal('1');
  });

  it('restores a saved drawing from form state (back/forward navigation, autofill)', async () => {
    const { form, pad } = await formWithPad();
    const recognized = nextEvent(pad, 'digit-recognized');
    const state = JSON.stringify(DIGITS[9]['loop and straight stem'].map((s) => s.map(([x, y]) => [x / 100, y / 100])));
    pad.formStateRestoreCallback(state, 'restore');
    expect((await recognized).detail.digit).to.equal(9);
    expect(new FormData(form).get('d')).to.equal('9');
    expect(pad.strokes[0][0]).to.deep.equal({ x: 0.68, y: 0.32 });
  });

  it('reports a drawing that is not a readable digit as bad input', async () => {
    // min-confidence 1 makes every real drawing "unreadable", which exercises that state deterministically.
    const { form, pad } = await formWithPad({ name: 'd', 'min-confidence': 1 });
    drawOn(pad, [[[20, 50], [35, 30], [50, 70], [65, 30], [80, 60]]]);
    const result = (await nextEvent(pad, 'digit-recognized')).detail;
    expect(result.confidence).to.be.below(1);
    expect(result.status).to.equal('uncertain');
    expect(pad.value).to.equal('');
    expect(pad.validity.badInput).to.equal(true);
    expect(form.checkValidity()).to.equal(false);
    expect(pad.shadowRoot.querySelector('[part="status"]').textContent).to.contain('Can’t read that');
  });
});

describe('<digit-pad> keyboard', () => {
  it('Ctrl+Z and Backspace undo the last stroke, Escape and Delete clear', async () => {
    const pad = await makePad({ delay: 20 });
    pad.focus();
    expect(pad.shadowRoot.activeElement).to.equal(canvasOf(pad));
    drawOn(pad, DIGITS[7]['with a crossbar']);
    await nextEvent(pad, 'digit-recognized');
    expect(pad.strokes).to.have.length(2);
    const reread = nextEvent(pad, 'digit-recognized');
    await pressChord('Control', 'z');
    expect(pad.strokes).to.have.length(1);
    expect((await reread).detail.digit).to.equal(7);

    const cleared = nextEvent(pad, 'digit-cleared');
    await sendKeys({ press: 'Escape' });
    await cleared;
    expect(pad.strokes).to.have.length(0);
    expect(pad.value).to.equal('');

    drawOn(pad, DIGITS[1]['single stroke']);
    await nextEvent(pad, 'digit-recognized');
    await sendKeys({ press: 'Delete' });
    expect(pad.strokes).to.have.length(0);

    drawOn(pad, DIGITS[4]['open top, two strokes']);
    await sendKeys({ press: 'Backspace' });
    expect(pad.strokes, 'Backspace undoes one stroke').to.have.length(1);
  });

  it('drawing focuses the pad (so Escape works next) without a keyboard focus ring', async () => {
    const pad = await makePad({ delay: 60000 });
    const canvas = canvasOf(pad);
    drawOn(pad, DIGITS[1]['single stroke']);
    expect(pad.shadowRoot.activeElement).to.equal(canvas);
    expect(getComputedStyle(canvas).boxShadow).to.equal('none');
    await sendKeys({ press: 'Shift' }); // any key: keyboard user, show where focus is
    expect(getComputedStyle(canvas).boxShadow).to.not.equal('none');
    await sendKeys({ press: 'Escape' });
    expect(pad.strokes).to.deep.equal([]);
  });

  it('is reachable with Tab and shows a focus ring only for keyboard focus', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    const pad = await makePad();
    before.focus();
    await sendKeys({ press: 'Tab' });
    const canvas = canvasOf(pad);
    expect(pad.shadowRoot.activeElement).to.equal(canvas);
    expect(canvas.matches(':focus-visible')).to.equal(true);
    expect(getComputedStyle(canvas).boxShadow).to.not.equal('none');
    before.remove();
  });
});
