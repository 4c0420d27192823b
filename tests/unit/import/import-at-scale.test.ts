import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { say } from '../../../lib/extension/i18n';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { exportFile } from '../../../lib/core/formats/export/export-file';
import { importAnnotations } from '../../../storage/merge-import';
import { parseImport } from '../../../lib/core/formats/import/parse-import';
import { annotation } from '../export/fixtures';

const COUNT = 10_000;

let db: AnnotationDb;

beforeEach(() => {
  db = openAnnotationDb(`test-${crypto.randomUUID()}`);
});

afterEach(async () => {
  await db.delete();
});

/** 10,000 annotations over 200 articles. */
const library = () =>
  Array.from({ length: COUNT }, (_, i) =>
    annotation(crypto.randomUUID(), `PERF${String(i % 200).padStart(12, '0')}`, { exact: `引文${i}`, prefix: '前文' }, i),
  );

describe('import at scale', () => {
  it('imports 10,000 annotations, and the same file again as duplicates', { timeout: 60_000 }, async () => {
    const file = exportFile('json', { annotations: library(), articles: [] }, { kind: 'all' });
    const parsed = parseImport(file.text);
    if (!parsed.ok) throw new Error(say(parsed.error));
    expect(await importAnnotations(db, parsed.value)).toMatchObject({ added: COUNT });
    expect(await importAnnotations(db, parsed.value)).toMatchObject({ duplicates: COUNT });
  });
});
