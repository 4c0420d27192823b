import { useState } from 'preact/hooks';
import { EXPORT_FORMATS, type ExportFormat } from '../../lib/core/model/exchange';
import type { MessageError } from '../../lib/extension/messaging/messages';
import { t } from '../../lib/extension/i18n';
import { FormatSelect } from '../shared/FormatSelect';
import { Dialog } from './Dialog';

/** What the library can export: everything, the results shown now, or the rows the reader selected. */
export type ExportChoice = 'all' | 'shown' | 'selected';

interface Props {
  /** How many annotations each choice covers; `shown` is null when nothing is filtered (it would equal all). */
  counts: { all: number; shown: number | null; selected: number };
  initialChoice: ExportChoice;
  /** Exports; resolves to the error, or null once the download began (the parent then closes the dialog). */
  onExport: (format: ExportFormat, choice: ExportChoice) => Promise<MessageError | null>;
  onClose: () => void;
}

const CHOICE_LABELS = { all: 'exportAll', shown: 'exportShown', selected: 'exportSelected' } as const;

/** Chooses what to export and in which format, then saves the file to the downloads. */
export function ExportDialog({ counts, initialChoice, onExport, onClose }: Props) {
  const [choice, setChoice] = useState<ExportChoice>(initialChoice);
  const [format, setFormat] = useState<ExportFormat>(EXPORT_FORMATS[0]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const choices = (['all', 'shown', 'selected'] as const).filter((c) => counts[c] !== null);

  const run = async () => {
    setBusy(true);
    const failure = await onExport(format, choice);
    setBusy(false);
    if (failure) setError(t('exportFailed', failure.message));
  };

  return (
    <Dialog title={t('exportTitle')} onClose={onClose}>
      <fieldset class="field">
        <legend>{t('exportWhat')}</legend>
        {choices.map((c) => (
          <label class="radio" key={c}>
            <input
              type="radio"
              name="export-choice"
              value={c}
              checked={choice === c}
              disabled={counts[c] === 0}
              onChange={() => setChoice(c)}
            />
            {t(CHOICE_LABELS[c], (counts[c] ?? 0).toLocaleString())}
          </label>
        ))}
      </fieldset>
      <label class="field">
        <span aria-hidden="true">{t('exportFormat')}</span>
        <FormatSelect value={format} onChange={setFormat} />
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <footer class="library-dialog-footer">
        <button type="button" class="button primary" disabled={busy || counts[choice] === 0} onClick={run}>
          {t('download')}
        </button>
      </footer>
    </Dialog>
  );
}
