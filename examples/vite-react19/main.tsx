import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { recognize } from 'digit-pad';
import 'digit-pad/element';
import type { DigitRecognizedEvent } from 'digit-pad/element';

// React 19 needs no wrapper: it sets <digit-pad>'s properties and listens to on<event-name> props.
function App() {
  const form = useRef<HTMLFormElement>(null);
  const [result, setResult] = useState('');

  async function onRecognized(event: DigitRecognizedEvent) {
    if (event.mode === 'number') return; // narrows: event.detail is a RecognizeResult below
    const pad = event.currentTarget as HTMLElementTagNameMap['digit-pad'];
    const again = await recognize(pad.toImageData());
    setResult(JSON.stringify({
      event: event.detail.digit, value: pad.value, form: new FormData(form.current!).get('digit'), sdk: again.digit, backend: again.backend,
    }));
  }

  return (
    <form id="app" ref={form} onSubmit={(e) => e.preventDefault()}>
      <digit-pad name="digit" label="Digit" required disabled={false} minConfidence={0.5} ondigit-recognized={onRecognized} />
      <button>Send</button>
      <output id="result">{result}</output>
    </form>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
