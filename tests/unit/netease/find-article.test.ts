import { afterEach, describe, expect, test, vi } from 'vitest';
import { findArticle, type FoundArticle } from '../../../lib/core/netease/find-article';
import { buildTextIndex } from '../../../lib/core/anchoring/text-index';
import { isNonArticleElement } from '../../../lib/core/netease/non-article-content';
import {
  DESKTOP_URL,
  DISCLAIMER_START,
  FIRST_PARAGRAPH_START,
  FIXTURE_ID,
  FIXTURE_PUBLISHED_AT,
  FIXTURE_SOURCE,
  FIXTURE_TITLE,
  LEGACY_ID,
  LEGACY_SOURCE,
  LEGACY_URL,
  MOBILE_URL,
  desktopPage,
  legacyPage,
  mobilePage,
  parseHtml,
  removeAll,
} from './pages';

/** The fixture's meta, as every URL of it must report (the stored URL is the desktop one). */
const FIXTURE_META = {
  id: FIXTURE_ID,
  title: FIXTURE_TITLE,
  source: FIXTURE_SOURCE,
  publishedAt: FIXTURE_PUBLISHED_AT,
  url: DESKTOP_URL,
};

function found(doc: Document, url: string): FoundArticle {
  const article = findArticle(doc, url);
  expect(article, `an article at ${url}`).not.toBeNull();
  return article!;
}

/** The root's own text starts with the article and holds none of what surrounds the body. */
function expectBodyText(root: Element): void {
  const text = root.textContent!.trim();
  expect(text.startsWith(FIRST_PARAGRAPH_START)).toBe(true);
  expect(text).not.toContain(FIXTURE_TITLE);
  expect(text).not.toContain(DISCLAIMER_START);
}

describe('the fixtures at their real URLs', () => {
  test('desktop: the .post_body inside #content, and every field', () => {
    const doc = desktopPage();
    const article = found(doc, DESKTOP_URL);
    expect(article.layout).toBe('desktop');
    expect(article.meta).toEqual(FIXTURE_META);
    expect(article.root).toBe(doc.querySelector('#content > div.post_body'));
    expectBodyText(article.root);
  });

  test('mobile: the body section of the js-article, and every field', () => {
    const doc = mobilePage();
    const article = found(doc, MOBILE_URL);
    expect(article.layout).toBe('mobile');
    expect(article.meta).toEqual(FIXTURE_META);
    expect(article.root).toBe(doc.querySelector('article.article.js-article > section.article-body'));
    expectBodyText(article.root);
  });
});

