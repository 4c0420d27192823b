/**
 * The NetEase fixtures as parsed documents, and the page variants the tests build from them: other URLs, a legacy
 * page, edited DOMs. Every call returns a fresh document, so tests can edit theirs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The fixture article's ID, as in its URLs and DOM. */
export const FIXTURE_ID = 'KJ8S2N1V0556A7ZQ';
export const FIXTURE_TITLE = 'xAI工程師訪談實錄：被馬斯克開除前，他說了什麼';
export const FIXTURE_SOURCE = '問馬AskMusk';
export const FIXTURE_PUBLISHED_AT = '2026-01-20T10:32:18+08:00';
export const DESKTOP_URL = `https://www.163.com/dy/article/${FIXTURE_ID}.html`;
export const MOBILE_URL = `https://m.163.com/dy/article/${FIXTURE_ID}.html`;
/** The first paragraph of the article body, and a line of the disclaimer that follows the body on desktop. */
export const FIRST_PARAGRAPH_START = '馬斯克旗下xAI一名工程師';
export const DISCLAIMER_START = '特別聲明';

const fixtureHtml = (name: string): string =>
  readFileSync(join(import.meta.dirname, '../../fixtures/netease', `${name}.html`), 'utf8');

export const parseHtml = (html: string): Document => new DOMParser().parseFromString(html, 'text/html');

/** The desktop 网易号 fixture (served at `DESKTOP_URL`). */
export const desktopPage = (): Document => parseHtml(fixtureHtml('dy-desktop'));

/** The mobile fixture (served at `MOBILE_URL`). */
export const mobilePage = (): Document => parseHtml(fixtureHtml('dy-mobile'));

/** Removes every element matching `selector`; throws when there is none, so a variant never equals the original. */
export function removeAll(doc: Document, selector: string): Document {
  const found = doc.querySelectorAll(selector);
  if (found.length === 0) throw new Error(`no ${selector} to remove`);
  found.forEach((el) => el.remove());
  return doc;
}

export const LEGACY_ID = 'G3RO8BSA0001899O';
export const LEGACY_URL = `https://news.163.com/21/0225/11/${LEGACY_ID}.html`;
export const LEGACY_SOURCE = '澎湃新闻';
export const LEGACY_EDITOR_LINE = '责任编辑：王五_NN1234';

/**
 * A pre-2021 page around the fixture's article text: `#epContentLeft h1`, `.post_time_source` with
 * `a#ne_article_source`, and the body `.post_text#endText` inside an outer `.post_body` that also holds a share bar;
 * the body ends with the `.ep-source` editor line. No data attributes and no meta: the byline is all it says.
 */
export function legacyPage(): Document {
  const paragraphs = desktopPage().querySelector('#content .post_body')!.innerHTML;
  return parseHtml(`<!DOCTYPE html>
<html><head><meta charset="gb2312"><title>${FIXTURE_TITLE}_网易新闻</title></head>
<body>
  <div class="post_content_main" id="epContentLeft">
    <h1>${FIXTURE_TITLE}</h1>
    <div class="post_time_source">
      2021-02-25 11:05:32　来源: <a id="ne_article_source" href="https://www.thepaper.cn/">${LEGACY_SOURCE}</a>
    </div>
    <div class="post_body">
      <div class="post_topshare_wrap">
        <div class="post_topshare"><span>分享到：</span><a class="share_weibo">微博</a></div>
      </div>
      <div class="post_text" id="endText" style="border-top:1px solid #ddd;">
        ${paragraphs}
        <div class="ep-source cDGray">
          <span class="left">
            <a href="http://news.163.com/"><img src="https://static.example.invalid/logo.png"></a>本文来源：${LEGACY_SOURCE}
          </span>
          <span class="ep-editor">${LEGACY_EDITOR_LINE}</span>
        </div>
      </div>
      <div class="post_btmshare"><span>分享到：</span></div>
    </div>
  </div>
</body></html>`);
}

/**
 * The article text as the indexer would read it: the text of `root`, skipping (with their contents) the elements
 * `skip` says are not article text.
 */
export function indexedText(root: Element, skip: (el: Element) => boolean): string {
  let text = '';
  for (const node of root.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) text += node.textContent;
    else if (node.nodeType === Node.ELEMENT_NODE && !skip(node as Element)) text += indexedText(node as Element, skip);
  }
  return text;
}
