/**
 * Sync writes a round batch after batch; telling the tabs and pages after each write would make an open library read
 * every record again many times in a row. Writes gathered here are told once per short window, with the
 * union of what changed.
 */
import type { Change } from '../../core/model/changes';

/** How long writes are gathered before they are told (ms): short enough that a live edit still shows at once. */
export const GATHER_MS = 200;

/**
 * A change-feed listener that gathers writes and calls `flush` once per `ms` with every change (the latest per
 * record) and article they touched.
 */
export function gatherWrites(
  flush: (changes: readonly Change[], articleIds: readonly string[]) => void,
  ms = GATHER_MS,
): (changes: readonly Change[], articleIds?: readonly string[]) => void {
  let changes = new Map<string, Change>();
  let articleIds = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (more, moreArticles = []) => {
    for (const change of more) changes.set(`${change.kind}\u0000${change.key}`, change);
    for (const id of moreArticles) articleIds.add(id);
    timer ??= setTimeout(() => {
      const told = { changes: [...changes.values()], articleIds: [...articleIds] };
      changes = new Map();
      articleIds = new Set();
      timer = null;
      flush(told.changes, told.articleIds);
    }, ms);
  };
}
