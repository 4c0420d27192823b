/** The library's records, asked of the background (which alone opens the database). */
import { callBackground } from '../extension/messaging/client';
import type { LibraryRecords } from '../core/model/library-records';
import type { Result } from '../core/model/result';

/** Every stored annotation and article and the count of records set aside; they travel as one JSON text (see `library/records`). */
export async function readLibraryRecords(): Promise<Result<LibraryRecords>> {
  const answer = await callBackground('library/records', {});
  return answer.ok ? { ok: true, value: JSON.parse(answer.value) as LibraryRecords } : answer;
}
