/**
 * CC-CEDICT's numbered pinyin (`bei3 jing1`, `lu:4`, `wan2 r5`) turned into the tone-marked spelling readers expect
 * (`Běijīng`, `lǜ`, `wánr`), and the proper-name test that capitalised pinyin encodes.
 */

/** Combining marks for tones 1–4 (tone 5, the neutral tone, has none). */
const TONE_MARKS: Readonly<Record<number, string>> = { 1: '\u0304', 2: '\u0301', 3: '\u030c', 4: '\u0300' };

/** The vowels with their tone-1 to tone-4 marks, precomposed (the common case, without Unicode normalisation). */
const MARKED_VOWELS: Readonly<Record<string, string>> = {
  a: 'āáǎà',
  e: 'ēéěè',
  i: 'īíǐì',
  o: 'ōóǒò',
  u: 'ūúǔù',
  ü: 'ǖǘǚǜ',
  A: 'ĀÁǍÀ',
  E: 'ĒÉĚÈ',
  O: 'ŌÓǑÒ',
};

const SYLLABLE_RE = /^([a-zA-Z:]+)([1-5])$/;
const INITIAL_VOWEL_RE = /^[aeoAEO]/;

/** Where the tone mark goes: on a or e; on the o of ou; else on the last vowel; on m/n/ng when there is no vowel. */
function markIndex(letters: string): number {
  const lower = letters.toLowerCase();
  for (const v of ['a', 'e', 'ou']) {
    const i = lower.indexOf(v);
    if (i >= 0) return i;
  }
  for (let i = lower.length - 1; i >= 0; i--) if ('iouü'.includes(lower[i])) return i;
  return lower.search(/[mn]/);
}

/** One numbered syllable (`lu:4`) with its tone mark (`lǜ`); CC-CEDICT's `u:` becomes ü. */
function markSyllable(letters: string, tone: number): string {
  const base = letters.replace(/u:/g, 'ü').replace(/U:/g, 'Ü');
  const at = markIndex(base);
  const mark = TONE_MARKS[tone];
  if (at < 0 || !mark) return base;
  // Syllabic m and n (呣 m2, 嗯 ng4) have few precomposed forms: combine and normalise.
  const marked = MARKED_VOWELS[base[at]]?.[tone - 1] ?? (base[at] + mark).normalize('NFC');
  return base.slice(0, at) + marked + base.slice(at + 1);
}

/**
 * Numbered CC-CEDICT pinyin as one tone-marked word: syllables run together (`Běijīng`), with an apostrophe before a
 * syllable starting with a, e or o (`Xī'ān`), erhua `r5` joined to its syllable (`wánr`), and anything that is not a
 * syllable (Latin letters, digits, `·`) kept as written, separated by spaces.
 */
export function toMarkedPinyin(numbered: string): string {
  let out = '';
  let previousWasSyllable = false;
  for (const token of numbered.split(/\s+/).filter(Boolean)) {
    const syllable = SYLLABLE_RE.exec(token);
    if (syllable && /^r5$/i.test(token) && previousWasSyllable) {
      out += token[0];
      continue;
    }
    if (syllable) {
      const marked = markSyllable(syllable[1], Number(syllable[2]));
      if (previousWasSyllable && INITIAL_VOWEL_RE.test(syllable[1])) out += "'";
      else if (out && !previousWasSyllable) out += ' ';
      out += marked;
    } else {
      out += (out ? ' ' : '') + token;
    }
    previousWasSyllable = syllable !== null;
  }
  return out;
}

/** CC-CEDICT writes the pinyin of proper names (people, places, brands) capitalised: `Ma3 si1 ke4`. */
export function isProperName(numbered: string): boolean {
  return /(?:^|\s)[A-Z][a-z:]*[1-5](?:\s|$)/.test(numbered);
}
