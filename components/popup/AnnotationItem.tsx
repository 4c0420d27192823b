import { useState } from 'preact/hooks';
import { MAX_NOTE_LENGTH, type Annotation } from '../../lib/core/model/annotation';
import type { MessageError } from '../../lib/extension/messaging/messages';
import { HIGHLIGHT_BACKGROUNDS } from '../../lib/core/model/highlight-styles';
import { t } from '../../lib/extension/i18n';
import { displayQuote } from '../annotation-quote';

interface Props {
  annotation: Annotation;
  orphan: boolean;
  onShow: () => void;
  onSaveNote: (note: string) => Promise<MessageError | null>;
  onDelete: () => void;
}

/** One highlight in the popup: colour, quote (click to show it in the page), note (editable), delete. */
export function AnnotationItem({ annotation, orphan, onShow, onSaveNote, onDelete }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const quote = displayQuote(annotation);

  const save = async () => {
    if (draft === null) return;
    if (draft === annotation.note) return setDraft(null);
    const failure = await onSaveNote(draft);
    setError(failure ? t('noteSaveFailed', failure.message) : null);
    if (!failure) setDraft(null);
  };

  return (
    <li class="annotation-item" style={{ borderLeftColor: HIGHLIGHT_BACKGROUNDS[annotation.color] }}>
      <button
        type="button"
        class="annotation-quote"
        onClick={onShow}
        disabled={orphan}
        aria-label={t('scrollTo', quote.slice(0, 80))}
      >
        {quote}
      </button>
      {orphan && (
        <p class="annotation-orphan" title={t('orphanHelp')}>
          {t('orphan')}
        </p>
      )}
      {draft === null ? (
        annotation.note && <p class="annotation-note">{annotation.note}</p>
      ) : (
        <textarea
          class="annotation-note-editor"
          aria-label={t('noteEditorLabel')}
          placeholder={t('notePlaceholder')}
          maxLength={MAX_NOTE_LENGTH}
          value={draft}
          ref={(el) => el?.focus()}
          onInput={(e) => setDraft(e.currentTarget.value)}
          onBlur={save}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void save();
            }
          }}
        />
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="annotation-actions">
        {draft === null && (
          <button type="button" onClick={() => setDraft(annotation.note)}>
            {annotation.note ? t('editNote') : t('addNote')}
          </button>
        )}
        <button type="button" class="danger" onClick={onDelete}>
          {t('delete')}
        </button>
      </div>
    </li>
  );
}
