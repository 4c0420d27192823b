import { describe, expect, it } from 'vitest';
import { validatePageRequest, validateRequest } from './declared';
import { MAX_NOTE_LENGTH, MAX_QUOTE_LENGTH } from '../../../lib/core/model/annotation';
import type { BackgroundType, Result } from '../../../lib/extension/messaging/messages';
import { ARTICLE_ID, articleMeta, newAnnotation } from './fixtures';

const ID = '6f1c2a9e-4b7d-4c3e-9a1f-2b3c4d5e6f70';

/** Validates `payload` as a request of `type`, as the background does. */
const validate = (type: BackgroundType, payload: unknown): Promise<Result<unknown>> => validateRequest(type, payload);

/** A valid create payload, for cases to break. */
const createPayload = () => ({ article: articleMeta(), annotation: newAnnotation() });
type CreatePayload = ReturnType<typeof createPayload>;
/** A create payload changed by `change`. */
const createWith = (change: (p: CreatePayload) => void) => {
  const payload = createPayload();
  change(payload);
  return payload;
};
const quote = (p: CreatePayload) => p.annotation.target.selector[0];
const position = (p: CreatePayload) => p.annotation.target.selector[1];

describe('valid requests', () => {
  it.each<[BackgroundType, unknown]>([
    ['annotations/list', { articleId: ARTICLE_ID }],
    ['annotations/create', createPayload()],
    ['annotations/update', { id: ID, patch: { color: 'blue', note: 'x', tags: ['a'] } }],
    ['annotations/update', { id: ID, patch: {} }],
    ['annotations/delete', { id: ID }],
    ['annotations/restore', { id: ID }],
    ['articles/get', { articleId: ARTICLE_ID }],
  ])('%s accepts %j', async (type, payload) => {
    expect(await validate(type, payload)).toEqual({ ok: true, value: payload });
  });

  it.each([
    ['an empty publishedAt', (p: CreatePayload) => (p.article.publishedAt = '')],
    ['a date-only publishedAt', (p: CreatePayload) => (p.article.publishedAt = '2024-05-01')],
    ['a UTC publishedAt with fraction', (p: CreatePayload) => (p.article.publishedAt = '2024-05-01T00:30:00.123Z')],
    ['a mobile URL', (p: CreatePayload) => (p.article.url = `http://m.163.com/news/article/${ARTICLE_ID}.html`)],
    ['the bare 163.com host', (p: CreatePayload) => (p.article.url = 'https://163.com/')],
    ['empty title and source', (p: CreatePayload) => Object.assign(p.article, { title: '', source: '' })],
    [
      'the longest note and quote',
      (p: CreatePayload) => {
        p.annotation.note = 'n'.repeat(MAX_NOTE_LENGTH);
        quote(p).exact = 'q'.repeat(MAX_QUOTE_LENGTH);
      },
    ],
    ['positions at the bounds', (p: CreatePayload) => Object.assign(position(p), { start: 0, end: 10_000_000 })],
    [
      '50 tags of 100 characters',
      (p: CreatePayload) => {
        p.annotation.tags = Array.from({ length: 50 }, (_, i) => String(i).padEnd(100, 'x'));
      },
    ],
  ])('create accepts %s', async (_name, change) => {
    expect((await validate('annotations/create', createWith(change))).ok).toBe(true);
  });

  it('trims tags', async () => {
    const result = await validate(
      'annotations/create',
      createWith((p) => (p.annotation.tags = ['  economy ', 'tech'])),
    );
    expect(result.ok && (result.value as CreatePayload).annotation.tags).toEqual(['economy', 'tech']);
  });

  it('keeps script tags in a note verbatim: it is text', async () => {
    const note = '<script>alert(1)</script><img src=x onerror=alert(2)> & "quotes"';
    const result = await validate('annotations/update', { id: ID, patch: { note } });
    expect(result).toEqual({ ok: true, value: { id: ID, patch: { note } } });
  });
});

