/**
 * The parts of the content script that load on first use, not at page start: the annotator's UI (Preact and its
 * components: the first selection or note marker needs it), the interlinear gloss and the translation popover. Each is
 * a script the background runs in the tab's isolated world when the content script asks (`content/load-chunk`).
 */

/** The chunks, by name. */
export const CHUNK_NAMES = ['ui', 'gloss', 'translate'] as const;

/** A chunk's name. */
export type ChunkName = (typeof CHUNK_NAMES)[number];

/** A chunk's built file. */
export type ChunkFile = `/chunk-${ChunkName}.js`;

/** The built file of chunk `name` (an unlisted script, `entrypoints/chunk-<name>.ts`), from the extension's root. */
export const chunkFile = <N extends ChunkName>(name: N): `/chunk-${N}.js` => `/chunk-${name}.js`;
