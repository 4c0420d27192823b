/**
 * The change feed: every write of every kind leaves exactly one entry per record it touched, with a rising seq and a
 * per-record revision; deletions leave tombstones; the feed resumes from a checkpoint, survives reopening the
 * database, records nothing for a failed write, and tells subscribers only after the write committed.
 */
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { say } from '../../../lib/extension/i18n';
import { fakeBrowser } from 'wxt/testing';
import type { Change } from '../../../lib/core/model/changes';
import { GLOSS_SETTING, LAST_COLOR_SETTING } from '../../../lib/core/model/settings';
import { parseImport } from '../../../lib/core/formats/import/parse-import';
import { exportFile } from '../../../lib/core/formats/export/export-file';
import { AnnotationDb, openAnnotationDb } from '../../../storage/db';
import { createRepository, InvalidRecordError, type Repository } from '../../../storage/repository';
import { writePathOf } from '../../../storage/write-path';
import { ARTICLE_ID, articleMeta, newAnnotation, OTHER_ARTICLE_ID } from '../messaging/fixtures';

const DAY = 24 * 60 * 60 * 1000;

let name: string;
let db: AnnotationDb;
let repo: Repository;
let time: number;

beforeEach(() => {
  fakeBrowser.reset();
  name = `feed-${crypto.randomUUID()}`;
  db = openAnnotationDb(name);
  time = 1_000;
  repo = createRepository(db, fakeBrowser.storage.local, () => time++);
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db.delete();
});

/** The feed from the start, as `[kind, key, rev, deleted]`, in seq order. */
const feed = async () => (await repo.changesSince(0)).map((c) => [c.kind, c.key, c.rev, c.deleted]);

/** Seqs strictly rising. */
const rising = (changes: readonly Change[]) => changes.every((c, i) => i === 0 || c.seq > changes[i - 1].seq);

