// Real pen digits of held-out writers (test/fixtures/pen-styles.json, UCI pendigits) written on the
// pad with pen pointer events, and the pen normalisation: how thick the pen, how big the digit.
import { expect } from '@esm-bundle/chai';
import { recognizeStrokes } from '../../dist/digit-pad.js';
import { DIGITS, cleanup, drawOn, makePad, nextEvent } from './helpers.js';

afterEach(cleanup);

const { digits: styled } = await (await fetch(new URL('../fixtures/pen-styles.json', import.meta.url))).json();

/** Tablet strokes placed in the pad's 100×100 box: `size` units tall, centred. */
function inBox(strokes, size = 70) {
  const all = strokes.flat();
  const x0 = Math.min(...all.map((p) => p[0])), x1 = Math.max(...all.map((p) => p[0]));
  const y0 = Math.min(...all.map((p) => p[1])), y1 = Math.max(...all.map((p) => p[1]));
  const s = size / Math.max(y1 - y0, x1 - x0);
  const left = 50 - ((x1 - x0) * s) / 2, top = 50 - ((y1 - y0) * s) / 2;
  return strokes.map((stroke) => stroke.map(([x, y]) => [left + (x - x0) * s, top + (y - y0) * s]));
}

async function write(pad, strokes, pointerType = 'pen') {
  const recognized = nextEvent(pad, 'digit-recognized');
  drawOn(pad, strokes, { pointerType });
  return (await recognized).detail;
}

describe('<digit-pad> with real pen handwriting', () => {
  it('reads held-out writers\' flagged 1s, crossed 7s, left-curving 9s and open 4s written with a pen', async () => {
    const wrong = [];
    for (const d of styled) {
      const pad = await makePad({ delay: 0 });
      const result = await write(pad, inBox(d.strokes));
      if (result.digit !== d.label) wrong.push(`${d.style} (writer ${d.writer}) read as ${result.digit}`);
      expect(pad.value).to.equal(String(result.digit));
      pad.remove();
    }
    expect(wrong).to.deep.equal([]);
  });

  it('reads its strokes exactly as recognizeStrokes() reads them in pad pixels', async () => {
    // The pad reads its own, already checked strokes without the SDK's copy of every point: the
    // answer must still be the public call's, to the last bit.
    const pad = await makePad({ delay: 0 });
    const { width, height } = pad.toImageData();
    let compared = 0;
    for (const styles of Object.values(DIGITS)) {
      for (const strokes of Object.values(styles)) {
        pad.strokes = strokes.map((s) => s.map(([x, y]) => ({ x: x / 100, y: y / 100 })));
        const fromPad = await pad.recognize();
        const direct = await recognizeStrokes(pad.strokes.map((s) => s.map((p) => [p.x * width, p.y * height])));
        expect(fromPad.probabilities).to.deep.equal(direct.probabilities);
        expect(fromPad.digit).to.equal(direct.digit);
        compared++;
      }
    }
    expect(compared).to.equal(21);
  });

  it('a small digit written with a thick pen reads the same as a large one with the default pen', async () => {
    for (const [digit, shape] of [['4', DIGITS['4']['open top, two strokes']], ['7', DIGITS['7']['with a crossbar']], ['2', Object.values(DIGITS['2'])[0]]]) {
      const large = await write(await makePad({ delay: 0 }), inBox(shape, 80));
      const small = await write(await makePad({ delay: 0, 'stroke-width': '16px' }), inBox(shape, 22));
      expect(large.digit, `large ${digit}`).to.equal(Number(digit));
      expect(small.digit, `small ${digit}`).to.equal(Number(digit));
      // The pen is normalised: both are read as the same image, up to where the pointer samples fell.
      expect(Math.abs(small.confidence - large.confidence)).to.be.below(0.05);
      cleanup();
    }
  });

  it('a digits="4" pad keeps two-stroke pen digits whole: 4747 written with open 4s and crossed 7s', async () => {
    const fours = styled.filter((d) => d.style === 'open 4'), sevens = styled.filter((d) => d.style === 'crossed 7');
    const wrong = [];
    for (let k = 0; k < fours.length; k++) {
      const pad = await makePad({ digits: 4, delay: 0, style: 'width: 352px' });
      const strokes = [];
      [fours[k], sevens[k], fours[(k + 1) % 4], sevens[(k + 1) % 4]].forEach((d, i) => {
        for (const s of inBox(d.strokes, 64)) strokes.push(s.map(([x, y]) => [12 + i * 22 + (x - 50) * 0.3, y]));
      });
      const result = await write(pad, strokes);
      if (result.value !== '4747') wrong.push(`writers ${fours[k].writer}/${sevens[k].writer}: ${result.value}`);
      pad.remove();
    }
    expect(wrong).to.deep.equal([]);
  });
});
