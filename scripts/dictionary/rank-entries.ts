/**
 * The order of a headword's entries, decided at build time: which reading and meaning a word shows when nothing else
 * says which one is meant.
 */
import type { DictionaryEntry } from '../../lib/core/gloss/dictionary';
import { isProperName } from '../../lib/core/gloss/pinyin';
import { parseReference } from '../../lib/core/gloss/references';

/**
 * Readings of very common characters that the other rules get wrong: standing alone, these are mostly the grammatical
 * particle or the everyday word, not the reading with the most senses (了 le, not liǎo; 那 nà, not archaic nuó).
 * Keyed by either script's headword.
 */
const PREFERRED_READINGS: Readonly<Record<string, string>> = {
  了: 'le5',
  地: 'de5',
  得: 'de5',
  著: 'zhe5',
  沒: 'mei2',
  那: 'na4',
  嗎: 'ma5',
  麼: 'me5',
  啊: 'a5',
  吧: 'ba5',
  什: 'shen2',
  長: 'chang2',
  重: 'zhong4',
  空: 'kong1',
  切: 'qie1',
  轉: 'zhuan3',
  供: 'gong1',
  幹: 'gan4',
};

const isPreferred = (e: DictionaryEntry): boolean =>
  PREFERRED_READINGS[e.traditional] === e.pinyin || PREFERRED_READINGS[e.simplified] === e.pinyin;

/** Every sense only points at other headwords (`variant of …`, `see …`, `used in 仿佛[fang3 fu2]`). */
const pointsElsewhere = (e: DictionaryEntry): boolean =>
  e.senses.every((s) => parseReference(s) !== undefined || s.startsWith('used in '));

/**
 * Sorts entry numbers best first: a preferred reading; then entries with meanings of their own before bare
 * references; spellings found in more headwords (`containment`, by traditional headword: 後 before 后 for simplified
 * 后, 佛 "Buddha" before 髴); common words before proper names (馬 horse before the surname); more senses; and finally
 * file order.
 */
export function rankEntries(
  ids: readonly number[],
  entries: readonly DictionaryEntry[],
  containment: ReadonlyMap<string, number>,
): number[] {
  const flag = (test: (e: DictionaryEntry) => boolean) => (a: number, b: number) =>
    Number(test(entries[b])) - Number(test(entries[a]));
  const rules = [
    flag(isPreferred),
    flag((e) => !pointsElsewhere(e)),
    (a: number, b: number) => (containment.get(entries[b].traditional) ?? 0) - (containment.get(entries[a].traditional) ?? 0),
    flag((e) => !isProperName(e.pinyin)),
    (a: number, b: number) => entries[b].senses.length - entries[a].senses.length,
    (a: number, b: number) => a - b,
  ];
  return [...ids].sort((a, b) => {
    for (const rule of rules) {
      const order = rule(a, b);
      if (order !== 0) return order;
    }
    return 0;
  });
}
