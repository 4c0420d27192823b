/** How the background tells open extension pages that stored records changed. */
import type { Change } from '../../core/model/changes';
import { tellExtensionPages } from '../../extension/messaging/client';

/**
 * Tells every open extension page, once per committed write, which kinds of record changed and in which articles
 * (a subscriber of the repository's change feed). Pages only listen, so a missing answer is no failure.
 */
export function notifyExtensionPages(changes: readonly Change[], articleIds: readonly string[]): void {
  const kinds = [...new Set(changes.map((c) => c.kind))];
  void tellExtensionPages({ kinds, articleIds: [...articleIds] }).then((result) => {
    if (!result.ok && result.error.code !== 'no-receiver') console.error('[netease-annotator]', result.error.message);
  });
}
