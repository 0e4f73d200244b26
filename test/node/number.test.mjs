import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sdk, mnistDigit, writtenNumber } from './helpers.mjs';

const { recognizeNumber, DigitPadError } = sdk;

/** Test-set indices of clear examples of each digit (first occurrences the model reads right). */
const firstOf = {};
for (let i = 0; Object.keys(firstOf).length < 10; i++) {
  const { label } = mnistDigit(i);
  if (!(label in firstOf)) firstOf[label] = i;
}

/** Lays MNIST test digits in a row on a black canvas; `gap` < 0 makes neighbours overlap. */
function row(indices, gap) {
  const width = 8 + indices.length * 28 + (indices.length - 1) * gap + 8, height = 44;
  const data = new Uint8Array(width * height);
  indices.forEach((index, k) => {
    const digit = mnistDigit(index).image.data;
    const left = 8 + k * (28 + gap);
    for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) {
      const p = (8 + y) * width + left + x;
      data[p] = Math.max(data[p], digit[y * 28 + x]);
    }
  });
  return { width, height, data };
}

const digitsOf = (text) => [...text].map((c) => firstOf[c]);

test('reads separated numbers and reports a box per digit', async () => {
  for (const text of ['2026', '7', '31', '4004', '958']) {
    const result = await recognizeNumber(row(digitsOf(text), 0));
    assert.equal(result.value, text);
    assert.equal(result.digits.length, text.length);
    result.digits.reduce((previousRight, d) => {
      assert.ok(d.box.x >= previousRight - 1, 'boxes go left to right');
      assert.ok(d.confidence > 0 && d.confidence <= 1);
      return d.box.x + d.box.width;
    }, 0);
  }
});

test('splits touching and overlapping digits', async () => {
  // MNIST digits have ~4 px of margin each side: a gap of -8 makes their strokes touch or overlap.
  // Touching 1s make blobs narrower than one wide digit: they must be cut all the same.
  for (const [text, gap] of [['2026', -9], ['31', -10], ['4004', -8], ['58', -9], ['111', -12], ['17', -12], ['1990', -12]]) {
    assert.equal((await recognizeNumber(row(digitsOf(text), gap))).value, text, `${text} at gap ${gap}`);
  }
});

/** The ink box of test digit `index`, resampled bilinearly to `w`×`h` (to make wide, flat digits). */
function resized(index, w, h) {
  const d = mnistDigit(index).image.data;
  let x0 = 28, x1 = -1, y0 = 28, y1 = -1;
  for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) {
    if (d[y * 28 + x] > 30) { x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y); }
  }
  const at = (x, y) => (x < x0 || y < y0 || x > x1 || y > y1 ? 0 : d[y * 28 + x]);
  const data = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const sx = x0 + ((x + 0.5) * (x1 - x0 + 1)) / w - 0.5, sy = y0 + ((y + 0.5) * (y1 - y0 + 1)) / h - 0.5;
    const ix = Math.floor(sx), iy = Math.floor(sy), fx = sx - ix, fy = sy - iy;
    data[y * w + x] = Math.round(at(ix, iy) * (1 - fx) * (1 - fy) + at(ix + 1, iy) * fx * (1 - fy) + at(ix, iy + 1) * (1 - fx) * fy + at(ix + 1, iy + 1) * fx * fy);
  }
  return { w, h, data };
}

test('a digit much wider than tall is not cut just for its width', async () => {
  // 24×13 is wider than the cut search's widest piece (1.6 heights): the uncut digit must still be
  // a candidate. (It once was not, and every such digit came back as two.)
  const misread = [];
  for (let c = 0; c < 10; c++) {
    const parts = [resized(firstOf[7], 14, 20), resized(firstOf[c], 24, 13), resized(firstOf[6], 14, 20)];
    const width = 8 + parts.reduce((sum, p) => sum + p.w + 6, 0), height = 40;
    const data = new Uint8Array(width * height);
    let left = 8;
    for (const p of parts) {
      const top = 20 - (p.h >> 1);
      for (let y = 0; y < p.h; y++) data.set(p.data.subarray(y * p.w, (y + 1) * p.w), (top + y) * width + left);
      left += p.w + 6;
    }
    const { value } = await recognizeNumber({ width, height, data });
    assert.equal(value.length, 3, `a wide ${c} between 7 and 6 was read as ${value}`);
    if (value !== `7${c}6`) misread.push(value);
  }
  // Squashed this flat, a 3 reads as 0; the others keep their shape.
  assert.ok(misread.length <= 1, `misread: ${misread.join(', ')}`);
});

