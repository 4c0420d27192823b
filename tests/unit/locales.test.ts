/**
 * Both interface languages say everything: the English and Simplified Chinese catalogues have the same keys with the
 * same placeholders, and every key the code asks for is in them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import chinese from '../../public/_locales/zh_CN/messages.json';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

/** Every TypeScript source file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The keys a catalogue message uses, `$NAME$`, upper-cased as the browser matches them. */
const placeholdersIn = (message: string) => [...message.matchAll(/\$(\w+)\$/g)].map((m) => m[1].toUpperCase()).sort();

describe('the locale catalogues', () => {
  const en = english as Catalogue;
  const zh = chinese as Catalogue;

  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('use the same placeholders in both languages, each declared', () => {
    for (const [key, entry] of Object.entries(en)) {
      const declared = Object.keys(entry.placeholders ?? {})
        .map((n) => n.toUpperCase())
        .sort();
      expect([key, [...new Set(placeholdersIn(entry.message))]]).toEqual([key, declared]);
      expect([key, [...new Set(placeholdersIn(zh[key]?.message ?? ''))]]).toEqual([key, declared]);
    }
  });

  it('hold every key the code asks for', () => {
    const asked = new Set<string>();
    for (const file of ['lib', 'components', 'entrypoints', 'storage'].flatMap(sources)) {
      // t('key'…) in views; readerText('key'…) and problem('key'…) in pure code, said later in the reader's language.
      for (const m of readFileSync(file, 'utf8').matchAll(/\b(?:t|readerText|problem)\(\s*'(\w+)'/g)) asked.add(m[1]);
    }
    expect(asked.size).toBeGreaterThan(100);
    expect([...asked].filter((key) => !(key in en) || !(key in zh))).toEqual([]);
  });
});
