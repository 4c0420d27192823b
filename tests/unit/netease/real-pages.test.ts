/**
 * Detection on real NetEase pages from 2015 to today (tests/fixtures/real/sources.json; the pages themselves are
 * read from ../shared/fixtures/real/ or NEA_REAL_PAGES): at each page's real URL, the right ID, title, source, time,
 * canonical URL and template; the article's text from its first to its last words with none of the page's
 * recommendation, related-links, video-fallback, editor, share or disclaimer text; and where the source ships
 * human-annotated article text, ours equal to it. Pages of a kind we do not support must stay silent.
 */
import { describe, expect, it } from 'vitest';
import { diff_match_patch as DiffMatchPatch } from 'diff-match-patch';
import { findArticle } from '../../../lib/core/netease/find-article';
import { buildTextIndex } from '../../../lib/core/anchoring/text-index';
import { isNonArticleElement } from '../../../lib/core/netease/non-article-content';
import { REAL_PAGES, annotatedTextOf, corpusSkipReason, readRealPage } from '../../fixtures/real/corpus';
import { parseAsBrowser } from './real/browser-parse';

const skipReason = corpusSkipReason();
if (skipReason) console.warn(skipReason);

/** Text that surrounds articles on NetEase pages (and sits inside legacy bodies) but is never article text. */
const NOT_ARTICLE_TEXT = [
  '延伸阅读', // related-article list
  '延伸·推荐', // recommendation box
  '您的浏览器暂时无法播放此视频', // video player fallback
  '责任编辑', // editor line
  '本文来源', // source line under legacy bodies
  '分享到', // share bars
  '特别声明', // 网易号 disclaimer
  'Notice:Thecontentabove',
  '重点推荐', // 2015 money promotion block
  '人参与', // comment counter
  '关键词阅读', // 2015 keyword links
];

/** Text without any whitespace: templates differ in indentation and NBSPs, not in the article's characters. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

/** Character-level agreement of `ours` with `reference`: 1 − Levenshtein distance / the longer length. */
function agreement(ours: string, reference: string): number {
  const dmp = new DiffMatchPatch();
  const distance = dmp.diff_levenshtein(dmp.diff_main(ours, reference));
  return 1 - distance / Math.max(ours.length, reference.length, 1);
}

describe.skipIf(skipReason !== null)('detection on real NetEase pages', () => {
  const supported = REAL_PAGES.filter((page) => page.expected);
  const unsupported = REAL_PAGES.filter((page) => !page.expected);

  it.each(supported.map((page) => [page.file, page] as const))(
    '%s: the article at its real URLs',
    (_file, page) => {
      const expected = page.expected!;
      for (const url of [page.url, ...(page.alsoAt ?? [])]) {
        const doc = parseAsBrowser(readRealPage(page));
        const article = findArticle(doc, url);
        expect(article, `an article at ${url}`).not.toBeNull();
        expect({ ...article!.meta, layout: article!.layout }).toEqual({
          id: expected.id,
          title: expected.title,
          source: expected.source,
          publishedAt: expected.publishedAt,
          url: expected.url,
          layout: expected.layout,
        });
        const text = squeeze(buildTextIndex(article!.root, isNonArticleElement).text);
        expect(text.startsWith(expected.textStarts), `starts with ${expected.textStarts}`).toBe(true);
        expect(text.endsWith(expected.textEnds), `ends with ${expected.textEnds}`).toBe(true);
        expect(NOT_ARTICLE_TEXT.filter((boilerplate) => text.includes(boilerplate))).toEqual([]);
      }
    },
    60_000,
  );

  it.each(REAL_PAGES.filter((page) => page.annotatedText).map((page) => [page.file, page] as const))(
    '%s: the indexed text agrees with the human-annotated article text',
    (_file, page) => {
      const article = findArticle(parseAsBrowser(readRealPage(page)), page.url)!;
      const ours = squeeze(buildTextIndex(article.root, isNonArticleElement).text);
      const reference = squeeze(annotatedTextOf(page)!);
      const score = agreement(ours, reference);
      console.info(
        `${page.file}: character-level agreement ${(score * 100).toFixed(2)}% (${ours.length} / ${reference.length} characters)`,
      );
      expect(score).toBe(1);
    },
    60_000,
  );

  it.each(unsupported.map((page) => [page.file, page] as const))(
    '%s: a layout we do not support stays silent',
    (_file, page) => {
      expect(findArticle(parseAsBrowser(readRealPage(page)), page.url)).toBeNull();
    },
    60_000,
  );
});