test('merges the pieces of a broken digit', async () => {
  for (const text of ['4', '5', '7']) {
    const image = row(digitsOf(text), 0);
    // Erase a horizontal band through the middle of the digit so it falls apart into blobs.
    for (let y = 21; y <= 22; y++) image.data.fill(0, y * image.width, (y + 1) * image.width);
    const result = await recognizeNumber(image);
    assert.equal(result.value.length, 1, `${text} broken apart was read as ${result.value}`);
  }
});

test('an empty image gives an empty value', async () => {
  const result = await recognizeNumber({ width: 120, height: 40, data: new Uint8Array(4800) });
  assert.equal(result.value, '');
  assert.deepEqual(result.digits, []);
});

test('with strokes, digits are grouped by stroke', async () => {
  const strokes = [
    [[30, 20], [30, 100]], // 1
    [[70, 20], [120, 20], [85, 100]], // 7
    [[150, 20], [150, 60], [190, 60]], [[180, 20], [180, 100]], // 4 in two strokes
  ];
  const image = { width: 220, height: 120, data: new Uint8Array(220 * 120) };
  const result = await recognizeNumber(image, { strokes, strokeWidth: 8 });
  assert.equal(result.value, '174');
  assert.equal(result.digits[2].box.x <= 150 - 4, true);
});

test('with strokes, every pair of digits in two styles is read, multi-stroke digits whole', async () => {
  // 4s and 5s of two strokes, 7s with a crossbar, 1s with a base, 8s as two loops: none may split.
  const wrong = [];
  for (let a = 0; a < 10; a++) for (let b = 0; b < 10; b++) for (const style of [0, 1]) {
    const { image, options } = writtenNumber(`${a}${b}`, 0.02, style);
    const { value } = await recognizeNumber(image, options);
    if (value !== `${a}${b}`) wrong.push(`${a}${b}→${value}`);
  }
  assert.deepEqual(wrong, []);
});

test('with strokes, neighbours whose columns overlap are cut between their strokes', async () => {
  // Each pair's strokes share columns, so they are grouped; reading them as one digit loses one.
  for (const [text, style] of [['10', 0], ['14', 0], ['41', 0], ['71', 0], ['17', 1], ['31', 1]]) {
    const { image, options } = writtenNumber(text, -0.05, style);
    assert.equal((await recognizeNumber(image, options)).value, text, `${text} in style ${style}`);
  }
});

test('bad input and options are refused with typed errors', async () => {
  for (const [input, options, code] of [
    [null, undefined, 'INVALID_INPUT'],
    [{ width: 10, height: 10, data: new Uint8Array(5) }, undefined, 'INVALID_IMAGE_DATA'],
    [{ width: 10, height: 10, data: new Uint8Array(100) }, { maxDigits: 0 }, 'INVALID_OPTION'],
    [{ width: 10, height: 10, data: new Uint8Array(100) }, { expectedDigits: 2.5 }, 'INVALID_OPTION'],
    [{ width: 10, height: 10, data: new Uint8Array(100) }, { expectedDigits: 0 }, 'INVALID_OPTION'],
    [{ width: 10, height: 10, data: new Uint8Array(100) }, { strokes: 'abc' }, 'INVALID_OPTION'],
  ]) {
    const error = await recognizeNumber(input, options).then(() => null, (e) => e);
    assert.ok(error instanceof DigitPadError, String(error));
    assert.equal(error.code, code);
  }
});

test('with strokes, a slashed 0 stays one digit; a 1 pushed into a 0 stays a digit of its own', async () => {
  const { strokeUnits } = await import('../../src/segment/stroke-units.ts');
  const { strokeBounds } = await import('../../src/preprocess/strokes.ts');
  const oval = Array.from({ length: 41 }, (_, k) => {
    const angle = -Math.PI / 2 + (k / 40) * 2 * Math.PI;
    return [50 + 25 * Math.cos(angle), 60 + 40 * Math.sin(angle)];
  });
  const units = (strokes) => strokeUnits(strokes, strokes.map((s, i) => ({ ...strokeBounds(s), mass: 1, labels: [i] })), 80);
  // The slash reaches the 0's bottom, so its box is not inside the 0's by a margin.
  const slashed = [oval, [[68, 38], [40, 95]], [[120, 20], [120, 100]]];
  assert.deepEqual(units(slashed), [[0, 1], [2]]);
  assert.deepEqual(units([oval, [[70, 20], [70, 100]]]), [[0], [1]], 'a full-height 1 inside the 0\'s columns is a neighbour');
  const image = { width: 160, height: 120, data: new Uint8Array(160 * 120) };
  const { value } = await recognizeNumber(image, { strokes: slashed, strokeWidth: 8 });
  assert.equal(value.length, 2, `read ${value}`);
  assert.equal(value[1], '1');
});

