import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';

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
  const list = useRef<HTMLUListElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  /** Where the keyboard goes once a word is taken off the list `from`: the button now at that place in the list. */
  const focusAt = useRef<{ index: number; from: Props['words'] } | null>(null);
  useEffect(() => {
    const pending = focusAt.current;
    if (!pending || busy || words === pending.from) return;
    focusAt.current = null;
    const buttons = list.current?.querySelectorAll('button');
    const next = buttons?.[Math.min(pending.index, buttons.length - 1)];
    (next ?? status.current)?.focus();
  }, [words, busy]);

  /** Glosses the word at `index` again; the keyboard moves on to the next word's button (or the count after the last). */
  const forget = (word: string, index: number) => {
    focusAt.current = { index, from: words };
    onForget(word);
  };
  return (
    <section class="known-words" aria-labelledby="known-words-heading">
      <h2 id="known-words-heading">{t('knownWordsTitle')}</h2>
      {error && (
        <p class="status error" role="alert">
          {error}
        </p>
      )}
      {words && words.length === 0 && (
        <p class="help" role="status" tabIndex={-1} ref={status}>
          {t('knownWordsEmpty')}
        </p>
      )}
      {words && words.length > 0 && (
        <>
          <p class="help" role="status" tabIndex={-1} ref={status}>
            {t('knownWordsHelp', words.length.toLocaleString())}
          </p>
          <ul class="known-word-list" ref={list}>
            {words.map((word, index) => (
              <li key={word}>
                <span lang="zh">{word}</span>
                <button
                  type="button"
                  class="icon-button"
                  aria-label={t('knownWordsForget', word)}
                  title={t('knownWordsForget', word)}
                  disabled={busy}
                  onClick={() => forget(word, index)}
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
