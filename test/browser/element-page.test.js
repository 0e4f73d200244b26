// A plain HTML page with one module script and a form: the drop-in use, end to end, in an iframe
// so the element is defined by that page alone (no test imports of the bundle).
import { expect } from '@esm-bundle/chai';
import { DIGITS, drawOn, nextEvent, sleep } from './helpers.js';

// The page: test/browser/fixtures/csp-page.html, served by the test server like any site's page.
const PAGE_URL = new URL('./fixtures/csp-page.html', import.meta.url).href;

async function loadPage() {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 400px; height: 400px; border: 0';
  frame.src = PAGE_URL;
  const loaded = nextEvent(frame, 'load');
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow;
  await win.customElements.whenDefined('digit-pad');
  const violations = [];
  // Capture phase: violations inside the element's shadow root reach the document this way too.
  win.document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`), true);
  const pad = win.document.querySelector('digit-pad');
  await pad.updateComplete;
  await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
  return { frame, win, pad, form: win.document.querySelector('form'), violations };
}

describe('drop-in: a plain page with one module script and a strict CSP', () => {
  let frame;
  afterEach(() => frame?.remove());

  it('upgrades the element and labels it from the <label for>', async () => {
    const page = await loadPage();
    frame = page.frame;
    expect(page.pad.shadowRoot.querySelector('canvas').getAttribute('aria-label')).to.equal('Quantity');
    expect(page.pad.form).to.equal(page.form);
  });

  it('blocks submitting the empty required pad, then submits the written digit with the form', async () => {
    const { frame: f, win, pad, form, violations } = await loadPage();
    frame = f;
    let invalid = 0;
    pad.addEventListener('invalid', () => invalid++);
    form.requestSubmit();
    await sleep(100);
    expect(invalid).to.equal(1);
    expect(win.location.href).to.equal(PAGE_URL);

    const recognized = nextEvent(pad, 'digit-recognized');
    drawOn(pad, DIGITS[3]['flat top'], { view: win });
    expect((await recognized).detail.digit).to.equal(3);
    expect(new win.FormData(form).get('qty')).to.equal('3');
    await pad.updateComplete; // candidates and status rendered
    await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
    expect(violations, 'CSP violations').to.deep.equal([]);
    const fill = pad.shadowRoot.querySelector('[part="candidate"] .bar > .fill');
    expect(fill.style.width, 'bar length set despite the CSP').to.equal(`${Math.round(pad.result.confidence * 10_000) / 100}%`);
    expect(pad.result.backend).to.equal('wasm-simd');

    const navigated = nextEvent(frame, 'load');
    form.querySelector('button').click();
    await navigated;
    expect(frame.contentWindow.location.pathname).to.equal('/echo');
    expect(frame.contentWindow.location.search).to.equal('?qty=3');
  });

  it('resets with the form', async () => {
    const { frame: f, win, pad, form } = await loadPage();
    frame = f;
    drawOn(pad, DIGITS[1]['single stroke'], { view: win });
    await nextEvent(pad, 'digit-recognized');
    form.reset();
    expect(pad.value).to.equal('');
    expect(form.checkValidity()).to.equal(false);
  });
});
