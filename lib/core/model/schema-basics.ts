/**
 * The smallest pieces of the data model's schemas, in a module of their own so that code needing only these (the
 * content script's page messages) bundles no more of them: strict objects, bounded text and annotation ids.
 */
import * as v from 'valibot';
import { problem } from './problems';

/** A strict object whose issues read "is not an allowed field" / "is required" / "must be an object". */
export function strict<const E extends v.ObjectEntries>(entries: E) {
  return v.strictObject(entries, (issue) =>
    issue.expected === 'never'
      ? problem('problemNotAllowedField')
      : issue.expected === 'Object'
        ? problem('problemObject')
        : problem('problemRequired'),
  );
}

/** A string of `min`..`max` characters. */
export function text(min: number, max: number) {
  const message = min > 0 ? problem('problemLength', min, max) : problem('problemMaxLength', max);
  return v.pipe(v.string(problem('problemText')), v.minLength(min, message), v.maxLength(max, message));
}

/** An annotation id as made by `crypto.randomUUID`. */
export const annotationIdSchema = v.pipe(v.string(problem('problemText')), v.uuid(problem('problemUuid')));
