import { expect } from '@esm-bundle/chai';
import { recognize, DigitPadError } from '../../dist/digit-pad-sdk.js';

/** Draws polyline strokes on a white canvas with a dark pen, as a person would on a pad. */
export function drawDigit(strokes, { size = 280, width = 18, offset = [0, 0], scale = 1 } = {}) {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, size, size);
  ctx.strokeStyle = '#111';
  ctx.lineWidth = width;
  ctx.lineCap = ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    ctx.beginPath();
    stroke.forEach(([x, y], i) => {
      const px = offset[0] + x * scale, py = offset[1] + y * scale;
      if (i === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
    });
    ctx.stroke();
  }
  return canvas;
}

const ONE = [[[140, 40], [140, 240]]];
const SEVEN = [[[70, 50], [210, 50], [120, 240]]];
const ZERO = [Array.from({ length: 41 }, (_, i) => [140 + 60 * Math.sin((i / 40) * 2 * Math.PI), 140 - 95 * Math.cos((i / 40) * 2 * Math.PI)])];

describe('recognize() in Chromium', () => {
  it('runs on the wasm backend with SIMD', async () => {
    const result = await recognize(drawDigit(ONE));
    expect(result.backend).to.equal('wasm-simd');
  });

  it('reads digits drawn dark-on-light on a canvas', async () => {
    expect((await recognize(drawDigit(ONE))).digit).to.equal(1);
    expect((await recognize(drawDigit(SEVEN))).digit).to.equal(7);
    expect((await recognize(drawDigit(ZERO))).digit).to.equal(0);
  });

  it('reads a small digit in a corner as well as a centred one', async () => {
    const small = await recognize(drawDigit(SEVEN, { scale: 0.25, width: 6, offset: [190, 200] }));
    expect(small.digit).to.equal(7);
  });

  it('accepts ImageData, OffscreenCanvas and ImageBitmap', async () => {
    const canvas = drawDigit(SEVEN);
    const imageData = canvas.getContext('2d').getImageData(0, 0, 280, 280);
    expect((await recognize(imageData)).digit).to.equal(7);
    const offscreen = new OffscreenCanvas(280, 280);
    offscreen.getContext('2d').drawImage(canvas, 0, 0);
    expect((await recognize(offscreen)).digit).to.equal(7);
    expect((await recognize(await createImageBitmap(canvas))).digit).to.equal(7);
  });

  it('reads a transparent canvas with only ink drawn on it', async () => {
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = 280;
    const ctx = canvas.getContext('2d');
    ctx.lineWidth = 18;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(140, 40);
    ctx.lineTo(140, 240);
    ctx.stroke();
    expect((await recognize(canvas)).digit).to.equal(1);
  });

  it('returns null for a blank canvas', async () => {
    const result = await recognize(drawDigit([]));
    expect(result.digit).to.equal(null);
    expect(result.status).to.equal('empty');
    expect(result.confidence).to.equal(0);
  });

  it('rejects a bad input with a typed error', async () => {
    const error = await recognize(document.createElement('div')).catch((e) => e);
    expect(error).to.be.instanceOf(DigitPadError);
    expect(error.code).to.equal('INVALID_INPUT');
  });
});
