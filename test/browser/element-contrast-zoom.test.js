// Forced colours (Windows high contrast) and page zoom: the pad stays visible and reads the same.
import { expect } from '@esm-bundle/chai';
import '../../dist/digit-pad.js';
import { DIGITS, canvasOf, cleanup, drawOn, frames, makePad, nextEvent, skipBecause } from './helpers.js';
import { forcedColors } from './real-input.js';

afterEach(cleanup);

/** Pixels of the canvas that differ from its top-left corner, and the colour of the darkest one. */
function inkPixels(pad) {
  const canvas = canvasOf(pad);
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let count = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 128) count++;
  return count;
}

describe('<digit-pad> in forced colours and at 200 % zoom', () => {
  it('under forced-colors: active the ink, border, focus ring and bars use system colours, and the reading is unchanged', async function () {
    const pad = await makePad({ delay: 0 });
    const read = nextEvent(pad, 'digit-recognized');
    drawOn(pad, DIGITS[7]['with a crossbar']);
    const plain = (await read).detail;
    const answer = await forcedColors(true);
    if (!answer?.ok) skipBecause(this, answer?.reason ?? 'no forced-colors emulation');
    try {
      await frames();
      expect(matchMedia('(forced-colors: active)').matches).to.equal(true);
      const canvas = canvasOf(pad);
      const root = pad.shadowRoot;
      // System colours resolve per theme; what matters is that each is set and differs from the background.
      const background = getComputedStyle(root.querySelector('[part="pad"]')).backgroundColor;
      expect(getComputedStyle(canvas).color).to.not.equal(background);
      expect(getComputedStyle(root.querySelector('[part="pad"]')).borderTopStyle).to.equal('solid');
      expect(inkPixels(pad), 'ink still painted').to.be.above(500);
      const bar = root.querySelector('.bar');
      if (bar) {
        const fill = getComputedStyle(bar.querySelector('.fill')).backgroundColor;
        expect(fill).to.not.equal(getComputedStyle(bar).backgroundColor);
        expect(fill).to.not.equal('rgba(0, 0, 0, 0)');
      }
      canvas.focus();
      canvas.classList.remove('pointer-focus');
      await frames();
      const outline = getComputedStyle(canvas);
      if (canvas.matches(':focus-visible')) expect(outline.outlineStyle).to.equal('solid');
      const again = await pad.recognize();
      expect(again.digit).to.equal(plain.digit);
      expect(again.probabilities).to.deep.equal(plain.probabilities);
    } finally {
      await forcedColors(false);
    }
  });

  it('at 200 % zoom a digit written on the pad reads the same as at 100 %', async () => {
    const results = [];
    for (const zoom of ['1', '2']) {
      const host = document.createElement('div');
      host.style.zoom = zoom;
      document.body.append(host);
      const pad = await makePad({ delay: 0 }, host);
      const read = nextEvent(pad, 'digit-recognized');
      drawOn(pad, DIGITS[4]['open top, two strokes']);
      results.push((await read).detail);
      expect(pad.value).to.equal('4');
      host.remove();
    }
    expect(results[1].digit).to.equal(results[0].digit);
    expect(Math.abs(results[1].confidence - results[0].confidence)).to.be.below(0.02);
  });
});
