// Demo page behaviour. Kept out of the HTML so the page works under a strict CSP (no inline scripts).
import { DigitPadError, loadModel, recognizeBatch, train } from '../dist/digit-pad.js';

await customElements.whenDefined('digit-pad');

// --- Live probability chart for the big pad -------------------------------------------------
const big = document.getElementById('big');
const bars = document.getElementById('bars');
const note = document.getElementById('chart-note');

const rows = Array.from({ length: 10 }, (_, digit) => {
  const li = document.createElement('li');
  const label = document.createElement('span');
  const track = document.createElement('span');
  const value = document.createElement('span');
  label.className = 'bar-label';
  label.textContent = String(digit);
  track.className = 'bar-track';
  value.className = 'bar-value';
  li.append(label, track, value);
  bars.append(li);
  return { li, value };
});

function showProbabilities(result) {
  const best = result?.digit ?? -1;
  rows.forEach(({ li, value }, digit) => {
    const p = result ? result.probabilities[digit] : 0;
    li.style.setProperty('--p', String(p));
    li.classList.toggle('best', digit === best);
    value.textContent = result ? `${(p * 100).toFixed(p < 0.1 && p > 0 ? 1 : 0)}%` : '';
  });
  if (!result) note.textContent = 'Nothing written yet.';
  else if (result.status === 'ok') note.textContent = `Read as ${result.digit}, ${Math.round(result.confidence * 100)}% sure · backend: ${result.backend}`;
  else note.textContent = `Not sure enough to call it (best guess ${Math.round(result.confidence * 100)}%). Try writing it again.`;
}

showProbabilities(null);
big.addEventListener('digit-recognized', (event) => showProbabilities(event.detail));
big.addEventListener('digit-cleared', () => showProbabilities(null));

// --- The PIN form: echo what would be submitted -----------------------------------------------
const form = document.getElementById('pin-form');
const echo = document.getElementById('echo');

form.addEventListener('submit', (event) => {
  event.preventDefault(); // no server behind the demo: show what it would have received
  const data = new FormData(form);
  const pin = data.getAll('pin').join('');
  const quantity = data.get('quantity') || '(left empty)';
  echo.textContent = `Submitted: pin=${pin}, quantity=${quantity}`;
  echo.classList.add('ok');
});
form.addEventListener('reset', () => {
  echo.textContent = '';
  echo.classList.remove('ok');
});

// --- A whole number on one pad: echo the year, or say why it can't be sent -----------------------
const yearForm = document.getElementById('year-form');
const yearEcho = document.getElementById('year-echo');

// `novalidate` would skip the browser's bubble; instead an invalid pad shows its own message here too.
yearForm.addEventListener('invalid', (event) => {
  yearEcho.textContent = `Not sent: ${event.target.validationMessage}`;
  yearEcho.classList.remove('ok');
  yearEcho.classList.add('error');
}, true);
yearForm.addEventListener('submit', (event) => {
  event.preventDefault();
  yearEcho.textContent = `Submitted: year=${new FormData(yearForm).get('year')}`;
  yearEcho.classList.replace('error', 'ok') || yearEcho.classList.add('ok');
});
yearForm.addEventListener('reset', () => {
  yearEcho.textContent = '';
  yearEcho.classList.remove('ok', 'error');
});

// --- Copy the snippet ----------------------------------------------------------------------------
const copy = document.getElementById('copy');
copy.addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(document.getElementById('snippet').textContent);
    copy.textContent = 'Copied';
  } catch {
    copy.textContent = 'Select and copy';
  }
  setTimeout(() => { copy.textContent = 'Copy'; }, 2000);
});

