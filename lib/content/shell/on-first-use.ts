/**
 * A feature part that loads its chunk on first use: `load()` runs the chunk once, builds the part with `create` and
 * hands it out; `current()` is the part once built (null before). Torn down with the feature's signal.
 */
import type { ChunkName } from '../../extension/chunks';
import type { CallBackground } from '../../extension/messaging/client';
import { loadChunk, type ChunkModules } from './chunks';

/** A part built from chunk `N` when first needed. */
export interface OnFirstUse<T> {
  current(): T | null;
  load(): Promise<T>;
}

/** Loads chunk `name` on the first `load()`, builds the part with `create`, and destroys it when `signal` aborts. */
export function onFirstUse<N extends ChunkName, T extends { destroy(): void }>(
  name: N,
  call: CallBackground,
  signal: AbortSignal,
  create: (module: ChunkModules[N]) => T | Promise<T>,
): OnFirstUse<T> {
  let part: T | null = null;
  let loading: Promise<T> | null = null;
  const load = (): Promise<T> =>
    (loading ??= loadChunk(name, (chunk) => call('content/load-chunk', { chunk })).then(
      async (module) => {
        if (signal.aborted) throw new Error('The page was left.');
        const built = await create(module);
        signal.addEventListener('abort', () => built.destroy());
        part = built;
        return built;
      },
      (err: unknown) => {
        loading = null;
        throw err;
      },
    ));
  return { current: () => part, load };
}
