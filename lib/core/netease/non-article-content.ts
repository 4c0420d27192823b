/**
 * What can sit inside an article body root without being article text. Sources: the page notes in
 * `docs/netease-pages.md`, and the elements that public NetEase scrapers strip from `#endText` /
 * `.post_body` (`.gg200x300`, `.ep-source`, `.post_end_ad`, share bars).
 */

/** Tag names of our own UI hosts (`<nea-toolbar>`, …): never part of the page's text. */
const OWN_UI_TAG_PREFIX = 'nea-';

const NON_ARTICLE_SELECTOR = [
  // not text at all
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  // ad slots: NetEase's own (filled by script, also injected into the body on live pages) and AdSense-style markers
  '.post_area',
  '[data-adid]',
  '.ad_module',
  '.post_end_ad',
  '.gg200x300',
  '.ad_hover_href',
  'ins.adsbygoogle',
  // platform boilerplate: the 特别声明 disclaimer and the legacy "本文来源 / 责任编辑" editor line
  '.post_statement',
  '.ep-source',
  // share widgets and "open in the app" prompts
  '.post_top',
  '.post_share',
  '.post_topshare',
  '.post_btmshare',
  '.ne-shares-pop',
  '.js_qrcode_wrap',
  '.js-open-app',
  // legacy pages (2015–2020): related-article lists and "延伸 · 推荐" boxes inside the body, a video player's
  // fallback line ("您的浏览器暂时无法播放此视频") and its playlist, and the 2015 body's share, "recommend",
  // keyword-reading, back-to-channel and comment-count widgets
  '.related_article',
  '.special_tag_wrap',
  'video',
  '.video-list',
  '.sharecommend-wrap',
  '.ep-keywords',
  '.ep-returnlink',
  '.ep-tie-simple',
  '#bot_appdownload',
  // the 2015 money channel's promotion block inside the body: the app banner table, "重点推荐" and its link lists
  'table:has(a[href*="?wzy"])',
  '.biaoqian',
  '.biaoqian + div',
].join(',');

/**
 * Whether an element inside the article body is not article text, so the text indexer skips it and everything in
 * it: ad slots, the disclaimer, the editor line, share widgets, our own UI hosts, scripts and styles.
 * Runs on every element of the body, so it is one tag-name test and one native `matches` call.
 */
export function isNonArticleElement(el: Element): boolean {
  return el.localName.startsWith(OWN_UI_TAG_PREFIX) || el.matches(NON_ARTICLE_SELECTOR);
}
