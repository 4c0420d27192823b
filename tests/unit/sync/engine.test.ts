// @vitest-environment node
/**
 * The sync engine against a real CouchDB-protocol server (pouchdb-server started here; Apache CouchDB too where
 * COUCHDB_URL is set): records of every kind reach a second device, the server sees nothing in clear, conflicts keep
 * every field, CouchDB conflict leaves resolve the same everywhere, and a wrong passphrase is refused early.
 */
import { describe, expect, it } from 'vitest';
import { CouchClient } from '../../../lib/background/sync/couch-client';
import { documentId } from '../../../lib/core/sync/crypto';
import { earlierVersions, stampLocal } from '../../../lib/core/sync/sync-doc';
import { HybridClock } from '../../../lib/core/sync/hlc';
import { fieldsOf, projectDoc } from '../../../lib/core/sync/record-codec';
import { sealDoc } from '../../../lib/background/sync/sealed-doc';
import { device, freshDatabase, unlock, useTargets } from './couch-harness';
import { annotation, article, ARTICLE_ID } from './records';
import type { Annotation } from '../../../lib/core/model/annotation';

const PASSPHRASE = 'correct horse battery staple';

/** A record without its derived `updatedAt`, for comparing devices. */
const withoutUpdatedAt = (record: unknown): unknown => {
  const { updatedAt: _ignored, ...rest } = record as Record<string, unknown>;
  return rest;
};

/** Every document on the server, as the server's HTTP API gives it. */
async function serverText(config: { url: string; database: string; username: string; password: string }): Promise<string> {
  const auth = `Basic ${Buffer.from(`${config.username}:${config.password}`).toString('base64')}`;
  const response = await fetch(`${config.url}/${config.database}/_all_docs?include_docs=true&conflicts=true`, {
    headers: { Authorization: auth },
  });
  return response.text();
}

