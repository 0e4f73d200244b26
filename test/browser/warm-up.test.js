// Issue 15: the first pad on a page loads the wasm, the weights and (for number pads) the verifier
// while the page is idle, before anything is written; a page without a pad loads none of them.
// (Timing under a throttled network is measured by `npm run bench`, coldPage.)
import { expect } from '@esm-bundle/chai';
import '../../dist/digit-pad.js';
import { cleanup, makePad, sleep } from './helpers.js';

const fetched = (pattern) => performance.getEntriesByType('resource').some((r) => pattern.test(new URL(r.name).pathname));

describe('warm-up', () => {
  afterEach(cleanup);

  it('loads no wasm and no weights while the page has no pad', async () => {
    await sleep(1500); // idle callbacks have had every chance to run
    expect(fetched(/\.wasm$/), 'wasm').to.equal(false);
    expect(fetched(/\/weights\//), 'weights').to.equal(false);
    expect(performance.getEntriesByName('digit-pad:warm-up')).to.have.length(0);
  });

  it('a connected number pad loads the wasm, the built-in model\'s three networks and the verifier before anything is written', async () => {
    await makePad({ digits: 4 });
    for (let i = 0; i < 400 && performance.getEntriesByName('digit-pad:ready').length === 0; i++) await sleep(50);
    expect(performance.getEntriesByName('digit-pad:ready'), 'ready mark').to.have.length(1);
    expect(fetched(/\.wasm$/), 'wasm').to.equal(true);
    expect(fetched(/\/weights\/digits\.bin$/), 'digits weights').to.equal(true);
    expect(fetched(/\/weights\/digits-paper\.bin$/), 'paper network weights').to.equal(true);
    expect(fetched(/\/weights\/ink-source\.bin$/), 'ink-source weights').to.equal(true);
    expect(fetched(/\/weights\/segmenter\.bin$/), 'verifier weights').to.equal(true);
  });
});
