/**
 * Hostile notes, quotes, titles and tags go through save, export and import: what is valid text is kept verbatim
 * (it is only ever shown as text), what is too big is refused with a clear reason, and nothing is lost or altered.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { say } from '../../../lib/extension/i18n';
import * as v from 'valibot';
import { backgroundRequestSchemas } from '../messaging/declared';
import type { ArticleMeta, NewAnnotation } from '../../../lib/core/model/annotation';
import { createAnnotationRepo } from '../../../storage/annotation-repo';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { exportFile } from '../../../lib/core/formats/export/export-file';
import { EXPORT_FORMATS } from '../../../lib/core/model/exchange';
import { parseImport } from '../../../lib/core/formats/import/parse-import';
import { importAnnotations } from '../../../storage/merge-import';

const ID = 'KJ8S2N1V0556A7ZQ';

/** Text an attacker or a broken page could put in a note, a quote, a title or a tag. */
const HOSTILE = [
  '<script>alert(document.cookie)</script>',
  '<img src=x onerror="alert(1)">',
  'javascript:alert(1)',
  '\u202Eevil.exe\u202C 反向文字',
  'lone surrogates \uD800 and \uDFFF here',
  '"quoted", with, commas\nand\r\nnewlines',
  '# heading > quote * list `code` [link](javascript:alert(1))',
  '{"__proto__": {"polluted": true}}',
  '𠀀😀 outside the BMP',
];

const article = (title: string): ArticleMeta => ({
  id: ID,
  title,
  source: title.slice(0, 50),
  publishedAt: '2026-01-20T10:32:18+08:00',
  url: `https://www.163.com/dy/article/${ID}.html`,
});

const annotation = (text: string, i: number): NewAnnotation => ({
  color: 'pink',
  note: text,
  tags: [`tag ${i} ${text.slice(0, 20)}`.trim()],
  target: {
    version: 1,
    selector: [
      { type: 'TextQuoteSelector', exact: text, prefix: text.slice(0, 32), suffix: text.slice(-32) },
      { type: 'TextPositionSelector', start: i * 100, end: i * 100 + text.length },
    ],
  },
});

let db: AnnotationDb;

beforeEach(() => {
  db = openAnnotationDb(`hostile-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

describe('hostile input', () => {
  it('accepts hostile-looking text as text, and keeps it verbatim through save, every export and re-import', async () => {
    const repo = createAnnotationRepo(db);
    for (const [i, text] of HOSTILE.entries()) {
      const payload = { article: article(HOSTILE[1]), annotation: annotation(text, i) };
      const checked = v.safeParse(backgroundRequestSchemas['annotations/create'], payload);
      expect(checked.success, text).toBe(true);
      await repo.create(payload.article, payload.annotation);
    }
    const stored = await repo.listForArticle(ID);
    expect(stored.map((a) => a.note).sort()).toEqual([...HOSTILE].sort());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    const data = { annotations: await db.annotations.toArray(), articles: await db.articles.toArray() };
    for (const format of EXPORT_FORMATS) {
      const file = exportFile(format, data, { kind: 'all' });
      expect(file.text.length, format).toBeGreaterThan(0);
    }

    // The native backup and the W3C export both come back into an empty database with the same notes.
    for (const format of ['json', 'w3c'] as const) {
      const file = exportFile(format, data, { kind: 'all' });
      const fresh = openAnnotationDb(`hostile-import-${crypto.randomUUID()}`);
      const parsed = parseImport(file.text);
      expect(parsed.ok, format).toBe(true);
      if (!parsed.ok) continue;
      const report = await importAnnotations(fresh, parsed.value);
      expect(report.rejected, format).toEqual([]);
      expect(report.added, format).toBe(HOSTILE.length);
      const notes = (await fresh.annotations.toArray()).map((a) => a.note).sort();
      expect(notes, format).toEqual([...HOSTILE].sort());
      await fresh.delete();
    }
  });

  it('refuses a 1 MB note and a 1 MB title with a reason that names the field, and stores nothing', async () => {
    const huge = '長'.repeat(1_000_000);
    for (const payload of [
      { article: article('ok'), annotation: { ...annotation('ok', 0), note: huge } },
      { article: article(huge), annotation: annotation('ok', 0) },
    ]) {
      const checked = v.safeParse(backgroundRequestSchemas['annotations/create'], payload);
      expect(checked.success).toBe(false);
      const path = v.getDotPath(checked.issues![0]);
      expect(path === 'annotation.note' || path === 'article.title').toBe(true);
    }
    expect(await db.annotations.count()).toBe(0);
  });

  it('rejects an import file that is not JSON, or that tries prototype pollution, leaving the database unchanged', async () => {
    await createAnnotationRepo(db).create(article('kept'), annotation('kept', 0));
    for (const text of [
      '<html>not json</html>',
      '{"__proto__":{"polluted":true},"format":"netease-annotator","version":1}',
      '[1,2,3',
    ]) {
      const parsed = parseImport(text);
      if (parsed.ok) {
        const report = await importAnnotations(db, parsed.value);
        expect(report.added).toBe(0);
      } else {
        expect(say(parsed.error).length).toBeGreaterThan(10);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await db.annotations.toArray()).map((a) => a.note)).toEqual(['kept']);
  });
});
