/**
 * The change feed as data: one entry per stored record holding its latest change, ordered by a sequence number that
 * only grows, like CouchDB's `_changes`. The sync issue replicates this feed; views follow it.
 */

/** The kinds of record the feed follows. */
export const CHANGE_KINDS = ['annotation', 'article', 'knownWord', 'setting', 'wordListEntry'] as const;
/** One of `CHANGE_KINDS`. */
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The latest change of one record (`kind` + `key`); a deletion leaves it with `deleted: true` (a tombstone). */
export interface Change {
  /** Position in the feed: every write gives the records it touched new, higher numbers. */
  seq: number;
  kind: ChangeKind;
  /** The record's key: annotation id, article id, the word (known, or on the word list), the setting's name. */
  key: string;
  /** The record's revision: 1 when first written, one more with each write or deletion. */
  rev: number;
  /** When the change was made (ms since the epoch). */
  at: number;
  deleted: boolean;
}

/**
 * What the background tells extension pages after each committed write: the kinds of record it changed and, for
 * annotations and articles, which articles they belong to; or, with `syncHistory`, that the earlier versions sync
 * keeps of each record changed (a round merged or wrote records, or sync was turned off and forgot them).
 */
export interface ChangesHappened {
  kinds: ChangeKind[];
  articleIds: string[];
  syncHistory?: true;
}