describe('the change feed', () => {
  it('records one change per record written, with rising seq and rev, for every kind of write', async () => {
    const a = await repo.annotations.create(articleMeta(), newAnnotation());
    expect(await feed()).toEqual([
      ['article', ARTICLE_ID, 1, false],
      ['annotation', a.id, 1, false],
    ]);
    const afterCreate = await repo.lastSeq();

    await repo.annotations.update(a.id, { note: 'n' });
    await repo.annotations.softDelete(a.id);
    await repo.annotations.restore(a.id);
    await repo.knownWords.set(['生命'], true);
    await repo.settings.set(LAST_COLOR_SETTING, 'blue');
    await repo.translationSettings.write({ ...(await repo.translationSettings.read()), provider: 'off' });

    const changes = await repo.changesSince(0);
    expect(rising(changes)).toBe(true);
    expect(changes[0].seq).toBeGreaterThan(0);
    // One row per record: the annotation's row moved to the end with each write, its revision counting them.
    expect(await feed()).toEqual([
      ['article', ARTICLE_ID, 1, false],
      ['annotation', a.id, 4, false],
      ['knownWord', '生命', 1, false],
      ['setting', 'lastColor', 1, false],
      ['setting', 'translation', 1, false],
    ]);
    expect(changes[1].seq).toBeGreaterThan(afterCreate);
    expect(await repo.lastSeq()).toBe(changes.at(-1)!.seq);
    expect(changes.every((c) => typeof c.at === 'number' && c.at >= 1_000)).toBe(true);
  });

  it('records a write that changes nothing as nothing (deleting twice, restoring a live one)', async () => {
    const a = await repo.annotations.create(articleMeta(), newAnnotation());
    await repo.annotations.softDelete(a.id);
    const seq = await repo.lastSeq();
    await repo.annotations.softDelete(a.id);
    await repo.annotations.restoreMany([a.id]);
    await repo.annotations.restoreMany([a.id]);
    expect((await repo.changesSince(seq)).map((c) => [c.key, c.rev])).toEqual([[a.id, 3]]);
  });

  it('records bulk writes and an import, one change per record', async () => {
    const a = await repo.annotations.create(articleMeta(), newAnnotation(1, 5));
    const b = await repo.annotations.create(articleMeta(), newAnnotation(6, 9));
    const seq = await repo.lastSeq();
    await repo.annotations.softDeleteMany([a.id, b.id]);
    expect((await repo.changesSince(seq)).map((c) => [c.key, c.rev])).toEqual([
      [a.id, 2],
      [b.id, 2],
    ]);

    const other = {
      ...(await repo.annotations.get(a.id))!,
      id: crypto.randomUUID(),
      articleId: OTHER_ARTICLE_ID,
      deletedAt: null,
    };
    const file = exportFile(
      'json',
      { annotations: [other], articles: [], knownWords: [{ word: '研究', addedAt: 5 }] },
      { kind: 'all' },
    );
    const parsed = parseImport(file.text);
    if (!parsed.ok) throw new Error(say(parsed.error));
    const beforeImport = await repo.lastSeq();
    await repo.annotations.importParsed(parsed.value);
    expect((await repo.changesSince(beforeImport)).map((c) => [c.kind, c.key, c.rev])).toEqual([
      ['annotation', other.id, 1],
      ['knownWord', '研究', 1],
    ]);
  });

  it('leaves a tombstone for each known word removed, and none for a word it did not know', async () => {
    await repo.knownWords.set(['甲', '乙'], true);
    const seq = await repo.lastSeq();
    await repo.knownWords.set(['甲', '丙'], false);
    expect((await repo.changesSince(seq)).map((c) => [c.key, c.rev, c.deleted])).toEqual([['甲', 2, true]]);
    expect(await repo.read('knownWord', '甲')).toBeNull();
    // Marked known again: the record's revisions go on from its tombstone.
    await repo.knownWords.set(['甲'], true);
    expect((await repo.changesSince(seq)).map((c) => [c.key, c.rev, c.deleted])).toEqual([['甲', 3, false]]);
  });

  it('leaves a tombstone for each annotation the 30-day purge removes', async () => {
    const old = await repo.annotations.create(articleMeta(), newAnnotation(1, 5));
    const recent = await repo.annotations.create(articleMeta(), newAnnotation(6, 9));
    await repo.annotations.softDelete(old.id);
    time += 31 * DAY;
    await repo.annotations.softDelete(recent.id);
    const seq = await repo.lastSeq();
    expect(await repo.annotations.purgeDeletedOlderThan(30 * DAY)).toBe(1);
    const tombstones = await repo.changesSince(seq);
    expect(tombstones.map((c) => [c.kind, c.key, c.rev, c.deleted])).toEqual([['annotation', old.id, 3, true]]);
    expect(await repo.read('annotation', old.id)).toBeNull();
    expect(await repo.read('annotation', recent.id)).toMatchObject({ id: recent.id });
  });

  it('resumes from a checkpoint, a page at a time', async () => {
    await repo.knownWords.set(['一'], true);
    await repo.knownWords.set(['二'], true);
    await repo.knownWords.set(['三'], true);
    const [first, ...rest] = await repo.changesSince(0, 1);
    expect(rest).toEqual([]);
    expect(first.key).toBe('一');
    const next = await repo.changesSince(first.seq, 10);
    expect(next.map((c) => c.key)).toEqual(['二', '三']);
    expect(await repo.changesSince(next[1].seq)).toEqual([]);
    // A reader that checkpointed before a record changed again sees it once, at its new place.
    await repo.knownWords.set(['一'], false);
    expect((await repo.changesSince(next[1].seq)).map((c) => [c.key, c.deleted])).toEqual([['一', true]]);
  });

  it('keeps the feed when the database is reopened (a background restart), and its seq never goes back', async () => {
    await repo.knownWords.set(['一', '二'], true);
    await repo.knownWords.set(['二'], false);
    const before = await repo.changesSince(0);
    const last = await repo.lastSeq();
    db.close();

    const reopened = new AnnotationDb(name);
    const again = createRepository(reopened, fakeBrowser.storage.local, () => time++);
    expect(await again.changesSince(0)).toEqual(before);
    expect(await again.lastSeq()).toBe(last);
    // The replaced row had the highest seq: a new write still goes above every seq handed out before.
    await again.knownWords.set(['二'], true);
    expect(await again.lastSeq()).toBeGreaterThan(last);
    expect((await again.changesSince(last)).map((c) => [c.key, c.rev])).toEqual([['二', 3]]);
    reopened.close();
  });

  it('records no change when the write fails, and tells no subscriber', async () => {
    const listener = vi.fn();
    repo.subscribe(listener);
    vi.spyOn(db.annotations, 'add').mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    await expect(repo.annotations.create(articleMeta(), newAnnotation())).rejects.toMatchObject({ code: 'storage-quota' });
    // The article was written before the annotation failed: rolled back with its feed entry.
    expect(await repo.changesSince(0)).toEqual([]);
    expect(await repo.read('article', ARTICLE_ID)).toBeNull();
    expect(listener).not.toHaveBeenCalled();
  });

  it('tells subscribers once per write, after it committed, with its changes and articles, until they stop', async () => {
    const seen: { changes: readonly Change[]; articleIds: readonly string[]; inTransaction: boolean }[] = [];
    const stop = repo.subscribe((changes, articleIds) =>
      seen.push({ changes, articleIds, inTransaction: Dexie.currentTransaction !== null }),
    );

    // A write that fails after its records and its feed entries were written is rolled back: nobody hears of it.
    await expect(
      writePathOf(db).write(time, async (writer) => {
        await writer.put('knownWord', { word: '慢', addedAt: 1 });
        throw new Error('changed its mind');
      }),
    ).rejects.toThrow('changed its mind');
    vi.spyOn(db.feed, 'bulkPut').mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    await expect(repo.knownWords.set(['慢'], true)).rejects.toMatchObject({ code: 'storage-quota' });
    expect(seen).toEqual([]);
    expect(await repo.knownWords.list()).toEqual([]);

    const a = await repo.annotations.create(articleMeta(), newAnnotation());
    expect(seen).toHaveLength(1);
    expect(seen[0].inTransaction).toBe(false);
    expect(seen[0].changes.map((c) => c.kind)).toEqual(['article', 'annotation']);
    expect(seen[0].articleIds).toEqual([ARTICLE_ID]);
    expect(seen[0].changes).toEqual(await repo.changesSince(0));
    expect(seen[0].changes[1].key).toBe(a.id);

    await repo.knownWords.set(['快'], true);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toMatchObject({ articleIds: [], changes: [expect.objectContaining({ kind: 'knownWord', key: '快' })] });

    stop();
    await repo.knownWords.set(['后'], true);
    expect(seen).toHaveLength(2);
  });

  it('reads any record by kind and key', async () => {
    const a = await repo.annotations.create(articleMeta(), newAnnotation());
    await repo.settings.set(LAST_COLOR_SETTING, 'green');
    expect(await repo.read('annotation', a.id)).toEqual(a);
    expect(await repo.read('article', ARTICLE_ID)).toMatchObject({ id: ARTICLE_ID, title: articleMeta().title });
    expect(await repo.read('setting', 'lastColor')).toEqual({ name: 'lastColor', value: 'green' });
    expect(await repo.read('knownWord', '无')).toBeNull();
  });
});

