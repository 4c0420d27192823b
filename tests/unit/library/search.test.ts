import { describe, expect, it } from 'vitest';
import { buildEntries } from '../../../lib/core/library/entries';
import { matchesTerms, matchSpans, queryTerms } from '../../../lib/core/library/search';
import { annotation, article } from './fixtures';

const ARTICLE = 'J3K9L0QA0512D3VR';

/** The quotes of the entries matching `query`, among annotations on one article titled `title`. */
function search(query: string, annotations = sample(), title = '国产大飞机交付新进展') {
  const terms = queryTerms(query);
  return buildEntries(annotations, [article(ARTICLE, title)])
    .filter((e) => matchesTerms(e, terms))
    .map((e) => e.annotation.target.selector[0].exact);
}

const sample = () => [
  annotation(ARTICLE, '大飞机交付', { note: 'Check the delivery date' }),
  annotation(ARTICLE, '适航审定', { tags: ['航空', 'to-read'] }),
  annotation(ARTICLE, '国产化率', { translation: { text: 'localisation rate', provider: 'test' } }),
];

describe('queryTerms', () => {
  it('splits at any space, folds, and drops blanks and repeats', () => {
    expect(queryTerms('  First\u3000ＡＩ  first ')).toEqual(['first', 'ai']);
    expect(queryTerms('   ')).toEqual([]);
  });
});

describe('search', () => {
  it.each([
    ['a quote, by a part of a Chinese word', '航审', ['适航审定']],
    ['a note, whatever the case', 'DELIVERY', ['大飞机交付']],
    ['a translation', 'localisation', ['国产化率']],
    ['a tag', 'to-read', ['适航审定']],
    ['the article title', '新进展', ['大飞机交付', '适航审定', '国产化率']],
    ['every term, in any fields', '交付 date', ['大飞机交付']],
    ['nothing when one term is missing', '交付 nowhere', []],
    ['everything for a blank query', '', ['大飞机交付', '适航审定', '国产化率']],
  ])('finds %s', (_what, query, quotes) => {
    expect(search(query)).toEqual(quotes);
  });

  it('does not match a term across two fields', () => {
    // The quote ends with 交付 and the note starts with Check: "交付check" spans the boundary.
    expect(search('交付check')).toEqual([]);
  });

  it('leaves out soft-deleted annotations', () => {
    const [live, deleted] = sample();
    expect(search('', [live, { ...deleted, deletedAt: 5 }])).toEqual(['大飞机交付']);
  });
});

describe('matchSpans', () => {
  it('finds every occurrence of every term in the original text, merging overlaps', () => {
    expect(matchSpans('Musk said: MUSK is musky', ['musk'])).toEqual([
      { start: 0, end: 4 },
      { start: 11, end: 15 },
      { start: 19, end: 23 },
    ]);
    expect(matchSpans('昨天就完成', ['昨天就', '就完成'])).toEqual([{ start: 0, end: 5 }]);
  });

  it('finds nothing without terms', () => {
    expect(matchSpans('text', [])).toEqual([]);
  });
});
