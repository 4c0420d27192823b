/**
 * The gold list's words of the seed article as a reader sees them: the gloss is turned on in real Chromium with the
 * built extension on the sample article, and the pinyin and English each gold word shows are read from the page's
 * DOM (the gloss wraps the article's words in the page) and judged like the bench judges them. Run after `wxt build`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { withoutStrayPinyin } from '../../lib/core/gloss/chinese-runs';
import { isFromSeed, loadGoldWords, scoreGold, shownForGoldWord, type ShownToken } from '../../scripts/bench/gold-words';
import { DESKTOP_URL, startFixtureServer } from '../../scripts/fixture-server';
import { launchWithExtension } from '../../scripts/launch-browser';

let server: Awaited<ReturnType<typeof startFixtureServer>>;
let context: BrowserContext;
let page: Page;

const ARTICLE = '.post_body';

/** Turns the gloss on as a reader does (Alt+G) and waits until the whole article is glossed. */
async function turnGlossOn(target: Page): Promise<void> {
  await target.keyboard.press('Alt+G');
  await target.waitForFunction(() => performance.getEntriesByName('nea:gloss-complete').length > 0, undefined, {
    timeout: 20_000,
  });
}

/**
 * The article's text in reading order as the reader sees it: each glossed word with the pinyin over it and the
 * English under it, and the text between words as it is.
 */
function readGlossedArticle(target: Page): Promise<{ text: string; pinyin?: string; gloss?: string }[]> {
  return target.evaluate((selector) => {
    const tokens: { text: string; pinyin?: string; gloss?: string }[] = [];
    const walker = document.createTreeWalker(document.querySelector(selector)!, NodeFilter.SHOW_TEXT);
    let lastWord: Element | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const word = node.parentElement?.closest('gloss-word') ?? null;
      if (word && word === lastWord) tokens[tokens.length - 1].text += node.nodeValue ?? '';
      else if (!word) tokens.push({ text: node.nodeValue ?? '' });
      else {
        const pinyin = word.querySelector('gloss-base')?.getAttribute('data-py') ?? undefined;
        tokens.push({ text: node.nodeValue ?? '', pinyin, gloss: word.getAttribute('data-en') ?? undefined });
      }
      lastWord = word;
    }
    return tokens;
  }, ARTICLE);
}

beforeAll(async () => {
  server = await startFixtureServer();
  ({ context } = await launchWithExtension({ port: server.port }));
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(DESKTOP_URL);
  await page.waitForSelector('nea-annotator', { state: 'attached' });
});

afterAll(async () => {
  await context?.close();
  await server?.close();
});

describe('the gold list on the page', () => {
  it('shows the apt English and the right pinyin for the seed article’s gold words', async () => {
    await turnGlossOn(page);
    const tokens: ShownToken[] = (await readGlossedArticle(page)).map((t) => ({ ...t, text: withoutStrayPinyin(t.text) }));
    const text = tokens.map((t) => t.text).join('');
    const starts: number[] = [];
    tokens.reduce((at, t) => (starts.push(at), at + t.text.length), 0);

    const gold = loadGoldWords().filter(isFromSeed);
    const shown = gold.map((g) => {
      const sentence = withoutStrayPinyin(g.sentence);
      const at = text.indexOf(sentence);
      expect(at, `sentence of ${g.word} (${g.source}) not on the page`).toBeGreaterThanOrEqual(0);
      const inSentence = tokens.filter((_, i) => starts[i] >= at && starts[i] < at + sentence.length);
      return shownForGoldWord(g, inSentence);
    });
    const score = scoreGold(gold, shown);
    console.log(JSON.stringify({ bench: 'gloss-gold-browser', ...score, misses: score.misses.length }));
    expect(gold.length).toBeGreaterThanOrEqual(150);
    expect(score.apt_meaning_pct).toBeGreaterThanOrEqual(85);
    expect(score.right_pinyin_pct).toBeGreaterThanOrEqual(97);
    // The examples, as the reader sees them.
    const seen = (word: string) => shown[gold.findIndex((g) => g.word === word)];
    expect(seen('訪談')).toMatchObject({ pinyin: 'fǎngtán', gloss: 'to interview' });
    expect(seen('招聘')).toMatchObject({ pinyin: 'zhāopìn', gloss: 'to recruit' });
    expect(seen('瓶頸')).toMatchObject({ pinyin: 'píngjǐng', gloss: 'bottleneck' });
    expect(seen('架構')).toMatchObject({ gloss: 'structure' });
    expect(seen('收入')).toMatchObject({ gloss: 'income' });
    expect(seen('阿蘇')).toMatchObject({ pinyin: 'āsū', gloss: 'name' });
  });
});
