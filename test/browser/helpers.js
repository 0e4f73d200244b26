// Test helpers for <digit-pad>: realistic digit drawings and synthetic pointer input.
// Node tests import the drawings too: nothing here may need the test runner's browser modules.
// Drawings live in a 100×100 box (y grows downwards, like the screen) and are sampled densely, as a
// real pointer reports them (~60–120 samples per second while the pen moves).

/** Points along a straight line, every ~`step` units. */
export function line(x1, y1, x2, y2, step = 2) {
  const n = Math.max(1, Math.ceil(Math.hypot(x2 - x1, y2 - y1) / step));
  return Array.from({ length: n + 1 }, (_, i) => [x1 + ((x2 - x1) * i) / n, y1 + ((y2 - y1) * i) / n]);
}

/** Points along a polyline through the given corners. */
export function polyline(...corners) {
  const points = [];
  for (let i = 1; i < corners.length; i++) points.push(...line(...corners[i - 1], ...corners[i]).slice(i > 1 ? 1 : 0));
  return points;
}

/**
 * An elliptical arc, angles in degrees on screen (0 = 3 o'clock, 90 = 6 o'clock, 270 = 12 o'clock).
 * Increasing angles run clockwise on screen, decreasing ones anticlockwise.
 */
export function arc(cx, cy, rx, ry, from, to, step = 2) {
  const length = (Math.abs(to - from) * Math.PI * (rx + ry)) / 360;
  const n = Math.max(2, Math.ceil(length / step));
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = ((from + ((to - from) * i) / n) * Math.PI) / 180;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)];
  });
}

/** Joins pieces of one stroke, dropping the duplicated joint points. */
export function join(...pieces) {
  return pieces.flatMap((piece, i) => (i === 0 ? piece : piece.slice(1)));
}

/** Slants a stroke like italic handwriting (positive leans right). */
export function slant(points, k = 0.2) {
  return points.map(([x, y]) => [x + k * (50 - y), y]);
}

