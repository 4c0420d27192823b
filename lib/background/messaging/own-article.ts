/** The article scope check every feature's messages share. */
import { t } from '../../extension/i18n';
import { ScopeError } from './scope-error';
import type { SenderScope } from './sender-scope';

/** A content script may only name its own tab's article (the first it names, on a page whose address has none). */
export function ownArticle(scope: SenderScope, articleId: string): void {
  if (scope.kind === 'content-script' && !scope.claim(articleId)) throw new ScopeError(t('errorOtherArticle'));
}
