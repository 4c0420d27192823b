import { EXPORT_FORMATS, type ExportFormat } from '../../lib/core/model/exchange';
import { t, type MessageKey } from '../../lib/extension/i18n';

/** The name of each export format in the interface. */
const FORMAT_LABELS: Record<ExportFormat, MessageKey> = {
  markdown: 'formatMarkdown',
  json: 'formatJson',
  w3c: 'formatW3c',
  'readwise-csv': 'formatReadwise',
};

interface Props {
  value: ExportFormat;
  onChange: (format: ExportFormat) => void;
}

/** A labelled choice of export format (popup and library). */
export function FormatSelect({ value, onChange }: Props) {
  return (
    <select
      class="format-select"
      aria-label={t('exportFormat')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value as ExportFormat)}
    >
      {EXPORT_FORMATS.map((format) => (
        <option key={format} value={format}>
          {t(FORMAT_LABELS[format])}
        </option>
      ))}
    </select>
  );
}
