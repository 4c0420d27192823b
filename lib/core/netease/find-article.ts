/**
 * Article detection for the content script: is this page a NetEase article, where is its body, and what does it
 * say about itself. Framework-free DOM reading; page structures are in `docs/netease-pages.md`.
 */
import type { ArticleMeta } from '../model/annotation';
import { desktopArticleUrl, isArticleId, isDesktopUrlOf, mayBeArticlePage, parseArticleUrl } from './article-id';
import { isNonArticleElement } from './non-article-content';
import { publishedAtOf } from './publish-time';

/** Which page template the article was found in. */
export type ArticleLayout = 'desktop' | 'mobile' | 'legacy';

/** An article page: what it says about itself, and the element holding the article text. */
export interface FoundArticle {
  meta: ArticleMeta;
  /** The article body: the element to index, highlight in and watch. Never the page-level `#content`. */
  root: Element;
  layout: ArticleLayout;
}

/** Where one page template keeps each part of the article. */
interface Template {
  layout: ArticleLayout;
  body: string;
  title: string;
  /** Elements whose text is the source/author name, first non-empty wins. */
  source: string;
  /** The line with the time and `来源:`, read when the dedicated elements are missing. */
  byline: string;
  /** An element the page must have for the template to apply (which tells its article pages from look-alikes). */
  requires?: string;
}

/** The legacy body is the `#endText` inside an outer `.post_body` that also holds share widgets. */
const LEGACY: Template = {
  layout: 'legacy',
  body: 'div.post_text#endText',
  title: '#epContentLeft h1',
  source: 'a#ne_article_source',
  byline: '.post_time_source',
};

/**
 * The 2015 legacy template: `#endText` without the `.post_text` class, straight under the page's main column, with the
 * byline in `.ep-time-soure` (sic). Share, "recommend" and keyword widgets sit inside it (see non-article-content).
 */
const LEGACY_2015: Template = {
  layout: 'legacy',
  body: 'div#endText',
  title: 'h1#h1title, #epContentLeft h1',
  source: 'a#ne_article_source',
  byline: '.ep-time-soure, .post_time_source',
  // the articles' heading: the 2015 column pages (专栏) share `#endText` but not this layout, and stay unsupported
  requires: 'h1#h1title',
};

/**
 * The 2019 网易号 template (`dy.163.com/v2/article/detail/<ID>.html`, still served at `www.163.com/dy/article/`): the
 * paragraphs straight in `#content.content` inside `.article_box`, no `.post_body`; the title an `h2`; date and source
 * in `.share_box .time`. The disclaimer (`.statement`) is its sibling.
 */
const DESKTOP_2019: Template = {
  layout: 'desktop',
  body: '.article_box > #content.content',
  title: '.article_title h2',
  source: '.share_box .time span:not(.point):last-child',
  byline: '.share_box .time',
};

/** `#content` also holds share bars, the disclaimer and comments: the body is the `.post_body` inside it. */
const DESKTOP: Template = {
  layout: 'desktop',
  body: '#content .post_body',
  title: 'h1.post_title',
  source: '.post_info a:not(.post_jubao)',
  byline: '.post_info',
};

/** Recommendation cards hold bare `<article>`s too: the article is the one with the template's classes. */
const MOBILE: Template = {
  layout: 'mobile',
  body: 'article.article.js-article section.article-body',
  title: 'article.article.js-article h1.article-title',
  source: '.article-info a.author-homePage',
  byline: '.article-info',
};

/**
 * The news-app share page (c.m.163.com) serves the mobile template as far as known (low confidence), so after the
 * mobile selectors it takes any element with the body's classes and the first heading.
 */
const APP_SHARE_FALLBACK: Template = { ...MOBILE, body: '.js-article-body, .article-body', title: 'h1' };

/** The templates in the order they are tried (the 2015 legacy body is a looser form of the later one). */
const TEMPLATES = [LEGACY, LEGACY_2015, DESKTOP, DESKTOP_2019, MOBILE];

/** Trimmed text with runs of whitespace collapsed, as titles and names are shown. */
const cleanText = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The text of the first element matching `selector` that has any. */
function firstText(doc: Document, selector: string): string {
  for (const el of doc.querySelectorAll(selector)) {
    const text = cleanText(el.textContent);
    if (text) return text;
  }
  return '';
}

/** The heading, else og:title without the site-name suffix it carries on mobile (`…_手机网易网`). */
function titleOf(doc: Document, template: Template): string {
  const ogTitle = cleanText(doc.querySelector('meta[property="og:title"]')?.getAttribute('content'));
  return firstText(doc, template.title) || ogTitle.replace(/_[^_]*网易[^_]*$/, '');
}

/** The linked source name, else the plain-text name after `来源:` in the byline (editorial pages without a link). */
function sourceOf(doc: Document, template: Template, byline: Element | null): string {
  return firstText(doc, template.source) || (/来源[:：]\s*(\S+)/.exec(byline?.textContent ?? '')?.[1] ?? '');
}

/** Whether the body has any text the indexer would keep: text outside ads, disclaimers and widgets. */
function hasArticleText(el: Element): boolean {
  for (const node of el.childNodes) {
    if (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()) return true;
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const child = node as Element;
    if (!isNonArticleElement(child) && hasArticleText(child)) return true;
  }
  return false;
}

/** The canonical link or og:url when it is the desktop URL of this article; query and hash are dropped. */
function declaredDesktopUrl(doc: Document, pageUrl: string, id: string): string | null {
  const candidates = [
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href'),
    doc.querySelector('meta[property="og:url"]')?.getAttribute('content'),
  ];
  for (const href of candidates) {
    if (!href) continue;
    let url: URL;
    try {
      url = new URL(href.trim(), pageUrl);
    } catch {
      continue;
    }
    if (isDesktopUrlOf(url.href, id)) return url.origin + url.pathname;
  }
  return null;
}

/** The article ID the DOM declares (`#contain[data-docid]` on desktop, `html[data-id]` on mobile), if valid. */
function domArticleId(doc: Document): string | null {
  const declared = [
    doc.querySelector('#contain[data-docid]')?.getAttribute('data-docid'),
    doc.documentElement.getAttribute('data-id'),
  ];
  return declared.map((id) => id?.trim() ?? '').find(isArticleId) ?? null;
}

/**
 * The article on this page, or null when the page is not one: home page, account pages, other sites, a page
 * without a body or whose body has no text. Never throws and never logs: it runs on every matching page.
 * The ID comes from the URL (so desktop and mobile agree), else from the DOM on 163.com article-like pages.
 */
export function findArticle(doc: Document, url: string): FoundArticle | null {
  const fromUrl = parseArticleUrl(url);
  const id = fromUrl?.id ?? (mayBeArticlePage(url) ? domArticleId(doc) : null);
  if (!id) return null;

  const templates = fromUrl?.kind === 'app-share' ? [...TEMPLATES, APP_SHARE_FALLBACK] : TEMPLATES;
  for (const template of templates) {
    const root = doc.querySelector(template.body);
    if (!root) continue;
    if (template.requires && !doc.querySelector(template.requires)) continue;
    if (!hasArticleText(root)) return null;
    const byline = doc.querySelector(template.byline);
    return {
      root,
      layout: template.layout,
      meta: {
        id,
        title: titleOf(doc, template),
        source: sourceOf(doc, template, byline),
        publishedAt: publishedAtOf(doc, byline),
        url: declaredDesktopUrl(doc, url, id) ?? desktopArticleUrl(id, fromUrl?.channel ?? null),
      },
    };
  }
  return null;
}
