import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';

/**
 * The form-associated plumbing every custom control needs (ElementInternals, `name`, validity
 * API, disabled from a `<fieldset>`), kept apart so the pad class is about drawing and reading.
 *
 * @attr {string} name - Form field name; the value is submitted under it.
 */
export class FormControlElement extends LitElement {
  /** Lets the element submit with forms, validate, reset and restore like a native control. */
  static formAssociated = true;

  /** Ignores input and is left out of the form. A disabled `<fieldset>` has the same effect. */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Form submission is blocked while there is no value. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Set while an ancestor `<fieldset disabled>` disables the control. */
  @state() protected _formDisabled = false;

  protected readonly _internals: ElementInternals;

  constructor() {
    super();
    this._internals = this.attachInternals();
  }

  /** Form field name: the `name` attribute, which is what the browser reads on submission. */
  get name(): string {
    return this.getAttribute('name') ?? '';
  }
  set name(value: string) {
    this.setAttribute('name', value);
  }

  get form(): HTMLFormElement | null { return this._internals.form; }
  get labels(): NodeList { return this._internals.labels; }
  get validity(): ValidityState { return this._internals.validity; }
  get validationMessage(): string { return this._internals.validationMessage; }
  get willValidate(): boolean { return this._internals.willValidate; }
  checkValidity(): boolean { return this._internals.checkValidity(); }
  reportValidity(): boolean { return this._internals.reportValidity(); }

  formDisabledCallback(disabled: boolean): void {
    this._formDisabled = disabled;
  }

  /** Disabled by its own attribute or by a disabled fieldset. */
  protected get _isDisabled(): boolean {
    return this.disabled || this._formDisabled;
  }

  /** Text of the first `<label for>` pointing at the element, to name inner shadow controls. */
  protected get _labelText(): string {
    return (this._internals.labels?.[0] as HTMLElement | undefined)?.textContent?.trim() ?? '';
  }
}
