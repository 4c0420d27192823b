/**
 * Runs the content script's features on a NetEase article page. At document start, before any page script, it reads
 * the address the browser loaded (a later `history.replaceState` changes what `location` says, never which article
 * this is), says hello to the background and starts following the reader's input. Once the article is found it starts
 * each feature with the same article, its own `AbortSignal` (aborted when the page goes away) and the shared UI; a
 * feature that fails is logged and left out, and the others run on.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { articleIdFromUrl } from '../../core/netease/article-id';
import { findArticle } from '../../core/netease/find-article';
import { callBackground, onPageRequests, type PageAnswers } from '../../extension/messaging/client';
import type { ContentFeature, FeatureEnv, SharedSlots } from './feature';
import { createReaderSelection } from './reader-input';
import { mountUiHost } from './ui-host';
import { documentParsed, waitForArticle } from './wait-for-article';

/** Starts `features` on this page if it is a NetEase article; everything they add goes away with `ctx`. */
export async function startFeatures(ctx: ContentScriptContext, features: readonly ContentFeature[]): Promise<void> {
  const url = document.URL;
  void callBackground('annotator/started', {});
  const reader = createReaderSelection(window, ctx.signal);
  await documentParsed(document);
  const find = () => findArticle(document, url);
  const article = find() ?? (articleIdFromUrl(url) ? await waitForArticle(document, find) : null);
  if (!article || !ctx.isValid) return;

  const ui = await mountUiHost(ctx, callBackground);
  const slots: SharedSlots = {};
  const settings = callBackground('settings/read', {});
  const answers: PageAnswers[] = [];
  const started = features.map(async (feature) => {
    const own = new AbortController();
    ctx.signal.addEventListener('abort', () => own.abort());
    const env: FeatureEnv = {
      doc: document,
      article,
      relocate: find,
      signal: own.signal,
      call: callBackground,
      settings,
      readerSelection: reader.range,
      ui,
      slots,
    };
    try {
      const running = await feature.start(env);
      if (running.pageAnswers) answers.push(running.pageAnswers);
      if (running.destroy) own.signal.addEventListener('abort', running.destroy);
    } catch (err) {
      own.abort();
      console.error(`[netease-annotator] the ${feature.name} could not start`, err);
    }
  });
  await Promise.all(started);
  if (!ctx.isValid) return;
  ctx.onInvalidated(onPageRequests(answers));
}
