/** A translate service over stand-ins: settings in memory, a chosen permission answer, a recording fetch. */
import { vi } from 'vitest';
import { openAnnotationDb, type AnnotationDb } from '../../../storage/db';
import { createTranslationCache } from '../../../storage/translation-cache';
import { DEFAULT_TRANSLATION_SETTINGS, type TranslationSettings } from '../../../lib/core/translate/settings';
import { createTranslateService } from '../../../lib/background/translate/translate-service';
import { fakeTranslation } from '../../../scripts/fake-translation-servers';
import { fixtureDictionary, fixtureWords } from '../gloss/fixture-dictionary';

/** DeepL chosen with a key. */
export const DEEPL_SETTINGS: TranslationSettings = {
  ...DEFAULT_TRANSLATION_SETTINGS,
  provider: 'deepl',
  deepl: { key: 'secret-key:fx' },
};

/** A DeepL-speaking fetch that translates with `fakeTranslation`, or answers `status` when set. */
export function deeplFetch() {
  const state = { status: 200 };
  const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
    if (state.status !== 200)
      return new Response(JSON.stringify({ message: `status ${state.status}` }), { status: state.status });
    const { text } = JSON.parse(String(init.body)) as { text: string[] };
    return new Response(JSON.stringify({ translations: text.map((t) => ({ text: fakeTranslation(t) })) }));
  });
  return { state, fetchMock };
}

/** A service with `settings`, permission `allowed`, a fresh cache database, and a DeepL-speaking fetch. */
export function serviceWith(settings: TranslationSettings, allowed = true) {
  const db: AnnotationDb = openAnnotationDb(`test-${crypto.randomUUID()}`);
  const { state, fetchMock } = deeplFetch();
  const hasPermission = vi.fn(async (_origins: string[]) => allowed);
  const dictionary = vi.fn(async () => fixtureDictionary);
  const service = createTranslateService({
    readSettings: async () => settings,
    hasPermission,
    cache: createTranslationCache(db),
    fetch: fetchMock,
    dictionary,
    words: async () => fixtureWords,
  });
  return { service, db, fetchMock, hasPermission, dictionary, http: state };
}
