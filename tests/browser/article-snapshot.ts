/**
 * What the browser tests do to the article in the page and read back from it: an ad slot inside the body as live
 * pages have, and the article kept as it was, to check that turning a view off puts every node back.
 */
import type { Page } from 'playwright-core';

/** Appends an ad slot (`.post_end_ad`, not article text) holding `html` to the article `articleSelector`. */
export async function appendAdSlot(page: Page, articleSelector: string, html: string): Promise<void> {
  await page.evaluate(
    ({ selector, inner }) => {
      const ad = document.createElement('div');
      ad.className = 'post_end_ad';
      ad.innerHTML = inner;
      document.querySelector(selector)!.append(ad);
    },
    { selector: articleSelector, inner: html },
  );
}

/** Keeps the article `articleSelector` as it is now, in the page: every node, its text and its HTML. */
export async function keepArticle(page: Page, articleSelector: string): Promise<void> {
  await page.evaluate((selector) => {
    const root = document.querySelector(selector)!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    const nodes: Node[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    Object.assign(window, { __neaKeptArticle: { nodes, text: root.textContent, html: root.innerHTML } });
  }, articleSelector);
}

/** How the article now compares with what `keepArticle` kept. */
export function compareWithKept(page: Page, articleSelector: string) {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector)!;
    const kept = (window as unknown as { __neaKeptArticle: { nodes: Node[]; text: string; html: string } }).__neaKeptArticle;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
    const nodes: Node[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
    return {
      nodeCount: nodes.length,
      keptCount: kept.nodes.length,
      sameNodes: nodes.length === kept.nodes.length && nodes.every((node, i) => node === kept.nodes[i]),
      sameText: root.textContent === kept.text,
      sameHtml: root.innerHTML === kept.html,
    };
  }, articleSelector);
}
