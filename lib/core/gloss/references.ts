/**
 * CC-CEDICT cross-references: senses that only point at another headword, such as `variant of 為|为[wei4]`,
 * `old variant of 乾|干[gan1]`, `erhua variant of 玩[wan2]` or `see 一蹴而就[yi1 cu4 er2 jiu4]`. The gloss follows them
 * to the target's meaning; the generator ranks entries made only of them below entries with meanings of their own.
 */

/** The headword a reference points at, in both scripts, and the reading when the reference names one. */
export interface Reference {
  traditional: string;
  simplified: string;
  /** Numbered pinyin, e.g. `wei4`. */
  pinyin?: string;
}

/**
 * `variant of` after optional qualifiers (`old`, `erhua`, `(literary)` …), or `see`/`see also` opening the sense; then
 * the target `TRAD|SIMP[pin1 yin1]` (simplified and pinyin optional); then at most a parenthetical remark.
 */
/** A headword: non-ASCII characters up to a `|` or `[`. */
const HEADWORD = String.raw`([^\x00-\x7f|[\]]+)`;
const REFERENCE_RE = new RegExp(
  String.raw`^(?:(?:\([^)]*\) )?(?:[A-Za-z]+ )*variant of|see(?: also)?) ${HEADWORD}(?:\|${HEADWORD})?` +
    String.raw`(?:\[([^\]]+)\])?(?: \([^)]*\))?$`,
);

/** The reference a sense consists of, or undefined when the sense has a meaning of its own. */
export function parseReference(sense: string): Reference | undefined {
  const match = REFERENCE_RE.exec(sense);
  if (!match) return undefined;
  const [, traditional, simplified, pinyin] = match;
  return { traditional, simplified: simplified ?? traditional, ...(pinyin ? { pinyin } : {}) };
}
