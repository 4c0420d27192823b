import { describe, expect, it } from 'vitest';
import { buildEntries } from '../../../lib/core/library/entries';
import { sortEntries, type SortOrder } from '../../../lib/core/library/sort';
import { annotation, article } from './fixtures';

const A = 'J3K9L0QA0512D3VR';
const B = 'HQ2B3C4D0001875O';
const C = 'ZZ2B3C4D0001875O';

const entries = buildEntries(
  [
    annotation(B, 'b-late', { start: 50, createdAt: 3, updatedAt: 3 }),
    annotation(A, 'a-first', { start: 10, createdAt: 1, updatedAt: 9 }),
    annotation(B, 'b-early', { start: 5, createdAt: 4, updatedAt: 4 }),
    annotation(C, 'untitled', { start: 0, createdAt: 2, updatedAt: 2 }),
  ],
  [article(A, '北京'), article(B, 'Apple'), article(C, '')],
);

describe('sortEntries', () => {
  it.each<[SortOrder, string[]]>([
    ['newest', ['b-early', 'b-late', 'untitled', 'a-first']],
    ['oldest', ['a-first', 'untitled', 'b-late', 'b-early']],
    ['edited', ['a-first', 'b-early', 'b-late', 'untitled']],
    // Titles in collation order, untitled articles last; reading order inside an article.
    ['article', ['b-early', 'b-late', 'a-first', 'untitled']],
  ])('orders %s', (order, quotes) => {
    expect(sortEntries(entries, order).map((e) => e.annotation.target.selector[0].exact)).toEqual(quotes);
  });

  it('leaves its input as it was', () => {
    const before = entries.map((e) => e.annotation.id);
    sortEntries(entries, 'oldest');
    expect(entries.map((e) => e.annotation.id)).toEqual(before);
  });
});
