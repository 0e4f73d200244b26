/**
 * The pieces the cut search considers in a composed number, each labelled by whose ink it holds:
 * the segmentation verifier learns 'digit' from 'other' on them (scripts/train-segmenter.ts), and
 * stage 2 of scripts/train.ts can learn to read the whole-digit ones with their neighbours' slivers.
 */
import type { InkImage } from '../../src/preprocess/image-input.js';
import { toInk } from '../../src/preprocess/ink.js';
import { normalizeDigit } from '../../src/preprocess/normalize.js';
import { cropSegment, digitBlobs, type Segment } from '../../src/segment/components.js';
import { cutCandidates } from '../../src/segment/cuts.js';
import type { MnistSplit } from './mnist.js';
import { composeNumber, type ComposedNumber } from './numbers.js';

/** Each digit's ink on the number's canvas, 0..1, to tell whose ink a pixel is. */
export function digitLayers(number: ComposedNumber): Float32Array[] {
  const { width, height } = number.image;
  return number.placements.map(({ x, y, crop }) => {
    const layer = new Float32Array(width * height);
    for (let r = 0; r < crop.height; r++) for (let c = 0; c < crop.width; c++) layer[(y + r) * width + x + c] = crop.data[r * crop.width + c] / 255;
    return layer;
  });
}

/** The fraction of each digit's ink that lies inside `part` (own blob pixels only, as cropSegment keeps). */
function inkShares(layers: Float32Array[], totals: number[], imageLabels: Int32Array, width: number, part: Segment): number[] {
  const own = new Set(part.labels);
  return layers.map((layer, k) => {
    let inside = 0;
    for (let y = part.y0; y <= part.y1; y++) for (let x = part.x0; x <= part.x1; x++) {
      const p = y * width + x;
      if (own.has(imageLabels[p])) inside += layer[p];
    }
    return inside / totals[k];
  });
}

/**
 * Every piece the cut search considers in a number's `ink`, in its order, with each digit's share
 * of ink inside it (`layers`: each digit's own ink) and the label those shares give.
 */
export function labelledCandidates(ink: InkImage, layers: Float32Array[]) {
  const totals = layers.map((l) => l.reduce((a, b) => a + b, 0));
  const { blobs, labels: imageLabels, rowHeight } = digitBlobs(ink);
  const candidates = blobs.flatMap((segment) => cutCandidates(ink, imageLabels, segment, rowHeight).candidates.map(({ part }) => {
    const shares = inkShares(layers, totals, imageLabels, ink.width, part);
    return { part, shares, label: labelOf(shares) };
  }));
  return { candidates, imageLabels, rowHeight };
}

/** Nearly all of one digit and little of any other is 'digit'; clearly less, or much of two, 'other'; near misses null. */
export function labelOf(shares: number[]): 'digit' | 'other' | null {
  const [first, second = 0] = [...shares].sort((a, b) => b - a);
  if (first >= 0.88 && second <= 0.15) return 'digit';
  if (first < 0.75 || second > 0.3) return 'other';
  return null; // a near miss: neither clearly right nor clearly wrong
}

/**
 * Whole-digit pieces of touching numbers composed from `split`, as the cut search crops and
 * normalises them, with the digit each one holds: only pieces that hold a sliver of a neighbour or
 * miss a little of their own digit (a digit cut out clean is an MNIST digit the network already
 * learns from), at most `perDigit` random ones per digit (candidates a step apart are near copies).
 */
export function wholeDigitPieces(split: MnistSplit, numbers: number, random: () => number, perDigit = 2): { inputs: Float32Array; labels: number[] } {
  const inputs: Float32Array[] = [];
  const labels: number[] = [];
  for (let n = 0; n < numbers; n++) {
    const number = composeNumber(split, random, true);
    const ink = toInk(number.image);
    const { candidates, imageLabels } = labelledCandidates(ink, digitLayers(number));
    const byDigit: Segment[][] = number.placements.map(() => []);
    for (const { part, shares, label } of candidates) {
      if (label !== 'digit') continue;
      const k = shares.indexOf(Math.max(...shares));
      const neighbours = shares.reduce((sum, share, j) => (j === k ? sum : sum + share), 0);
      const { x0, x1 } = number.spans[k];
      if (neighbours < 0.005 && part.x0 <= x0 && part.x1 >= x1) continue; // cut out clean
      byDigit[k].push(part);
    }
    byDigit.forEach((parts, k) => {
      for (let taken = 0; taken < perDigit && parts.length > 0; taken++) {
        const input = normalizeDigit(cropSegment(ink, imageLabels, parts.splice(Math.floor(random() * parts.length), 1)[0]));
        if (!input) continue;
        inputs.push(input);
        labels.push(Number(number.value[k]));
      }
    });
  }
  const flat = new Float32Array(inputs.length * 784);
  inputs.forEach((input, i) => flat.set(input, i * 784));
  return { inputs: flat, labels };
}