describe('applyRemote', () => {
  it('stores a valid record from sync and records it like any write, so subscribers follow it', async () => {
    const listener = vi.fn();
    repo.subscribe(listener);
    const a = await repo.annotations.create(articleMeta(), newAnnotation());
    const edited = { ...a, note: 'from another device', updatedAt: a.updatedAt + 1 };
    await repo.applyRemote('annotation', a.id, edited);
    expect(await repo.annotations.get(a.id)).toEqual(edited);
    expect((await repo.changesSince(0)).at(-1)).toMatchObject({ kind: 'annotation', key: a.id, rev: 2, deleted: false });
    expect(listener).toHaveBeenLastCalledWith([expect.objectContaining({ key: a.id, rev: 2 })], [ARTICLE_ID], 'remote');
    expect(listener.mock.calls[0][2]).toBe('local');

    await repo.applyRemote('knownWord', '生命', { word: '生命', addedAt: 3 });
    await repo.applyRemote('setting', 'gloss', {
      name: 'gloss',
      value: { on: true, pinyin: false, english: true, mode: 'words' },
    });
    expect(await repo.settings.get(GLOSS_SETTING)).toEqual({ on: true, pinyin: false, english: true, mode: 'words' });
  });

  it('removes a record when sync says it was deleted, leaving a tombstone', async () => {
    await repo.knownWords.set(['生命'], true);
    await repo.applyRemote('knownWord', '生命', null);
    expect(await repo.knownWords.list()).toEqual([]);
    expect((await repo.changesSince(0)).map((c) => [c.key, c.rev, c.deleted])).toEqual([['生命', 2, true]]);
  });

  it('refuses a record that is not valid for its kind, or whose key is not the one named, writing nothing', async () => {
    const a = await repo.annotations.create(articleMeta(), newAnnotation());
    const seq = await repo.lastSeq();
    await expect(repo.applyRemote('annotation', a.id, { ...a, color: 'ultraviolet' })).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(repo.applyRemote('annotation', crypto.randomUUID(), a)).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(repo.applyRemote('knownWord', 'x', { word: 'x', addedAt: -1 })).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(repo.applyRemote('setting', 'lastColor', { name: 'lastColor', value: 'plaid' })).rejects.toBeInstanceOf(
      InvalidRecordError,
    );
    await expect(repo.applyRemote('setting', 'evil', { name: 'evil', value: 1 })).rejects.toBeInstanceOf(InvalidRecordError);
    await expect(repo.applyRemote('article', ARTICLE_ID, { id: ARTICLE_ID })).rejects.toBeInstanceOf(InvalidRecordError);
    expect(await repo.changesSince(seq)).toEqual([]);
    expect(await repo.annotations.get(a.id)).toEqual(a);
  });
});

