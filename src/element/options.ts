/**
 * Attribute validation. Markup is written by people and often by hand, so a bad value must not
 * break the pad: it warns once (not on every render) and the default applies.
 */

const warned = new Set<string>();

/** Logs `message` the first time `key` is seen on this page. */
export function warnOnce(key: string, message: string): void {
  if (warned.has(key)) return;
  warned.add(key);
  console.warn(`<digit-pad>: ${message}`);
}

/**
 * Returns `value` when it is a number within [min, max]; otherwise warns once and returns `fallback`.
 * `raw` is the attribute text, quoted in the warning.
 * `undefined`/`null` (attribute absent) silently means the default.
 */
export function checkedNumber(
  attribute: string, value: unknown, raw: string | null, min: number, max: number, fallback: number, unit = '',
): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number' && value >= min && value <= max) return value;
  // Quote what the author wrote ("soon"), not the NaN it converted to.
  const shown = Number.isNaN(value) && raw !== null ? raw : String(value);
  warnOnce(`${attribute}=${shown}`, `${attribute}="${shown}" is not a number from ${min} to ${max}${unit}; using ${fallback}.`);
  return fallback;
}

/** Lit converter: absent → undefined, blank or non-numeric text → NaN (so it is reported, not read as 0). */
export const numberAttribute = {
  fromAttribute(value: string | null): number | undefined {
    if (value === null) return undefined;
    return value.trim() === '' ? Number.NaN : Number(value);
  },
  toAttribute(value: number | undefined): string | null {
    return value === undefined ? null : String(value);
  },
};