describe('other URLs and templates', () => {
  test('an editorial channel article keeps its channel in the built desktop URL', () => {
    const url = `https://www.163.com/tech/article/${FIXTURE_ID}.html`;
    const doc = removeAll(desktopPage(), 'link[rel="canonical"], meta[property="og:url"]');
    expect(found(doc, url).meta).toEqual({ ...FIXTURE_META, url });
  });

  test('a canonical link to the channel article is taken as it is', () => {
    const url = `https://www.163.com/tech/article/${FIXTURE_ID}.html`;
    const doc = desktopPage();
    doc.querySelector('link[rel="canonical"]')!.setAttribute('href', url);
    doc.querySelector('meta[property="og:url"]')!.setAttribute('content', url);
    expect(found(doc, `${url}?f=post2020_dy_recommends`).meta.url).toBe(url);
  });

  test('a canonical link is resolved against the page and loses its query and hash', () => {
    const doc = desktopPage();
    doc.querySelector('link[rel="canonical"]')!.setAttribute('href', ` /news/article/${FIXTURE_ID}.html?f=post#top `);
    expect(found(doc, DESKTOP_URL).meta.url).toBe(`https://www.163.com/news/article/${FIXTURE_ID}.html`);
  });

  test('og:url serves when there is no canonical link', () => {
    const url = `https://www.163.com/news/article/${FIXTURE_ID}.html`;
    const doc = removeAll(desktopPage(), 'link[rel="canonical"]');
    doc.querySelector('meta[property="og:url"]')!.setAttribute('content', url);
    expect(found(doc, DESKTOP_URL).meta.url).toBe(url);
  });

  test('a canonical link to another article, a mobile page or another site is not the URL', () => {
    for (const href of [
      'https://www.163.com/dy/article/AAAABBBBCCCCDDDD.html',
      `https://m.163.com/news/article/${FIXTURE_ID}.html`,
      `https://example.com/news/article/${FIXTURE_ID}.html`,
    ]) {
      const doc = removeAll(desktopPage(), 'meta[property="og:url"]');
      doc.querySelector('link[rel="canonical"]')!.setAttribute('href', href);
      expect(found(doc, `https://m.163.com/ent/article/${FIXTURE_ID}.html`).meta.url, href).toBe(
        `https://www.163.com/ent/article/${FIXTURE_ID}.html`,
      );
    }
  });

  test('3g.163.com serves the mobile template', () => {
    const doc = mobilePage();
    const article = found(doc, `https://3g.163.com/dy/article/${FIXTURE_ID}.html`);
    expect(article.layout).toBe('mobile');
    expect(article.meta).toEqual(FIXTURE_META);
    expect(article.root).toBe(doc.querySelector('section.article-body'));
  });

  test('the news-app share page c.m.163.com/news/a/<ID>.html with the mobile DOM', () => {
    const doc = removeAll(mobilePage(), 'link[rel="canonical"]');
    const article = found(doc, `https://c.m.163.com/news/a/${FIXTURE_ID}.html?spss=newsapp`);
    expect(article.layout).toBe('mobile');
    expect(article.meta).toEqual(FIXTURE_META);
    expect(article.root).toBe(doc.querySelector('section.article-body'));
  });

  test('the share page falls back to any .article-body and the first h1 when the article classes differ', () => {
    const doc = mobilePage();
    const article = doc.querySelector('article.js-article')!;
    article.className = 'news-article';
    article.querySelector('h1')!.className = 'title';
    const body = article.querySelector('section.article-body')!;
    body.className = 'article-body';

    const share = found(doc, `https://c.m.163.com/news/a/${FIXTURE_ID}.html`);
    expect(share.root).toBe(body);
    expect(share.meta.title).toBe(FIXTURE_TITLE);
    expect(share.layout).toBe('mobile');
    // the loose fallback is for the low-confidence share page only: elsewhere an unknown DOM is not an article
    expect(findArticle(doc, MOBILE_URL)).toBeNull();
  });

  test('the _pdya11y accessible version is the same article', () => {
    const url = `https://www.163.com/dy/article/${FIXTURE_ID}_pdya11y.html`;
    const doc = removeAll(desktopPage(), 'link[rel="canonical"], meta[property="og:url"]');
    expect(found(doc, url).meta).toEqual(FIXTURE_META);
  });

  test('a legacy news.163.com page: #endText inside the outer .post_body, byline time and source', () => {
    const doc = legacyPage();
    const article = found(doc, `${LEGACY_URL}?from=index`);
    expect(article.layout).toBe('legacy');
    expect(article.root).toBe(doc.querySelector('#endText'));
    expect(article.root.textContent!.trim().startsWith(FIRST_PARAGRAPH_START)).toBe(true);
    expect(article.root.textContent).not.toContain('分享到');
    expect(article.meta).toEqual({
      id: LEGACY_ID,
      title: FIXTURE_TITLE,
      source: LEGACY_SOURCE,
      publishedAt: '2021-02-25T11:05:32+08:00',
      url: `https://www.163.com/news/article/${LEGACY_ID}.html`,
    });
  });

  test('a recommendation card with its own <article> before the article is not taken for it', () => {
    const doc = mobilePage();
    const card = doc.createElement('article');
    card.innerHTML = '<section class="article-body"><p>推荐卡片的摘要文字</p></section>';
    doc.querySelector('main')!.prepend(card);
    expect(found(doc, MOBILE_URL).root).toBe(doc.querySelector('article.js-article section.article-body'));
  });
});

