// Its own file (own page): the backend starts once per page, and this one must start with a .wasm
// URL that answers with an HTML page, as a dev server's index.html fallback does.
import { expect } from '@esm-bundle/chai';
import { backendFallbackReason, recognize } from '../../dist/digit-pad-sdk.js';

describe('a .wasm URL that returns an HTML page', () => {
  it('is named in one console warning, and recognition runs visibly on cpu', async () => {
    const realFetch = window.fetch;
    const realWarn = console.warn;
    const warnings = [];
    window.fetch = (url, ...rest) => (new URL(String(url), location.href).pathname.endsWith('.wasm')
      ? Promise.resolve(new Response('<!doctype html><html><body>app</body></html>', { headers: { 'content-type': 'text/html' } }))
      : realFetch(url, ...rest));
    console.warn = (...args) => warnings.push(args.join(' '));
    let result;
    try {
      result = await recognize({ width: 28, height: 28, data: new Uint8ClampedArray(28 * 28 * 4) });
    } finally {
      window.fetch = realFetch;
      console.warn = realWarn;
    }
    expect(result.backend).to.equal('cpu');
    expect(backendFallbackReason()).to.match(/tfjs-backend-wasm(-simd)?\.wasm returned an HTML page \(text\/html\)/);
    expect(backendFallbackReason()).to.contain('assetBase');
    const ours = warnings.filter((w) => w.includes('digit-pad'));
    expect(ours, warnings.join('\n')).to.have.length(1);
    expect(ours[0]).to.contain('HTML page');
  });
});
