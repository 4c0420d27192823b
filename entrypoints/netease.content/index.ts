import './annotator.css';
import './translate.css';
import { ARTICLE_MATCH_PATTERNS } from '../../lib/core/netease/article-id';
import { annotatorFeature } from '../../lib/content/annotator/annotator-feature';
import { glossFeature } from '../../lib/content/gloss/gloss-feature';
import { startFeatures } from '../../lib/content/shell/start-features';
import { translateFeature } from '../../lib/content/translate/translate-feature';

/** On NetEase article pages: find the article, paint its highlights, show the annotator UI. Silent elsewhere. */
export default defineContentScript({
  matches: ARTICLE_MATCH_PATTERNS,
  cssInjectionMode: 'ui',
  // Before the page's scripts: the article's address and the reader's first input are ours to read first.
  runAt: 'document_start',
  // WXT's start-up `postMessage` would tell the page our extension's id (and an echo of it would stop the annotator).
  noScriptStartedPostMessage: true,
  // Each feature registers itself here; they share the article and the UI, and fail alone.
  main: (ctx) => startFeatures(ctx, [annotatorFeature, glossFeature, translateFeature]),
});