describe('the ID', () => {
  test('comes from the URL when the DOM disagrees', () => {
    const desktop = desktopPage();
    desktop.querySelector('#contain')!.setAttribute('data-docid', 'AAAABBBBCCCCDDDD');
    expect(found(desktop, DESKTOP_URL).meta.id).toBe(FIXTURE_ID);

    const mobile = mobilePage();
    mobile.documentElement.setAttribute('data-id', 'AAAABBBBCCCCDDDD');
    expect(found(mobile, MOBILE_URL).meta.id).toBe(FIXTURE_ID);
  });

  test('comes from #contain[data-docid] or html[data-id] on a 163.com page whose URL has none', () => {
    const url = 'https://3g.163.com/touch/article.html?docid=unknown';
    expect(found(desktopPage(), url).meta).toEqual(FIXTURE_META);
    const mobile = found(mobilePage(), url);
    expect(mobile.meta.id).toBe(FIXTURE_ID);
    expect(mobile.meta.url).toBe(DESKTOP_URL);
  });

  test('a page with no ID in its URL nor a valid one in its DOM is not an article', () => {
    const doc = desktopPage();
    doc.querySelector('#contain')!.setAttribute('data-docid', 'kj8s2n1v0556a7zq');
    expect(findArticle(doc, 'https://3g.163.com/touch/article.html')).toBeNull();
  });
});

describe('pages that are not articles', () => {
  /** What a 网易号 account page holds: a list of the account's articles, no body. */
  const accountPage = (): Document =>
    parseHtml(`<html><body><div id="contain" data-wemediaid="W0000000000000000000">
      <h1 class="media_name">${FIXTURE_SOURCE}</h1>
      <ul class="media_articles"><li><a href="${DESKTOP_URL}">${FIXTURE_TITLE}</a><p>摘要</p></li></ul>
    </div></body></html>`);

  test.each([['https://www.163.com/dy/media/T1000000000000.html'], ['https://m.163.com/news/sub/T1000000000000.html']])(
    'the account page %s',
    (url) => {
      expect(findArticle(accountPage(), url)).toBeNull();
      // even were the article DOM there (a stale DOM after client-side navigation), the URL says account page
      expect(findArticle(desktopPage(), url)).toBeNull();
      expect(findArticle(mobilePage(), url)).toBeNull();
    },
  );

  test('the home page, even with an article-like DOM', () => {
    const home = parseHtml(`<html><body><div class="index_head"><h1>网易</h1></div>
      <ul class="news_list"><li><a href="${DESKTOP_URL}">${FIXTURE_TITLE}</a></li></ul></body></html>`);
    for (const url of ['https://www.163.com/', 'https://m.163.com/', 'https://www.163.com/index.html']) {
      expect(findArticle(home, url), url).toBeNull();
      expect(findArticle(desktopPage(), url), url).toBeNull();
    }
  });

  test('another site serving the same DOM', () => {
    expect(findArticle(desktopPage(), `https://example.com/dy/article/${FIXTURE_ID}.html`)).toBeNull();
  });

  test('an article URL whose page lost its body', () => {
    expect(findArticle(removeAll(desktopPage(), '.post_body'), DESKTOP_URL)).toBeNull();
    expect(findArticle(removeAll(mobilePage(), 'section.article-body'), MOBILE_URL)).toBeNull();
    expect(findArticle(removeAll(legacyPage(), '#endText'), LEGACY_URL)).toBeNull();
  });

  test('#content alone is never the body', () => {
    const doc = removeAll(desktopPage(), '.post_body');
    expect(doc.querySelector('#content')!.textContent).toContain(DISCLAIMER_START);
    expect(findArticle(doc, DESKTOP_URL)).toBeNull();
  });

  test('a body with no article text: only an image, blank paragraphs and an injected ad', () => {
    const doc = desktopPage();
    const body = doc.querySelector('.post_body')!;
    body.innerHTML =
      '<p class="f_center"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><br></p><p> \u00a0</p>' +
      '<div class="post_area" data-adid="article_dy_body_1"><p>限时特惠</p></div>';
    expect(findArticle(doc, DESKTOP_URL)).toBeNull();

    const mobile = mobilePage();
    mobile.querySelector('section.article-body')!.innerHTML = '<p></p><p>\n</p>';
    expect(findArticle(mobile, MOBILE_URL)).toBeNull();
  });
});