describe('invalid requests name the field and what is wrong', () => {
  it.each<[string, BackgroundType, unknown, string]>([
    [
      'a lower-case article id',
      'annotations/list',
      { articleId: ARTICLE_ID.toLowerCase() },
      'articleId must be a 16-character NetEase article ID',
    ],
    ['a short article id', 'articles/get', { articleId: 'ABC' }, 'articleId must be a 16-character NetEase article ID'],
    ['a numeric article id', 'articles/get', { articleId: 1234567890123456 }, 'articleId must be text'],
    ['a missing field', 'annotations/list', {}, 'articleId is required'],
    ['an unknown field', 'annotations/list', { articleId: ARTICLE_ID, extra: 1 }, 'extra is not an allowed field'],
    ['a payload that is not an object', 'annotations/list', 'J3K9L0QA0512D3VR', 'payload must be an object'],
    ['a null payload', 'annotations/delete', null, 'payload must be an object'],
    ['a non-UUID id', 'annotations/delete', { id: 'abc' }, 'id must be an annotation id (a UUID)'],
    ['a non-UUID id to restore', 'annotations/restore', { id: `${ID}x` }, 'id must be an annotation id (a UUID)'],
    [
      'a patch touching deletedAt',
      'annotations/update',
      { id: ID, patch: { deletedAt: null } },
      'patch.deletedAt is not an allowed field',
    ],
    [
      'an unknown colour in a patch',
      'annotations/update',
      { id: ID, patch: { color: 'red' } },
      'patch.color must be one of yellow, green, blue, pink, purple',
    ],
    [
      'a too-long note in a patch',
      'annotations/update',
      { id: ID, patch: { note: 'x'.repeat(MAX_NOTE_LENGTH + 1) } },
      `patch.note must be at most ${MAX_NOTE_LENGTH} characters`,
    ],
    ['a note that is not text', 'annotations/update', { id: ID, patch: { note: 5 } }, 'patch.note must be text'],
    ['tags that are not a list', 'annotations/update', { id: ID, patch: { tags: 'a,b' } }, 'patch.tags must be a list'],
  ])('rejects %s', async (_name, type, payload, message) => {
    const result = await validate(type, payload);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toEqual({ code: 'invalid-request', message: `This request was refused: ${message}.` });
  });

  it.each<[string, (p: CreatePayload) => void, string]>([
    ['an unknown colour', (p) => ((p.annotation as { color: string }).color = 'red'), 'annotation.color must be one of'],
    ['a note over the limit', (p) => (p.annotation.note = 'x'.repeat(MAX_NOTE_LENGTH + 1)), 'annotation.note must be at most'],
    ['an empty quote', (p) => (quote(p).exact = ''), 'annotation.target.selector[0].exact must be 1 to 20000 characters'],
    [
      'a quote over the limit',
      (p) => (quote(p).exact = 'q'.repeat(MAX_QUOTE_LENGTH + 1)),
      'annotation.target.selector[0].exact must be 1 to 20000',
    ],
    [
      'a long prefix',
      (p) => (quote(p).prefix = 'p'.repeat(257)),
      'annotation.target.selector[0].prefix must be at most 256 characters',
    ],
    [
      'a long suffix',
      (p) => (quote(p).suffix = 's'.repeat(257)),
      'annotation.target.selector[0].suffix must be at most 256 characters',
    ],
    [
      'a wrong selector type',
      (p) => ((quote(p) as { type: string }).type = 'CssSelector'),
      'annotation.target.selector[0].type must be "TextQuoteSelector"',
    ],
    ['a negative start', (p) => (position(p).start = -1), 'annotation.target.selector[1].start must not be negative'],
    ['a fractional start', (p) => (position(p).start = 1.5), 'annotation.target.selector[1].start must be a whole number'],
    [
      'an end past the limit',
      (p) => (position(p).end = 10_000_001),
      'annotation.target.selector[1].end must be at most 10000000',
    ],
    [
      'start equal to end',
      (p) => Object.assign(position(p), { start: 5, end: 5 }),
      'annotation.target.selector[1].end must be greater than start',
    ],
    [
      'a start as text',
      (p) => ((position(p) as { start: unknown }).start = '5'),
      'annotation.target.selector[1].start must be a number',
    ],
    [
      'swapped selectors',
      (p) => p.annotation.target.selector.reverse(),
      'annotation.target.selector[0].type must be "TextQuoteSelector"',
    ],
    [
      'a third selector',
      (p) => (p.annotation.target.selector as unknown[]).push({}),
      'annotation.target.selector[2] is not allowed: the selector is a [TextQuoteSelector, TextPositionSelector] pair',
    ],
    [
      'a selector that is not a list',
      (p) => ((p.annotation.target as { selector: unknown }).selector = {}),
      'annotation.target.selector must be a [TextQuoteSelector, TextPositionSelector] pair',
    ],
    ['a missing position selector', (p) => p.annotation.target.selector.pop(), 'annotation.target.selector[1] must be an object'],
    ['selector version 0', (p) => (p.annotation.target.version = 0), 'annotation.target.version must be 1 to 1'],
    ['a future selector version', (p) => (p.annotation.target.version = 2), 'annotation.target.version must be 1 to 1'],
    [
      '51 tags',
      (p) => (p.annotation.tags = Array.from({ length: 51 }, (_, i) => `t${i}`)),
      'annotation.tags must have at most 50 tags',
    ],
    ['a blank tag', (p) => (p.annotation.tags = ['ok', '   ']), 'annotation.tags[1] must be 1 to 100 characters'],
    ['a 101-character tag', (p) => (p.annotation.tags = ['x'.repeat(101)]), 'annotation.tags[0] must be 1 to 100 characters'],
    ['a repeated tag (after trimming)', (p) => (p.annotation.tags = ['tech', ' tech']), 'annotation.tags must not repeat a tag'],
    [
      'an extra annotation field',
      (p) => Object.assign(p.annotation, { deletedAt: null }),
      'annotation.deletedAt is not an allowed field',
    ],
    ['a bad article id', (p) => (p.article.id = 'short'), 'article.id must be a 16-character NetEase article ID'],
    ['a long title', (p) => (p.article.title = 't'.repeat(1001)), 'article.title must be at most 1000 characters'],
    ['a long source', (p) => (p.article.source = 's'.repeat(201)), 'article.source must be at most 200 characters'],
    ['a free-text date', (p) => (p.article.publishedAt = 'yesterday'), "article.publishedAt must be '' or an ISO 8601 date"],
    ['an impossible date', (p) => (p.article.publishedAt = '2024-13-01'), "article.publishedAt must be '' or an ISO 8601 date"],
    [
      'a time without offset',
      (p) => (p.article.publishedAt = '2024-05-01T08:30:00'),
      "article.publishedAt must be '' or an ISO 8601 date",
    ],
    [
      'a 41-character date',
      (p) => (p.article.publishedAt = '2024-05-01T08:30:00.123456789+08:00'.padEnd(41, '0')),
      'article.publishedAt must be at most 40 characters',
    ],
    ['another site', (p) => (p.article.url = 'https://example.com/a.html'), 'article.url must be an http(s) address on 163.com'],
    [
      'a look-alike host',
      (p) => (p.article.url = 'https://163.com.evil.example/a.html'),
      'article.url must be an http(s) address on 163.com',
    ],
    [
      'a host ending in 163.com',
      (p) => (p.article.url = 'https://not163.com/a.html'),
      'article.url must be an http(s) address on 163.com',
    ],
    [
      'a javascript: URL',
      (p) => (p.article.url = 'javascript:alert(1)//163.com'),
      'article.url must be an http(s) address on 163.com',
    ],
    ['an ftp URL', (p) => (p.article.url = 'ftp://www.163.com/a'), 'article.url must be an http(s) address on 163.com'],
    ['an empty URL', (p) => (p.article.url = ''), 'article.url must be 1 to 2000 characters'],
    [
      'a 2001-character URL',
      (p) => (p.article.url = `https://www.163.com/${'a'.repeat(1981)}`),
      'article.url must be 1 to 2000 characters',
    ],
  ])('create rejects %s', async (_name, change, message) => {
    const result = await validate('annotations/create', createWith(change));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid-request');
    expect(!result.ok && result.error.message).toContain(message);
  });
});

