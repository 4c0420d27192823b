/**
 * What a reader sees of the gloss switch's paragraph mode on an article page, read from the page for the browser
 * tests: each paragraph with the translations shown right after it.
 */
import type { Page } from 'playwright-core';

/** One `<p>` of the article and what paragraph mode shows after it. */
export interface ParagraphSeen {
  id: string;
  /** Its text as the page has it. */
  text: string;
  /** Whether it is article text with Chinese in it (not inside `notArticle`), so should have a translation. */
  article: boolean;
  /** The text shown by each paragraph translation right after it, in order ('' for one showing nothing). */
  translations: string[];
  /** Whether every one of those translations is drawn below the paragraph. */
  below: boolean;
}

/** The element paragraph mode puts after a paragraph (its text is in a shadow root). */
const TRANSLATION_TAG = 'nea-paragraph-translation';

/**
 * Every `<p>` of the article `articleSelector` with what is shown after it, and how many paragraph translations the
 * whole document has. Paragraphs inside `notArticle` (an ad slot) are not article text.
 */
export function paragraphsSeen(page: Page, articleSelector: string, notArticle: string) {
  return page.evaluate(
    ({ articleSelector, notArticle, tag }) => {
      const han = /[\u3400-\u9fff\uf900-\ufaff]/;
      const root = document.querySelector(articleSelector)!;
      const paragraphs = [...root.querySelectorAll('p')].map((p) => {
        const shown: HTMLElement[] = [];
        for (let next = p.nextElementSibling; next?.localName === tag; next = next.nextElementSibling) {
          shown.push(next as HTMLElement);
        }
        const bottom = p.getBoundingClientRect().bottom;
        const text = p.textContent ?? '';
        return {
          id: p.id,
          text,
          article: han.test(text) && !p.closest(notArticle),
          // The text is in the element's shadow root (outside it, `innerText` is empty): its rendered text, styles left out.
          translations: shown.map((el) =>
            [...(el.shadowRoot?.children ?? [])]
              .filter((child) => child.localName !== 'style')
              .map((child) => (child as HTMLElement).innerText)
              .join('\n')
              .trim(),
          ),
          below: shown.every((el) => el.getBoundingClientRect().top >= bottom - 0.5),
        };
      });
      return { paragraphs, total: document.querySelectorAll(tag).length };
    },
    { articleSelector, notArticle, tag: TRANSLATION_TAG },
  );
}
