/**
 * What is wrong with a field, in the reader's language. Valibot takes only strings as messages, so a schema's
 * message is a reader text encoded as JSON by `problem`; `describeIssue` decodes it, and words valibot's own
 * English messages (a schema that set none) by what was expected and what was received.
 */
import type * as v from 'valibot';
import { readerText, type MessageKey, type ReaderText } from './reader-text';

/** A valibot message that carries the catalogue key `key` and its substitutions. */
export const problem = (key: MessageKey, ...subs: (string | number)[]): string => JSON.stringify([key, ...subs]);

/** The reader text `problem` encoded in `message`, or null when valibot wrote the message itself. */
function decode(message: string): ReaderText | null {
  if (!message.startsWith('["')) return null;
  try {
    const [key, ...subs] = JSON.parse(message) as [MessageKey, ...(string | number)[]];
    return readerText(key, ...subs);
  } catch {
    return null;
  }
}

/** What is wrong, as the issue's schema said it, else as "must be <expected>, not <received>". */
export const problemOf = (issue: v.BaseIssue<unknown>): ReaderText =>
  decode(issue.message) ?? readerText('problemExpected', issue.expected ?? '?', issue.received);

/** The issue as "<field> <what is wrong>" (`path` as the caller spells field paths), or what is wrong alone. */
export const describeIssue = (issue: v.BaseIssue<unknown>, path: string): ReaderText =>
  path ? readerText('problemAt', path, problemOf(issue)) : problemOf(issue);
