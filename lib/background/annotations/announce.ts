/** Telling other tabs about written annotations, shared by every message that writes them. */
import type { Annotation } from '../../core/model/annotation';
import type { RequestContext } from '../messaging/request-context';

/**
 * Passes written annotations through, telling the tabs showing their articles once per article, without delaying the
 * answer. The sender's own tab is left out when a content script wrote (it shows its change already).
 */
export function announce<T extends Annotation | readonly Annotation[]>(
  written: T,
  { services, tabId }: Pick<RequestContext, 'services' | 'tabId'>,
): T {
  const list: readonly Annotation[] = Array.isArray(written) ? written : [written as Annotation];
  for (const articleId of new Set(list.map((a) => a.articleId))) {
    services.notifyChanged(articleId, tabId).catch((err: unknown) => console.error('[netease-annotator]', err));
  }
  return written;
}
