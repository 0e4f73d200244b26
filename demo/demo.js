// Demo page behaviour. Kept out of the HTML so the page works under a strict CSP (no inline scripts).

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
