import type { KnownAction } from '../../lib/content/gloss/gloss-controller';
import { t } from '../../lib/extension/i18n';

interface Props {
  /** Whether the gloss is on. */
  on: boolean;
  /** What the known-words button would do for the selection; no button when null. */
  knownAction: KnownAction;
  onToggle: () => void;
  onKnown: () => void;
}

/** The gloss's part of the selection toolbar: the on/off switch and, while glossed, "Mark known" / "Gloss again". */
export function GlossButtons({ on, knownAction, onToggle, onKnown }: Props) {
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
    </>
  );
}