/** Resolves after `ms` milliseconds. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves after two rendered frames: layout, ResizeObserver callbacks and paints have run. */
export const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** Resolves with the next `type` event on `target`. */
export function nextEvent(target, type, timeout = 20_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${type} event within ${timeout} ms`)), timeout);
    target.addEventListener(type, (event) => {
      clearTimeout(timer);
      resolve(event);
    }, { once: true });
  });
}

/** The pad's drawing canvas (inside its shadow root). */
export const canvasOf = (pad) => pad.shadowRoot.querySelector('canvas');

/**
 * Draws strokes (arrays of [x, y] in the 100×100 box) on a pad with synthetic pointer events:
 * pointerdown, a pointermove per sample with the button held, pointerup.
 */
export function drawOn(pad, strokes, { pointerType = 'mouse', pointerId = 1, view = window } = {}) {
  const canvas = canvasOf(pad);
  const rect = canvas.getBoundingClientRect();
  const PointerEventCtor = view.PointerEvent;
  const fire = (type, [x, y], buttons) => canvas.dispatchEvent(new PointerEventCtor(type, {
    bubbles: true, cancelable: true, composed: true, pointerId, pointerType, isPrimary: true,
    clientX: rect.left + (x / 100) * rect.width, clientY: rect.top + (y / 100) * rect.height,
    button: type === 'pointermove' ? -1 : 0, buttons, pressure: buttons ? 0.5 : 0,
  }));
  for (const stroke of strokes) {
    fire('pointerdown', stroke[0], 1);
    for (const point of stroke.slice(1)) fire('pointermove', point, 1);
    fire('pointerup', stroke[stroke.length - 1], 0);
  }
}

/** Creates a pad in the document (removed by `cleanup()`), waits for its first render. */
const created = [];
export async function makePad(attributes = {}, parent = document.body) {
  const pad = document.createElement('digit-pad');
  for (const [name, value] of Object.entries(attributes)) pad.setAttribute(name, value === true ? '' : String(value));
  if (!attributes.style) pad.style.width = '200px';
  parent.append(pad);
  created.push(pad);
  await pad.updateComplete;
  await frames(); // ResizeObserver sizes the canvas
  return pad;
}

export function cleanup() {
  for (const node of created.splice(0)) node.remove();
}

/**
 * Each digit in at least two common handwritten styles (box 100×100). The names say what differs,
 * so a failure reads as "7 with a crossbar" rather than "drawing 14".
 */
export const DIGITS = {
  0: {
    'oval started at the top': [arc(50, 50, 24, 38, -90, -455)],
    'slanted oval with an overlapping close': [slant(arc(50, 50, 20, 37, -60, 320), 0.25)],
  },
  1: {
    'single stroke': [line(52, 12, 48, 88)],
    'with a flag': [polyline([43, 23], [54, 12], [54, 88])],
    'with a flag and a base': [polyline([43, 23], [54, 12], [54, 88]), line(38, 88, 70, 88)],
  },
  2: {
    'curved top and flat base': [join(arc(50, 32, 20, 19, 190, 390), line(68.8, 38.5, 28, 86), line(28, 86, 76, 86))],
    'angular, drawn quickly': [polyline([30, 26], [44, 13], [62, 14], [70, 26], [64, 42], [30, 86], [74, 85])],
  },
  3: {
    'two round bumps': [join(arc(48, 30, 19, 17, 200, 450), arc(48, 67, 22, 20, 270, 500))],
    'flat top': [join(polyline([28, 14], [70, 14], [47, 42]), arc(47, 63, 22, 21, 265, 505))],
  },
  4: {
    'open top, two strokes': [polyline([38, 10], [30, 58], [76, 58]), line(62, 28, 62, 90)],
    'closed top, two strokes': [polyline([60, 10], [26, 62], [78, 62]), line(60, 10, 60, 90)],
  },
  5: {
    'body first, bar added after': [join(line(38, 14, 35, 46), line(35, 46, 48, 44), arc(48, 64, 20, 20, 275, 500)), line(38, 14, 70, 14)],
    'one stroke from the top right': [join(polyline([70, 13], [38, 13], [35, 46], [48, 44]), arc(48, 64, 20, 20, 275, 500))],
  },
  6: {
    'curved back into a loop': [join(polyline([66, 12], [50, 20], [38, 36], [32, 58]), arc(50, 68, 18, 19, 180, -160))],
    'straight back': [join(line(62, 10, 35, 62), arc(52, 69, 17, 18, 190, -165))],
  },
  7: {
    'plain': [polyline([28, 16], [72, 16], [42, 88])],
    'with a crossbar': [polyline([28, 16], [72, 16], [42, 88]), line(42, 52, 70, 52)],
  },
  8: {
    'one stroke figure of eight': [Array.from({ length: 121 }, (_, i) => {
      const t = -0.25 + ((2 * Math.PI + 0.5) * i) / 120;
      return [50 + 20 * Math.sin(2 * t), 50 - 38 * Math.cos(t)];
    })],
    'two stacked loops': [arc(50, 31, 16, 18, -90, -450), arc(50, 68, 21, 20, -90, 270)],
  },
  9: {
    'loop and straight stem': [join(arc(50, 32, 18, 18, 0, -360), line(68, 32, 66, 88))],
    'loop and curved tail': [join(arc(50, 32, 18, 18, 0, -360), polyline([68, 32], [68, 60], [62, 79], [50, 88], [40, 86]))],
  },
};

/**
 * Skips the running test, with the reason in its title so the per-engine summary lists why
 * (`npm test` prints "skipped: … [skipped in this engine: reason]").
 */
export function skipBecause(ctx, reason) {
  ctx.test.title += ` [skipped in this engine: ${reason}]`;
  console.log(`skipped "${ctx.test.fullTitle()}": ${reason}`);
  ctx.skip();
}

/**
 * Runs a test-runner command; when this engine's automation cannot do it (CDP-only commands in
 * Firefox and WebKit), skips the test with the command's own error as the reason.
 */
export async function commandOrSkip(ctx, name, run) {
  try {
    return await run();
  } catch (error) {
    const message = String(error?.message ?? error);
    if (/not supported|CDP|Unsupported|unknown command|not implemented/i.test(message)) {
      skipBecause(ctx, `${name} is not available (${message.replace(/^Error while executing command [^:]*: /, '').split('\n')[0]})`);
    }
    throw error;
  }
}

