import { describe, expect, it } from 'vitest';
import { buildEntries } from '../../../lib/core/library/entries';
import {
  dayEnd,
  dayStart,
  filterEntries,
  isFiltering,
  NO_CONTROLS,
  toFilter,
  type FilterControls,
} from '../../../lib/core/library/filter';
import { annotation, article } from './fixtures';

const A = 'J3K9L0QA0512D3VR';
const may = (day: number, hour = 12) => new Date(2024, 4, day, hour).getTime();

const entries = buildEntries(
  [
    annotation(A, 'one', { color: 'green', tags: ['x'], createdAt: may(1) }),
    annotation(A, 'two', { color: 'pink', tags: ['x', 'y'], createdAt: may(2, 23) }),
    annotation(A, 'three', { color: 'green', createdAt: may(3, 0) }),
  ],
  [article(A, 'Title')],
);

/** The quotes shown for `controls` (over the defaults), with `orphans` known. */
const shown = (controls: Partial<FilterControls>, orphans = new Set<string>()) =>
  filterEntries(entries, toFilter({ ...NO_CONTROLS, ...controls }, orphans)).map((e) => e.annotation.target.selector[0].exact);

describe('filterEntries', () => {
  it.each<[string, Partial<FilterControls>, string[]]>([
    ['nothing', {}, ['one', 'two', 'three']],
    ['one colour', { colors: new Set(['pink']) }, ['two']],
    ['two colours', { colors: new Set(['pink', 'green']) }, ['one', 'two', 'three']],
    ['a tag', { tag: 'y' }, ['two']],
    ['from a day (local, inclusive)', { fromDay: '2024-05-02' }, ['two', 'three']],
    ['until a day (to its last moment)', { toDay: '2024-05-02' }, ['one', 'two']],
    ['one day', { fromDay: '2024-05-02', toDay: '2024-05-02' }, ['two']],
    ['a colour and a search', { colors: new Set(['green']), query: 'THREE' }, ['three']],
  ])('filters by %s', (_what, controls, quotes) => {
    expect(shown(controls)).toEqual(quotes);
  });

  it('shows only the orphans when asked, and none when no tab reported any', () => {
    const orphan = entries[1].annotation.id;
    expect(shown({ orphansOnly: true }, new Set([orphan]))).toEqual(['two']);
    expect(shown({ orphansOnly: true })).toEqual([]);
    expect(shown({ orphansOnly: false }, new Set([orphan]))).toEqual(['one', 'two', 'three']);
  });

  it('ignores a malformed day rather than hiding everything', () => {
    expect(shown({ fromDay: '2024-5-2' })).toEqual(['one', 'two', 'three']);
  });
});

describe('days and filter state', () => {
  it('turns a day into its local start and end', () => {
    expect(dayStart('2024-05-02')).toBe(new Date(2024, 4, 2).getTime());
    expect(dayEnd('2024-05-02')).toBe(new Date(2024, 4, 3).getTime());
    expect(dayStart('')).toBeNull();
  });

  it('knows whether anything is filtered', () => {
    expect(isFiltering(toFilter(NO_CONTROLS, new Set()))).toBe(false);
    expect(isFiltering(toFilter({ ...NO_CONTROLS, query: '  ' }, new Set()))).toBe(false);
    expect(isFiltering(toFilter({ ...NO_CONTROLS, tag: 'x' }, new Set()))).toBe(true);
    expect(isFiltering(toFilter({ ...NO_CONTROLS, orphansOnly: true }, new Set()))).toBe(true);
  });
});