describe('applyRemoteMany', () => {
  it('writes a batch in one write, told once, and refuses only the invalid records, saying why, in order', async () => {
    const a = await repo.annotations.create(articleMeta(), newAnnotation());
    const b = await repo.annotations.create(articleMeta(), newAnnotation());
    await repo.knownWords.set(['生命'], true);
    const listener = vi.fn();
    repo.subscribe(listener);
    const seq = await repo.lastSeq();
    const outcomes = await repo.applyRemoteMany([
      { kind: 'annotation', key: a.id, record: { ...a, note: 'from the batch' } },
      { kind: 'annotation', key: b.id, record: { ...b, color: 'ultraviolet' } },
      { kind: 'knownWord', key: '生命', record: null },
      { kind: 'setting', key: 'evil', record: { name: 'evil', value: 1 } },
      { kind: 'knownWord', key: '江河', record: { word: '江河', addedAt: 5 } },
    ]);
    const changes = await repo.changesSince(seq);
    const seqOf = (kind: string, key: string) => changes.find((c) => c.kind === kind && c.key === key)?.seq;
    expect(outcomes).toEqual([
      { seq: seqOf('annotation', a.id) },
      { refused: expect.stringMatching(/color|one of/) },
      { seq: seqOf('knownWord', '生命') },
      { refused: 'not a known setting' },
      { seq: seqOf('knownWord', '江河') },
    ]);
    expect(outcomes.filter((o) => 'seq' in o).every((o) => typeof o.seq === 'number')).toBe(true);
    expect((await repo.annotations.get(a.id))?.note).toBe('from the batch');
    expect(await repo.annotations.get(b.id)).toEqual(b);
    expect(await repo.knownWords.list()).toEqual(['江河']);
    expect((await repo.changesSince(seq)).map((c) => [c.kind, c.key, c.deleted])).toEqual([
      ['annotation', a.id, false],
      ['knownWord', '江河', false],
      ['knownWord', '生命', true],
    ]);
    expect(await repo.countSince(seq)).toBe(3);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0][2]).toBe('remote');
  });

  it('answers no seq for removing a record that is not there, which leaves no row in the feed', async () => {
    const seq = await repo.lastSeq();
    expect(await repo.applyRemoteMany([{ kind: 'knownWord', key: '不在', record: null }])).toEqual([{ seq: null }]);
    expect(await repo.changesSince(seq)).toEqual([]);
  });

  it('leaves alone a record written after the seq sync read at, and writes the rest of the batch', async () => {
    const a = await repo.annotations.create(articleMeta(), newAnnotation());
    const b = await repo.annotations.create(articleMeta(), newAnnotation());
    const readAt = await repo.lastSeq();
    // The reader edits A while sync merges A and B from their values at `readAt`.
    const edited = await repo.annotations.update(a.id, { note: 'typed meanwhile' });
    const outcomes = await repo.applyRemoteMany(
      [
        { kind: 'annotation', key: a.id, record: { ...a, color: 'green' } },
        { kind: 'annotation', key: b.id, record: { ...b, color: 'green' } },
      ],
      readAt,
    );
    expect(outcomes[0]).toEqual({ stale: true });
    expect(outcomes[1]).toEqual({ seq: await repo.lastSeq() });
    expect(await repo.annotations.get(a.id)).toEqual(edited);
    expect((await repo.annotations.get(b.id))?.color).toBe('green');
  });

  it('reads a batch of records of several kinds in their order', async () => {
    const a = await repo.annotations.create(articleMeta(), newAnnotation());
    expect(
      await repo.readMany([
        { kind: 'article', key: ARTICLE_ID },
        { kind: 'annotation', key: crypto.randomUUID() },
        { kind: 'annotation', key: a.id },
      ]),
    ).toEqual([expect.objectContaining({ id: ARTICLE_ID }), null, a]);
  });
});

