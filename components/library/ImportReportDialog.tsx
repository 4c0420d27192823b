import { MAX_REPORTED_REJECTIONS, type ImportReport } from '../../lib/core/model/exchange';
import { t } from '../../lib/extension/i18n';
import { Dialog } from './Dialog';

/** The outcome of an import: what the file did to the library, or why it could not be imported. */
export type ImportOutcome = { fileName: string; ok: true; report: ImportReport } | { fileName: string; ok: false; error: string };

interface Props {
  outcome: ImportOutcome;
  onClose: () => void;
}

/**
 * Shows an import's counts (added, updated, skipped as duplicates, rejected with reasons), or its error. Under the
 * counts, a line each, only when there were some: the page notes among the added, the replies and the annotations of
 * other sites a Hypothesis export held (left out), and the known words a backup brought in (not annotations: a file
 * without any, such as every W3C file, has nothing to say about them).
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
    [t('importRejected'), report.rejectedTotal],
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
      {(
        [
          ['importPageNotes', report.pageNotes],
          ['importSkippedReplies', report.skippedReplies],
          ['importSkippedOtherSites', report.skippedOtherSites],
          ['importKnownWordsAdded', report.knownWordsAdded],
          ['importWordListAdded', report.wordListAdded],
        ] as const
      ).map(([key, count]) => count > 0 && <p key={key}>{t(key, count.toLocaleString())}</p>)}
      {report.rejected.length > 0 && (
        <>
          <h3>{t('importRejectedHeading')}</h3>
          <ul class="import-rejections">
            {report.rejected.slice(0, MAX_REPORTED_REJECTIONS).map(({ index, reason }) => (
              <li key={index}>{t('importRejectedItem', index + 1, reason)}</li>
            ))}
          </ul>
          {report.rejectedTotal > report.rejected.length && (
            <p class="message">{t('importMoreRejected', report.rejectedTotal - report.rejected.length)}</p>
          )}
        </>
      )}
    </Dialog>
  );
}
