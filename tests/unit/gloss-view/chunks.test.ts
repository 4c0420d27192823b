import { describe, expect, it } from 'vitest';
import { chunkBySize } from '../../../lib/content/gloss/chunks';

describe('chunkBySize', () => {
  const length = (s: string) => s.length;

  it('fills each chunk up to the size limit without passing it', () => {
    expect(chunkBySize(['aa', 'bb', 'c', 'dddd', 'e'], length, 5)).toEqual([
      ['aa', 'bb', 'c'],
      ['dddd', 'e'],
    ]);
  });

  it('starts a new chunk at the count limit', () => {
    expect(chunkBySize(['a', 'b', 'c', 'd', 'e'], length, 100, 2)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('gives an item bigger than the limit a chunk of its own, and nothing for nothing', () => {
    expect(chunkBySize(['a', 'bbbbbb', 'c'], length, 3)).toEqual([['a'], ['bbbbbb'], ['c']]);
    expect(chunkBySize([], length, 3)).toEqual([]);
  });
});