describe('never throws, never logs', () => {
  afterEach(() => vi.restoreAllMocks());

  test('on empty documents and malformed URLs', () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const empty = document.implementation.createHTMLDocument('');
    const urls = ['', 'not a url', 'javascript:alert(1)', 'https://', `//www.163.com/dy/article/${FIXTURE_ID}.html`];
    for (const url of [...urls, DESKTOP_URL]) {
      expect(findArticle(empty, url), url).toBeNull();
      expect(findArticle(desktopPage(), url), url).toEqual(url === DESKTOP_URL ? expect.anything() : null);
    }
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

describe('fields when the usual element is missing', () => {
  test('title: og:title without the mobile site suffix', () => {
    const doc = removeAll(mobilePage(), 'h1.article-title');
    expect(doc.querySelector('meta[property="og:title"]')!.getAttribute('content')).toMatch(/_手机网易网$/);
    expect(found(doc, MOBILE_URL).meta.title).toBe(FIXTURE_TITLE);
  });

  test("title: '' when the page names none", () => {
    const doc = removeAll(desktopPage(), 'h1.post_title, meta[property="og:title"]');
    expect(found(doc, DESKTOP_URL).meta.title).toBe('');
  });

  test('source: the plain-text name after 来源: when the byline has no link', () => {
    const doc = desktopPage();
    doc.querySelector('.post_info')!.innerHTML =
      '2026-01-20 10:32:18\u3000来源: 新京报\u3000<a class="post_jubao" href="/special/tipoff.html">举报</a>';
    expect(found(doc, DESKTOP_URL).meta.source).toBe('新京报');
  });

  test('source: skips the avatar link without text on mobile', () => {
    const doc = mobilePage();
    doc.querySelector('address a.author-homePage')!.textContent = '另一个作者';
    expect(found(doc, MOBILE_URL).meta.source).toBe('另一个作者');
  });

  test("source and time: '' when the page says neither", () => {
    const doc = removeAll(mobilePage(), '.article-info, meta[property="article:published_time"]');
    doc.documentElement.removeAttribute('data-publishtime');
    const article = found(doc, MOBILE_URL);
    expect(article.meta.source).toBe('');
    expect(article.meta.publishedAt).toBe('');
  });

  test('time: the byline text of a legacy page, the only stamp it has', () => {
    const doc = legacyPage();
    doc.querySelector('.post_time_source')!.firstChild!.textContent = '\n      2020-12-31 23:59:59\u3000来源: ';
    expect(found(doc, LEGACY_URL).meta.publishedAt).toBe('2020-12-31T23:59:59+08:00');
  });
});

/** The structures of the older templates, as the real pages in tests/fixtures/real/sources.json have them. */
describe('older templates', () => {
  const V2_ID = 'EFDAIN1E054550F0';
  const v2Page = () =>
    parseHtml(`<!DOCTYPE html><html><head><title>标题_网易订阅</title></head><body>
      <div class="wrapper clearfix" id="contain" data-docid="${V2_ID}" data-ptime="2019-05-17 20:02:46">
        <div class="article_title"><h2>
          京沪高速封闭施工
        </h2>
          <div class="share_box"><p class="time"><span>2019-05-17</span><span class="point"> · </span><span>苏皖城市报道</span></p>
          <div class="to_hide"><span class="share">分享到</span></div></div>
        </div>
        <div class="article_box">
          <div class="content" id="content"><p>　　下周一，</p><p>　　京沪高速施工就将进入第二阶段。</p></div>
          <div class="statement"><p>特别声明：以上内容为自媒体平台“网易号”用户上传并发布。</p></div>
        </div>
      </div></body></html>`);

  test.each([`http://dy.163.com/v2/article/detail/${V2_ID}.html`, `https://www.163.com/dy/article/${V2_ID}.html`])(
    '2019 网易号 (body straight in #content.content) at %s',
    (url) => {
      const article = found(v2Page(), url);
      expect(article.root.id).toBe('content');
      expect(article.meta).toEqual({
        id: V2_ID,
        title: '京沪高速封闭施工',
        source: '苏皖城市报道',
        publishedAt: '2019-05-17T20:02:46+08:00',
        url: `https://www.163.com/dy/article/${V2_ID}.html`,
      });
    },
  );

  const ID_2015 = 'ATL7NINF00253B0H';
  const URL_2015 = `http://money.163.com/15/0704/02/${ID_2015}.html`;
  const page2015 = (heading = `<h1 id="h1title" class="ep-h1">沪指三周跌30%</h1>`) =>
    parseHtml(`<!DOCTYPE html><html><head><title>沪指三周跌30%_网易财经</title></head><body>
      <div class="ep-main-bg">${heading}
        <div class="ep-time-soure cDGray">2015-07-04 02:37:29　来源: <a id="ne_article_source" href="#">新京报</a>(北京)</div>
        <div id="endText" class="end-text">
          <p>证监会新闻发言人张晓军7月3日表示。</p>
          <table><tr><td><a href="http://i.money.163.com/?wzy"><b>网易财经 会赚钱的客户端：</b></a></td></tr></table>
          <div class="biaoqian"><h1>重点推荐</h1></div>
          <div><p><b>证券要闻</b></p><p><a href="#">沪指3周重挫近30%</a></p></div>
          <div class="ep-source cDGray"><span class="left">本文来源：新京报</span></div>
          <div class="sharecommend-wrap"><label>分享到：</label></div>
          <div class="ep-keywords">关键词阅读：证监会</div>
          <div class="clearfix"><div class="left ep-tie-simple">0 人参与</div></div>
        </div>
      </div></body></html>`);

  test('2015 legacy (#endText without .post_text): the article, none of its promotion, share or keyword widgets', () => {
    const article = found(page2015(), URL_2015);
    expect(article.layout).toBe('legacy');
    expect(article.meta).toMatchObject({
      id: ID_2015,
      title: '沪指三周跌30%',
      source: '新京报',
      publishedAt: '2015-07-04T02:37:29+08:00',
    });
    expect(buildTextIndex(article.root, isNonArticleElement).text.replace(/\s+/g, '')).toBe('证监会新闻发言人张晓军7月3日表示。');
  });

  test('a 2015 column page (no article heading) stays silent', () => {
    expect(findArticle(page2015('<div class="column-title">亦观察</div>'), URL_2015)).toBeNull();
  });

  test('a legacy body leaves out related-article lists, recommendation boxes and a video player’s fallback', () => {
    const doc = legacyPage();
    doc.querySelector('#endText')!.insertAdjacentHTML(
      'afterbegin',
      `<div class="video-wrapper"><video>您的浏览器暂时无法播放此视频.</video><div class="video-list"><ul><li>下一个视频</li></ul></div></div>
       <div class="special_tag_wrap"><div class="special_tag_ttl">延伸 · 推荐</div></div>
       <div class="related_article related_special"><div class="related_article_title">延伸阅读</div></div>`,
    );
    const text = buildTextIndex(found(doc, LEGACY_URL).root, isNonArticleElement).text;
    for (const widget of ['无法播放', '下一个视频', '延伸']) expect(text).not.toContain(widget);
    expect(text.trim().startsWith(FIRST_PARAGRAPH_START)).toBe(true);
  });
});
