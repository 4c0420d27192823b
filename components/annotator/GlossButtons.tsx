import type { KnownAction, WordListAction } from '../../lib/content/gloss/gloss-controller';
import { t } from '../../lib/extension/i18n';

interface Props {
  /** Whether the gloss is on. */
  on: boolean;
  /** What the known-words button would do for the selection; no button when null. */
  knownAction: KnownAction;
  onToggle: () => void;
  onKnown: () => void;
  /** What the word-list button does for the selection; no button when absent or null. */
  wordListAction?: WordListAction;
  onAddToWordList?: () => void;
}

/**
 * The gloss's part of the selection toolbar: the on/off switch and, while glossed, "Mark known" / "Gloss again" and
 * "Add to word list".
 */
export function GlossButtons({ on, knownAction, onToggle, onKnown, wordListAction, onAddToWordList }: Props) {
  return (
    <>
      <span class="nea-sep" aria-hidden="true" />
      <button
        type="button"
        class="nea-text-button"
        aria-pressed={on}
        title={t('glossButtonHelp')}
        onMouseDown={(e) => e.preventDefault()}
        onClick={onToggle}
      >
        {t('glossButton')}
      </button>
      {on && knownAction && (
        <button
          type="button"
          class="nea-text-button"
          title={t(knownAction === 'mark' ? 'glossMarkKnownHelp' : 'glossUnmarkKnownHelp')}
          onMouseDown={(e) => e.preventDefault()}
          onClick={onKnown}
        >
          {t(knownAction === 'mark' ? 'glossMarkKnown' : 'glossUnmarkKnown')}
        </button>
      )}
      {on && wordListAction && (
        <button
          type="button"
          class="nea-text-button"
          title={t('glossAddToWordListHelp')}
          disabled={wordListAction === 'listed'}
          onMouseDown={(e) => e.preventDefault()}
          onClick={onAddToWordList}
        >
          {t(wordListAction === 'listed' ? 'translateWordAdded' : 'glossAddToWordList')}
        </button>
      )}
    </>
  );
}
