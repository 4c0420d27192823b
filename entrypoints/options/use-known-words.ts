import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';
import { callBackground } from '../../lib/extension/messaging/client';
import { followChanges } from '../../lib/pages/follow-changes';

/**
 * The reader's known words for the options page, read again whenever the background reports that they changed
 * (marked in an article, restored from a backup), and a way to gloss one again, which also updates every open article.
 */
export function useKnownWords() {
  const [words, setWords] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const read = () =>
      void callBackground('known-words/list', {}).then((answer) =>
        answer.ok ? setWords(answer.value) : setError(t('optionsFailed', answer.error.message)),
      );
    read();
    return followChanges((changes) => changes.kinds.includes('knownWord') && read());
  }, []);

  /** Glosses `word` again: off the known list here, and in every open article. */
  const forget = async (word: string) => {
    setBusy(true);
    const answer = await callBackground('known-words/set', { words: [word], known: false });
    setBusy(false);
    if (answer.ok) {
      setWords(answer.value);
      setError(null);
    } else setError(t('optionsFailed', answer.error.message));
  };

  return { words, busy, error, forget };
}
