import type { GlossMode, GlossSettings, GlossSettingsPatch } from '../../lib/model/gloss';
import { t } from '../../lib/i18n';

interface Props {
  settings: GlossSettings;
  /** Why the gloss is off although the reader turned it on (or the page could not be asked), if so. */
  error: string | null;
  onChange: (patch: GlossSettingsPatch) => void;
}

/** The popup's gloss switch for the article in the tab, with the mode (words or paragraphs) and the pinyin and English switches. */
export function GlossSwitches({ settings, error, onChange }: Props) {
  const toggle = (key: 'on' | 'pinyin' | 'english') => (event: Event) =>
    onChange({ [key]: (event.currentTarget as HTMLInputElement).checked });
  return (
    <fieldset class="gloss-settings">
      <legend>{t('glossSettingsTitle')}</legend>
      <label class="gloss-switch">
        <input type="checkbox" role="switch" checked={settings.on} onChange={toggle('on')} />
        {t('glossSwitch')}
      </label>
      <label>
        {t('glossMode')}
        <select
          value={settings.mode}
          onChange={(event) => onChange({ mode: (event.currentTarget as HTMLSelectElement).value as GlossMode })}
        >
          <option value="words">{t('glossModeWords')}</option>
          <option value="paragraphs">{t('glossModeParagraphs')}</option>
        </select>
      </label>
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
