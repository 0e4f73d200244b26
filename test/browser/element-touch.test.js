// Writing with a finger and a pen, not only the mouse. Real input where the engine's automation can
// produce it (input-plugin.mjs: CDP in Chromium, WebDriver BiDi in Firefox, WebDriver in WebKit);
// where it cannot, the test is skipped with the engine's own reason. Synthetic PointerEvents cover
// what no automation protocol can send (pointercancel, coalesced samples) in every engine.
import { expect } from '@esm-bundle/chai';
import '../../dist/digit-pad.js';
import {
  DIGITS, arc, canvasOf, cleanup, drawOn, frames, makePad, nextEvent, skipBecause, sleep,
} from './helpers.js';
import { realPointer } from './real-input.js';

afterEach(cleanup);

/** Viewport pixels of a point in the pad's 100×100 drawing box. */
const toScreen = (pad) => {
  const rect = canvasOf(pad).getBoundingClientRect();
  return ([x, y]) => ({ x: rect.left + (x / 100) * rect.width, y: rect.top + (y / 100) * rect.height });
};

/** Ticks that write `strokes` with one pointer, every `every`-th sample (a real device's rate). */
function strokeTicks(pad, strokes, { id = 0, every = 3 } = {}) {
  const at = toScreen(pad);
  return strokes.flatMap((stroke) => {
    const samples = stroke.filter((_, i) => i % every === 0 || i === stroke.length - 1);
    return [
      { type: 'down', id, ...at(samples[0]) },
      ...samples.slice(1).map((point) => ({ type: 'move', id, ...at(point) })),
      { type: 'up', id, ...at(samples[samples.length - 1]) },
    ];
  });
}

/** Records the pointerType of every pointerdown on the pad's canvas (`seen.ups` counts pointerups). */
function pointerTypes(pad) {
  const seen = [];
  seen.ups = 0;
  canvasOf(pad).addEventListener('pointerdown', (e) => seen.push(`${e.pointerType}${e.isTrusted ? '' : ' (untrusted)'}`));
  canvasOf(pad).addEventListener('pointerup', () => seen.ups++);
  return seen;
}

/** Sends real input or skips the test with the engine's reason. */
async function realOrSkip(ctx, pointerType, ticks) {
  const answer = await realPointer(pointerType, ticks);
  if (!answer.ok) skipBecause(ctx, `no real ${pointerType} input: ${answer.reason}`);
}

