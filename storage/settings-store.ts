/**
 * The reader's settings in one place: the `settings` table of the extension's database, written through the write
 * path (so every change is in the change feed), read and written through one typed accessor per setting (a
 * `SettingDefinition`, see `lib/core/model/settings.ts`). Only the background uses it; content scripts and pages
 * reach the non-secret settings through messages, and never the translation keys.
 *
 * Settings an earlier version kept in `storage.local` (which content scripts can read) are moved here once per
 * setting: before its first read here, and at the background's start.
 */
import * as v from 'valibot';
import type { SettingDefinition } from '../lib/core/model/settings';
import type { AnnotationDb } from './db';
import { writePathOf } from './write-path';
import { guarded } from './errors';

/** The part of `storage.local` the move from earlier versions needs. */
export interface LegacySettingsArea {
  get(key: string): Promise<Record<string, unknown>>;
  remove(key: string): Promise<void>;
}

/** Typed reads and writes of the settings; see `createSettingsStore`. */
export interface SettingsStore {
  /** The stored value of `setting`, or its fallback when none (or none valid) is stored. */
  get<T>(setting: SettingDefinition<T>): Promise<T>;
  /**
   * Stores `value` (which must pass the setting's schema: a programming error otherwise) unless it is what is stored
   * already, and answers it.
   */
  set<T>(setting: SettingDefinition<T>, value: T): Promise<T>;
  /** Moves what an earlier version left in `storage.local` for `setting`, once for the life of the store. */
  takeOverLegacy<T>(setting: SettingDefinition<T>): Promise<void>;
}

/** The settings store over `db`, moving settings out of `legacy` (`storage.local`); `now` stamps the feed. */
export function createSettingsStore(db: AnnotationDb, legacy: LegacySettingsArea, now: () => number = Date.now): SettingsStore {
  const { write } = writePathOf(db);

  /**
   * Stores what `storage.local` holds for `setting` unless the database holds a value already (a save made meanwhile
   * wins), then removes it from `storage.local` either way. What does not read as a value is not kept.
   */
  const takeOver = async <T>(setting: SettingDefinition<T>, from: NonNullable<SettingDefinition<T>['legacy']>) => {
    const left = (await legacy.get(from.key))[from.key];
    if (left === undefined) return;
    const value = from.read(left);
    if (value !== null) {
      await write(now(), async (writer) => {
        if (!(await db.settings.get(setting.name))) await writer.put('setting', { name: setting.name, value });
      });
    }
    await legacy.remove(from.key);
  };

  /** Each setting's move, run once (again only after it failed). */
  const moves = new Map<string, Promise<void>>();
  const takeOverLegacy = <T>(setting: SettingDefinition<T>): Promise<void> => {
    const from = setting.legacy;
    if (!from) return Promise.resolve();
    let moving = moves.get(setting.name);
    if (!moving) {
      moving = takeOver(setting, from).catch((err: unknown) => {
        moves.delete(setting.name);
        throw err;
      });
      moves.set(setting.name, moving);
    }
    return moving;
  };

  return {
    get: (setting) =>
      guarded(async () => {
        await takeOverLegacy(setting);
        const parsed = v.safeParse(setting.schema, (await db.settings.get(setting.name))?.value);
        return parsed.success ? parsed.output : setting.fallback;
      }),
    set: async (setting, value) => {
      const checked = v.parse(setting.schema, value);
      await guarded(() =>
        write(now(), async (writer) => {
          // The same value again is no change: nothing is written, so the feed and the views hear nothing.
          const stored = await db.settings.get(setting.name);
          if (!stored || JSON.stringify(stored.value) !== JSON.stringify(checked)) {
            await writer.put('setting', { name: setting.name, value: checked });
          }
        }),
      );
      return checked;
    },
    takeOverLegacy,
  };
}