for (const target of useTargets()) {
  describe(`sync engine on ${target.name}`, () => {
    it('brings annotations, articles and known words to a second device, and the server sees none of them in clear', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      const a = device('A', config, keys);
      const b = device('B', config, keys);
      const note = annotation('读书破万卷', { note: '私人笔记 secret note', tags: ['诗词', 'private-tag'], color: 'green' });
      await a.store.write('article', ARTICLE_ID, article('杜甫的诗'));
      await a.store.write('annotation', note.id, note);
      await a.store.write('knownWord', '破万卷', { word: '破万卷', addedAt: 1_700_000_000_000 });
      const pushed = await a.engine.round();
      expect(pushed.pushed).toBe(3);
      const pulled = await b.engine.round();
      expect(pulled.applied).toBe(3);
      expect(withoutUpdatedAt(await b.store.read('annotation', note.id))).toEqual(withoutUpdatedAt(note));
      expect(withoutUpdatedAt(await b.store.read('article', ARTICLE_ID))).toEqual(withoutUpdatedAt(article('杜甫的诗')));
      expect(await b.store.read('knownWord', '破万卷')).toEqual({ word: '破万卷', addedAt: 1_700_000_000_000 });

      const text = await serverText(config);
      expect(text).toContain(await documentId(keys, 'annotation', note.id));
      for (const secret of [
        '读书破万卷',
        'secret note',
        '私人笔记',
        'private-tag',
        '诗词',
        '杜甫',
        ARTICLE_ID,
        '163.com',
        '破万卷',
        note.id,
        'annotation',
        'knownWord',
      ]) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain(JSON.stringify(secret).slice(1, -1));
      }
    });

    it('brings a word-list entry to a second device, and its removal after it', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      const a = device('A', config, keys);
      const b = device('B', config, keys);
      const entry = {
        word: '瓶頸',
        pinyin: 'píngjǐng',
        sense: 'bottleneck',
        sentence: '算力是最大的瓶頸。',
        articleId: ARTICLE_ID,
        url: `https://www.163.com/dy/article/${ARTICLE_ID}.html`,
        addedAt: 1_700_000_000_000,
      };
      await a.store.write('wordListEntry', '瓶頸', entry);
      expect((await a.engine.round()).pushed).toBe(1);
      expect((await b.engine.round()).applied).toBe(1);
      expect(await b.store.read('wordListEntry', '瓶頸')).toEqual(entry);
      expect(await serverText(config)).not.toContain('瓶頸');
      await a.store.write('wordListEntry', '瓶頸', null);
      await a.engine.round();
      await b.engine.round();
      expect(await b.store.read('wordListEntry', '瓶頸')).toBeNull();
    });

    it('keeps edits of different fields from two devices, and the later of two edits of one field with the other as an earlier version', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      // B's wall clock is an hour behind: order must come from the hybrid clock, not from trusting either wall.
      const a = device('A', config, keys, 1_700_000_000_000);
      const b = device('B', config, keys, 1_700_000_000_000 - 3_600_000);
      const base = annotation('白日依山尽');
      await a.store.write('annotation', base.id, base);
      await a.engine.round();
      await b.engine.round();
      // Both offline: A edits the note, B the tags; both edit the colour, B 1 s later by its wall (an hour behind A's).
      a.advance(1_000);
      await a.store.write('annotation', base.id, { ...base, note: 'note from A', color: 'blue' });
      b.advance(2_000);
      await b.store.write('annotation', base.id, { ...base, tags: ['from-B'], color: 'pink' });
      await a.engine.round();
      await b.engine.round();
      await a.engine.round();
      const onA = (await a.store.read('annotation', base.id)) as Annotation;
      const onB = (await b.store.read('annotation', base.id)) as Annotation;
      expect(withoutUpdatedAt(onA)).toEqual(withoutUpdatedAt(onB));
      expect(onA.note).toBe('note from A');
      expect(onA.tags).toEqual(['from-B']);
      // A's edit has the later hybrid stamp (B's wall is an hour behind and B had seen nothing newer).
      expect(onA.color).toBe('blue');
      const versions = earlierVersions((await b.state.baseMany([{ kind: 'annotation', key: base.id }]))[0]!.doc);
      expect(versions).toContainEqual(expect.objectContaining({ field: 'color', value: 'pink', device: 'B' }));
    });

    it('lets a delete win over edits made before it, and keeps an annotation edited after a delete, marked as such', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      const a = device('A', config, keys);
      const b = device('B', config, keys);
      const first = annotation('床前明月光');
      const second = annotation('疑是地上霜');
      for (const record of [first, second]) await a.store.write('annotation', record.id, record);
      await a.engine.round();
      await b.engine.round();
      // First: B edits, then A deletes later. Second: A deletes, then B edits later.
      b.advance(1_000);
      await b.store.write('annotation', first.id, { ...first, note: 'edited before the delete' });
      a.advance(2_000);
      await a.store.write('annotation', first.id, { ...first, deletedAt: 1_700_000_002_000 });
      await a.store.write('annotation', second.id, { ...second, deletedAt: 1_700_000_002_000 });
      b.advance(5_000);
      await b.store.write('annotation', second.id, { ...second, note: 'edited after the delete' });
      await a.engine.round();
      await b.engine.round();
      await a.engine.round();
      for (const dev of [a, b]) {
        const one = (await dev.store.read('annotation', first.id)) as Annotation;
        const two = (await dev.store.read('annotation', second.id)) as Annotation;
        expect(one.deletedAt).not.toBeNull();
        expect(one.note).toBe('edited before the delete');
        expect(two.deletedAt).toBeNull();
        expect(two.note).toBe('edited after the delete');
        expect(await dev.engine.recordInfo('annotation', second.id)).toMatchObject({ keptAfterDelete: true });
        expect(await dev.engine.recordInfo('annotation', first.id)).toMatchObject({ keptAfterDelete: false });
      }
      // Undo on A of the first delete propagates.
      a.advance(10_000);
      await a.store.write('annotation', first.id, {
        ...((await a.store.read('annotation', first.id)) as Annotation),
        deletedAt: null,
      });
      await a.engine.round();
      await b.engine.round();
      expect(((await b.store.read('annotation', first.id)) as Annotation).deletedAt).toBeNull();
      // A purge (the record is gone) propagates as well.
      a.advance(10_000);
      await a.store.write('annotation', first.id, null);
      await a.engine.round();
      await b.engine.round();
      expect(await b.store.read('annotation', first.id)).toBeNull();
    });

    it('refuses a wrong passphrase before writing anything on either side', async () => {
      const config = await freshDatabase(target);
      await unlock(config, PASSPHRASE);
      const before = await serverText(config);
      await expect(unlock(config, 'not the passphrase')).rejects.toMatchObject({ code: 'wrong-passphrase' });
      expect(await serverText(config)).toBe(before);
    });

    it('says plainly what is wrong: 401, a missing database, not CouchDB', async () => {
      const config = await freshDatabase(target);
      await expect(unlock({ ...config, password: 'wrong' }, PASSPHRASE)).rejects.toMatchObject({ code: 'unauthorized' });
      await expect(unlock({ ...config, database: `${config.database}-missing` }, PASSPHRASE)).rejects.toMatchObject({
        code: 'missing-database',
      });
      const notCouch: typeof fetch = async () => new Response('<html>hello</html>', { status: 200 });
      await expect(new CouchClient(config, notCouch).checkServer()).rejects.toMatchObject({ code: 'not-couchdb' });
      await expect(new CouchClient({ ...config, url: 'http://127.0.0.1:9' }).checkServer()).rejects.toMatchObject({
        code: 'unreachable',
      });
    });

    it('resolves CouchDB conflict leaves the same way on every device, keeping every field', async () => {
      const config = await freshDatabase(target);
      const keys = await unlock(config, PASSPHRASE);
      const a = device('A', config, keys);
      const b = device('B', config, keys);
      const c = device('C', config, keys);
      const record = annotation('春眠不觉晓');
      await a.store.write('annotation', record.id, record);
      await a.engine.round();
      await b.engine.round();
      await c.engine.round();
      // Two sibling leaves of the same parent, as a cluster or a server-to-server replication makes them: one edits
      // the note, the other the tags.
      const shared = (await b.state.baseMany([{ kind: 'annotation', key: record.id }]))[0]!;
      const admin = new CouchClient(config);
      const parent = shared.rev!;
      const leaves = [] as unknown[];
      for (const [name, patch] of [
        ['B', { note: 'leaf one' }],
        ['C', { tags: ['leaf-two'] }],
      ] as const) {
        const projection = projectDoc(shared.doc);
        const before = fieldsOf('annotation', projection.ok ? projection.record : null);
        const doc = stampLocal(
          shared.doc,
          before,
          fieldsOf('annotation', { ...record, ...patch }),
          new HybridClock(name),
          1_700_000_005_000,
        );
        const sealed = await sealDoc(keys, doc, null);
        const [gen, hash] = parent.split('-');
        const rev = `${Number(gen) + 1}-${name === 'B' ? 'b'.repeat(32) : 'c'.repeat(32)}`;
        leaves.push({ ...sealed, _rev: rev, _revisions: { start: Number(gen) + 1, ids: [rev.split('-')[1], hash] } });
      }
      const auth = `Basic ${Buffer.from(`${config.username}:${config.password}`).toString('base64')}`;
      const written = await fetch(`${config.url}/${config.database}/_bulk_docs`, {
        method: 'POST',
        headers: { Authorization: auth, 'Content-Type': 'application/json' },
        body: JSON.stringify({ docs: leaves, new_edits: false }),
      });
      expect(written.status).toBe(201);
      const id = await documentId(keys, 'annotation', record.id);
      expect((await admin.get(id))?._conflicts?.length).toBe(1);
      // A (which has neither leaf) resolves; everyone converges on both fields; one leaf is left.
      await a.engine.round();
      for (const dev of [b, c, a]) await dev.engine.round();
      expect((await admin.get(id))?._conflicts ?? []).toEqual([]);
      const results = await Promise.all(
        [a, b, c].map(async (dev) => withoutUpdatedAt(await dev.store.read('annotation', record.id))),
      );
      expect(results[0]).toMatchObject({ note: 'leaf one', tags: ['leaf-two'] });
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
    });
  });
}