describe('<digit-pad> writing with touch and pen (real input)', () => {
  for (const pointerType of ['touch', 'pen']) {
    it(`reads a digit written with ${pointerType}`, async function () {
      // Read when both strokes are in: automation can pause longer between strokes than a writer does.
      const pad = await makePad({ delay: 60000 });
      const types = pointerTypes(pad);
      await realOrSkip(this, pointerType, strokeTicks(pad, DIGITS[4]['closed top, two strokes']));
      if (types[0] !== pointerType) skipBecause(this, `the engine delivered the ${pointerType} input as "${types[0]}"`);
      if (types.ups === 0) {
        // WebKitGTK: the pen's pointerdown arrives, its moves and pointerup never do.
        skipBecause(this, `the engine delivered ${types.length} ${pointerType} pointerdown and no pointermove or pointerup`);
      }
      expect(types).to.deep.equal([pointerType, pointerType]);
      expect(pad.strokes).to.have.length(2);
      expect((await pad.recognize()).digit).to.equal(4);
    });
  }

  it('ignores a second finger landing while the first writes', async function () {
    const pad = await makePad({ delay: 20 });
    const types = pointerTypes(pad);
    const at = toScreen(pad);
    const recognized = nextEvent(pad, 'digit-recognized');
    await realOrSkip(this, 'touch', [
      { type: 'down', id: 0, ...at([50, 12]) },
      { type: 'move', id: 0, ...at([50, 30]) },
      { type: 'down', id: 1, ...at([15, 80]) }, // a second finger (or the palm) lands
      { type: 'move', id: 1, ...at([30, 85]) },
      { type: 'move', id: 0, ...at([50, 50]) },
      { type: 'move', id: 1, ...at([45, 90]) },
      { type: 'move', id: 0, ...at([50, 70]) },
      { type: 'up', id: 1, ...at([45, 90]) },
      { type: 'move', id: 0, ...at([50, 88]) },
      { type: 'up', id: 0, ...at([50, 88]) },
    ]);
    if (types[0] !== 'touch') skipBecause(this, `the engine delivered touch input as "${types[0]}"`);
    expect(types, 'both fingers reached the pad').to.deep.equal(['touch', 'touch']);
    expect(pad.strokes).to.have.length(1);
    expect(pad.strokes[0].every((p) => Math.abs(p.x - 0.5) < 0.01), 'only the first finger drew').to.equal(true);
    expect((await recognized).detail.digit).to.equal(1);
  });

  it('a touchcancel mid-stroke drops that stroke, keeps the ones before it, and the pad writes on', async function () {
    const pad = await makePad({ delay: 60000 });
    const [first, second] = DIGITS[4]['open top, two strokes'];
    const at = toScreen(pad);
    const cancelled = nextEvent(canvasOf(pad), 'pointercancel', 5000).catch(() => null);
    await realOrSkip(this, 'touch', [
      ...strokeTicks(pad, [first]),
      { type: 'down', id: 0, ...at(second[0]) },
      { type: 'move', id: 0, ...at(second[10]) },
      { type: 'cancel', id: 0, ...at(second[10]) },
    ]);
    expect(await cancelled, 'the engine fired pointercancel').to.not.equal(null);
    expect(pad.strokes).to.have.length(1);
    await realOrSkip(this, 'touch', strokeTicks(pad, [second]));
    expect(pad.strokes).to.have.length(2);
    expect((await pad.recognize()).digit).to.equal(4);
  });

  it('touching the pad does not scroll the page; touching outside it does', async function () {
    const spacer = document.createElement('div');
    spacer.style.cssText = 'height: 3000px';
    const pad = await makePad({ delay: 60000 });
    const types = pointerTypes(pad);
    pad.after(spacer);
    try {
      window.scrollTo(0, 0);
      await frames();
      const top = pad.getBoundingClientRect().top;
      expect(getComputedStyle(canvasOf(pad)).touchAction).to.equal('none');
      expect(getComputedStyle(document.documentElement).touchAction).to.equal('auto');
      // A finger dragged upwards on the pad writes; the page stays put.
      await realOrSkip(this, 'touch', strokeTicks(pad, [[[50, 90], [50, 70], [50, 50], [50, 30], [50, 10]]], { every: 1 }));
      await sleep(300); // a fling would go on after the finger lifts
      if (types[0] !== 'touch') skipBecause(this, `the engine delivered touch input as "${types[0]}"`);
      expect(window.scrollY, 'page scrolled by a stroke on the pad').to.equal(0);
      expect(pad.strokes).to.have.length(1);
      expect(pad.getBoundingClientRect().top).to.equal(top);

      // The same drag beside the pad scrolls the page.
      const x = 400;
      const y = Math.round(top + 150);
      const drag = [{ type: 'down', id: 0, x, y }];
      for (let i = 1; i <= 10; i++) drag.push({ type: 'move', id: 0, x, y: y - i * 12 });
      drag.push({ type: 'up', id: 0, x, y: y - 120 });
      await realOrSkip(this, 'touch', drag);
      await sleep(300);
      if (window.scrollY === 0) skipBecause(this, 'this engine\'s automated touch does not scroll pages, so the contrast cannot be shown');
      expect(window.scrollY).to.be.above(20);
      expect(pad.strokes, 'the drag outside did not draw').to.have.length(1);
    } finally {
      spacer.remove();
      window.scrollTo(0, 0);
    }
  });
});

