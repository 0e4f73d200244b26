// Real (browser-generated) key chords, touch and pen for browser tests, through input-plugin.mjs.
import { executeServerCommand } from '@web/test-runner-commands';

/** Presses keys together (['Control', 'z']) with real key input in every engine (input-plugin.mjs). */
export async function pressChord(...chord) {
  const answer = await executeServerCommand('keys', { chord });
  if (!answer?.ok) throw new Error(`key chord ${chord.join('+')} failed: ${answer?.reason}`);
}

/**
 * Real touch or pen input (input-plugin.mjs): `ticks` are { type: 'down' | 'move' | 'up' | 'cancel', id, x, y }
 * in viewport pixels. Resolves { ok: true } or { ok: false, reason } when the engine cannot produce it.
 */
export function realPointer(pointerType, ticks) {
  return executeServerCommand('pointer', { pointerType, ticks });
}

/** Turns emulated forced colours (Windows high contrast) on or off: { ok } or { ok: false, reason } (CDP only). */
export function forcedColors(active) {
  return executeServerCommand('forced-colors', { active });
}
