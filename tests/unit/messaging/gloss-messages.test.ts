/** The gloss messages through the background router: validated, answered by the gloss handlers, allowed to pages. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  createBackgroundRouter,
  type BackgroundRouter,
  type SenderInfo,
} from '../../../lib/background/messaging/background-router';
import { glossTokens } from '../../../lib/background/gloss/gloss-messages';
import { pageRequestSchemas } from './declared';
import { MAX_GLOSS_CHARS, MAX_GLOSS_TEXTS, MAX_KNOWN_WORD_LENGTH } from '../../../lib/core/model/gloss';
import { createAnnotationRepo } from '../../../storage/annotation-repo';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { createKnownWordsRepo } from '../../../storage/known-words-repo';
import { createWordListRepo } from '../../../storage/word-list-repo';
import { extensionTranslateBackend } from '../../../lib/background/translate/extension-backend';
import { fixtureDictionary, fixtureWords } from '../gloss/fixture-dictionary';
import * as v from 'valibot';
import { ARTICLE_ID, OTHER_ARTICLE_ID } from './fixtures';
import { feedBackend, syncUnused } from './router-harness';

let db: AnnotationDb;
let route: BackgroundRouter;
let dictionaryLoads: number;
let notifyKnownWordsChanged: ReturnType<typeof vi.fn<(exceptTabId: number | undefined) => Promise<void>>>;

const contentScript = (): SenderInfo => ({
  id: fakeBrowser.runtime.id,
  url: `https://www.163.com/dy/article/${ARTICLE_ID}.html`,
  tab: { id: 7 },
});
const send = (type: string, payload: unknown) => route({ type, payload }, contentScript());

beforeEach(() => {
  fakeBrowser.reset();
  db = openAnnotationDb(`test-${crypto.randomUUID()}`);
  dictionaryLoads = 0;
  notifyKnownWordsChanged = vi.fn(async () => {});
  const gloss = {
    notifyKnownWordsChanged,
    words: async () => {
      dictionaryLoads++;
      return fixtureWords;
    },
    knownWords: createKnownWordsRepo(db),
    wordList: createWordListRepo(db),
  };
  const translation = extensionTranslateBackend(db, {
    dictionary: async () => fixtureDictionary,
    words: async () => fixtureWords,
  });
  route = createBackgroundRouter({
    runContentScript: async () => {},
    sync: syncUnused,
    repo: createAnnotationRepo(db),
    notifyChanged: async () => {},
    gloss,
    translation,
    feed: feedBackend(db),
  });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

describe('gloss/text', () => {
  it('answers the dictionary words of each passage with pinyin and a short gloss, for a content script', async () => {
    const result = await send('gloss/text', { texts: ['馬斯克研究生命', 'xAI', ''] });
    expect(result).toEqual({
      ok: true,
      value: [
        [
          { start: 0, end: 3, word: '馬斯克', pinyin: 'Mǎsīkè', gloss: 'Elon Musk' },
          { start: 3, end: 5, word: '研究', pinyin: 'yánjiū', gloss: 'research' },
          { start: 5, end: 7, word: '生命', pinyin: 'shēngmìng', gloss: 'life' },
        ],
        [],
        [],
      ],
    });
  });

  it('keeps a nickname an earlier request of the tab introduced whole, glossed as a name', async () => {
    await send('gloss/text', { texts: ['Sulaiman Ghori(下面就叫他阿蘇吧)'] });
    const later = await send('gloss/text', { texts: ['阿蘇研究'] });
    expect(later).toEqual({
      ok: true,
      value: [
        [
          { start: 0, end: 2, word: '阿蘇', pinyin: 'āsū', gloss: 'name' },
          { start: 2, end: 4, word: '研究', pinyin: 'yánjiū', gloss: 'research' },
        ],
      ],
    });
  });

  it('starts afresh when the tab moves on to another article: the last article’s nickname is not kept whole', async () => {
    await send('gloss/text', { texts: ['Sulaiman Ghori(下面就叫他阿蘇吧)'] });
    const elsewhere: SenderInfo = { ...contentScript(), url: `https://www.163.com/dy/article/${OTHER_ARTICLE_ID}.html` };
    const next = await route({ type: 'gloss/text', payload: { texts: ['阿蘇研究'] } }, elsewhere);
    expect(next).toMatchObject({ ok: true, value: [[{ word: '阿' }, { word: '蘇' }, { word: '研究' }]] });
    // Back on the first article (reloaded, say), its nickname is still known.
    expect(await send('gloss/text', { texts: ['阿蘇研究'] })).toMatchObject({
      ok: true,
      value: [[{ word: '阿蘇' }, { word: '研究' }]],
    });
  });

  it('keeps a word’s page span across stray pinyin and leaves unknown characters out', () => {
    expect(glossTokens('風(fēng)口𠮷', fixtureWords)).toEqual([
      { start: 0, end: 8, word: '風口', pinyin: 'fēngkǒu', gloss: 'air vent' },
    ]);
  });

  it('refuses requests over the size limits', async () => {
    const tooMany = await send('gloss/text', { texts: Array.from({ length: MAX_GLOSS_TEXTS + 1 }, () => '字') });
    expect(tooMany).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/texts must have at most/) },
    });
    const tooLong = await send('gloss/text', { texts: ['字'.repeat(MAX_GLOSS_CHARS / 2), '字'.repeat(MAX_GLOSS_CHARS / 2 + 1)] });
    expect(tooLong).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/characters in all/) },
    });
    expect(await send('gloss/text', { texts: [1] })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(dictionaryLoads).toBe(0);
  });

  it('answers an error when the dictionary cannot be loaded', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const unavailable = () => Promise.reject(new Error('HTTP 404'));
    const failing = createBackgroundRouter({
      runContentScript: async () => {},
      sync: syncUnused,
      repo: createAnnotationRepo(db),
      notifyChanged: async () => {},
      gloss: {
        words: unavailable,
        knownWords: createKnownWordsRepo(db),
        wordList: createWordListRepo(db),
        notifyKnownWordsChanged,
      },
      translation: extensionTranslateBackend(db, { dictionary: unavailable, words: unavailable }),
      feed: feedBackend(db),
    });
    expect(await failing({ type: 'gloss/text', payload: { texts: ['字'] } }, contentScript())).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.any(String) },
    });
  });
});

describe('known words', () => {
  it('marks words known and unknown, answering the list each time', async () => {
    expect(await send('known-words/list', {})).toEqual({ ok: true, value: [] });
    expect(await send('known-words/set', { words: ['研究', '研究'], known: true })).toEqual({ ok: true, value: ['研究'] });
    expect(await send('known-words/set', { words: ['生命'], known: true })).toEqual({ ok: true, value: ['研究', '生命'] });
    expect(await send('known-words/set', { words: ['研究', '北京'], known: false })).toEqual({ ok: true, value: ['生命'] });
  });

  it('tells the other tabs after each change, not the tab that made it', async () => {
    await send('known-words/list', {});
    expect(notifyKnownWordsChanged).not.toHaveBeenCalled();
    await send('known-words/set', { words: ['研究'], known: true });
    expect(notifyKnownWordsChanged).toHaveBeenCalledExactlyOnceWith(7);
  });

  it('refuses empty lists and overlong words', async () => {
    expect(await send('known-words/set', { words: [], known: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    const long = '字'.repeat(MAX_KNOWN_WORD_LENGTH + 1);
    expect(await send('known-words/set', { words: [long], known: true })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await send('known-words/set', { words: ['字'] })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('word list', () => {
  const entry = (articleId: string) => ({
    word: '研究',
    pinyin: 'yánjiū',
    sense: 'research',
    sentence: '馬斯克研究生命。',
    articleId,
    url: `https://www.163.com/dy/article/${articleId}.html`,
  });
  const page: SenderInfo = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') };

  it('takes a word from a content script for its own article only, and lists it for the extension’s pages alone', async () => {
    expect(await send('word-list/add', { entry: entry(ARTICLE_ID) })).toEqual({ ok: true, value: true });
    expect(await send('word-list/add', { entry: entry(ARTICLE_ID) })).toEqual({ ok: true, value: false });
    expect(await send('word-list/add', { entry: entry(OTHER_ARTICLE_ID) })).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await send('word-list/add', { entry: { ...entry(ARTICLE_ID), url: 'https://evil.example/' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(await send('word-list/list', {})).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    const listed = await route({ type: 'word-list/list', payload: {} }, page);
    expect(listed).toMatchObject({ ok: true, value: [{ ...entry(ARTICLE_ID), addedAt: expect.any(Number) }] });
    const file = await route({ type: 'word-list/export', payload: { format: 'anki-tsv' } }, page);
    expect(file).toMatchObject({ ok: true, value: { text: expect.stringContaining('研究\tyánjiū\tresearch') } });
    expect(await route({ type: 'word-list/remove', payload: { words: ['研究'] } }, page)).toEqual({ ok: true, value: [] });
  });
});

describe('page/gloss', () => {
  it('accepts a patch of the three switches and nothing else', () => {
    const schema = pageRequestSchemas['page/gloss'];
    expect(v.safeParse(schema, {}).success).toBe(true);
    expect(v.safeParse(schema, { on: true, pinyin: false, english: true }).success).toBe(true);
    expect(v.safeParse(schema, { on: 'yes' }).success).toBe(false);
    expect(v.safeParse(schema, { colour: 'red' }).success).toBe(false);
  });
});
