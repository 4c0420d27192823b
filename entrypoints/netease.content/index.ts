import './annotator.css';
import './translate.css';
import { ARTICLE_MATCH_PATTERNS } from '../../lib/core/netease/article-id';
import { mountAnnotator } from './mount-annotator';

/** On NetEase article pages: find the article, paint its highlights, show the annotator UI. Silent elsewhere. */
export default defineContentScript({
  matches: ARTICLE_MATCH_PATTERNS,
  cssInjectionMode: 'ui',
  // Before the page's scripts: the article's address and the reader's first input are ours to read first.
  runAt: 'document_start',
  // WXT's start-up `postMessage` would tell the page our extension's id (and an echo of it would stop the annotator).
  noScriptStartedPostMessage: true,
  main: (ctx) => mountAnnotator(ctx),
});
