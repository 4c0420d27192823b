/**
 * Tags as the reader types them: one is added at a time, trimmed, within the limits the background enforces
 * (`tagsSchema`), so a tag the UI accepts is never refused on save.
 */
import { MAX_TAG_LENGTH, MAX_TAGS } from '../../extension/messaging/schemas';

/** Why a typed tag was not added. */
export type TagProblem = 'empty' | 'too-long' | 'duplicate' | 'too-many';

/** The tags with `typed` added at the end, or why it cannot be added. */
export function addTag(
  tags: readonly string[],
  typed: string,
): { ok: true; tags: string[] } | { ok: false; problem: TagProblem } {
  const tag = typed.trim();
  if (tag === '') return { ok: false, problem: 'empty' };
  if (tag.length > MAX_TAG_LENGTH) return { ok: false, problem: 'too-long' };
  if (tags.includes(tag)) return { ok: false, problem: 'duplicate' };
  if (tags.length >= MAX_TAGS) return { ok: false, problem: 'too-many' };
  return { ok: true, tags: [...tags, tag] };
}

/** A tag and how many annotations carry it. */
export interface TagCount {
  tag: string;
  count: number;
}

/** Every tag on the given annotations with its count: most used first, then alphabetically. */
export function countTags(annotations: Iterable<{ tags: readonly string[] }>): TagCount[] {
  const counts = new Map<string, number>();
  for (const { tags } of annotations) for (const tag of tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
  return [...counts]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
}
