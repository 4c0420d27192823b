/**
 * Every write to the records the change feed follows goes through the write path: no other source file writes to
 * the annotations, articles, known words or settings tables itself (the quarantine's move is the one documented
 * exception: it leaves no tombstone on purpose).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const SOURCES = ['storage', 'lib', 'entrypoints', 'components'];
const ALLOWED = new Set(['storage/write-path.ts']);

/** A table of the feed's records, then a write on it (directly, or at the end of a `where(...)` chain). */
const DIRECT_WRITE =
  /\.(annotations|articles|knownWords|settings)\b(?:\.(?:where|orderBy|filter|toCollection)\([^;]*?\))*\.(put|add|bulkPut|bulkAdd|bulkDelete|delete|clear|update|modify)\(/g;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

it('writes the feed’s records only through the write path', () => {
  const offenders = SOURCES.flatMap((dir) => files(join(ROOT, dir)))
    .map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }))
    .filter(({ path }) => !ALLOWED.has(path))
    .flatMap(({ path, text }) => [...text.matchAll(DIRECT_WRITE)].map((m) => `${path}: ${m[0]}`));
  expect(offenders).toEqual(['storage/quarantine.ts: .annotations.bulkDelete(']);
});

it('catches a direct write where there is one', () => {
  expect('await db.knownWords.bulkDelete(words)'.match(DIRECT_WRITE)).not.toBeNull();
  expect("db.annotations.where('deletedAt').below(cutoff).delete()".match(DIRECT_WRITE)).not.toBeNull();
  expect('await db.annotations.get(id)'.match(DIRECT_WRITE)).toBeNull();
});
