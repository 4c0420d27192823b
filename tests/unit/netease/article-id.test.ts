import { describe, expect, test } from 'vitest';
import { MatchPattern } from 'wxt/utils/match-patterns';
import {
  ARTICLE_MATCH_PATTERNS,
  articleIdFromUrl,
  desktopArticleUrl,
  isArticleId,
  isDesktopUrlOf,
  mayBeArticlePage,
  parseArticleUrl,
} from '../../../lib/core/netease/article-id';

const ID = 'KJ8S2N1V0556A7ZQ';

/** One URL of every article kind, with the ID it carries. */
const ARTICLE_URLS: [kind: string, url: string, channel: string | null][] = [
  ['desktop', `https://www.163.com/dy/article/${ID}.html`, 'dy'],
  ['desktop', `https://www.163.com/tech/article/${ID}.html`, 'tech'],
  ['desktop', `http://www.163.com/news/article/${ID}.html`, 'news'],
  ['mobile', `https://m.163.com/dy/article/${ID}.html`, 'dy'],
  ['mobile', `https://m.163.com/sports/article/${ID}.html`, 'sports'],
  ['mobile', `https://3g.163.com/news/article/${ID}.html`, 'news'],
  ['app-share', `https://c.m.163.com/news/a/${ID}.html`, null],
  ['legacy', `https://news.163.com/21/0225/11/${ID}.html`, 'news'],
  ['legacy', `http://money.163.com/19/1231/08/${ID}.html`, 'money'],
  // 网易号 articles until 2020 (now redirected to www.163.com/dy/article/)
  ['legacy', `http://dy.163.com/v2/article/detail/${ID}.html`, 'dy'],
];

/** Pages on or near 163.com that are not articles. */
const NON_ARTICLE_URLS = [
  'https://www.163.com/',
  'https://www.163.com/index.html',
  'https://m.163.com/',
  'https://www.163.com/dy/media/T1000000000000.html',
  'https://m.163.com/news/sub/T1000000000000.html',
  'https://www.163.com/special/0077jt/tipoff.html',
  'https://news.163.com/',
  'https://dy.163.com/wemedia/index.html',
];

describe('articleIdFromUrl', () => {
  test.each(ARTICLE_URLS)('reads the ID of a %s URL: %s', (_kind, url) => {
    expect(articleIdFromUrl(url)).toBe(ID);
  });

  test.each([
    [`https://www.163.com/dy/article/${ID}_pdya11y.html`],
    [`https://www.163.com/news/article/${ID}_pa11y.html`],
    [`https://m.163.com/dy/article/${ID}_pdya11y.html`],
    [`https://www.163.com/dy/article/${ID}.html?f=post2020_dy_recommends`],
    [`https://m.163.com/dy/article/${ID}.html?spss=adap_pc#comments`],
    [`https://www.163.com/dy/article/${ID}_pdya11y.html?f=a#top`],
    [`https://c.m.163.com/news/a/${ID}.html?spss=newsapp`],
    [`https://news.163.com/21/0225/11/${ID}_pa11y.html?from=x`],
  ])('ignores _suffix, query and hash: %s', (url) => {
    expect(articleIdFromUrl(url)).toBe(ID);
  });

  test.each([
    ...NON_ARTICLE_URLS.map((url) => [url]),
    [`https://example.com/dy/article/${ID}.html`],
    [`https://www.163.com.example.com/dy/article/${ID}.html`],
    [`https://www.126.com/dy/article/${ID}.html`],
    [`https://www.163.com/dy/article/${ID.toLowerCase()}.html`],
    [`https://www.163.com/dy/article/${ID.slice(1)}.html`],
    [`https://www.163.com/dy/article/${ID}A.html`],
    [`https://www.163.com/dy/article/${ID}.htm`],
    [`https://www.163.com/dy/article/sub/${ID}.html`],
    [`https://c.m.163.com/news/sub/${ID}.html`],
    [`https://news.163.com/2021/0225/11/${ID}.html`],
    [`https://dy.163.com/v2/article/${ID}.html`],
    [`https://www.163.com/v2/article/detail/${ID}.html`],
    [`ftp://www.163.com/dy/article/${ID}.html`],
    [`/dy/article/${ID}.html`],
    ['not a url'],
    [''],
  ])('is null for a URL that is not an article: %s', (url) => {
    expect(articleIdFromUrl(url)).toBeNull();
  });
});

describe('parseArticleUrl', () => {
  test.each(ARTICLE_URLS)('knows the kind and channel of a %s URL: %s', (kind, url, channel) => {
    expect(parseArticleUrl(url)).toEqual({ id: ID, kind, channel });
  });
});

