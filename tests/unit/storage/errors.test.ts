import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { StorageError, notFoundError, toStorageError } from '../../../storage/errors';

const codeOf = (err: unknown) => (toStorageError(err) as StorageError).code;

describe('toStorageError', () => {
  it('maps quota errors, also when wrapped by Dexie or in a cause', () => {
    expect(codeOf(new DOMException('full', 'QuotaExceededError'))).toBe('storage-quota');
    expect(codeOf(new Dexie.QuotaExceededError('full'))).toBe('storage-quota');
    expect(codeOf(new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError')))).toBe('storage-quota');
    expect(codeOf(new Error('wrapped', { cause: new DOMException('full', 'QuotaExceededError') }))).toBe('storage-quota');
  });

  it('maps open failures, a closed database, a bad state and missing IndexedDB to storage-unavailable', () => {
    for (const err of [
      new Dexie.OpenFailedError('cannot open'),
      new Dexie.DatabaseClosedError(),
      new DOMException('state', 'InvalidStateError'),
      new Dexie.MissingAPIError('IndexedDB API missing'),
      new Dexie.VersionError('newer'),
      new DOMException('backing store', 'UnknownError'),
    ]) {
      expect(codeOf(err)).toBe('storage-unavailable');
    }
  });

  it('returns StorageErrors and unknown errors unchanged', () => {
    const notFound = notFoundError();
    expect(toStorageError(notFound)).toBe(notFound);
    const bug = new TypeError('x is undefined');
    expect(toStorageError(bug)).toBe(bug);
    expect(toStorageError('text')).toBe('text');
    expect(toStorageError(new Dexie.ConstraintError('duplicate key'))).toBeInstanceOf(Dexie.ConstraintError);
  });

  it('gives sentences a reader understands', () => {
    expect((toStorageError(new Dexie.QuotaExceededError()) as StorageError).message).toMatch(
      /^Your browser is out of space for annotations\..+\.$/,
    );
    expect(notFoundError().message).toMatch(/^This annotation no longer exists\..+\.$/);
  });
});
