import { expect } from '@esm-bundle/chai';
import '../../dist/digit-pad.js';
import { DIGITS, cleanup, drawOn, makePad } from './helpers.js';

afterEach(cleanup);

describe('<digit-pad> reads handwritten digits', () => {
  for (const [digit, styles] of Object.entries(DIGITS)) {
    for (const [style, strokes] of Object.entries(styles)) {
      it(`${digit}: ${style}`, async () => {
        const pad = await makePad({ delay: 60000 });
        drawOn(pad, strokes);
        const result = await pad.recognize();
        expect(result.digit, `probabilities ${result.probabilities.map((p) => p.toFixed(2))}`).to.equal(Number(digit));
        expect(pad.value).to.equal(digit);
      });
    }
  }
});
