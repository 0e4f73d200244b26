/**
 * `digit-pad/react`: `<DigitPad>` for React 18, which sets every prop on a custom element as an
 * attribute (so `disabled={false}` disables it) and ignores event props. React 19 handles custom
 * elements itself: use `<digit-pad>` there, no wrapper needed.
 *
 * ```tsx
 * import { DigitPad } from 'digit-pad/react';
 * <DigitPad name="qty" required onDigitRecognized={(e) => e.mode === 'digit' && setDigit(e.detail.digit)} />
 * ```
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { DigitPad as DigitPadElement } from '../element/digit-pad.js';
import type { DigitClearedEvent, DigitErrorEvent, DigitRecognizedEvent } from '../element/events.js';

export const DigitPad = createComponent({
  tagName: 'digit-pad',
  elementClass: DigitPadElement,
  react: React,
  events: {
    onDigitRecognized: 'digit-recognized' as EventName<DigitRecognizedEvent>,
    onDigitCleared: 'digit-cleared' as EventName<DigitClearedEvent>,
    onDigitError: 'digit-error' as EventName<DigitErrorEvent>,
    onInput: 'input' as EventName<Event>,
    onChange: 'change' as EventName<Event>,
  },
  displayName: 'DigitPad',
});

export type { DigitPadElement };
