import { useState } from 'preact/hooks';
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

/** One labelled text field of the form. */
function Field(props: {
  id: string;
  label: MessageKey;
  help?: MessageKey;
  value: string;
  secret?: boolean;
  maxLength: number;
  placeholder?: string;
  onInput: (value: string) => void;
}) {
  return (
    <div class="field">
      <label for={props.id}>{t(props.label)}</label>
      <input
        id={props.id}
        type={props.secret ? 'password' : 'url'}
        value={props.value}
        maxLength={props.maxLength}
        placeholder={props.placeholder}
        autocomplete="off"
        spellcheck={false}
        aria-describedby={props.help && `${props.id}-help`}
        onInput={(e) => props.onInput((e.target as HTMLInputElement).value)}
      />
      {props.help && (
        <p class="help" id={`${props.id}-help`}>
          {t(props.help)}
        </p>
      )}
    </div>
  );
}

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
        <Field
          id="deepl-key"
          label="optionsDeeplKey"
          help="optionsDeeplKeyHelp"
          secret
          maxLength={MAX_KEY_LENGTH}
          value={draft.deepl.key}
          onInput={(key) => set('deepl', { key })}
        />
      )}
      {draft.provider === 'libretranslate' && (
        <>
          <Field
            id="libre-url"
            label="optionsLibreUrl"
            maxLength={MAX_BASE_URL_LENGTH}
            placeholder="https://libretranslate.example.org"
            value={draft.libretranslate.baseUrl}
            onInput={(baseUrl) => set('libretranslate', { ...draft.libretranslate, baseUrl })}
          />
          <Field
            id="libre-key"
            label="optionsLibreKey"
            secret
            maxLength={MAX_KEY_LENGTH}
            value={draft.libretranslate.key}
            onInput={(key) => set('libretranslate', { ...draft.libretranslate, key })}
          />
        </>
      )}
      {draft.provider === 'google' && (
        <Field
          id="google-key"
          label="optionsGoogleKey"
          secret
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
