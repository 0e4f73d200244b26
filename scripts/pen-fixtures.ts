/**
 * Writes test/fixtures/pen-styles.json: held-out writers' pen digits in the styles MNIST hardly has
 * (open two-stroke 4, crossed 7, flagged 1, 9 with a left-curving tail), picked by shape alone, the
 * first ones of each style in writer order, one per writer where possible, never by how they read.
 *
 *   npx tsx scripts/pen-fixtures.ts
 */
import { writeFileSync } from 'node:fs';
import { strokeBounds } from '../src/preprocess/strokes.js';
import { strokesCross } from '../src/segment/crossing.js';
import { byWriters, HELD_OUT_WRITERS, loadPenDigits, type PenDigit } from './lib/pendigits.js';

const PER_STYLE = 4;
const box = (d: PenDigit) => strokeBounds(d.strokes.flat());
const styles: Record<string, (d: PenDigit) => boolean> = {
  'open 4': (d) => d.label === 4 && d.strokes.length === 2,
  'crossed 7': (d) => d.label === 7 && d.strokes.length === 2 && strokesCross(d.strokes[0], d.strokes[1]),
  'flagged 1': (d) => {
    if (d.label !== 1) return false;
    const b = box(d), h = b.y1 - b.y0, [sx, sy] = d.strokes[0][0];
    const top = d.strokes[0].reduce((t, p) => (p[1] < t[1] ? p : t));
    return sy - b.y0 > 0.2 * h && top[0] - sx > 0.15 * h;
  },
  'curved 9': (d) => {
    if (d.label !== 9) return false;
    const b = box(d), last = d.strokes.at(-1)!.at(-1)!;
    return last[0] < b.x0 + 0.3 * (b.x1 - b.x0) && last[1] > b.y0 + 0.75 * (b.y1 - b.y0);
  },
};

const heldOut = byWriters(loadPenDigits(), HELD_OUT_WRITERS);
const fixtures = Object.entries(styles).flatMap(([style, matches]) => {
  const found = heldOut.filter(matches);
  const picked: PenDigit[] = [];
  for (const writer of HELD_OUT_WRITERS) {
    const first = found.find((d) => d.writer === writer);
    if (first && picked.length < PER_STYLE) picked.push(first);
  }
  for (const d of found) if (picked.length < PER_STYLE && !picked.includes(d)) picked.push(d);
  console.log(`${style}: ${found.length} in the held-out writers, picked writers ${picked.map((d) => d.writer).join(', ')}`);
  return picked.map((d) => ({ style, ...d }));
});
writeFileSync('test/fixtures/pen-styles.json', JSON.stringify({
  source: 'UCI pendigits (Alpaydin & Alimoglu, CC BY 4.0), held-out writers; see data/README.md',
  digits: fixtures,
}) + '\n');
console.log(`wrote test/fixtures/pen-styles.json (${fixtures.length} digits)`);
