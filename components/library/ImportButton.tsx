import { MAX_IMPORT_BYTES } from '../../lib/core/formats/import/import-limits';
import { t } from '../../lib/extension/i18n';

interface Props {
  /** Called with the chosen file's text; files over the size limit are refused here, before reading. */
  onText: (fileName: string, text: string) => void;
  onTooLarge: (fileName: string) => void;
  busy: boolean;
}

/** "Import…": picks a native backup (JSON) or W3C Web Annotations (JSON-LD) file. */
export function ImportButton({ onText, onTooLarge, busy }: Props) {
  return (
    <label class={`button${busy ? ' is-busy' : ''}`}>
      {busy ? t('importing') : t('import')}
      <input
        type="file"
        class="visually-hidden"
        accept=".json,.jsonld,application/json,application/ld+json"
        disabled={busy}
        onChange={async (e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          input.value = '';
          if (!file) return;
          if (file.size > MAX_IMPORT_BYTES) return onTooLarge(file.name);
          onText(file.name, await file.text());
        }}
      />
    </label>
  );
}
