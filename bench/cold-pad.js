// The cold page of `npm run bench` (coldPage, issue 15): the element's bundle and one <digit-pad>, as a
// site would ship them. The driver throttles the network, waits 1 s after the load event, writes a
// digit with the mouse, and reads what this script records: the last pointerup, each digit-recognized
// event, and the warm-up marks. ?pads=0 removes the pad before the element is defined; ?digits=4
// makes it a number pad.
const params = new URLSearchParams(location.search);
const DIST = params.get('dist') ?? '/dist/';
if (!/^\/[\w./-]*\/$/.test(DIST)) throw new Error(`bad dist ${DIST}`);
if (params.get('pads') === '0') document.querySelector('digit-pad')?.remove();
if (params.get('digits')) document.querySelector('digit-pad')?.setAttribute('digits', params.get('digits'));
window.padEvents = [];
window.lastPointerUp = null;
addEventListener('pointerup', () => { window.lastPointerUp = performance.now(); }, true);
document.addEventListener('digit-recognized', (e) => {
  window.padEvents.push({ at: performance.now(), digit: e.detail.digit ?? e.detail.value ?? null, status: e.detail.status ?? null });
}, true);
await import(`${DIST}digit-pad.js`);
window.elementDefined = performance.now();
