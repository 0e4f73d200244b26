import { recognize } from 'digit-pad';
import 'digit-pad/element';

const form = document.querySelector('#app');
const pad = document.querySelector('digit-pad');
const output = document.querySelector('#result');

pad.addEventListener('digit-recognized', async (event) => {
  if (event.mode === 'number') return; // narrows: event.detail is a RecognizeResult below
  const again = await recognize(pad.toImageData());
  output.value = JSON.stringify({
    event: event.detail.digit, value: pad.value, form: new FormData(form).get('digit'), sdk: again.digit, backend: again.backend,
  });
});
form.addEventListener('submit', (event) => event.preventDefault());
