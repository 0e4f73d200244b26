import { css } from 'lit';

/**
 * Public knobs are `--digit-pad-*` custom properties; the private `--_*` copies resolve each one
 * against a light or dark default, so a page that sets nothing still follows prefers-color-scheme.
 */
export const padStyles = css`
  :host {
    --_ink: var(--digit-pad-ink, #1b2230);
    --_background: var(--digit-pad-background, #fffef9);
    --_border: var(--digit-pad-border, 1px solid #c9ccd4);
    --_radius: var(--digit-pad-radius, 12px);
    --_accent: var(--digit-pad-accent, #2f6fde);
    --_muted: var(--digit-pad-muted, #5b6272);
    --_warning: var(--digit-pad-warning, #a35200);
    --_error: var(--digit-pad-error, #c0262d);
    display: inline-block;
    vertical-align: top;
    width: 12.5rem;
    /* Unset custom property → invalid at computed time → colour inherits from the page. */
    color: var(--digit-pad-text);
    font: inherit;
    font-size: 0.875rem;
    line-height: 1.3;
    -webkit-tap-highlight-color: transparent;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_ink: var(--digit-pad-ink, #f1f3f8);
      --_background: var(--digit-pad-background, #1d2129);
      --_border: var(--digit-pad-border, 1px solid #3a404d);
      --_accent: var(--digit-pad-accent, #78a6ff);
      --_muted: var(--digit-pad-muted, #a3aab8);
      --_warning: var(--digit-pad-warning, #ffb366);
      --_error: var(--digit-pad-error, #ff8a8f);
    }
  }
  :host([hidden]) {
    display: none;
  }
  /*
   * Windows high contrast and other forced-colour themes: the browser forces text and backgrounds
   * but not canvas pixels, box shadows or decorative fills, so those switch to system colours here.
   * The ink follows the canvas's forced CanvasText colour (DrawingSurface repaints on the change).
   */
  @media (forced-colors: active) {
    .pad {
      border: 1px solid CanvasText;
    }
    canvas {
      color: CanvasText;
    }
    canvas:focus-visible:not(.pointer-focus) {
      outline: 3px solid Highlight;
      outline-offset: -3px;
    }
    .bar {
      border: 1px solid CanvasText;
    }
    .bar > .fill {
      forced-color-adjust: none;
      background: Highlight;
    }
  }
  /*
   * A whole number on one pad (digits > 1 or multiple, valid values only): wider by default. The
   * shape comes from --_shape, set per digit count.
   */
  :host(:state(number)) {
    width: 22rem;
  }
  .pad {
    position: relative;
    aspect-ratio: var(--digit-pad-aspect-ratio, var(--_shape, 1));
    border: var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    overflow: hidden;
  }
  canvas {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    display: block;
    touch-action: none;
    user-select: none;
    cursor: crosshair;
    color: var(--_ink);
    border-radius: inherit;
    outline: none;
  }
  canvas:focus-visible:not(.pointer-focus) {
    box-shadow: inset 0 0 0 3px var(--_accent);
  }
  /* Typed digits, drawn in the ink colour and scaled with the pad by the SVG's viewBox. */
  .typed-digits {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
    fill: var(--_ink);
    font-family: inherit;
    font-weight: 500;
    font-variant-numeric: tabular-nums;
  }
  /* show-boxes: thin outlines around the digits of a number; placed in percent through the CSSOM. */
  .boxes {
    position: absolute;
    inset: 0;
    pointer-events: none;
  }
  .box {
    position: absolute;
    box-sizing: border-box;
    border: 1.5px solid color-mix(in srgb, var(--_accent) 75%, transparent);
    border-radius: 4px;
  }
  .disabled .pad {
    opacity: 0.55;
  }
  .disabled canvas {
    cursor: not-allowed;
  }
  .placeholder {
    position: absolute;
    inset: auto 0 42% 0;
    text-align: center;
    color: var(--_muted);
    pointer-events: none;
    font-size: 0.95em;
  }
  .clear {
    flex: none;
    margin-left: auto;
    display: grid;
    place-items: center;
    width: 1.9em;
    height: 1.9em;
    padding: 0;
    font: inherit;
    border-radius: 50%;
    border: 1px solid color-mix(in srgb, var(--_muted) 45%, transparent);
    background: transparent;
    color: var(--_muted);
    cursor: pointer;
  }
  .clear:hover:not(:disabled) {
    color: inherit;
    border-color: var(--_muted);
  }
  .clear:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }
  /* Hidden rather than removed so the footer keeps its height when the pad empties. */
  .clear:disabled {
    visibility: hidden;
  }
  .footer {
    display: flex;
    align-items: center;
    gap: 0.2em 0.5em;
    margin-top: 0.45em;
    min-height: 2em;
  }
  .status {
    display: flex;
    align-items: baseline;
    gap: 0.45em;
  }
  .status > span {
    color: var(--_muted);
  }
  .status > .digit {
    font-size: 1.5em;
    font-weight: 700;
    color: inherit;
    font-variant-numeric: tabular-nums;
  }
  .status.uncertain > span {
    color: var(--_warning);
  }
  .status.error > span {
    color: var(--_error);
  }
  .candidates {
    list-style: none;
    margin: 0.35em 0 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(3, 1fr);
    gap: 0.4em;
  }
  /* Number mode: one entry per digit read, as many as fit on a row. */
  .candidates.digits {
    grid-template-columns: repeat(auto-fill, minmax(3.2em, 1fr));
  }
  .candidate {
    display: grid;
    grid-template-columns: auto 1fr;
    column-gap: 0.35em;
    align-items: baseline;
    font-variant-numeric: tabular-nums;
  }
  .candidate b {
    font-weight: 650;
  }
  /* Class names of a custom model can be long: cut them rather than widen the pad. */
  .candidates.named .candidate b {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .candidate span {
    color: var(--_muted);
    font-size: 0.85em;
    text-align: right;
  }
  .bar {
    grid-column: 1 / -1;
    height: 4px;
    border-radius: 2px;
    background: color-mix(in srgb, var(--_muted) 22%, transparent);
    overflow: hidden;
  }
  .bar > .fill {
    display: block;
    height: 100%;
    background: var(--_accent);
    border-radius: inherit;
  }
  /* Small pads (a PIN digit) get the terse status: the pad's own width decides, not the viewport's. */
  .root {
    container-type: inline-size;
  }
  .short {
    display: none;
  }
  @container (max-width: 8.5rem) {
    .status > .long {
      display: none;
    }
    .status > .short {
      display: inline;
    }
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
