import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { DictionaryAbout } from '../../components/options/DictionaryAbout';
import { KnownWordsList } from '../../components/options/KnownWordsList';
import { WordListSection } from '../../components/options/WordListSection';
import { SyncSection } from '../../components/options/SyncSection';
import { TranslationSettingsForm, type FormStatus } from '../../components/options/TranslationSettingsForm';
import {
  DICTIONARY_ABOUT_PATH,
  DICTIONARY_LICENCE_PATH,
  type DictionaryAbout as About,
} from '../../lib/core/gloss/dictionary-asset';
import { t } from '../../lib/extension/i18n';
import { callBackground } from '../../lib/extension/messaging/client';
import { boundProvider } from '../../lib/core/translate/providers';
import { isRemotePlainHttp } from '../../lib/core/net/addresses';
import { isRemoteChoice, type TranslationSettings } from '../../lib/core/translate/settings';
import { translationAccess } from '../../lib/extension/translation-access';
import { useKnownWords } from './use-known-words';
import { useWordList } from './use-word-list';
import { useSync } from './use-sync';

/** What the bundled dictionary is, from the description the build writes next to it. */
async function readDictionaryAbout(): Promise<About> {
  const response = await fetch(browser.runtime.getURL(`/${DICTIONARY_ABOUT_PATH}`));
  return (await response.json()) as About;
}

/** Saves the translation set-up through the background, which keeps it where content scripts cannot read it. */
async function saveSettings(settings: TranslationSettings): Promise<void> {
  const saved = await callBackground('translate/save-settings', { settings });
  if (!saved.ok) throw new Error(saved.error.message);
}

/**
 * The options page: the translation set-up, kept by the background, with host access requested from the Save click;
 * sync through the reader's CouchDB; the known words; and the About section crediting the dictionary.
 */
export function OptionsApp() {
  const [settings, setSettings] = useState<TranslationSettings | null>(null);
  const [about, setAbout] = useState<About | null>(null);
  const known = useKnownWords();
  const wordList = useWordList();
  const sync = useSync();
  const [status, setStatus] = useState<FormStatus | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void callBackground('translate/settings', {}).then((read) =>
      read.ok ? setSettings(read.value) : setStatus({ kind: 'error', message: t('optionsFailed', read.error.message) }),
    );
  }, []);
  useEffect(() => void readDictionaryAbout().then(setAbout, (error: unknown) => console.error('[netease-annotator]', error)), []);

  /** Runs `task` with the buttons disabled, showing what it reports (or the failure). */
  const run = async (task: () => Promise<FormStatus>) => {
    setBusy(true);
    try {
      setStatus(await task());
    } catch (error) {
      setStatus({ kind: 'error', message: t('optionsFailed', error instanceof Error ? error.message : String(error)) });
    } finally {
      setBusy(false);
    }
  };

  /**
   * Saves the settings; for a remote service, first asks the browser for access to its host (and, in Firefox, for
   * consent to send it the text to translate): needs this click.
   */
  const save = (draft: TranslationSettings) =>
    run(async () => {
      if (!isRemoteChoice(draft.provider)) {
        await saveSettings(draft);
        return { kind: 'ok', message: t('optionsSaved') };
      }
      const provider = boundProvider(draft.provider, draft);
      if (draft.provider === 'libretranslate' && isRemotePlainHttp(draft.libretranslate.baseUrl)) {
        return { kind: 'error', message: t('optionsHttpRefused') };
      }
      if (!provider.isComplete()) {
        return { kind: 'error', message: t(draft.provider === 'libretranslate' ? 'optionsNeedsUrl' : 'optionsNeedsKey') };
      }
      const origins = provider.origins();
      const allowed = await browser.permissions.request(translationAccess(origins));
      await saveSettings(draft);
      const hosts = origins.map((o) => o.replace(/\/\*$/, '')).join(', ');
      if (allowed) return { kind: 'ok', message: t('optionsSavedAllowed', hosts) };
      return { kind: 'error', message: t('optionsSavedNotAllowed', hosts) };
    });

  const test = () =>
    run(async () => {
      const result = await callBackground('translate/test', {});
      return result.ok
        ? { kind: 'ok', message: t('optionsTestOk', result.value.provider, result.value.texts[0]) }
        : { kind: 'error', message: t('optionsTestFailed', result.error.message) };
    });

  const clearCache = () =>
    run(async () => {
      const result = await callBackground('translate/clear-cache', {});
      return result.ok
        ? { kind: 'ok', message: t('optionsCacheCleared', result.value) }
        : { kind: 'error', message: t('optionsFailed', result.error.message) };
    });

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <p>{t('optionsIntro')}</p>
      {settings && (
        <TranslationSettingsForm
          settings={settings}
          status={status}
          busy={busy}
          onSave={(draft) => void save(draft)}
          onTest={() => void test()}
          onClearCache={() => void clearCache()}
        />
      )}
      {sync.status && (
        <SyncSection
          status={sync.status}
          busy={sync.busy}
          onTurnOn={sync.turnOn}
          onSyncNow={sync.syncNow}
          onTurnOff={sync.turnOff}
        />
      )}
      <KnownWordsList words={known.words} busy={known.busy} error={known.error} onForget={(word) => void known.forget(word)} />
      <WordListSection
        entries={wordList.entries}
        busy={wordList.busy}
        message={wordList.message}
        onRemove={(word) => void wordList.remove(word)}
        onExport={(format) => void wordList.exportAs(format)}
      />
      <DictionaryAbout about={about} licenceTextUrl={browser.runtime.getURL(`/${DICTIONARY_LICENCE_PATH}`)} />
    </main>
  );
}
