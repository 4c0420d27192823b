import './annotator.css';
import './translate.css';
import { ARTICLE_MATCH_PATTERNS } from '../../lib/netease/article-id';
import { mountAnnotator } from './mount-annotator';

/** On NetEase article pages: find the article, paint its highlights, show the annotator UI. Silent elsewhere. */
export default defineContentScript({
  matches: ARTICLE_MATCH_PATTERNS,
  cssInjectionMode: 'ui',
  main: (ctx) => mountAnnotator(ctx),
});