test('with strokes, a 4 written as an L and a stem beside it stays one digit; a digit on the baseline beside a 5\'s bar does not join it', async () => {
  const { strokeUnits, UNIT_RULES } = await import('../../src/segment/stroke-units.ts');
  const { strokeBounds } = await import('../../src/preprocess/strokes.ts');
  const units = (strokes) => strokeUnits(strokes, strokes.map((s, i) => ({ ...strokeBounds(s), mass: 1, labels: [i] })), 80);
  // Digits 80 px tall standing on y = 100. The 4's L ends at y = 70, its full-height stem 12 px to the right of the bar's end.
  const ell = [[30, 20], [20, 70], [60, 70]];
  const stem = [[72, 20], [72, 100]];
  const one = [[120, 20], [120, 100]];
  assert.deepEqual(units([ell, stem, one]), [[0, 1], [2]]);
  const image = { width: 160, height: 120, data: new Uint8Array(160 * 120) };
  const { value } = await recognizeNumber(image, { strokes: [ell, stem, one], strokeWidth: 8 });
  assert.equal(value, '41', `read ${value}`);
  // Off, the two halves are read as two digits: the rule is what keeps the 4 whole.
  const saved = UNIT_RULES.hang;
  UNIT_RULES.hang = 0;
  try {
    assert.deepEqual(units([ell, stem, one]), [[0], [1], [2]]);
  } finally {
    UNIT_RULES.hang = saved;
  }
  // A 5 drawn as a full-height body and a bar: the bar hangs, but over the body's columns, so the 1
  // just right of the bar stays apart (the bar joins its 5 later, by columns).
  const five = [[[30, 25], [28, 60], [55, 62], [60, 85], [40, 100], [22, 95]], [[30, 20], [62, 20]]];
  assert.deepEqual(units([...five, [[75, 15], [75, 100]]]), [[0], [1], [2]]);
  assert.equal((await recognizeNumber(image, { strokes: [...five, [[75, 15], [75, 100]]], strokeWidth: 8 })).value.length, 2);
  // A 2 standing on the baseline next to the L-less stem: neither hangs.
  assert.deepEqual(units([[[20, 30], [50, 20], [55, 45], [20, 100], [60, 100]], stem]), [[0], [1]]);
});

test('expectedDigits: a 4 split into an L and a stem is joined back on a four-digit pad, from strokes and from the image; five digits stay five', async () => {
  const { renderStrokes } = await import('../../src/preprocess/strokes.ts');
  const at = (dx, stroke) => stroke.map(([x, y]) => [x + dx, y]);
  // Digits 80 px tall on y = 100. The L comes down to 12 px above the baseline, so it does not hang
  // (stroke-units.ts), and its stem stands 12 px right of the bar: read alone, the two are "11".
  const four = [[[30, 20], [20, 88], [58, 88]], [[70, 20], [70, 100]]];
  const one = [[0, 20], [0, 100]];
  const seven = [[0, 20], [40, 20], [15, 100]];
  const zero = Array.from({ length: 41 }, (_, k) => {
    const angle = -Math.PI / 2 + (k / 40) * 2 * Math.PI;
    return [20 + 20 * Math.cos(angle), 60 + 40 * Math.sin(angle)];
  });
  const blank = { width: 400, height: 120, data: new Uint8Array(400 * 120) };
  const imageOf = (strokes) => ({ width: 400, height: 120, data: Uint8ClampedArray.from(renderStrokes(strokes, 400, 120, 8).ink, (v) => Math.round(v * 255)) });
  for (const [text, strokes] of [
    ['4170', [...four, at(110, one), at(150, seven), at(220, zero)]],
    ['7014', [seven, at(70, zero), at(140, one), ...four.map((s) => at(170, s))]],
  ]) {
    const apart = await recognizeNumber(blank, { strokes, strokeWidth: 8 });
    assert.equal(apart.value.length, 5, `without a count the halves are two digits: ${apart.value}`);
    const joined = await recognizeNumber(blank, { strokes, strokeWidth: 8, expectedDigits: 4 });
    assert.equal(joined.value, text);
    assert.equal(joined.digits.length, 4);
    const { box } = joined.digits[text.indexOf('4')];
    assert.ok(box.width >= 50, `the 4's box spans its L and its stem: ${JSON.stringify(box)}`);
    assert.equal((await recognizeNumber(imageOf(strokes), { expectedDigits: 4 })).value, text, 'image path');
    assert.equal((await recognizeNumber(imageOf(strokes))).value.length, 5, 'image path without a count');
  }
  // Five digits written apart on a four-digit pad: no two of them read as one whole digit, so none are joined.
  const five = [one, at(50, seven), at(120, zero), at(190, one), at(230, seven)];
  assert.equal((await recognizeNumber(blank, { strokes: five, strokeWidth: 8, expectedDigits: 4 })).value, '17017');
});