describe('hostile payloads', () => {
  it('rejects a __proto__ key and does not pollute prototypes', async () => {
    const payload: unknown = JSON.parse(`{"articleId":"${ARTICLE_ID}","__proto__":{"polluted":true}}`);
    const result = await validate('annotations/list', payload);
    expect(!result.ok && result.error.message).toBe('This request was refused: __proto__ is not an allowed field.');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('rejects a nested __proto__ key', async () => {
    const payload: unknown = JSON.parse(`{"id":"${ID}","patch":{"note":"x","__proto__":{"polluted":true}}}`);
    const result = await validate('annotations/update', payload);
    expect(!result.ok && result.error.message).toContain('patch.__proto__ is not an allowed field');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('rejects a constructor key', async () => {
    const result = await validate('annotations/delete', { id: ID, constructor: { prototype: { polluted: true } } });
    expect(!result.ok && result.error.message).toContain('constructor is not an allowed field');
  });

  it('rejects a 1 MB note', async () => {
    const result = await validate('annotations/update', { id: ID, patch: { note: 'x'.repeat(1024 * 1024) } });
    expect(!result.ok && result.error.code).toBe('invalid-request');
  });

  it('does not echo a huge unknown key back in full', async () => {
    const key = 'k'.repeat(100_000);
    const result = await validate('annotations/list', { articleId: ARTICLE_ID, [key]: 1 });
    expect(!result.ok && result.error.message.length).toBeLessThan(200);
  });
});

describe('page request schemas', () => {
  it('accept the content script’s requests and reject bad ones', async () => {
    const run = validatePageRequest;
    expect(await run('page/state', {})).toEqual({ ok: true, value: 'done' });
    expect(await run('page/scroll-to', { id: ID })).toEqual({ ok: true, value: 'done' });
    expect(await run('page/annotations-changed', {})).toEqual({ ok: true, value: 'done' });
    expect((await run('page/state', { x: 1 })).ok).toBe(false);
    expect((await run('page/scroll-to', { id: 'nope' })).ok).toBe(false);
    expect((await run('page/annotations-changed', { articleId: ARTICLE_ID })).ok).toBe(false);
  });
});
