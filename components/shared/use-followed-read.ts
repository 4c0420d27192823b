import { useEffect, useState } from 'preact/hooks';
import type { ChangesHappened } from '../../lib/core/model/changes';
import type { MessageError, Result } from '../../lib/extension/messaging/messages';
import { followChanges } from '../../lib/pages/follow-changes';

/** A read's latest answer, or its failure. */
export type FollowedResult<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: MessageError };

/**
 * Reads through a background message (`read`) and reads again after each change the background reports that
 * `affects` what was read, so the page shows what is stored without opening the database. An answer overtaken by a
 * newer read is dropped. Starts over when `deps` change.
 */
export function useFollowedRead<T>(
  read: () => Promise<Result<T>>,
  affects: (changes: ChangesHappened) => boolean,
  deps: readonly unknown[],
): FollowedResult<T> {
  const [result, setResult] = useState<FollowedResult<T>>({ state: 'loading' });
  useEffect(() => {
    let reads = 0;
    let live = true;
    const again = () => {
      const asked = ++reads;
      void read().then((answer) => {
        if (!live || asked !== reads) return;
        setResult(answer.ok ? { state: 'ready', value: answer.value } : { state: 'error', error: answer.error });
      });
    };
    again();
    const stop = followChanges((changes) => affects(changes) && again());
    return () => {
      live = false;
      stop();
    };
  }, deps);
  return result;
}
