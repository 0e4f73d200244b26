import type { PadContent } from './pad-content.js';
import type { PadSettings } from './pad-settings.js';
import { keyCommand } from './typing.js';

export interface PadKeyboardOptions {
  /** The rendered canvas, which holds the pad's focus. */
  canvas(): HTMLCanvasElement;
  content: Pick<PadContent, 'writing' | 'typed' | 'strokes' | 'type' | 'setStrokes' | 'flush'>;
  enabled(): boolean;
  settings: Pick<PadSettings, 'maxTyped'>;
  /** Typing 0–9 is on. */
  typing(): boolean;
}

/**
 * The pad's keys and focus: the keyboard types, clears and undoes; the focus ring shows only for
 * keyboard use; focus stays on the pad when its clear button goes away.
 */
export class PadKeyboard {
  constructor(private readonly options: PadKeyboardOptions) {}

  /** A stroke began: focus the pad (for Escape/Ctrl+Z and flush-on-blur) without the keyboard focus ring. */
  pointerFocus(): void {
    // Chrome shows :focus-visible for script focus even when a pointer caused it.
    const canvas = this.options.canvas();
    canvas.classList.add('pointer-focus');
    canvas.focus({ preventScroll: true });
  }

  onKeyDown = (event: KeyboardEvent): void => {
    const { canvas, content } = this.options;
    canvas().classList.remove('pointer-focus'); // keyboard use: show the focus ring again
    if (!this.options.enabled() || content.writing) return;
    const { typed, strokes } = content;
    const command = keyCommand(event, { typing: this.options.typing(), typed, maxTyped: this.options.settings.maxTyped, strokes: strokes.length });
    if (!command) return;
    event.preventDefault();
    if (command.kind === 'type') {
      if (command.typed !== typed) content.type(command.typed, true);
    } else {
      content.setStrokes(command.kind === 'clear' ? [] : strokes.slice(0, -1), true);
    }
  };

  /** Runs a pending recognition at once, e.g. when focus moves to a submit button. */
  onBlur = (): void => {
    this.options.canvas().classList.remove('pointer-focus');
    this.options.content.flush();
  };

  onClear = (): void => {
    this.options.content.setStrokes([], true);
    this.options.canvas().focus(); // the button hides once the pad is empty; keep focus on the pad
  };
}
