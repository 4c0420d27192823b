import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { createTranslationCache } from '../../../storage/translation-cache';

let db: AnnotationDb;
let clock = 1_000;
beforeEach(() => {
  db = openAnnotationDb(`test-${crypto.randomUUID()}`);
  clock = 1_000;
});
afterEach(() => db.delete());

const cache = (limit?: number) => createTranslationCache(db, () => clock++, limit);

describe('translation cache', () => {
  it('answers what was put, per service and script, and nothing else', async () => {
    const c = cache();
    await c.put('deepl', 'DeepL', 'zh-Hans', ['你好', '世界'], ['hello', 'world']);
    expect(await c.get('deepl', 'zh-Hans', ['世界', '再见', '你好'])).toEqual(['world', undefined, 'hello']);
    expect(await c.get('google', 'zh-Hans', ['你好'])).toEqual([undefined]);
    expect(await c.get('deepl', 'zh-Hant', ['你好'])).toEqual([undefined]);
    expect(await db.translations.toArray()).toEqual(
      expect.arrayContaining([expect.objectContaining({ provider: 'DeepL', text: 'hello', key: 'deepl\nzh-Hans>en\n你好' })]),
    );
  });

  it('keeps at most `limit` entries, forgetting the oldest first', async () => {
    const c = cache(2);
    await c.put('deepl', 'DeepL', 'zh-Hans', ['一'], ['one']);
    await c.put('deepl', 'DeepL', 'zh-Hans', ['二'], ['two']);
    await c.put('deepl', 'DeepL', 'zh-Hans', ['三'], ['three']);
    expect(await c.get('deepl', 'zh-Hans', ['一', '二', '三'])).toEqual([undefined, 'two', 'three']);
  });

  it('clears everything and says how much there was', async () => {
    const c = cache();
    await c.put('deepl', 'DeepL', 'zh-Hans', ['一', '二'], ['one', 'two']);
    expect(await c.clear()).toBe(2);
    expect(await c.get('deepl', 'zh-Hans', ['一'])).toEqual([undefined]);
  });

  it('lets translation go on when the database cannot be used, and reports a failed clear', async () => {
    const c = cache();
    db.close();
    expect(await c.get('deepl', 'zh-Hans', ['一'])).toEqual([undefined]);
    await expect(c.put('deepl', 'DeepL', 'zh-Hans', ['一'], ['one'])).resolves.toBeUndefined();
    await expect(c.clear()).rejects.toMatchObject({ code: 'storage-unavailable' });
  });
});