// --- Teach it your handwriting ----------------------------------------------------------------------
// Samples are { image: ImageData, label: digit } kept in memory; training fine-tunes the built-in
// model on them in a worker. Every failure is shown in the section, none reaches the console.
const SAVE_KEY = 'indexeddb://digit-pad-demo';
const teachPad = document.getElementById('teach-pad');
const teachDigit = document.getElementById('teach-digit');
const addButton = document.getElementById('add-sample');
const undoButton = document.getElementById('undo-sample');
const countsList = document.getElementById('sample-counts');
const trainButton = document.getElementById('train');
const cancelButton = document.getElementById('cancel-train');
const useSavedButton = document.getElementById('use-saved');
const progressBar = document.getElementById('train-progress');
const trainStatus = document.getElementById('train-status');
const results = document.getElementById('teach-results');
const compareNote = document.getElementById('compare-note');
const tryPad = document.getElementById('try-pad');
const saveButton = document.getElementById('save-model');
const modelChoice = document.querySelectorAll('input[name="try-model"]');

const samples = [];
let target = 0;
let trained = null; // the model the visitor trained or loaded
let training = null; // AbortController of the run in progress

const countButtons = Array.from({ length: 10 }, (_, digit) => {
  const li = document.createElement('li');
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'sample-count secondary';
  const label = document.createElement('b');
  label.textContent = String(digit);
  const count = document.createElement('span');
  button.append(label, count);
  button.addEventListener('click', () => setTarget(digit));
  li.append(button);
  countsList.append(li);
  return { button, count };
});

function setTarget(digit) {
  target = digit;
  teachDigit.textContent = String(digit);
  teachPad.placeholder = `Write a ${digit}`;
  renderCounts();
}

function renderCounts() {
  countButtons.forEach(({ button, count }, digit) => {
    const n = samples.filter((s) => s.label === digit).length;
    count.textContent = `×${n}`;
    button.classList.toggle('current', digit === target);
    button.classList.toggle('has', n > 0);
    button.setAttribute('aria-pressed', String(digit === target));
    button.setAttribute('aria-label', `${digit}: ${n} sample${n === 1 ? '' : 's'}`);
  });
  undoButton.disabled = samples.length === 0 || training !== null;
  trainButton.textContent = samples.length ? `Train on ${samples.length} sample${samples.length === 1 ? '' : 's'}` : 'Train';
}

function setStatus(text, kind = '') {
  trainStatus.textContent = text;
  trainStatus.className = `train-status ${kind}`.trim();
}

addButton.addEventListener('click', () => {
  if (teachPad.strokes.length === 0) {
    setStatus(`Write a ${target} on the pad first, then add it.`, 'error');
    return;
  }
  samples.push({ image: teachPad.toImageData(), label: target });
  teachPad.clear();
  setTarget((target + 1) % 10); // walk through the digits; the visitor can pick any one below
  setStatus(`${samples.length} sample${samples.length === 1 ? '' : 's'} collected.`);
  teachPad.focus();
});

undoButton.addEventListener('click', () => {
  const removed = samples.pop();
  if (removed) setTarget(removed.label);
  setStatus(`${samples.length} sample${samples.length === 1 ? '' : 's'} collected.`);
});

/** Share of samples a model reads as their label (null model: the built-in one). */
async function accuracy(model) {
  const read = await recognizeBatch(samples.map((s) => s.image), model ? { model } : {});
  return read.filter((r, i) => r.digit === samples[i].label).length / samples.length;
}

function showComparison(before, after, count) {
  for (const [id, value] of [['compare-builtin', before], ['compare-mine', after]]) {
    const row = document.getElementById(id);
    row.hidden = false;
    row.style.setProperty('--p', String(value)); // CSSOM, allowed by the page's CSP
    row.querySelector('.compare-value').textContent = `${Math.round(value * 100)}%`;
  }
  compareNote.textContent = `Share of your ${count} samples each model reads correctly. Your model learned from exactly these `
    + 'samples, so this is training-set accuracy: it flatters the new model. Write a few more digits below to see how it really does.';
}

