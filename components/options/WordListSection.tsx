import type { WordListFormat } from '../../lib/core/formats/export/word-list-files';
import type { WordListEntry } from '../../lib/core/model/word-list';
import { t } from '../../lib/extension/i18n';

interface Props {
  /** The entries, oldest first; null while they are being read. */
  entries: WordListEntry[] | null;
  /** Takes a word off the list. */
  onRemove: (word: string) => void;
  /** Saves the list as a file in `format`. */
  onExport: (format: WordListFormat) => void;
  /** An action is running: the buttons wait. */
  busy: boolean;
  /** What the last action did, or why it failed. */
  message: { text: string; error: boolean } | null;
}

/**
 * The options page's word list: every word the reader added while reading, with the pinyin and sense they saw, the
 * sentence it stood in and a link back to its article, each with Remove; and the exports for Anki and spreadsheets.
 */
export function WordListSection({ entries, onRemove, onExport, busy, message }: Props) {
  return (
    <section class="word-list" aria-labelledby="word-list-heading">
      <h2 id="word-list-heading">{t('wordListTitle')}</h2>
      {entries && entries.length === 0 && <p class="help">{t('wordListEmpty')}</p>}
      {entries && entries.length > 0 && (
        <>
          <p class="help">{t('wordListHelp', entries.length.toLocaleString())}</p>
          <div class="row">
            <button type="button" disabled={busy} onClick={() => onExport('anki-tsv')}>
              {t('wordListExportAnki')}
            </button>
            <button type="button" disabled={busy} onClick={() => onExport('csv')}>
              {t('wordListExportCsv')}
            </button>
          </div>
          <table class="word-list-table">
            <thead>
              <tr>
                <th scope="col">{t('wordListWord')}</th>
                <th scope="col">{t('wordListPinyin')}</th>
                <th scope="col">{t('wordListSense')}</th>
                <th scope="col">{t('wordListSentence')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('wordListActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.word}>
                  <th scope="row" lang="zh">
                    {entry.word}
                  </th>
                  <td>{entry.pinyin}</td>
                  <td lang="en">{entry.sense}</td>
                  <td>
                    <span lang="zh">{entry.sentence}</span>{' '}
                    <a href={entry.url} target="_blank" rel="noopener noreferrer">
                      {t('wordListOpenArticle')}
                    </a>
                  </td>
                  <td>
                    <button
                      type="button"
                      class="text-button"
                      aria-label={t('wordListRemoveWord', entry.word)}
                      disabled={busy}
                      onClick={() => onRemove(entry.word)}
                    >
                      {t('wordListRemove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <p class={message?.error ? 'status error' : 'status'} role={message?.error ? 'alert' : 'status'}>
        {message?.text}
      </p>
    </section>
  );
}
