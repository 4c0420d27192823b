import { describe, expect, test } from 'vitest';
import { isNonArticleElement } from '../../../lib/core/netease/non-article-content';
import { DISCLAIMER_START, FIRST_PARAGRAPH_START, LEGACY_EDITOR_LINE, desktopPage, indexedText, legacyPage } from './pages';

/** The first element of `html`, parsed inert (inside a template, so an iframe loads nothing). */
function element(html: string): Element {
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content.firstElementChild!;
}

describe('isNonArticleElement', () => {
  test.each([
    '<div class="post_area post_columnad_top" data-adid="article_dy_column_1"></div>',
    '<div data-adid="article_dy_body_1"><p>广告</p></div>',
    '<div class="ad_module"></div>',
    '<div class="post_end_ad"></div>',
    '<div class="gg200x300"><iframe title="ad"></iframe></div>',
    '<a class="ad_hover_href" href="#"></a>',
    '<ins class="adsbygoogle" data-ad-client="ca-pub-0"></ins>',
    '<iframe title="ad"></iframe>',
    '<div class="post_statement"><p>特別聲明:以上內容…</p></div>',
    '<div class="ep-source cDGray"><span class="ep-editor">责任编辑：某</span></div>',
    '<div class="post_top"></div>',
    '<ul class="post_share"><li class="share_weixin js_weixin"></li></ul>',
    '<div class="post_topshare"></div>',
    '<div class="post_btmshare"></div>',
    '<div class="ne-shares-pop"></div>',
    '<div class="js_qrcode_wrap hidden"><p>二维码说明</p></div>',
    '<section class="main-openApp js-open-app">打开应用</section>',
    '<nea-annotator></nea-annotator>',
    '<nea-toolbar><span>高亮</span></nea-toolbar>',
    '<script>var x = 1;</script>',
    '<style>p { color: red }</style>',
    '<noscript>请启用脚本</noscript>',
  ])('is true for %s', (html) => {
    expect(isNonArticleElement(element(html))).toBe(true);
  });

  test.each([
    '<p id="004FTI4G">馬斯克旗下xAI一名工程師</p>',
    '<p>无 id 的旧段落</p>',
    '<p class="f_center"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><br></p>',
    '<strong>以下,enjoy:</strong>',
    '<a href="https://www.163.com/">正文里的链接</a>',
    '<div class="post_area_note">class names that merely contain an ad class</div>',
    '<div class="nea-like-class">not our element: only tag names count</div>',
    '<nearby-widget>a page element whose name starts with "nea" but not "nea-"</nearby-widget>',
    '<blockquote>引文</blockquote>',
    '<section class="article-body js-article-body"><p>正文</p></section>',
  ])('is false for article content %s', (html) => {
    expect(isNonArticleElement(element(html))).toBe(false);
  });
});

describe('skipping what the predicate names keeps exactly the article text', () => {
  test('an ad injected inside the desktop .post_body after load', () => {
    const doc = desktopPage();
    const body = doc.querySelector('#content .post_body')!;
    const before = indexedText(body, isNonArticleElement);
    const ad = doc.createElement('div');
    ad.className = 'post_area post_columnad_mid';
    ad.setAttribute('data-adid', 'article_dy_column_2');
    ad.innerHTML = '<a href="https://ad.invalid/"><p>限时特惠 立即下载</p></a><ins class="adsbygoogle"></ins>';
    body.children[3].after(ad);

    expect(isNonArticleElement(ad)).toBe(true);
    expect(body.textContent).toContain('限时特惠');
    expect(indexedText(body, isNonArticleElement)).toBe(before);
    expect(before.trimStart().startsWith(FIRST_PARAGRAPH_START)).toBe(true);
  });

  test('our UI host, a share widget and the disclaimer moved into the desktop body', () => {
    const doc = desktopPage();
    const body = doc.querySelector('#content .post_body')!;
    const before = indexedText(body, isNonArticleElement);
    body.prepend(doc.createElement('nea-annotator'));
    body.querySelector('nea-annotator')!.textContent = '高亮 笔记';
    body.append(doc.querySelector('.js_qrcode_wrap')!, doc.querySelector('.post_statement')!);

    expect(body.textContent).toContain(DISCLAIMER_START);
    expect(indexedText(body, isNonArticleElement)).toBe(before);
  });

  test('the legacy editor line at the end of #endText', () => {
    const body = legacyPage().querySelector('#endText')!;
    expect(body.textContent).toContain(LEGACY_EDITOR_LINE);
    const text = indexedText(body, isNonArticleElement);
    expect(text).not.toContain(LEGACY_EDITOR_LINE);
    expect(text).not.toContain('本文来源');
    expect(text.trimStart().startsWith(FIRST_PARAGRAPH_START)).toBe(true);
  });
});
