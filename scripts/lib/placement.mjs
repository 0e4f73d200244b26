// Plain JS so that Node scripts (through tsx) and the browser bench page share one copy.

/**
 * Places a 28×28 MNIST digit (light on dark) as dark ink on a white RGBA canvas at a given size and
 * position, upscaled bilinearly: the way a person's digit lands on a big pad.
 * @param {Uint8Array} digit 784 bytes
 * @param {number} canvasSize @param {number} size @param {number} left @param {number} top
 * @returns {{ width: number, height: number, data: Uint8ClampedArray }}
 */
export function placeOnCanvas(digit, canvasSize, size, left, top) {
  const data = new Uint8ClampedArray(canvasSize * canvasSize * 4).fill(255);
  const scale = 28 / size;
  const at = (xx, yy) => (xx < 0 || yy < 0 || xx > 27 || yy > 27 ? 0 : digit[yy * 28 + xx]);
  for (let y = 0; y < size; y++) {
    const sy = (y + 0.5) * scale - 0.5;
    const y0 = Math.floor(sy), fy = sy - y0;
    for (let x = 0; x < size; x++) {
      const sx = (x + 0.5) * scale - 0.5;
      const x0 = Math.floor(sx), fx = sx - x0;
      const v = (1 - fy) * ((1 - fx) * at(x0, y0) + fx * at(x0 + 1, y0)) + fy * ((1 - fx) * at(x0, y0 + 1) + fx * at(x0 + 1, y0 + 1));
      const i = ((top + y) * canvasSize + left + x) * 4;
      data[i] = data[i + 1] = data[i + 2] = 255 - v;
    }
  }
  return { width: canvasSize, height: canvasSize, data };
}

/**
 * Random size (40..280 px) and position inside a 280×280 canvas.
 * @param {() => number} random
 */
export function randomPlacement(random, canvasSize = 280) {
  const size = 40 + Math.floor(random() * (canvasSize - 40 + 1));
  return {
    size,
    left: Math.floor(random() * (canvasSize - size + 1)),
    top: Math.floor(random() * (canvasSize - size + 1)),
  };
}