/** The tables of a v4 database, as that build declared them. */
const V4_STORES = {
  annotations: 'id, articleId, updatedAt, color, *tags, deletedAt',
  articles: 'id, updatedAt',
  knownWords: 'word, addedAt',
  translations: 'key, createdAt',
  quarantine: 'id, quarantinedAt',
  settings: 'name',
};

/** The tables of a v6 database: v4's, the v5 feed and the v6 word list. */
const V6_STORES = { ...V4_STORES, changes: '++seq, &[kind+key]', wordList: 'word, addedAt' };

describe('the upgrade to the change feed', () => {
  it('puts every record a v4 database holds into the feed at revision 1', async () => {
    const upgraded = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(upgraded);
    old.version(4).stores(V4_STORES);
    await old.open();
    await old.table('articles').add({ ...articleMeta(), updatedAt: 1 });
    await old.table('knownWords').add({ word: '生命', addedAt: 1 });
    await old.table('settings').add({ name: 'translation', value: {} });
    old.close();

    const current = new AnnotationDb(upgraded);
    const feedOf = createRepository(current, fakeBrowser.storage.local);
    expect((await feedOf.changesSince(0)).map((c) => [c.kind, c.key, c.rev, c.deleted])).toEqual([
      ['article', ARTICLE_ID, 1, false],
      ['knownWord', '生命', 1, false],
      ['setting', 'translation', 1, false],
    ]);
    await feedOf.knownWords.set(['生命'], false);
    expect((await feedOf.changesSince(0)).at(-1)).toMatchObject({ key: '生命', rev: 2, deleted: true });
    current.close();
    await Dexie.delete(upgraded);
  });

  it('moves a v6 feed into the table keyed by record with every seq and revision kept, and goes on above them', async () => {
    const upgraded = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(upgraded);
    old.version(6).stores(V6_STORES);
    await old.open();
    await old.table('knownWords').add({ word: '江河', addedAt: 1 });
    // The feed as v6 kept it: gaps where entries were replaced, a tombstone, and revisions above 1.
    const v6Feed = [
      { seq: 3, kind: 'knownWord', key: '生命', rev: 2, at: 10, deleted: true },
      { seq: 7, kind: 'setting', key: 'gloss', rev: 4, at: 20, deleted: false },
      { seq: 9, kind: 'knownWord', key: '江河', rev: 1, at: 30, deleted: false },
    ];
    await old.table('changes').bulkAdd(v6Feed);
    old.close();

    const current = new AnnotationDb(upgraded);
    const repo = createRepository(current, fakeBrowser.storage.local);
    expect(await repo.changesSince(0)).toEqual(v6Feed);
    expect(current.tables.map((table) => table.name)).not.toContain('changes');
    await repo.knownWords.set(['生命'], true);
    expect(await repo.changesSince(9)).toEqual([
      { seq: 10, kind: 'knownWord', key: '生命', rev: 3, at: expect.any(Number), deleted: false },
    ]);
    expect(await repo.lastSeq()).toBe(10);
    current.close();
    await Dexie.delete(upgraded);
  });
});
