/**
 * `<digit-pad>` in React's JSX (React 18 and 19 typings). React 19 sets a prop as the element's
 * property when it has one (`model`, `minConfidence`, `strokes`, `disabled={false}`) and listens
 * to `on<event-name>` props. React 18 sets every prop as an attribute and ignores event props:
 * there, use the wrapper from `digit-pad/react`.
 *
 * ```tsx
 * <digit-pad name="qty" required ondigit-recognized={(e) => e.mode === 'digit' && setDigit(e.detail.digit)} />
 * ```
 */
import type { DigitPad } from './digit-pad.js';
import type { DigitClearedEvent, DigitErrorEvent, DigitRecognizedEvent } from './events.js';

export interface DigitPadJsxProps {
  name?: string;
  value?: string;
  label?: string;
  placeholder?: string;
  delay?: number | string;
  required?: boolean;
  disabled?: boolean;
  digits?: number | string;
  multiple?: boolean;
  'min-confidence'?: number | string;
  minConfidence?: number;
  'stroke-width'?: number | string;
  strokeWidth?: number | string;
  'hide-candidates'?: boolean;
  hideCandidates?: boolean;
  'show-boxes'?: boolean;
  showBoxes?: boolean;
  model?: DigitPad['model'];
  strokes?: DigitPad['strokes'];
  'ondigit-recognized'?: (event: DigitRecognizedEvent) => void;
  'ondigit-cleared'?: (event: DigitClearedEvent) => void;
  'ondigit-error'?: (event: DigitErrorEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'digit-pad': DetailedHTMLProps<Omit<HTMLAttributes<DigitPad>, keyof DigitPadJsxProps>, DigitPad> & DigitPadJsxProps;
    }
  }
}