describe('desktopArticleUrl', () => {
  test('keeps the channel path, and falls back to the 网易号 path without one', () => {
    expect(desktopArticleUrl(ID, 'tech')).toBe(`https://www.163.com/tech/article/${ID}.html`);
    expect(desktopArticleUrl(ID, null)).toBe(`https://www.163.com/dy/article/${ID}.html`);
  });
});

describe('isDesktopUrlOf', () => {
  test('accepts desktop and legacy URLs of the same article only', () => {
    expect(isDesktopUrlOf(`https://www.163.com/news/article/${ID}.html`, ID)).toBe(true);
    expect(isDesktopUrlOf(`https://news.163.com/21/0225/11/${ID}.html`, ID)).toBe(true);
    expect(isDesktopUrlOf(`https://m.163.com/dy/article/${ID}.html`, ID)).toBe(false);
    expect(isDesktopUrlOf(`https://c.m.163.com/news/a/${ID}.html`, ID)).toBe(false);
    expect(isDesktopUrlOf('https://www.163.com/dy/article/AAAABBBBCCCCDDDD.html', ID)).toBe(false);
  });
});

describe('isArticleId', () => {
  test('is exactly 16 upper-case letters and digits', () => {
    expect(isArticleId(ID)).toBe(true);
    expect(isArticleId(ID.toLowerCase())).toBe(false);
    expect(isArticleId(`${ID}0`)).toBe(false);
    expect(isArticleId(` ${ID}`)).toBe(false);
    expect(isArticleId('T1000000000000')).toBe(false);
  });
});

describe('mayBeArticlePage', () => {
  test('is any 163.com page but the home page and account pages', () => {
    expect(mayBeArticlePage('https://3g.163.com/touch/article.html?docid=X')).toBe(true);
    expect(mayBeArticlePage(`https://www.163.com/dy/article/${ID}.html`)).toBe(true);
    for (const url of [
      'https://www.163.com/',
      'https://www.163.com/index.html?x=1',
      'https://www.163.com/dy/media/T1000000000000.html',
      'https://m.163.com/news/sub/T1000000000000.html',
      'https://example.com/a.html',
      'https://not163.com/a.html',
      'https://163.com.example.com/a.html',
      'garbage',
    ]) {
      expect(mayBeArticlePage(url), url).toBe(false);
    }
  });
});

/**
 * How Chromium applies a match pattern: scheme, host (`*.` = the domain and its subdomains), then the path glob
 * against the path AND query. (WXT's MatchPattern, used below for syntax, ignores the query.)
 */
function chromiumMatches(pattern: string, url: string): boolean {
  const m = /^(\*|https?):\/\/(\*|\*\.[^/*]+|[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) throw new Error(`bad pattern ${pattern}`);
  const [, scheme, host, path] = m;
  const u = new URL(url);
  const schemeOk = scheme === '*' ? u.protocol === 'http:' || u.protocol === 'https:' : u.protocol === `${scheme}:`;
  const hostOk = host.startsWith('*.') ? u.hostname === host.slice(2) || u.hostname.endsWith(host.slice(1)) : u.hostname === host;
  const glob = new RegExp(`^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return schemeOk && hostOk && glob.test(u.pathname + u.search);
}

const matchedBy = (url: string): string[] => ARTICLE_MATCH_PATTERNS.filter((p) => chromiumMatches(p, url));

describe('ARTICLE_MATCH_PATTERNS', () => {
  test('are valid match patterns', () => {
    for (const pattern of ARTICLE_MATCH_PATTERNS) expect(() => new MatchPattern(pattern), pattern).not.toThrow();
  });

  const articleUrls = ARTICLE_URLS.flatMap(([, url]) => [
    url,
    url.replace(/^https?:/, (s) => (s === 'https:' ? 'http:' : 'https:')),
    `${url}?f=post2020_dy_recommends`,
    url.replace('.html', '_pdya11y.html'),
  ]);

  test.each(articleUrls)('cover the article URL %s', (url) => {
    expect(matchedBy(url)).not.toEqual([]);
    expect(ARTICLE_MATCH_PATTERNS.some((p) => new MatchPattern(p).includes(url))).toBe(true);
  });

  test.each([
    ...NON_ARTICLE_URLS,
    `https://example.com/dy/article/${ID}.html`,
    `https://www.163.com.example.com/dy/article/${ID}.html`,
    'https://www.163.com/dy/',
    'https://m.163.com/touch/news/',
  ])('leave out the non-article page %s', (url) => {
    expect(matchedBy(url)).toEqual([]);
  });

  test('has no pattern the others already cover', () => {
    for (const pattern of ARTICLE_MATCH_PATTERNS) {
      const onlyThis = articleUrls.filter((url) => matchedBy(url).length === 1 && chromiumMatches(pattern, url));
      expect(onlyThis, pattern).not.toEqual([]);
    }
  });
});
