/**
 * Sync's writes are told to tabs and pages once per window: every change (the latest per record) and article of the
 * writes in it, in one call; a write after the window starts the next one.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Change } from '../../../lib/core/model/changes';
import { GATHER_MS, gatherWrites } from '../../../lib/background/messaging/gather-writes';

const change = (key: string, seq: number, kind: Change['kind'] = 'annotation'): Change => ({
  seq,
  kind,
  key,
  rev: seq,
  at: 1,
  deleted: false,
});

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('gathering sync writes', () => {
  it('tells the writes of one window once, with the latest change per record and every article', () => {
    const flush = vi.fn();
    const write = gatherWrites(flush);
    write([change('a', 1)], ['ART1']);
    write([change('b', 2), change('a', 3)], ['ART2', 'ART1']);
    write([change('gloss', 4, 'setting')]);
    expect(flush).not.toHaveBeenCalled();
    vi.advanceTimersByTime(GATHER_MS);
    expect(flush).toHaveBeenCalledOnce();
    const [changes, articles] = flush.mock.calls[0]!;
    expect(changes.map((c: Change) => [c.key, c.seq])).toEqual([
      ['a', 3],
      ['b', 2],
      ['gloss', 4],
    ]);
    expect(articles).toEqual(['ART1', 'ART2']);
  });

  it('starts a new window for a write after the last was told', () => {
    const flush = vi.fn();
    const write = gatherWrites(flush, 50);
    write([change('a', 1)], ['ART1']);
    vi.advanceTimersByTime(50);
    write([change('b', 2)], ['ART2']);
    vi.advanceTimersByTime(49);
    expect(flush).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(1);
    expect(flush).toHaveBeenCalledTimes(2);
    expect(flush.mock.calls[1]).toEqual([[change('b', 2)], ['ART2']]);
  });
});
