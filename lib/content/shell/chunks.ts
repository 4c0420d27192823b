/**
 * Loading the content script's chunks on first use. The background runs a chunk's script in this frame's isolated
 * world (which the page's scripts cannot see); the script hands its module to the registry below, kept on the isolated
 * world's global object under a registered symbol so the two bundles find the same one.
 */
import type { Result } from '../../core/model/result';
import type { ChunkName } from '../../extension/chunks';
import type { createEditorLinks } from '../annotator/editor-links';
import type { renderAnnotatorUi } from '../ui/annotator-ui';
import type { startGloss } from '../gloss/gloss-chunk';
import type { startTranslate } from '../translate/translate-chunk';

/** What each chunk provides. */
export interface ChunkModules {
  ui: { renderAnnotatorUi: typeof renderAnnotatorUi; createEditorLinks: typeof createEditorLinks };
  gloss: { startGloss: typeof startGloss };
  translate: { startTranslate: typeof startTranslate };
}

interface Registry {
  modules: Map<ChunkName, unknown>;
  arrived: Map<ChunkName, (module: unknown) => void>;
}

const REGISTRY = Symbol.for('netease-annotator.chunks');

/** The isolated world's registry, made by whichever bundle runs first. */
function registry(): Registry {
  const world = globalThis as unknown as Record<symbol, Registry | undefined>;
  return (world[REGISTRY] ??= { modules: new Map(), arrived: new Map() });
}

/** Called by a chunk's script when it runs: its module is ready for the content script. */
export function provideChunk<N extends ChunkName>(name: N, module: ChunkModules[N]): void {
  const { modules, arrived } = registry();
  modules.set(name, module);
  arrived.get(name)?.(module);
  arrived.delete(name);
}

const loading = new Map<ChunkName, Promise<unknown>>();

/**
 * Chunk `name`'s module, asking the background to run its script the first time (later calls share that load). A
 * refusal or failure rejects with the reader-facing message, and the next call asks again.
 */
export function loadChunk<N extends ChunkName>(name: N, ask: (name: N) => Promise<Result<unknown>>): Promise<ChunkModules[N]> {
  const { modules, arrived } = registry();
  if (modules.has(name)) return Promise.resolve(modules.get(name) as ChunkModules[N]);
  let pending = loading.get(name);
  if (!pending) {
    pending = new Promise((resolve, reject) => {
      arrived.set(name, resolve);
      void ask(name).then((result) => {
        if (result.ok) return;
        arrived.delete(name);
        loading.delete(name);
        reject(new Error(result.error.message));
      });
    });
    loading.set(name, pending);
  }
  return pending as Promise<ChunkModules[N]>;
}
