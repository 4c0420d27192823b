/**
 * The import's size limit, in a module that imports nothing: `lib/core/model/schemas.ts` bounds the import request with
 * it, and the import's parsers import that file, so taking it from `parse-import.ts` would make an import cycle.
 */

/**
 * Largest import file, in bytes: 32 MiB. A native backup takes about 0.9 KB per annotation (W3C about 1.3 KB), so this
 * holds some 35,000 (25,000); the limit keeps a wrong or hostile file from tying up the page (parsing holds several
 * times its size in memory).
 */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
