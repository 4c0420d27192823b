/**
 * Which of an entry's senses the line under a word shows. CC-CEDICT lists senses in no order of use — 收入 "to take
 * in" before "income", 瓶頸 "neck of a bottle" before "bottleneck" — so the first is often not what a reader needs.
 * Each sense and each `;`-separated wording of it is scored, lowest best:
 *   - later senses cost a little more (the file's order still says something);
 *   - every word past the first costs more (a common short gloss over a literal description: "interview" over "to
 *     visit and discuss"), and so does an `of` phrase ("neck of a bottle");
 *   - a wording that would not fit under the word and be cut off costs much more;
 *   - a verb ("to …") costs more for a word that is mostly a noun, adjective or adverb (the part of speech jieba's
 *     dictionary gives it: 架構 "structure", not "to construct"), and much more for a conjunction, which joins clauses
 *     rather than acts (接着 "then", 再說 "moreover", not "to continue", "to say again");
 *   - a register label (literary, archaic, dialect, Taiwan, courteous …) costs more.
 * References (`variant of`, `see`), surnames, abbreviations, classifiers and pronunciation notes are not candidates
 * while anything else is.
 */
import { interlinearGloss } from './interlinear-gloss';

/** What the build knows about a word beyond its entry. */
export interface SenseHints {
  /** jieba's part of speech for the word (`n`, `v`, `a`, `d` …), if it lists the word. */
  pos?: string;
}

/** Senses that are not meanings of the word itself. */
const NOT_A_MEANING_RE =
  /^(?:(?:old |archaic |Japanese |erhua |euphemistic |loanword )?variant of |see |see also |surname |abbr\. |abbr\. for |CL:|also pr\.|Taiwan pr\.|also written|also spelled|used in |(?:\([^)]*\)\s*)?classifier for )/i;

/** Labels that say a sense belongs to a register a reader of today's articles rarely meets. */
const RARE_REGISTER_RE = /^\((?:literary|archaic|old|dialect|Tw|courteous|Cantonese|onom\.|Buddhism|loanword)[^)]*\)/i;

/** Words that carry no meaning of their own in a gloss. */
const FILLER = new Set(['to', 'a', 'an', 'the', 'sth', 'sb', "sb's", "sth's", "one's", 'oneself']);

const COST = {
  perSense: 0.5,
  perWording: 0.2,
  perExtraWord: 0.6,
  ofPhrase: 1.5,
  cutOff: 3,
  verbForNonVerb: 1.5,
  verbForConjunction: 3,
  rareRegister: 2,
};

/** The content words of a wording, without its asides. */
function contentWords(wording: string): string[] {
  return wording
    .replace(/\([^()]*\)/g, ' ')
    .toLowerCase()
    .split(/[^a-z'-]+/)
    .filter((w) => w && !FILLER.has(w));
}

/** jieba's tags for nouns, adjectives, adverbs, numerals and the like: words not usually glossed as a verb. */
const isNonVerbTag = (pos: string | undefined): boolean => pos !== undefined && /^[nadmqtfbrsc]/.test(pos) && pos !== 'vn';

/** The score of one wording (lowest best). */
function wordingCost(wording: string, sense: number, index: number, hints: SenseHints): number {
  const words = contentWords(wording);
  let cost = sense * COST.perSense + index * COST.perWording + Math.max(0, words.length - 1) * COST.perExtraWord;
  if (words.length > 1 && words.includes('of')) cost += COST.ofPhrase;
  if (interlinearGloss(wording).endsWith('…')) cost += COST.cutOff;
  if (RARE_REGISTER_RE.test(wording)) cost += COST.rareRegister;
  if (/^(?:\([^)]*\)\s*)?to /.test(wording)) {
    if (hints.pos === 'c') cost += COST.verbForConjunction;
    else if (isNonVerbTag(hints.pos)) cost += COST.verbForNonVerb;
  }
  return cost;
}

/**
 * The wording of `senses` the line under the word shows, or undefined when no sense is a meaning of its own (the
 * caller then follows references). The sense's leading labels stay: the interlinear line drops them.
 */
export function chooseSense(senses: readonly string[], hints: SenseHints = {}): string | undefined {
  let best: string | undefined;
  let bestCost = Infinity;
  senses.forEach((sense, s) => {
    if (NOT_A_MEANING_RE.test(sense)) return;
    const label = /^(?:\([^)]*\)\s*)+/.exec(sense)?.[0] ?? '';
    sense
      .slice(label.length)
      .split('; ')
      .forEach((part, w) => {
        const wording = label + part;
        const cost = wordingCost(wording, s, w, hints);
        if (cost < bestCost) {
          best = wording;
          bestCost = cost;
        }
      });
  });
  return best;
}
