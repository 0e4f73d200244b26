/// <reference path="./react-jsx.d.ts" />
/**
 * The drop-in bundle (dist/digit-pad.js): defines `<digit-pad>` and re-exports the SDK, so one
 * module script gives both the element and `recognize()`.
 */
export * from '../index.js';
export { DigitPad } from './digit-pad.js';
export type { Stroke, StrokePoint } from './stroke-renderer.js';
export type { DigitRecognizedEvent, DigitReadEvent, NumberReadEvent, DigitClearedEvent, DigitErrorEvent, DigitPadEventMap } from './events.js';
export type { TypedResult } from './typing.js';
export type { DigitPadJsxProps } from './react-jsx.js';
