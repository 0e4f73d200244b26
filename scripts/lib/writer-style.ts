/**
 * A stand-in "new writer": MNIST digits redrawn with a heavy right slant and a thick pen, a style
 * the shipped model rarely saw. Used to measure what fine-tuning on a few samples buys.
 */
export function writerStyle(digit: Uint8Array): { width: number; height: number; data: Uint8Array } {
  const size = 28, out = new Uint8Array(size * size), slant = 0.45;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sx = x + slant * (y - 14); // shear: top leans right
      const x0 = Math.floor(sx), f = sx - x0;
      const at = (xx: number) => (xx < 0 || xx >= size ? 0 : digit[y * size + xx]);
      out[y * size + x] = (1 - f) * at(x0) + f * at(x0 + 1);
    }
  }
  const thick = new Uint8Array(out.length);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) {
        const yy = y + dy, xx = x + dx;
        if (yy >= 0 && xx >= 0 && yy < size && xx < size) m = Math.max(m, out[yy * size + xx]);
      }
      thick[y * size + x] = m;
    }
  }
  return { width: size, height: size, data: thick };
}
