/**
 * Terms an article introduces itself, which the segmenter must keep whole although no dictionary has them: a
 * nickname given in brackets after a name (`Sulaiman Ghori(下面就叫他阿蘇吧)` → 阿蘇, then used throughout), and a
 * short term set in quotes (`“巨硬”`). Found once over all the passages glossed together, so a nickname introduced in
 * the first paragraph is kept whole in the last.
 */
import { withoutStrayPinyin } from './chinese-runs';
import type { WordSource } from './segment';

/** What a term is: a name (glossed as one) or a term in quotes (glossed from its parts). */
export type TermKind = 'name' | 'quoted';

const HAN = '\\u3400-\\u9fff';

/**
 * A bracket whose words introduce a name: `(下面就叫他阿蘇吧)`, `（以下簡稱老王）`, `(人稱小李)`. The name is two
 * to four characters, and a sentence particle after it (吧, 呢 …) is not part of it.
 */
const NAME_RE = new RegExp(
  `[(（][^()（）]{0,12}?(?:叫他|叫她|稱他|称他|稱她|称她|簡稱|简称|下稱|下称|稱為|称为|人稱|人称|暱稱|昵称)[為为作]?([${HAN}]{2,4}?)[吧呢啊嘛]?[)）]`,
  'g',
);

/** A term of two to four characters in quotes of any usual kind. */
const QUOTED_RE = new RegExp(`[“「『"]([${HAN}]{2,4})[”」』"]`, 'g');

/** The introduced terms of some text, for the segmenter. */
export class IntroducedTerms {
  /** Terms by their first character, longest first. */
  private readonly byFirst = new Map<string, string[]>();
  private readonly kinds = new Map<string, TermKind>();

  private constructor(terms: Map<string, TermKind>) {
    this.kinds = terms;
    for (const term of [...terms.keys()].sort((a, b) => b.length - a.length)) {
      const list = this.byFirst.get(term[0]);
      if (list) list.push(term);
      else this.byFirst.set(term[0], [term]);
    }
  }

  /**
   * The terms `texts` introduce, with those of `earlier` (passages of the same article glossed before). A quoted
   * term that is already one dictionary word (`dict`) needs no keeping and is left out; names are kept whichever.
   */
  static find(texts: readonly string[], dict: WordSource, earlier?: IntroducedTerms): IntroducedTerms {
    const terms = new Map<string, TermKind>(earlier?.kinds);
    for (const raw of texts) {
      const text = withoutStrayPinyin(raw);
      for (const [, name] of text.matchAll(NAME_RE)) terms.set(name, 'name');
      for (const [, term] of text.matchAll(QUOTED_RE)) {
        if (!terms.has(term) && dict.keyOf(term) < 0) terms.set(term, 'quoted');
      }
    }
    return new IntroducedTerms(terms);
  }

  /** Number of terms found. */
  get size(): number {
    return this.kinds.size;
  }

  /** Calls `visit` with the length of every term that `text` has at `at`. */
  forEachAt(text: string, at: number, visit: (length: number) => void): void {
    const candidates = this.byFirst.get(text[at]);
    if (!candidates) return;
    for (const term of candidates) if (text.startsWith(term, at)) visit(term.length);
  }

  /** What `word` is, when it is one of the terms. */
  kindOf(word: string): TermKind | undefined {
    return this.kinds.get(word);
  }
}
