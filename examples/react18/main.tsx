import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { recognize } from 'digit-pad';
import { DigitPad } from 'digit-pad/react';

// React 18 sets every prop on a custom element as an attribute and drops event props: the wrapper
// from digit-pad/react sets properties (disabled={false} stays enabled) and wires onDigitRecognized.
function App() {
  const form = useRef<HTMLFormElement>(null);
  const [result, setResult] = useState('');

  return (
    <form id="app" ref={form} onSubmit={(e) => e.preventDefault()}>
      <DigitPad
        name="digit" label="Digit" required disabled={false} minConfidence={0.5}
        onDigitRecognized={async (event) => {
          if (event.mode === 'number') return; // narrows: event.detail is a RecognizeResult below
          const pad = event.currentTarget as HTMLElementTagNameMap['digit-pad'];
          const again = await recognize(pad.toImageData());
          setResult(JSON.stringify({
            event: event.detail.digit, value: pad.value, form: new FormData(form.current!).get('digit'), sdk: again.digit, backend: again.backend,
          }));
        }}
      />
      <button>Send</button>
      <output id="result">{result}</output>
    </form>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
