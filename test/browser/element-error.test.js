// Its own file (own page): the failure must happen on the very first model load, before any other
// test has loaded the shared model.
import { expect } from '@esm-bundle/chai';
import { DigitPadError } from '../../dist/digit-pad.js';
import { DIGITS, cleanup, drawOn, makePad, nextEvent } from './helpers.js';

afterEach(cleanup);

describe('<digit-pad> when the model cannot load', () => {
  it('reports digit-error and "Recognition unavailable", then recovers on the next attempt', async () => {
    const realFetch = window.fetch;
    window.fetch = (url, ...rest) => (String(url).includes('/weights/')
      ? Promise.resolve(new Response('gone', { status: 503 }))
      : realFetch(url, ...rest));
    const pad = await makePad({ delay: 20, name: 'd', required: true });
    const logged = [];
    const realError = console.error;
    console.error = (...args) => logged.push(args);
    try {
      const failed = nextEvent(pad, 'digit-error');
      drawOn(pad, DIGITS[7].plain);
      const { detail } = await failed;
      expect(detail).to.be.instanceOf(DigitPadError);
      expect(detail.code).to.equal('WEIGHTS_LOAD_FAILED');
      await pad.updateComplete;
      expect(pad.shadowRoot.querySelector('[part="status"]').textContent).to.contain('Recognition unavailable');
      expect(pad.value).to.equal('');
      expect(pad.checkValidity()).to.equal(false);
    } finally {
      window.fetch = realFetch;
      console.error = realError;
    }
    expect(logged.length, 'a failed automatic recognition is logged').to.equal(1);
    const recognized = nextEvent(pad, 'digit-recognized');
    drawOn(pad, [[[42, 52], [70, 52]]]); // the crossbar: a new stroke retries
    expect((await recognized).detail.digit).to.equal(7);
    expect(pad.value).to.equal('7');
  });
});
