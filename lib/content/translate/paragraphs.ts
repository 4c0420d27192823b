/**
 * Paragraph mode of the gloss switch: the English translation under each paragraph of the article, the original left
 * exactly as it was. Each translation is one element of ours after its paragraph, marked so the annotator's text
 * index and change watcher pass over it, with the text inside a shadow root so it never mixes into the page's
 * selection or copied text. Calling again after the page changed brings the page back to one translation per
 * paragraph: stale ones go, none is doubled.
 */
import { buildTextIndex, IGNORE_ATTRIBUTE } from '../../core/anchoring/text-index';
import { isNonArticleElement } from '../../core/netease/non-article-content';
import type { Result } from '../../extension/messaging/messages';
import { t } from '../../extension/i18n';
import { translateSentences, type SentenceDeps } from './sentences';
import type { TranslationPlan } from '../../background/translate/translate-service';

/** The element holding one paragraph's translation (a `nea-` name: never article text). */
export const PARAGRAPH_TRANSLATION_TAG = 'nea-paragraph-translation';

/** What paragraph mode needs: the background's plan for a text, and sentence translation. */
export interface ParagraphDeps extends SentenceDeps {
  plan(sample: string): Promise<Result<TranslationPlan>>;
}

/** How showing the paragraph translations went; on failure the caller shows word glosses instead. */
export type ParagraphOutcome = { ok: true; provider: string; count: number } | { ok: false; message: string };

/** Characters of the article the plan looks at to tell its script. */
const PLAN_SAMPLE_LENGTH = 2_000;

/** Any Han character: paragraphs without one are not translated. */
const HAN_RE = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * The host is the block; the text inside is inline, because Chrome's plain-text copy of a selection running past a
 * translation adds a line break for a block inside it (though none of its text).
 */
const SHADOW_STYLE =
  ':host{display:block;margin:.2em 0 1.1em;color:#5f6b7a;font-size:.95em;line-height:1.6;user-select:none}' +
  'p{margin:0;display:inline}';

/** The paragraph each of our elements translates, and the text it was made from. */
const shown = new WeakMap<Element, { paragraph: Element; text: string }>();

/** A paragraph's article text: what the annotator indexes (our own nodes and ads left out). */
const paragraphText = (paragraph: Element): string => buildTextIndex(paragraph, isNonArticleElement).text;

/** The article's paragraphs with Chinese text, outside ads and boilerplate, in order. */
function paragraphsOf(root: Element): Element[] {
  return [...root.querySelectorAll('p')].filter((p) => {
    for (let el: Element | null = p; el && el !== root; el = el.parentElement) if (isNonArticleElement(el)) return false;
    return HAN_RE.test(paragraphText(p));
  });
}

/** Our element for `paragraph` when it sits right after it and was made from `text`. */
function currentFor(paragraph: Element, text: string): Element | null {
  const next = paragraph.nextElementSibling;
  const record = next && shown.get(next);
  return record && record.paragraph === paragraph && record.text === text ? next : null;
}

/** A new translation element for `paragraph`. */
function translationElement(paragraph: Element, text: string, translation: string): Element {
  const doc = paragraph.ownerDocument;
  const host = doc.createElement(PARAGRAPH_TRANSLATION_TAG);
  host.setAttribute(IGNORE_ATTRIBUTE, '');
  host.setAttribute('lang', 'en');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = SHADOW_STYLE;
  const p = doc.createElement('p');
  p.textContent = translation;
  shadow.append(style, p);
  shown.set(host, { paragraph, text });
  return host;
}

/** Removes every paragraph translation under `root` (the gloss switch turned off, or word glosses shown instead). */
export function removeParagraphTranslations(root: Element): void {
  for (const el of root.querySelectorAll(PARAGRAPH_TRANSLATION_TAG)) el.remove();
}

/** Takes away translations whose paragraph went or no longer says what they translate. */
function removeStale(root: Element): void {
  for (const el of root.querySelectorAll(PARAGRAPH_TRANSLATION_TAG)) {
    const record = shown.get(el);
    if (!record || currentFor(record.paragraph, paragraphText(record.paragraph)) !== el) el.remove();
  }
}

/**
 * Shows the English translation under each paragraph of `root` that has Chinese text, translating only paragraphs
 * not already showing one for their current text, and removes stale translations. Resolves with the service used,
 * or with the reason there is none (then nothing new is shown).
 */
export async function translateParagraphs(root: Element, deps: ParagraphDeps): Promise<ParagraphOutcome> {
  const paragraphs = paragraphsOf(root);
  const texts = paragraphs.map(paragraphText);
  const planned = await deps.plan(texts.join('\n').slice(0, PLAN_SAMPLE_LENGTH));
  if (!planned.ok) return { ok: false, message: planned.error.message };
  if (planned.value.kind === 'off') return { ok: false, message: t('translateParagraphsUnavailable') };
  const todo = paragraphs.flatMap((p, i) => (currentFor(p, texts[i]) ? [] : [i]));
  if (todo.length > 0) {
    const outcome = await translateSentences(
      todo.map((i) => texts[i]),
      planned.value,
      deps,
    );
    if (outcome.kind !== 'done') {
      return { ok: false, message: outcome.kind === 'failed' ? outcome.message : t('translateParagraphsUnavailable') };
    }
    // The page may have changed while we waited: place a translation only where its paragraph still says the same.
    todo.forEach((i, k) => {
      const paragraph = paragraphs[i];
      if (!paragraph.isConnected || paragraphText(paragraph) !== texts[i]) return;
      const next = paragraph.nextElementSibling;
      if (next && shown.get(next)?.paragraph === paragraph) next.remove();
      paragraph.after(translationElement(paragraph, texts[i], outcome.texts[k]));
    });
  }
  removeStale(root);
  return { ok: true, provider: planned.value.provider, count: paragraphs.length };
}
