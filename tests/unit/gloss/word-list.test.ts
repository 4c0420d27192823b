/**
 * The reader's word list: the repository (one entry per word, in the change feed), the sentence kept with a word, the
 * Anki and CSV files, the JSON backup's round trip and merge, and a synced entry stored as the repository checks it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { createWordListRepo } from '../../../storage/word-list-repo';
import { createRepository, InvalidRecordError } from '../../../storage/repository';
import { importAnnotations } from '../../../storage/merge-import';
import { writePathOf } from '../../../storage/write-path';
import { sentenceAround } from '../../../lib/core/gloss/sentence-around';
import { wordListFile } from '../../../lib/core/formats/export/word-list-files';
import { exportFile } from '../../../lib/core/formats/export/export-file';
import { parseImport } from '../../../lib/core/formats/import/parse-import';
import { say } from '../../../lib/extension/i18n';
import type { WordListAddition, WordListEntry } from '../../../lib/core/model/word-list';

const ARTICLE_ID = 'J3K9L0QA0512D3VR';
const URL = `https://www.163.com/dy/article/${ARTICLE_ID}.html`;
const addition = (word: string, extra: Partial<WordListAddition> = {}): WordListAddition => ({
  word,
  pinyin: 'píngjǐng',
  sense: 'bottleneck',
  sentence: `算力是最大的${word}。`,
  articleId: ARTICLE_ID,
  url: URL,
  ...extra,
});

let db: AnnotationDb;
let time: number;

beforeEach(() => {
  fakeBrowser.reset();
  db = openAnnotationDb(`test-${crypto.randomUUID()}`);
  time = 1_700_000_000_000;
});

afterEach(async () => {
  await db.delete();
});

describe('the word-list repository', () => {
  it('adds a word once (the first entry stays), lists oldest first, removes, and records each change in the feed', async () => {
    const repo = createWordListRepo(db, () => time++);
    expect(await repo.add(addition('瓶頸'))).toBe(true);
    expect(await repo.add(addition('架構', { pinyin: 'jiàgòu', sense: 'structure' }))).toBe(true);
    expect(await repo.add(addition('瓶頸', { sense: 'neck of a bottle' }))).toBe(false);
    const list = await repo.list();
    expect(list.map((e) => [e.word, e.sense, e.addedAt])).toEqual([
      ['瓶頸', 'bottleneck', 1_700_000_000_000],
      ['架構', 'structure', 1_700_000_000_001],
    ]);
    expect((await repo.remove(['瓶頸', '沒有'])).map((e) => e.word)).toEqual(['架構']);
    const feed = await writePathOf(db).changesSince(0);
    expect(feed.map(({ kind, key, rev, deleted }) => ({ kind, key, rev, deleted }))).toEqual([
      { kind: 'wordListEntry', key: '架構', rev: 1, deleted: false },
      { kind: 'wordListEntry', key: '瓶頸', rev: 2, deleted: true },
    ]);
  });

  it('stores a synced entry only when it is a valid entry of its key', async () => {
    const repository = createRepository(db, fakeBrowser.storage.local, () => time);
    const entry: WordListEntry = { ...addition('瓶頸'), addedAt: 5 };
    await repository.applyRemote('wordListEntry', '瓶頸', entry);
    expect(await repository.wordList.list()).toEqual([entry]);
    await expect(repository.applyRemote('wordListEntry', '架構', entry)).rejects.toBeInstanceOf(InvalidRecordError);
    const elsewhere = { ...entry, url: 'https://www.163.com/dy/article/HQ2B3C4D0001875O.html' };
    await expect(repository.applyRemote('wordListEntry', '瓶頸', elsewhere)).rejects.toBeInstanceOf(InvalidRecordError);
    await repository.applyRemote('wordListEntry', '瓶頸', null);
    expect(await repository.wordList.list()).toEqual([]);
  });
});

describe('the sentence kept with a word', () => {
  it('is the sentence around the word, with its closing quote, without the page’s bracketed readings', () => {
    const text = '第一句。他說：「算力應(yīng)該是瓶頸！」然後呢';
    const at = text.indexOf('瓶頸');
    expect(sentenceAround(text, at, at + 2)).toBe('他說：「算力應該是瓶頸！」');
    expect(sentenceAround('標題\n正文裡的詞', 5, 6)).toBe('正文裡的詞');
  });

  it('is cut to a window around the word when the sentence is too long', () => {
    const text = `${'前'.repeat(100)}瓶頸${'後'.repeat(100)}。`;
    const sentence = sentenceAround(text, 100, 102, 20);
    expect(sentence).toHaveLength(20);
    expect(sentence).toMatch(/^…前+瓶頸後+…$/);
  });
});

describe('the flashcard files', () => {
  const entries: WordListEntry[] = [
    { ...addition('架構', { sense: 'structure', sentence: '系統\t架構,\n"新"' }), addedAt: 2 },
    { ...addition('瓶頸', { sense: '=HYPERLINK("http://evil")' }), addedAt: 1 },
  ];

  it('writes Anki’s tab-separated text with its headers, oldest first, one line per word', () => {
    const file = wordListFile('anki-tsv', entries, new Date(2026, 11, 4));
    expect(file.filename).toBe('netease-word-list-2026-12-04.tsv');
    expect(file.text).toBe(
      [
        '#separator:tab',
        '#html:false',
        '#columns:Word\tPinyin\tMeaning\tSentence\tArticle',
        `瓶頸\tpíngjǐng\t'=HYPERLINK("http://evil")\t算力是最大的瓶頸。\t${URL}`,
        `架構\tpíngjǐng\tstructure\t系統 架構, "新"\t${URL}`,
        '',
      ].join('\n'),
    );
  });

  it('writes CSV with a header row, quoting and neutralised formulas, as the Readwise export does', () => {
    const file = wordListFile('csv', entries, new Date(2026, 11, 4));
    expect(file.filename).toBe('netease-word-list-2026-12-04.csv');
    expect(file.text).toBe(
      '\uFEFFWord,Pinyin,Meaning,Sentence,Article\r\n' +
        `瓶頸,píngjǐng,"'=HYPERLINK(""http://evil"")",算力是最大的瓶頸。,${URL}\r\n` +
        `架構,píngjǐng,structure,"系統\t架構,\n""新""",${URL}\r\n`,
    );
  });
});

describe('the JSON backup', () => {
  const backup = (list: WordListEntry[]) =>
    exportFile('json', { annotations: [], articles: [], wordList: list }, { kind: 'all' }, { now: new Date(time) }).text;

  it('carries the word list, and importing it merges: new words added, none twice, the earlier entry kept', async () => {
    const repo = createWordListRepo(db, () => time);
    await repo.add(addition('瓶頸', { sense: 'mine' }));
    const file = backup([
      { ...addition('瓶頸', { sense: 'later' }), addedAt: time + 10 },
      { ...addition('架構'), addedAt: 3 },
      { ...addition('架構', { sense: 'repeated' }), addedAt: 4 },
    ]);
    expect(JSON.parse(file).wordList.map((e: WordListEntry) => e.word)).toEqual(['架構', '架構', '瓶頸']);
    const parsed = parseImport(file);
    if (!parsed.ok) throw new Error(say(parsed.error));
    expect(await importAnnotations(db, parsed.value)).toMatchObject({ wordListAdded: 1 });
    expect((await repo.list()).map((e) => [e.word, e.sense])).toEqual([
      ['架構', 'bottleneck'],
      ['瓶頸', 'mine'],
    ]);
    expect(await importAnnotations(db, parsed.value)).toMatchObject({ wordListAdded: 0 });
    expect(await repo.list()).toHaveLength(2);
  });

  it('refuses a backup whose word list has an entry linking to another article', () => {
    const bad = { ...addition('瓶頸'), addedAt: 1, url: 'https://www.163.com/dy/article/HQ2B3C4D0001875O.html' };
    const parsed = parseImport(backup([bad]));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(say(parsed.error)).toContain('url must be the desktop address of its article');
  });
});