describe('<digit-pad> touch and pen (synthetic events, every engine)', () => {
  it('a pen writes like a mouse; a pointercancel mid-stroke drops only that stroke', async () => {
    const pad = await makePad({ delay: 60000 });
    const [first, second] = DIGITS[4]['open top, two strokes'];
    drawOn(pad, [first], { pointerType: 'pen' });
    const canvas = canvasOf(pad);
    const rect = canvas.getBoundingClientRect();
    const fire = (type, [x, y], buttons = 1) => canvas.dispatchEvent(new PointerEvent(type, {
      bubbles: true, cancelable: true, composed: true, pointerId: 7, pointerType: 'pen', isPrimary: true,
      clientX: rect.left + (x / 100) * rect.width, clientY: rect.top + (y / 100) * rect.height, buttons, pressure: 0.5,
    }));
    fire('pointerdown', second[0]);
    for (const point of second.slice(1, 15)) fire('pointermove', point);
    expect(pad.strokes).to.have.length(2);
    fire('pointercancel', second[15], 0);
    expect(pad.strokes, 'the cut-short stroke is dropped').to.have.length(1);
    expect(pad.strokes[0].length).to.be.above(10);
    // The pad is not stuck in a stroke: the next one draws and the digit reads.
    drawOn(pad, [second], { pointerType: 'pen', pointerId: 8 });
    expect(pad.strokes).to.have.length(2);
    expect((await pad.recognize()).digit).to.equal(4);
  });

  it('a pointercancel on the only stroke leaves an empty pad, not a pending one', async () => {
    const pad = await makePad({ delay: 20, required: true });
    const canvas = canvasOf(pad);
    const rect = canvas.getBoundingClientRect();
    const init = { bubbles: true, composed: true, pointerId: 3, pointerType: 'touch', isPrimary: true, clientX: rect.left + 50, clientY: rect.top + 50, buttons: 1 };
    canvas.dispatchEvent(new PointerEvent('pointerdown', init));
    canvas.dispatchEvent(new PointerEvent('pointermove', { ...init, clientY: rect.top + 120 }));
    canvas.dispatchEvent(new PointerEvent('pointercancel', { ...init, buttons: 0 }));
    expect(pad.strokes).to.deep.equal([]);
    await pad.updateComplete;
    expect(pad.shadowRoot.querySelector('[part="status"]').textContent.trim()).to.equal('No digit');
    expect(pad.validity.valueMissing).to.equal(true);
  });

  it('a fast stroke keeps its shape through coalesced samples (getCoalescedEvents)', async function () {
    const probe = new PointerEvent('pointermove', { coalescedEvents: [new PointerEvent('pointermove', { clientX: 1 })] });
    if (typeof probe.getCoalescedEvents !== 'function') skipBecause(this, 'no PointerEvent.getCoalescedEvents()');
    if (probe.getCoalescedEvents().length !== 1) skipBecause(this, 'PointerEventInit.coalescedEvents is ignored, so coalesced samples cannot be synthesised');
    // A zero written in about 0.12 s: the browser delivers one pointermove per frame (7 in all),
    // each carrying the 16 samples the pen reported since the last frame.
    const PER_FRAME = 16;
    const circle = arc(50, 50, 30, 36, -90, 270, 2);
    const write = async (withCoalesced) => {
      const pad = await makePad({ delay: 60000 });
      const canvas = canvasOf(pad);
      const rect = canvas.getBoundingClientRect();
      const event = (type, [x, y], extra = {}) => new PointerEvent(type, {
        bubbles: true, cancelable: true, composed: true, pointerId: 5, pointerType: 'pen', isPrimary: true, buttons: 1,
        clientX: rect.left + (x / 100) * rect.width, clientY: rect.top + (y / 100) * rect.height, ...extra,
      });
      canvas.dispatchEvent(event('pointerdown', circle[0]));
      for (let i = PER_FRAME; i < circle.length + PER_FRAME - 1; i += PER_FRAME) {
        const frame = circle.slice(i - PER_FRAME + 1, Math.min(i + 1, circle.length));
        const last = frame[frame.length - 1];
        const coalescedEvents = withCoalesced ? frame.map((point) => event('pointermove', point)) : [];
        canvas.dispatchEvent(event('pointermove', last, { coalescedEvents }));
      }
      canvas.dispatchEvent(event('pointerup', circle[circle.length - 1], { buttons: 0 }));
      return pad;
    };
    // How far the drawn polyline strays from the true curve, worst case, in pad units.
    const worstGap = (stroke) => {
      const distance = ([px, py], a, b) => {
        const [dx, dy] = [b.x - a.x, b.y - a.y];
        const t = Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / (dx * dx + dy * dy || 1)));
        return Math.hypot(px - (a.x + t * dx), py - (a.y + t * dy));
      };
      return Math.max(...circle.map(([x, y]) => {
        const p = [x / 100, y / 100];
        let best = Infinity;
        for (let i = 1; i < stroke.length; i++) best = Math.min(best, distance(p, stroke[i - 1], stroke[i]));
        return best;
      }));
    };
    const smooth = (await write(true)).strokes[0];
    const polygon = (await write(false)).strokes[0];
    const [smoothGap, polygonGap] = [worstGap(smooth), worstGap(polygon)];
    console.log(`fast circle: ${smooth.length} points, worst gap ${smoothGap.toFixed(4)} with coalesced samples; `
      + `${polygon.length} points, worst gap ${polygonGap.toFixed(4)} from the frame events alone`);
    expect(smooth.length).to.be.above(3 * polygon.length);
    expect(smoothGap, 'with coalesced samples the ink follows the circle').to.be.below(0.01);
    expect(polygonGap, 'frame events alone draw a polygon').to.be.above(0.02);
  });

  it('keeps pointer handling the same for mouse, pen and touch: one stroke each, same points', async () => {
    const shapes = [];
    for (const pointerType of ['mouse', 'pen', 'touch']) {
      const pad = await makePad({ delay: 60000 });
      drawOn(pad, DIGITS[7].plain, { pointerType });
      shapes.push(pad.strokes);
    }
    expect(shapes[1]).to.deep.equal(shapes[0]);
    expect(shapes[2]).to.deep.equal(shapes[0]);
  });
});
