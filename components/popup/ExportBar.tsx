import { useState } from 'preact/hooks';
import { EXPORT_FORMATS, type ExportFormat } from '../../lib/core/model/exchange';
import type { MessageError, Result } from '../../lib/extension/messaging/messages';
import { t } from '../../lib/extension/i18n';
import { FormatSelect } from '../shared/FormatSelect';

interface Props {
  onCopyMarkdown: () => Promise<MessageError | null>;
  /** Saves the file; resolves to its name. */
  onDownload: (format: ExportFormat) => Promise<Result<string>>;
}

/** The current article's export: "Copy as Markdown", or a file in a chosen format saved to the downloads. */
export function ExportBar({ onCopyMarkdown, onDownload }: Props) {
  const [format, setFormat] = useState<ExportFormat>(EXPORT_FORMATS[0]);
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);

  const show = (failure: MessageError | null, done: string) =>
    setStatus(failure ? { error: true, text: t('exportFailed', failure.message) } : { error: false, text: done });
  const copy = async () => show(await onCopyMarkdown(), t('copiedMarkdown'));
  const download = async () => {
    const saved = await onDownload(format);
    show(saved.ok ? null : saved.error, saved.ok ? t('downloadStarted', saved.value) : '');
  };

  return (
    <div class="export-bar">
      <button type="button" class="button" onClick={copy}>
        {t('copyMarkdown')}
      </button>
      <FormatSelect value={format} onChange={setFormat} />
      <button type="button" class="button" onClick={download}>
        {t('download')}
      </button>
      {status && (
        <p class={status.error ? 'export-status error' : 'export-status message'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      )}
    </div>
  );
}
