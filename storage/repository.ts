/**
 * The background's one repository over the extension's database: annotations and articles, known words, the word list
 * and settings, all written through one write path that records each change in the change feed (`write-path.ts`), and
 * the feed's API that views and sync build on.
 */
import * as v from 'valibot';
import { articleRecordSchema, check, knownWordRecordSchema } from '../lib/core/formats/import/import-records';
import { say } from '../lib/extension/i18n';
import type { ChangeKind } from '../lib/core/model/changes';
import { wordListEntrySchema } from '../lib/core/model/word-list';
import { GLOSS_SETTING, LAST_COLOR_SETTING, type SettingDefinition } from '../lib/core/model/settings';
import { TRANSLATION_SETTING } from '../lib/core/translate/settings';
import { createAnnotationRepo } from './annotation-repo';
import { feedId, type AnnotationDb } from './db';
import { guarded } from './errors';
import { createKnownWordsRepo } from './known-words-repo';
import { createWordListRepo } from './word-list-repo';
import { storedAnnotationSchema } from './quarantine';
import { createSettingsStore, type LegacySettingsArea } from './settings-store';
import { createTranslationSettingsStore } from './translation-settings-store';
import { recordKey, writePathOf, type WritePath } from './write-path';
import type { ApplyOutcome, RemoteRecord } from '../lib/background/sync/sync-store';
import { countLiveAnnotations, readAllRecords, readArticlesByRecency } from './library-queries';

/** Every setting the store keeps, by name (what `applyRemote` accepts). */
const SETTINGS: ReadonlyMap<string, SettingDefinition<unknown>> = new Map(
  [LAST_COLOR_SETTING, GLOSS_SETTING, TRANSLATION_SETTING].map((s) => [s.name, s as SettingDefinition<unknown>]),
);

/** A record from sync that cannot be stored: its reason says what is wrong with it. */
export class InvalidRecordError extends Error {
  override name = 'InvalidRecordError';
}

/** The schema a record of `kind` must pass to be stored from outside. */
function schemaOf(kind: ChangeKind, record: unknown): v.GenericSchema {
  if (kind === 'annotation') return storedAnnotationSchema;
  if (kind === 'article') return articleRecordSchema;
  if (kind === 'knownWord') return knownWordRecordSchema;
  if (kind === 'wordListEntry') return wordListEntrySchema;
  const setting = SETTINGS.get(String((record as { name?: unknown } | null)?.name));
  if (!setting) throw new InvalidRecordError('not a known setting');
  return v.strictObject({ name: v.string(), value: setting.schema });
}

/** Why a record from sync cannot be stored as the record of `kind` with `key`; null when it can (null removes). */
function refusalOf(kind: ChangeKind, key: string, record: unknown | null): string | null {
  if (record === null) return null;
  let schema: v.GenericSchema;
  try {
    schema = schemaOf(kind, record);
  } catch (err) {
    if (err instanceof InvalidRecordError) return err.message;
    throw err;
  }
  const checked = check(schema, record);
  if (!checked.ok) return say(checked.reason);
  return recordKey(kind, checked.value as object) === key ? null : 'its key is not the one named';
}

/** The repository over `db`; `legacy` is where earlier versions kept settings (`storage.local`), `now` the clock. */
export function createRepository(db: AnnotationDb, legacy: LegacySettingsArea, now: () => number = Date.now) {
  const path: WritePath = writePathOf(db);
  const settings = createSettingsStore(db, legacy, now);
  /**
   * Stores (or, with null, removes) records as sync received them, after checking each as any stored record of its
   * kind, all in one write; recorded in the feed like every write, so views follow them (its subscribers hear of it as
   * a `remote` write: no tab made it, so the background tells the tabs itself). Answers, in order, the feed seq of each
   * record written, the reason for each refused (it does not pass, or its key is not the one named), and which were
   * left alone because the feed holds a write of theirs after `unchangedSince` (see `SyncStore.applyRemoteMany`).
   */
  const applyRemoteMany = async (records: readonly RemoteRecord[], unchangedSince?: number): Promise<ApplyOutcome[]> => {
    const reasons = records.map(({ kind, key, record }) => refusalOf(kind, key, record));
    const valid = records.filter((_, i) => reasons[i] === null);
    const { result: stale, changes } =
      valid.length === 0
        ? { result: new Set<string>(), changes: [] }
        : await guarded(() =>
            path.writeRecorded(
              now(),
              async (writer) => {
                // The feed rows written after sync's read, in one request on the seq index.
                const changed = new Set(
                  unchangedSince === undefined ? [] : await db.feed.where('seq').above(unchangedSince).primaryKeys(),
                );
                const fresh = valid.filter(({ kind, key }) => !changed.has(feedId(kind, key)));
                for (const kind of new Set(fresh.map((item) => item.kind))) {
                  const ofKind = fresh.filter((item) => item.kind === kind);
                  const puts = ofKind.flatMap((item) => (item.record === null ? [] : [item.record as object]));
                  const removals = ofKind.flatMap((item) => (item.record === null ? [item.key] : []));
                  if (puts.length > 0) await writer.bulkPut(kind, puts);
                  if (removals.length > 0) await writer.bulkDelete(kind, removals);
                }
                return changed;
              },
              'remote',
            ),
          );
    const seqOf = new Map(changes.map((change) => [feedId(change.kind, change.key), change.seq]));
    return records.map(({ kind, key }, i): ApplyOutcome => {
      const reason = reasons[i];
      if (reason !== null && reason !== undefined) return { refused: reason };
      return stale.has(feedId(kind, key)) ? { stale: true } : { seq: seqOf.get(feedId(kind, key)) ?? null };
    });
  };
  return {
    annotations: createAnnotationRepo(db, now),
    knownWords: createKnownWordsRepo(db, now),
    wordList: createWordListRepo(db, now),
    settings,
    translationSettings: createTranslationSettingsStore(db, legacy, settings),
    changesSince: path.changesSince,
    countSince: path.countSince,
    lastSeq: path.lastSeq,
    read: path.read,
    readMany: path.readMany,
    subscribe: path.subscribe,
    /** Reads for the extension's pages, which ask the background rather than open the database themselves. */
    pages: {
      /** Every stored article, most recently annotated first. */
      recentArticles: () => guarded(() => readArticlesByRecency(db)),
      /** How many live annotations each stored article has. */
      liveCounts: () => guarded(() => countLiveAnnotations(db)),
      /** Every annotation and article, and how many damaged records were set aside, in one read. */
      libraryRecords: () =>
        guarded(async () => {
          const { annotations, articles } = await readAllRecords(db);
          return { annotations, articles, setAside: await db.quarantine.count() };
        }),
    },
    applyRemoteMany,
    /** `applyRemoteMany` for one record; rejects with an `InvalidRecordError` when it is refused. */
    applyRemote: async (kind: ChangeKind, key: string, record: unknown | null): Promise<void> => {
      const [outcome] = await applyRemoteMany([{ kind, key, record }]);
      if (outcome && 'refused' in outcome) throw new InvalidRecordError(outcome.refused);
    },
  };
}

/** The repository's public face. */
export type Repository = ReturnType<typeof createRepository>;
