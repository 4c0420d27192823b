import { useState } from 'preact/hooks';
import { TextField } from './TextField';
import { t, type MessageKey } from '../../lib/extension/i18n';
import {
  MAX_BASE_URL_LENGTH,
  MAX_KEY_LENGTH,
  PROVIDER_CHOICES,
  type ProviderChoice,
  type TranslationSettings,
} from '../../lib/core/translate/settings';

/** What the page reports after an action. */
export interface FormStatus {
  kind: 'ok' | 'error';
  message: string;
}

interface Props {
  /** The stored settings the form starts from. */
  settings: TranslationSettings;
  status: FormStatus | null;
  /** An action is running: the buttons wait. */
  busy: boolean;
  onSave: (draft: TranslationSettings) => void;
  onTest: () => void;
  onClearCache: () => void;
}

const CHOICE_LABELS: Record<ProviderChoice, MessageKey> = {
  off: 'optionsProviderOff',
  'on-device': 'optionsProviderOnDevice',
  deepl: 'optionsProviderDeepl',
  libretranslate: 'optionsProviderLibre',
  google: 'optionsProviderGoogle',
};

/** The translation settings: the service, its key or server, Save (asks for access), Test, and clearing the cache. */
export function TranslationSettingsForm({ settings, status, busy, onSave, onTest, onClearCache }: Props) {
  const [draft, setDraft] = useState(settings);
  const set = <K extends keyof TranslationSettings>(key: K, value: TranslationSettings[K]) =>
    setDraft({ ...draft, [key]: value });
  return (
    <form
      class="translation-settings"
      aria-label={t('optionsFormLabel')}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draft);
      }}
    >
      <fieldset>
        <legend>{t('optionsProviderLegend')}</legend>
        {PROVIDER_CHOICES.map((choice) => (
          <label key={choice} class="choice">
            <input
              type="radio"
              name="provider"
              value={choice}
              checked={draft.provider === choice}
              onChange={() => set('provider', choice)}
            />
            {t(CHOICE_LABELS[choice])}
          </label>
        ))}
      </fieldset>
      {draft.provider === 'deepl' && (
        <TextField
          id="deepl-key"
          label="optionsDeeplKey"
          help="optionsDeeplKeyHelp"
          type="password"
          maxLength={MAX_KEY_LENGTH}
          value={draft.deepl.key}
          onInput={(key) => set('deepl', { key })}
        />
      )}
      {draft.provider === 'libretranslate' && (
        <>
          <TextField
            id="libre-url"
            label="optionsLibreUrl"
            type="url"
            maxLength={MAX_BASE_URL_LENGTH}
            placeholder="https://libretranslate.example.org"
            value={draft.libretranslate.baseUrl}
            onInput={(baseUrl) => set('libretranslate', { ...draft.libretranslate, baseUrl })}
          />
          <TextField
            id="libre-key"
            label="optionsLibreKey"
            type="password"
            maxLength={MAX_KEY_LENGTH}
            value={draft.libretranslate.key}
            onInput={(key) => set('libretranslate', { ...draft.libretranslate, key })}
          />
        </>
      )}
      {draft.provider === 'google' && (
        <TextField
          id="google-key"
          label="optionsGoogleKey"
          type="password"
          maxLength={MAX_KEY_LENGTH}
          value={draft.google.key}
          onInput={(key) => set('google', { key })}
        />
      )}
      <p class="help">{t('optionsPrivacy')}</p>
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy}>
          {t('optionsSave')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={onTest}>
          {t('optionsTest')}
        </button>
        <button type="button" class="button" disabled={busy} onClick={onClearCache}>
          {t('optionsClearCache')}
        </button>
      </div>
      <p role="status" class={status?.kind === 'error' ? 'status error' : 'status'}>
        {status?.message}
      </p>
    </form>
  );
}
