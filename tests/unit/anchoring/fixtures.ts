/**
 * Test helpers: the NetEase fixture pages parsed into DOM documents, and the seed article text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(__dirname, '../../fixtures/netease');

/**
 * Puts a fixture page's body (`dy-desktop.html`, `dy-mobile.html`) into the test document, replacing what was there
 * (scripts are not run). The global document is used because happy-dom binds Ranges to it.
 */
export function loadPage(name: 'dy-desktop.html' | 'dy-mobile.html'): Document {
  const parsed = new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html');
  document.body.innerHTML = parsed.body.innerHTML;
  return document;
}

/** The article body element of a parsed page: `.post_body` on desktop, `.article-body` on mobile. */
export function articleBody(doc: Document): Element {
  const body = doc.querySelector('.post_body, .article-body');
  if (!body) throw new Error('fixture has no article body');
  return body;
}

/** The seed article as plain text, without its last two lines (the 网易号 disclaimer). */
export function seedArticleText(): string {
  return readFileSync(join(FIXTURES, 'seed-article.txt'), 'utf8').split('\n').slice(0, -2).join('\n');
}

/** The test document with `html` as its body, for small hand-made cases. */
export function htmlDocument(html: string): Document {
  document.body.innerHTML = html;
  return document;
}

/** A separate parsed document holding `html`, to stand for a page the index does not belong to. */
export function otherDocument(html: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${html}</body></html>`, 'text/html');
}
