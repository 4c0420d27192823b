/**
 * NetEase article URLs: which URLs are articles, their 16-character ID, the desktop URL of the same article, and the
 * content-script match patterns that cover them. Pure string work, no DOM. URL shapes are listed in
 * `docs/netease-pages.md`.
 */

/** Where an article URL points: the family of host/path it belongs to. */
export type ArticleUrlKind = 'desktop' | 'mobile' | 'app-share' | 'legacy';

/** What an article URL says about its article. */
export interface ArticleUrl {
  /** The 16-character `[A-Z0-9]` article ID (docId), without any `_suffix`. */
  id: string;
  kind: ArticleUrlKind;
  /** The channel the article is filed under (`dy`, `news`, `tech`, …); null when the URL does not say (app shares). */
  channel: string | null;
}

/** The ID itself: 16 upper-case letters and digits. */
const ARTICLE_ID = '[A-Z0-9]{16}';
/** The file name of an article page, capturing the ID: `<ID>.html`, or `<ID>_pa11y.html` and other suffixes. */
const ARTICLE_FILE = `(${ARTICLE_ID})(?:_\\w+)?\\.html`;

/** `www.163.com/<channel>/article/<ID>.html`; the same path on the mobile hosts. */
const CHANNEL_ARTICLE_PATH = new RegExp(`^/([a-z0-9_-]+)/article/${ARTICLE_FILE}$`);
/** `c.m.163.com/news/a/<ID>.html`: the news app's share link. */
const APP_SHARE_PATH = new RegExp(`^/news/a/${ARTICLE_FILE}$`);
/** `dy.163.com/v2/article/detail/<ID>.html`: where 网易号 articles lived until 2020. */
const DY_2019_PATH = new RegExp(`^/v2/article/detail/${ARTICLE_FILE}$`);
const DY_2019_HOST = 'dy.163.com';
/** `<channel>.163.com/YY/MMDD/HH/<ID>.html`: the pre-2021 template. */
const LEGACY_PATH = new RegExp(`^/\\d{2}/\\d{4}/\\d{2}/${ARTICLE_FILE}$`);
/** `www.163.com/dy/media/T….html` and `/news/sub/T….html`: a 网易号 account's page, a list of its articles. */
const ACCOUNT_PATH = /^\/(?:dy\/media|news\/sub)\/T\w+\.html$/;

const MOBILE_HOSTS = new Set(['m.163.com', '3g.163.com']);
const APP_SHARE_HOST = 'c.m.163.com';
/** `<channel>.163.com`: one label under 163.com. */
const CHANNEL_HOST = /^([a-z0-9-]+)\.163\.com$/;

const WHOLE_ARTICLE_ID = new RegExp(`^${ARTICLE_ID}$`);

/** Whether a string is a NetEase article ID, as found in `data-docid` / `data-id` attributes. */
export const isArticleId = (value: string): boolean => WHOLE_ARTICLE_ID.test(value);

/** The URL as parsed by the platform, or null for anything that is not an http(s) URL. Never throws. */
function parseHttpUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

const isNeteaseHost = (host: string): boolean => host === '163.com' || host.endsWith('.163.com');

/** Whether `url` is an http(s) URL on 163.com or one of its subdomains: where our content script may run. */
export function isNeteaseUrl(url: string): boolean {
  const parsed = parseHttpUrl(url);
  return parsed !== null && isNeteaseHost(parsed.hostname);
}

/**
 * The article a URL points to, or null when it is not a NetEase article URL (home page, account pages, other
 * hosts, malformed input). Query strings and hashes vary per visit and are ignored; `_pa11y`-style suffixes name the
 * accessible version of the same article, so they map to the same ID.
 */
export function parseArticleUrl(url: string): ArticleUrl | null {
  const parsed = parseHttpUrl(url);
  if (!parsed) return null;
  const host = parsed.hostname;
  const path = parsed.pathname;

  if (host === 'www.163.com' || MOBILE_HOSTS.has(host)) {
    const m = CHANNEL_ARTICLE_PATH.exec(path);
    return m ? { id: m[2], kind: host === 'www.163.com' ? 'desktop' : 'mobile', channel: m[1] } : null;
  }
  if (host === APP_SHARE_HOST) {
    const m = APP_SHARE_PATH.exec(path);
    return m ? { id: m[1], kind: 'app-share', channel: null } : null;
  }
  if (host === DY_2019_HOST) {
    const m = DY_2019_PATH.exec(path);
    return m ? { id: m[1], kind: 'legacy', channel: 'dy' } : null;
  }
  const channelHost = CHANNEL_HOST.exec(host);
  const m = channelHost && LEGACY_PATH.exec(path);
  return channelHost && m ? { id: m[1], kind: 'legacy', channel: channelHost[1] } : null;
}

/**
 * The 16-character article ID in a NetEase article URL, or null when the URL is not an article. Annotations are
 * keyed by this ID, so a highlight made on www.163.com shows on m.163.com too.
 */
export const articleIdFromUrl = (url: string): string | null => parseArticleUrl(url)?.id ?? null;

/**
 * Whether a page at this URL may be an article even though its URL carries no ID: a 163.com page other than the
 * home page and account pages. Used to decide whether an ID in the page's DOM may be trusted.
 */
export function mayBeArticlePage(url: string): boolean {
  const parsed = parseHttpUrl(url);
  if (!parsed || !isNeteaseHost(parsed.hostname)) return false;
  const path = parsed.pathname;
  return path !== '/' && path !== '/index.html' && !ACCOUNT_PATH.test(path);
}

/**
 * The desktop URL of an article, `https://www.163.com/<channel>/article/<ID>.html`: the form NetEase has used for
 * articles since 2021, so legacy `news.163.com/…` articles map to `/news/article/`. Without a known channel
 * (app share links), the 网易号 path `dy`.
 */
export const desktopArticleUrl = (id: string, channel: string | null): string =>
  `https://www.163.com/${channel ?? 'dy'}/article/${id}.html`;

/**
 * Whether `url` is a desktop URL (www.163.com or a legacy channel host) of the article `id`: the form a page's
 * canonical link may take to be stored as the article's URL. Mobile URLs do not qualify: the stored URL is desktop.
 */
export function isDesktopUrlOf(url: string, id: string): boolean {
  const parsed = parseArticleUrl(url);
  return parsed !== null && parsed.id === id && (parsed.kind === 'desktop' || parsed.kind === 'legacy');
}

/**
 * Where the content script runs: WebExtension match patterns for the article URLs above, http and https.
 * Match patterns cannot express the ID, so these are as narrow as the syntax allows and `findArticle` confirms the
 * page. Each path ends in `.html*` because Chromium matches the path pattern against the path and query
 * (`…/<ID>.html?f=post`).
 */
export const ARTICLE_MATCH_PATTERNS: string[] = [
  // www.163.com/dy/article/<ID>.html and the editorial channels (/news/article/, /tech/article/, …)
  '*://www.163.com/*/article/*.html*',
  // the same paths on the mobile hosts
  '*://m.163.com/*/article/*.html*',
  '*://3g.163.com/*/article/*.html*',
  // news-app share links
  '*://c.m.163.com/news/a/*.html*',
  // legacy <channel>.163.com/YY/MMDD/HH/<ID>.html: "any channel host" can only be written as *.163.com
  '*://*.163.com/*/*/*/*.html*',
];
