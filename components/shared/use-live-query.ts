import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/** A live query's latest answer, or its failure. */
export type LiveResult<T> = { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; error: unknown };

/**
 * Runs `query` (Dexie reads) and re-runs it whenever the data it read changes — in this page, the background or any
 * other extension context (Dexie broadcasts writes between same-origin contexts). Re-subscribes when `deps` change.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ state: 'loading' });
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ state: 'ready', value }),
      error: (error: unknown) => setResult({ state: 'error', error }),
    });
    return () => subscription.unsubscribe();
  }, deps);
  return result;
}
