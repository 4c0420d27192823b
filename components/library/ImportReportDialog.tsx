import type { ImportReport } from '../../lib/model/exchange';
import { t } from '../../lib/i18n';
import { Dialog } from './Dialog';

/** The outcome of an import: what the file did to the library, or why it could not be imported. */
export type ImportOutcome =
  | { fileName: string; ok: true; report: ImportReport }
  | { fileName: string; ok: false; error: string };

interface Props {
  outcome: ImportOutcome;
  onClose: () => void;
}

/** Most refused items listed one by one; the rest are counted. */
const MAX_LISTED = 50;

/**
 * Shows an import's counts (added, updated, skipped as duplicates, rejected with reasons), or its error. The known
 * words a backup brought in are a line of their own under the annotation counts, only when there were some: they are
 * not annotations, and a file without any (every W3C file) has nothing to say about them.
 */
export function ImportReportDialog({ outcome, onClose }: Props) {
  if (!outcome.ok) {
    return (
      <Dialog title={t('importFailedTitle')} onClose={onClose}>
        <p class="error" role="alert">
          {t('importFailed', outcome.fileName, outcome.error)}
        </p>
        <p>{t('importNothingChanged')}</p>
      </Dialog>
    );
  }
  const { report } = outcome;
  const rows: [string, number][] = [
    [t('importAdded'), report.added],
    [t('importUpdated'), report.updated],
    [t('importDuplicates'), report.duplicates],
    [t('importRejected'), report.rejected.length],
  ];
  return (
    <Dialog title={t('importDoneTitle')} onClose={onClose}>
      <p role="status">{t('importDone', outcome.fileName)}</p>
      <dl class="import-counts">
        {rows.map(([label, count]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{count.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {report.knownWordsAdded > 0 && (
        <p>{t('importKnownWordsAdded', report.knownWordsAdded.toLocaleString())}</p>
      )}
      {report.rejected.length > 0 && (
        <>
          <h3>{t('importRejectedHeading')}</h3>
          <ul class="import-rejections">
            {report.rejected.slice(0, MAX_LISTED).map(({ index, reason }) => (
              <li key={index}>{t('importRejectedItem', index + 1, reason)}</li>
            ))}
          </ul>
          {report.rejected.length > MAX_LISTED && <p class="message">{t('importMoreRejected', report.rejected.length - MAX_LISTED)}</p>}
        </>
      )}
    </Dialog>
  );
}
