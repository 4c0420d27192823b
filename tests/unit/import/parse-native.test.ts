import { describe, expect, it } from 'vitest';
import { MAX_NOTE_LENGTH, MAX_QUOTE_LENGTH } from '../../../lib/core/model/annotation';
import { toJson, type NativeFile } from '../../../lib/core/formats/export/to-json';
import type { SaidImport } from './said';
import { MAX_TRANSLATION_LENGTH } from '../../../lib/core/model/annotation';
import { parseSaid } from './said';
import { EXPORTED_AT, PLANE_ID, sampleData, SPECIALS_ID, T0, uuid } from '../export/fixtures';

/** The sample backup as an object to damage. */
const backup = (): NativeFile => JSON.parse(toJson(sampleData(), EXPORTED_AT)) as NativeFile;

/** Parses `file` (or its JSON `text`), expecting the file as a whole to be accepted. */
function parsed(file: NativeFile | string): SaidImport {
  const result = parseSaid(typeof file === 'string' ? file : JSON.stringify(file));
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

/** The sample backup with annotation `index` changed by `change`; the single rejection's reason. */
function rejectionOf(index: number, change: (annotation: Record<string, unknown>) => void): string {
  const file = backup();
  change(file.annotations[index] as unknown as Record<string, unknown>);
  const result = parsed(file);
  expect(result.annotations).toHaveLength(file.annotations.length - 1);
  expect(result.rejected).toHaveLength(1);
  expect(result.rejected[0].index).toBe(index);
  return result.rejected[0].reason;
}

describe('parseNative', () => {
  it('gives back every record of our own export unchanged', () => {
    const file = backup();
    expect(parsed(file)).toEqual({
      format: 'native',
      annotations: file.annotations,
      articles: file.articles,
      rejected: [],
      knownWords: file.knownWords,
      wordList: file.wordList,
    });
    expect(file.knownWords).toHaveLength(3);
  });

  it('accepts a backup without known words (made before they were exported)', () => {
    const file = backup() as Partial<NativeFile>;
    delete file.knownWords;
    expect(parsed(file as NativeFile).knownWords).toEqual([]);
  });

  it('refuses the whole file when its known words are invalid, saying which and why', () => {
    const damaged = (change: (file: Record<string, unknown>) => void): string => {
      const file = backup() as unknown as Record<string, unknown>;
      change(file);
      const result = parseSaid(JSON.stringify(file));
      return result.ok ? 'accepted' : result.error;
    };
    expect(damaged((f) => ((f.knownWords as unknown[])[1] = { word: '', addedAt: T0 }))).toBe(
      'This backup file is damaged: knownWords.1.word must be 1 to 32 characters.',
    );
    expect(damaged((f) => ((f.knownWords as unknown[])[0] = { word: 'x'.repeat(33), addedAt: T0 }))).toBe(
      'This backup file is damaged: knownWords.0.word must be 1 to 32 characters.',
    );
    expect(damaged((f) => ((f.knownWords as unknown[])[2] = { word: 'ok', addedAt: -1 }))).toBe(
      'This backup file is damaged: knownWords.2.addedAt must not be negative.',
    );
    expect(damaged((f) => (f.knownWords = 'aircraft'))).toBe('This backup file is damaged: knownWords must be a list.');
    expect(damaged((f) => (f.knownWords = Array.from({ length: 50_001 }, (_, i) => ({ word: `w${i}`, addedAt: T0 }))))).toBe(
      'This backup file is damaged: knownWords must hold at most 50000 words.',
    );
    expect(damaged((f) => (f.knownWords = Array.from({ length: 50_000 }, (_, i) => ({ word: `w${i}`, addedAt: T0 }))))).toBe(
      'accepted',
    );
  });

  it('keeps script and HTML in text verbatim: they are valid text, only ever shown as text', () => {
    const file = backup();
    file.annotations[0].note = '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>';
    file.annotations[0].target.selector[0].exact = '<b>"引号"</b>';
    const [first] = parsed(file).annotations;
    expect(first.note).toBe('<script>alert(document.cookie)</script><img src=x onerror=alert(1)>');
    expect(first.target.selector[0].exact).toBe('<b>"引号"</b>');
  });

  it.each<[string, (a: Record<string, unknown>) => void, string]>([
    [
      'a note over the limit',
      (a) => (a.note = 'x'.repeat(MAX_NOTE_LENGTH + 1)),
      `note must be at most ${MAX_NOTE_LENGTH} characters`,
    ],
    [
      'a quote over the limit',
      (a) => ((a.target as { selector: { exact: string }[] }).selector[0].exact = 'q'.repeat(MAX_QUOTE_LENGTH + 1)),
      `target.selector.0.exact must be 1 to ${MAX_QUOTE_LENGTH} characters`,
    ],
    [
      'an empty quote',
      (a) => ((a.target as { selector: { exact: string }[] }).selector[0].exact = ''),
      'target.selector.0.exact must be 1 to 20000 characters',
    ],
    [
      'an end before the start',
      (a) => ((a.target as { selector: { end: number }[] }).selector[1].end = 0),
      'target.selector.1.end must be greater than start',
    ],
    [
      'a huge position',
      (a) => ((a.target as { selector: { end: number }[] }).selector[1].end = 1e12),
      'target.selector.1.end must be at most 10000000',
    ],
    ['an unknown colour', (a) => (a.color = 'red'), 'color must be one of yellow, green, blue, pink, purple'],
    ['a bad id', (a) => (a.id = 'not-a-uuid'), 'id must be an annotation id (a UUID)'],
    ['a bad article ID', (a) => (a.articleId = 'short'), 'articleId must be a 16-character NetEase article ID'],
    ['repeated tags', (a) => (a.tags = ['a', ' a ']), 'tags must not repeat a tag'],
    ['51 tags', (a) => (a.tags = Array.from({ length: 51 }, (_, i) => `t${i}`)), 'tags must have at most 50 tags'],
    ['a deleted annotation', (a) => (a.deletedAt = T0), 'deletedAt must be null (deleted annotations are not exported)'],
    ['a fractional time', (a) => (a.updatedAt = 1.5), 'updatedAt must be a whole number'],
    ['a time as text', (a) => (a.createdAt = '2024-05-01'), 'createdAt must be a number'],
    ['a missing field', (a) => delete a.tags, 'tags is required'],
    ['an unknown field', (a) => (a.extra = 1), 'extra is not an allowed field'],
    [
      'a constructor field',
      (a) => Object.assign(a, { constructor: { prototype: { polluted: true } } }),
      'constructor is not an allowed field',
    ],
    ['an unknown target version', (a) => ((a.target as { version: number }).version = 2), 'target.version must be 1 to 1'],
    [
      'a translation over the limit',
      (a) => (a.translation = { text: 't'.repeat(MAX_TRANSLATION_LENGTH + 1), provider: 'DeepL' }),
      `translation.text must be 1 to ${MAX_TRANSLATION_LENGTH} characters`,
    ],
    ['a translation without provider', (a) => (a.translation = { text: 'x' }), 'translation.provider is required'],
    ['not an object', (a) => Object.assign(a, { id: 5 }), 'id must be text'],
  ])('refuses %s, naming the field', (_, change, reason) => {
    expect(rejectionOf(1, change)).toBe(reason);
  });

  it('refuses an annotation with a __proto__ key and pollutes nothing', () => {
    const text = toJson(sampleData(), EXPORTED_AT).replace('"color": "pink"', '"color": "pink", "__proto__": {"polluted": true}');
    const result = parsed(text);
    expect(result.rejected).toEqual([{ index: 0, reason: '__proto__ is not an allowed field' }]);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('refuses an item that is not an object', () => {
    const file = backup() as unknown as { annotations: unknown[] };
    file.annotations.push('string', null, [1]);
    expect(parsed(JSON.stringify(file)).rejected).toEqual([
      { index: 5, reason: 'must be an object' },
      { index: 6, reason: 'must be an object' },
      { index: 7, reason: 'id is required' },
    ]);
  });

  it('shortens a huge unknown field name in the reason', () => {
    const reason = rejectionOf(2, (a) => (a['k'.repeat(100_000)] = 1));
    expect(reason.length).toBeLessThan(150);
    expect(reason).toMatch(/^k+… is not an allowed field$/);
  });

  it('refuses the annotations of an article whose record is invalid, citing the record', () => {
    const file = backup();
    file.articles[1].title = 't'.repeat(1001);
    const result = parsed(file);
    expect(result.rejected).toEqual([
      { index: 3, reason: 'its article record articles[1] is invalid: title must be at most 1000 characters' },
    ]);
    expect(result.articles.map((a) => a.id)).toEqual([PLANE_ID]);
  });

  it('refuses an article record whose URL is not on 163.com', () => {
    const file = backup();
    file.articles[0].url = 'javascript:alert(1)';
    expect(parsed(file).rejected.map((r) => r.reason)).toEqual(
      Array(3).fill('its article record articles[0] is invalid: url must be an http(s) address on 163.com'),
    );
  });

  it('keeps only the records of articles whose annotations are accepted, the newest of repeated ones', () => {
    const file = backup();
    file.annotations = file.annotations.filter((a) => a.articleId === SPECIALS_ID);
    file.articles.push({ ...file.articles[1], title: 'newer', updatedAt: file.articles[1].updatedAt + 1 });
    file.articles.push({ ...file.articles[1], title: 'older', updatedAt: 0 });
    expect(parsed(file).articles).toEqual([
      { ...backup().articles[1], title: 'newer', updatedAt: backup().articles[1].updatedAt + 1 },
    ]);
  });

  it('accepts annotations whose article has no record in the file', () => {
    const result = parsed(backup());
    expect(result.annotations.find((a) => a.id === uuid(5))).toBeDefined();
  });
});
