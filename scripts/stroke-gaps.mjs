// Reads every pair of digits written as pen strokes (the pad tests' handwritten shapes, two styles
// each, 200 pairs) at gaps from wide to overlapping, through recognizeNumber() with strokes, the way a
// digits/multiple pad reads. Prints how many pairs read right at each gap, and the first misreads.
//
//   npm run build && node scripts/stroke-gaps.mjs
import { sdk, writtenNumber } from '../test/node/helpers.mjs';

for (const gap of [0.14, 0.06, 0, -0.05, -0.1]) {
  let right = 0;
  const wrong = [];
  for (let a = 0; a < 10; a++) for (let b = 0; b < 10; b++) for (const style of [0, 1]) {
    const { image, options } = writtenNumber(`${a}${b}`, gap, style);
    const { value } = await sdk.recognizeNumber(image, options);
    if (value === `${a}${b}`) right++;
    else wrong.push(`${a}${b}→${value}`);
  }
  console.log(`gap ${gap} row heights: ${right}/200 right${wrong.length ? `; wrong: ${wrong.slice(0, 10).join(' ')}${wrong.length > 10 ? ' …' : ''}` : ''}`);
}
