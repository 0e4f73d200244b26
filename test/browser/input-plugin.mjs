// Real (browser-generated, trusted) touch, pen and key-chord input for the browser tests, in each
// engine through what its automation protocol offers:
//   Chromium: CDP Input.dispatchTouchEvent / Input.dispatchMouseEvent with pointerType 'pen';
//   Firefox:  WebDriver BiDi input.performActions (pointerType 'touch' / 'pen', key actions);
//   WebKit:   WebDriver classic performActions (whatever WebKitWebDriver accepts).
// Commands answer { ok: true } or { ok: false, reason } so a test can skip, with the reason, in an
// engine that cannot produce the input, instead of failing or silently passing.

/**
 * `pointer` payload: { pointerType: 'touch' | 'pen', ticks: [{ type: 'down' | 'move' | 'up' | 'cancel', id, x, y }] }
 * — one pointer change per tick, in order, viewport CSS pixels; `id` tells fingers apart.
 * `keys` payload: { chord: ['Control', 'z'] } — holds the keys down in order, then releases them.
 */
export function inputPlugin() {
  const cdpSessions = new WeakMap();
  return {
    name: 'digit-pad-input',
    async executeCommand({ command, payload, session }) {
      if (command !== 'pointer' && command !== 'keys' && command !== 'forced-colors') return undefined;
      try {
        if (session.browser.type === 'puppeteer') {
          const page = session.browser.getPage(session.id);
          const isFirefox = (await page.browser().version()).toLowerCase().includes('firefox');
          if (command === 'forced-colors') {
            // Only CDP emulates forced colours (@web/test-runner-commands' emulateMedia does so in Playwright only).
            if (isFirefox) return { ok: false, reason: 'forced-colors emulation is CDP-only' };
            // Emulation lasts as long as its CDP session: keep the page's one.
            let cdp = cdpSessions.get(page);
            if (!cdp) {
              cdp = await page.createCDPSession();
              cdpSessions.set(page, cdp);
            }
            await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value: payload.active ? 'active' : 'none' }] });
            return { ok: true };
          }
          if (command === 'keys') {
            for (const key of payload.chord) await page.keyboard.down(key);
            for (const key of [...payload.chord].reverse()) await page.keyboard.up(key);
            return { ok: true };
          }
          if (isFirefox) {
            if (payload.ticks.some((t) => t.type === 'cancel')) return { ok: false, reason: 'WebDriver actions have no pointercancel' };
            const context = page.mainFrame().browsingContext;
            for (const ticks of gestures(payload.ticks)) {
              await context.performActions(w3cPointerActions({ ...payload, ticks }));
              await context.releaseActions();
            }
            return { ok: true };
          }
          let cdp = cdpSessions.get(page);
          if (!cdp) {
            cdp = await page.createCDPSession();
            cdpSessions.set(page, cdp);
          }
          await (payload.pointerType === 'touch' ? cdpTouch(cdp, payload.ticks) : cdpPen(cdp, payload.ticks));
          return { ok: true };
        }
        if (session.browser.type === 'webdriver') {
          const driver = session.browser;
          if (command === 'forced-colors') return { ok: false, reason: 'forced-colors emulation is not available over WebDriver' };
          if (command === 'keys') {
            const keys = payload.chord.map(webdriverKey);
            await driver.driverManager.performActions(session.id, [{
              type: 'key', id: 'chord',
              actions: [...keys.map((value) => ({ type: 'keyDown', value })), ...keys.reverse().map((value) => ({ type: 'keyUp', value }))],
            }]);
            return { ok: true };
          }
          if (payload.ticks.some((t) => t.type === 'cancel')) return { ok: false, reason: 'WebDriver actions have no pointercancel' };
          for (const ticks of gestures(payload.ticks)) {
            await driver.driverManager.performActions(session.id, w3cPointerActions({ ...payload, ticks }));
            await driver.driver.releaseActions();
          }
          return { ok: true };
        }
        return { ok: false, reason: `no ${command} input for browser type ${session.browser.type}` };
      } catch (error) {
        return { ok: false, reason: String(error?.message ?? error).split('\n')[0] };
      }
    },
  };
}

/** Splits ticks where no pointer is down: one gesture per performActions call, released after it. */
function gestures(ticks) {
  const out = [];
  let current = [];
  const down = new Set();
  for (const tick of ticks) {
    current.push(tick);
    if (tick.type === 'down') down.add(tick.id);
    if (tick.type === 'up') down.delete(tick.id);
    if (down.size === 0) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** WebDriver (classic and BiDi) action sequences: one source per pointer, pauses where another one acts. */
function w3cPointerActions({ pointerType, ticks }) {
  const ids = [...new Set(ticks.map((t) => t.id))];
  const sources = new Map(ids.map((id) => [id, {
    type: 'pointer', id: `${pointerType}-${id}`, parameters: { pointerType }, actions: [],
  }]));
  const step = (id, action) => {
    for (const [other, source] of sources) source.actions.push(other === id ? action : { type: 'pause', duration: 0 });
  };
  for (const { type, id, x, y } of ticks) {
    const at = { x: Math.round(x), y: Math.round(y) };
    if (type === 'down') {
      step(id, { type: 'pointerMove', duration: 0, ...at });
      step(id, { type: 'pointerDown', button: 0, ...(pointerType === 'pen' ? { pressure: 0.5 } : {}) });
    } else if (type === 'move') {
      step(id, { type: 'pointerMove', duration: 0, ...at });
    } else if (type === 'up') {
      step(id, { type: 'pointerUp', button: 0 });
    }
  }
  return [...sources.values()];
}

/** CDP touch: each event names the finger that changed, by id (as puppeteer's touch handles do). */
async function cdpTouch(cdp, ticks) {
  for (const { type, id, x, y } of ticks) {
    if (type === 'cancel') {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchCancel', touchPoints: [] });
      continue;
    }
    const cdpType = type === 'down' ? 'touchStart' : type === 'move' ? 'touchMove' : 'touchEnd';
    await cdp.send('Input.dispatchTouchEvent', { type: cdpType, touchPoints: [{ x, y, id, radiusX: 4, radiusY: 4, force: 0.5 }] });
  }
}

/** CDP pen: mouse events with pointerType 'pen' (one pen: ids are ignored). */
async function cdpPen(cdp, ticks) {
  for (const { type, x, y } of ticks) {
    if (type === 'cancel') throw new Error('CDP has no pen pointercancel');
    const cdpType = type === 'down' ? 'mousePressed' : type === 'move' ? 'mouseMoved' : 'mouseReleased';
    await cdp.send('Input.dispatchMouseEvent', {
      type: cdpType, x, y, pointerType: 'pen', button: 'left',
      buttons: type === 'up' ? 0 : 1, clickCount: type === 'move' ? 0 : 1, force: type === 'up' ? 0 : 0.5,
    });
  }
}

/** WebDriver key values for the named keys the tests use. */
function webdriverKey(key) {
  const named = { Control: '\uE009', Shift: '\uE008', Alt: '\uE00A', Meta: '\uE03D', Backspace: '\uE003', Delete: '\uE017', Escape: '\uE00C', Tab: '\uE004', Enter: '\uE007' };
  return named[key] ?? key;
}
