/**
 * The gold list judged on a word index under Node, as the page would gloss each sentence: seed sentences with the
 * terms the seed article introduces (its nickname 阿蘇), the other texts' sentences on their own.
 */
import { readFileSync } from 'node:fs';
import { glossTexts } from '../../lib/core/gloss/gloss-text';
import { IntroducedTerms } from '../../lib/core/gloss/introduced-terms';
import type { WordIndex } from '../../lib/core/gloss/word-index';
import { isFromSeed, loadGoldWords, scoreGold, SEED_ARTICLE_PATH, shownForGoldWord, type GoldScore } from './gold-words';

/** Every gold word as the gloss over `index` shows it, scored. */
export function judgeGoldWords(index: WordIndex): GoldScore {
  const gold = loadGoldWords();
  const seedTerms = IntroducedTerms.find([readFileSync(SEED_ARTICLE_PATH, 'utf8')], index);
  const shown = gold.map((g) => {
    const [tokens] = glossTexts([g.sentence], index, isFromSeed(g) ? seedTerms : undefined).tokens;
    return shownForGoldWord(g, tokens);
  });
  return scoreGold(gold, shown);
}
