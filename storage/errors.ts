/**
 * Turns IndexedDB/Dexie failures into errors carrying a `MessageError` code and a sentence a reader understands,
 * so the background can answer with them as they are.
 */
import type { ErrorCode } from '../lib/core/model/result';
import { t } from '../lib/extension/i18n';

/** The error codes the storage layer can produce. */
export type StorageErrorCode = Extract<ErrorCode, 'not-found' | 'storage-quota' | 'storage-unavailable'>;

/** A storage failure the UI can explain: `code` says what kind, `message` is shown to the reader. */
export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

/** The reader's sentence for each storage failure, in their language. */
const MESSAGES: Record<StorageErrorCode, () => string> = {
  'not-found': () => t('errorNotFound'),
  'storage-quota': () => t('errorStorageQuota'),
  'storage-unavailable': () => t('errorStorageUnavailable'),
};

/** The error for an annotation id that is unknown (or already deleted, for edits). */
export const notFoundError = (): StorageError => new StorageError('not-found', MESSAGES['not-found']());

/** Names IndexedDB (Chrome, Firefox) and Dexie give to "the disk or the origin's quota is full". */
const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);

/**
 * Names meaning the database cannot be used at all: it failed to open, was closed, is in a bad state,
 * IndexedDB is missing (e.g. some private modes), was written by a newer build, or the backing store broke.
 */
const UNAVAILABLE_NAMES = new Set([
  'OpenFailedError',
  'DatabaseClosedError',
  'InvalidStateError',
  'MissingAPIError',
  'VersionError',
  'UnknownError',
]);

/** The error's name and those of the errors it wraps (Dexie's `inner`, standard `cause`), outermost first. */
function errorNames(err: unknown): string[] {
  const names: string[] = [];
  let current: unknown = err;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
    const { name, inner, cause } = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof name === 'string') names.push(name);
    current = inner ?? cause;
  }
  return names;
}

/**
 * Maps a failure thrown by Dexie/IndexedDB to a `StorageError` when it is a known storage condition;
 * anything else (a bug) is returned unchanged so the caller can report it as internal.
 */
export function toStorageError(err: unknown): unknown {
  if (err instanceof StorageError) return err;
  const names = errorNames(err);
  if (names.some((n) => QUOTA_NAMES.has(n))) return new StorageError('storage-quota', MESSAGES['storage-quota']());
  if (names.some((n) => UNAVAILABLE_NAMES.has(n))) {
    return new StorageError('storage-unavailable', MESSAGES['storage-unavailable']());
  }
  return err;
}

/** Runs a storage operation, translating storage failures into `StorageError`s (others pass through unchanged). */
export async function guarded<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    throw toStorageError(err);
  }
}
