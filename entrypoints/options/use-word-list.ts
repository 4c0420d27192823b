import { useEffect, useState } from 'preact/hooks';
import type { WordListFormat } from '../../lib/core/formats/export/word-list-files';
import type { WordListEntry } from '../../lib/core/model/word-list';
import { t } from '../../lib/extension/i18n';
import { callBackground } from '../../lib/extension/messaging/client';
import { followChanges } from '../../lib/pages/follow-changes';
import { saveFile } from '../../lib/pages/save-file';

/**
 * The reader's word list for the options page, read again whenever the background reports that it changed (a word
 * added in an article, a backup imported, sync), with Remove and the flashcard exports saved to the downloads.
 */
export function useWordList() {
  const [entries, setEntries] = useState<WordListEntry[] | null>(null);
  const [busy, setBusy] = useState(false);
  /** What the last action did or why it failed; `error` tells which. */
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    const read = () =>
      void callBackground('word-list/list', {}).then((answer) =>
        answer.ok ? setEntries(answer.value) : setMessage({ text: t('optionsFailed', answer.error.message), error: true }),
      );
    read();
    return followChanges((changes) => changes.kinds.includes('wordListEntry') && read());
  }, []);

  /** Runs `action` with the buttons waiting, showing its outcome. */
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage({ text: await action(), error: false });
    } catch (err) {
      setMessage({ text: t('optionsFailed', err instanceof Error ? err.message : String(err)), error: true });
    } finally {
      setBusy(false);
    }
  };

  /** Takes `word` off the list. */
  const remove = (word: string) =>
    run(async () => {
      const answer = await callBackground('word-list/remove', { words: [word] });
      if (!answer.ok) throw new Error(answer.error.message);
      setEntries(answer.value);
      return t('wordListRemoved', word);
    });

  /** Saves the list in `format` to the downloads. */
  const exportAs = (format: WordListFormat) =>
    run(async () => {
      const answer = await callBackground('word-list/export', { format });
      if (!answer.ok) throw new Error(answer.error.message);
      await saveFile(answer.value);
      return t('wordListSaved', answer.value.filename);
    });

  return { entries, busy, message, remove, exportAs };
}
