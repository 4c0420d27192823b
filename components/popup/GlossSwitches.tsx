import type { GlossMode, GlossSettings, GlossSettingsPatch } from '../../lib/core/model/gloss';
import { t } from '../../lib/extension/i18n';

interface Props {
  settings: GlossSettings;
  /** Why the gloss is off although the reader turned it on (or the page could not be asked), if so. */
  error: string | null;
  /** Why the page shows word glosses although paragraph mode is chosen (no sentence translator, or it failed), if so. */
  fallback: string | null;
  onChange: (patch: GlossSettingsPatch) => void;
}

/** The id of the fallback message, which describes the mode menu while it shows. */
const FALLBACK_ID = 'gloss-fallback';

/**
 * The popup's gloss switch for the article in the tab, with the mode (words or paragraphs) and the pinyin and English
 * switches. While paragraph mode is chosen but the page fell back to word glosses, it says so with the page's reason.
 */
export function GlossSwitches({ settings, error, fallback, onChange }: Props) {
  const toggle = (key: 'on' | 'pinyin' | 'english') => (event: Event) =>
    onChange({ [key]: (event.currentTarget as HTMLInputElement).checked });
  const fellBack = settings.on && settings.mode === 'paragraphs' && fallback !== null;
  return (
    <fieldset class="gloss-settings">
      <legend>{t('glossSettingsTitle')}</legend>
      <label class="gloss-switch">
        <input type="checkbox" role="switch" checked={settings.on} onChange={toggle('on')} />
        {t('glossSwitch')}
      </label>
      <label class="gloss-mode">
        <span>{t('glossMode')}</span>
        <select
          value={settings.mode}
          aria-describedby={fellBack ? FALLBACK_ID : undefined}
          onChange={(event) => onChange({ mode: (event.currentTarget as HTMLSelectElement).value as GlossMode })}
        >
          <option value="words">{t('glossModeWords')}</option>
          <option value="paragraphs">{t('glossModeParagraphs')}</option>
        </select>
      </label>
      {fellBack && (
        <p id={FALLBACK_ID} class="message" role="status">
          {t('glossParagraphsFallback', fallback)}
        </p>
      )}
      <label>
        <input type="checkbox" checked={settings.pinyin} onChange={toggle('pinyin')} />
        {t('glossShowPinyin')}
      </label>
      <label>
        <input type="checkbox" checked={settings.english} onChange={toggle('english')} />
        {t('glossShowEnglish')}
      </label>
      {error && (
        <p class="message error" role="alert">
          {t('glossFailed', error)}
        </p>
      )}
      <p class="gloss-help">{t('glossPopupHelp')}</p>
    </fieldset>
  );
}
