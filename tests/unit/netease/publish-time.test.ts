import { describe, expect, test } from 'vitest';
import { publishedAtOf } from '../../../lib/core/netease/publish-time';
import { FIXTURE_PUBLISHED_AT, desktopPage, mobilePage, parseHtml, removeAll } from './pages';

/** The publish time of a page whose only stamp is `text`, in its byline. */
function fromByline(text: string): string {
  const doc = parseHtml('<div class="post_info"></div>');
  doc.querySelector('.post_info')!.textContent = text;
  return publishedAtOf(doc, doc.querySelector('.post_info'));
}

describe('reading a time stamp', () => {
  test.each([
    ['2026-01-20 10:32:18', '2026-01-20T10:32:18+08:00'],
    ['2026-01-20T10:32:18+08:00', '2026-01-20T10:32:18+08:00'],
    ['2026-01-20T10:32:18+0800', '2026-01-20T10:32:18+08:00'],
    ['2026-01-20T10:32:18.250+08:00', '2026-01-20T10:32:18+08:00'],
    ['2026-01-20 10:32', '2026-01-20T10:32:00+08:00'],
    ['2021-2-5 9:05', '2021-02-05T09:05:00+08:00'],
    ['2026-01-20T02:32:18Z', '2026-01-20T10:32:18+08:00'],
    ['2026-01-19T20:00:00-05:00', '2026-01-20T09:00:00+08:00'],
    ['2025-12-31T20:30:00Z', '2026-01-01T04:30:00+08:00'],
    ['\n   2026-01-20 10:32:18\u3000来源: 問馬AskMusk 举报', '2026-01-20T10:32:18+08:00'],
  ])('%j → %s', (text, iso) => {
    expect(fromByline(text)).toBe(iso);
  });

  test.each([
    [''],
    ['2026-01-20'],
    ['2026-02-30 10:00'],
    ['2026-13-01 10:00'],
    ['2026-01-20 24:00'],
    ['2026-01-20 10:60'],
    ['昨天 10:32'],
  ])("gives '' for %j: no time, or not a real one", (text) => {
    expect(fromByline(text)).toBe('');
  });
});

describe('publishedAtOf', () => {
  const bylineOf = (doc: Document) => doc.querySelector('.post_info, .article-info');

  test('reads the fixtures', () => {
    for (const doc of [desktopPage(), mobilePage()]) {
      expect(publishedAtOf(doc, bylineOf(doc))).toBe(FIXTURE_PUBLISHED_AT);
    }
  });

  test('prefers html[data-publishtime] to the other stamps', () => {
    const doc = desktopPage();
    doc.documentElement.setAttribute('data-publishtime', '2026-01-21 08:00:00');
    expect(publishedAtOf(doc, bylineOf(doc))).toBe('2026-01-21T08:00:00+08:00');
  });

  /** A page with one stamp only: each source must be read on its own. */
  test.each([
    ['<html data-publishtime="2024-03-04 05:06:07">', '2024-03-04T05:06:07+08:00'],
    ['<meta property="article:published_time" content="2024-03-03T21:06:07Z">', '2024-03-04T05:06:07+08:00'],
    ['<div id="contain" data-ptime="2024-03-04 05:06:07"></div>', '2024-03-04T05:06:07+08:00'],
    ['<time datetime="2024-03-04 05:06">3月4日</time>', '2024-03-04T05:06:00+08:00'],
    ['<div class="post_info">2024-03-04 05:06:07\u3000来源: 某报</div>', '2024-03-04T05:06:07+08:00'],
  ])('reads a page whose only stamp is %s', (html, iso) => {
    const doc = parseHtml(html);
    expect(publishedAtOf(doc, doc.querySelector('.post_info'))).toBe(iso);
  });

  test('skips an unreadable stamp for the next one', () => {
    const doc = parseHtml('<html data-publishtime="刚刚"><div id="contain" data-ptime="2024-03-04 05:06:07"></div>');
    expect(publishedAtOf(doc, null)).toBe('2024-03-04T05:06:07+08:00');
  });

  test("is '' when the page gives no time", () => {
    const doc = removeAll(desktopPage(), 'meta[property="article:published_time"]');
    doc.documentElement.removeAttribute('data-publishtime');
    doc.querySelector('#contain')!.removeAttribute('data-ptime');
    doc.querySelector('.post_info')!.textContent = '来源: 問馬AskMusk';
    expect(publishedAtOf(doc, bylineOf(doc))).toBe('');
  });
});
