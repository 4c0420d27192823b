import { describe, expect, it } from 'vitest';
import { parseReference } from '../../../lib/core/gloss/references';

describe('parseReference', () => {
  it.each([
    ['variant of 為|为[wei4]', { traditional: '為', simplified: '为', pinyin: 'wei4' }],
    ['old variant of 乾|干[gan1]', { traditional: '乾', simplified: '干', pinyin: 'gan1' }],
    ['erhua variant of 玩[wan2]', { traditional: '玩', simplified: '玩', pinyin: 'wan2' }],
    ['(literary) variant of 倘[tang3]', { traditional: '倘', simplified: '倘', pinyin: 'tang3' }],
    ['see 一蹴而就[yi1 cu4 er2 jiu4]', { traditional: '一蹴而就', simplified: '一蹴而就', pinyin: 'yi1 cu4 er2 jiu4' }],
    ['see also 族[zu2]', { traditional: '族', simplified: '族', pinyin: 'zu2' }],
    ['variant of 交匯|交汇', { traditional: '交匯', simplified: '交汇' }],
    ['variant of 潔|洁[jie2] (mostly used in given names)', { traditional: '潔', simplified: '洁', pinyin: 'jie2' }],
  ])('reads %s', (sense, reference) => {
    expect(parseReference(sense)).toEqual(reference);
  });

  it.each([
    'variant of 吆[yao1], to shout', // has a meaning of its own after the reference
    'to see both sides', // "see" inside an English sense
    'cohomology (invariant of a topological space in math.)',
    'used in 仿佛[fang3 fu2]',
    'horse',
  ])('finds no reference in %s', (sense) => {
    expect(parseReference(sense)).toBeUndefined();
  });
});