function useModel(model, source) {
  const previous = trained;
  trained = model;
  results.hidden = false;
  saveButton.disabled = false;
  for (const input of modelChoice) input.checked = input.value === 'mine';
  tryPad.model = model;
  tryPad.placeholder = `Try ${source}`;
  if (previous && previous !== model && previous !== savedModel) previous.dispose();
}

for (const input of modelChoice) {
  input.addEventListener('change', () => {
    if (input.checked) tryPad.model = input.value === 'mine' ? trained : null;
  });
}

function describe(error) {
  if (error instanceof DigitPadError) {
    if (error.code === 'INVALID_DATASET') {
      return samples.length === 0
        ? 'Add some samples first: write a digit, press “Add sample”, repeat for a few digits.'
        : `Not enough to learn from: ${error.message} Add samples of at least two different digits.`;
    }
    if (error.code === 'TRAINING_ABORTED') return 'Training cancelled. Nothing changed.';
    return `${error.message} (${error.code})`;
  }
  return `Something went wrong: ${error?.message ?? error}`;
}

trainButton.addEventListener('click', async () => {
  if (training) return;
  training = new AbortController();
  trainButton.disabled = true;
  addButton.disabled = true;
  cancelButton.hidden = false;
  useSavedButton.hidden = true;
  renderCounts();
  progressBar.hidden = false;
  progressBar.value = 0;
  setStatus('Preparing your samples…');
  const started = performance.now();
  try {
    const model = await train(samples, {
      signal: training.signal,
      onProgress: ({ epoch, epochs, batch, batches, accuracy: acc }) => {
        progressBar.value = ((epoch - 1) * batches + batch) / (epochs * batches);
        setStatus(`Training: round ${epoch} of ${epochs}, ${Math.round(acc * 100)}% right on this round’s (varied) samples`);
      },
    });
    setStatus('Comparing the models on your samples…');
    const [before, after] = await Promise.all([accuracy(null), accuracy(model)]);
    useModel(model, 'your model');
    showComparison(before, after, samples.length);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    setStatus(`Trained on ${samples.length} samples in ${seconds} s. Try it on the pad below.`, 'ok');
  } catch (error) {
    setStatus(describe(error), error?.code === 'TRAINING_ABORTED' ? '' : 'error');
  } finally {
    training = null;
    trainButton.disabled = false;
    addButton.disabled = false;
    cancelButton.hidden = true;
    progressBar.hidden = true;
    useSavedButton.hidden = !savedModel || trained === savedModel;
    renderCounts();
  }
});

cancelButton.addEventListener('click', () => training?.abort());

saveButton.addEventListener('click', async () => {
  if (!trained) return;
  saveButton.disabled = true;
  try {
    await trained.save(SAVE_KEY);
    setStatus('Saved in this browser. Next time you open this page, “Use my saved model” brings it back.', 'ok');
  } catch (error) {
    setStatus(`Could not save: ${describe(error)}`, 'error');
  } finally {
    saveButton.disabled = false;
  }
});

useSavedButton.addEventListener('click', () => {
  if (!savedModel) return;
  useModel(savedModel, 'your saved model');
  compareNote.textContent = 'Your saved model from an earlier visit. Train again to compare it with the built-in one.';
  for (const row of document.querySelectorAll('.compare-row')) row.hidden = true;
  useSavedButton.hidden = true;
  setStatus('Loaded your saved model. Write on the pad below to try it.', 'ok');
});

setTarget(0);
setStatus('No samples yet.');

// A model saved on an earlier visit is offered, not used: the visitor decides. Nothing saved
// (WEIGHTS_LOAD_FAILED) is the usual case and not an error worth showing.
let savedModel = null;
loadModel(SAVE_KEY).then((model) => {
  savedModel = model;
  useSavedButton.hidden = training !== null;
}, (error) => {
  if (!(error instanceof DigitPadError && error.code === 'WEIGHTS_LOAD_FAILED')) {
    setStatus(`Your saved model could not be loaded: ${describe(error)}`, 'error');
  }
});
