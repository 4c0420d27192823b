import { t } from '../../lib/i18n';

interface Props {
  /** The words the reader marked known, oldest first; null while they are being read. */
  words: string[] | null;
  /** Glosses `word` again (takes it off the list). */
  onForget: (word: string) => void;
  /** A change is being saved: the buttons wait. */
  busy: boolean;
  /** Why the list could not be read or changed, if so. */
  error: string | null;
}

/**
 * The words the reader marked known (the gloss leaves them bare), each with a button to gloss it again: the one place
 * to see them all and take back a word marked by mistake, without finding it in an article first.
 */
export function KnownWordsList({ words, onForget, busy, error }: Props) {
  return (
    <section class="known-words" aria-labelledby="known-words-heading">
      <h2 id="known-words-heading">{t('knownWordsTitle')}</h2>
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      {words && words.length === 0 && <p class="help">{t('knownWordsEmpty')}</p>}
      {words && words.length > 0 && (
        <>
          <p class="help">{t('knownWordsHelp', words.length.toLocaleString())}</p>
          <ul class="known-word-list">
            {words.map((word) => (
              <li key={word} lang="zh">
                {word}
                <button
                  type="button"
                  class="icon-button"
                  aria-label={t('knownWordsForget', word)}
                  title={t('knownWordsForget', word)}
                  disabled={busy}
                  onClick={() => onForget(word)}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
