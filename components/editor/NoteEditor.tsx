import { useEffect, useRef } from 'preact/hooks';
import { MAX_NOTE_LENGTH } from '../../lib/core/model/annotation';
import { t } from '../../lib/extension/i18n';

/** What the note editor shows: the text as the reader left it, kept while a save is pending or has failed. */
export interface NoteDraft {
  draft: string;
  error: string | null;
  saving: boolean;
}

interface Props {
  editor: NoteDraft;
  onInput: (text: string) => void;
  /** Save; `close` also closes the editor once stored. */
  onSave: (text: string, close: boolean) => void;
}

/**
 * A private note beside a highlight, in the editor frame (an extension page, so the page never sees the keys).
 * Saved on Ctrl/Cmd+Enter or whenever it closes; a failed save keeps the text.
 */
export function NoteEditor({ editor, onInput, onSave }: Props) {
  const area = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    area.current?.focus({ preventScroll: true });
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSave(area.current!.value, true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onSave(area.current!.value, true);
    }
  };

  return (
    <div class="nea-editor" role="dialog" aria-label={t('noteEditorLabel')}>
      <textarea
        ref={area}
        class="nea-textarea"
        aria-label={t('noteEditorLabel')}
        placeholder={t('notePlaceholder')}
        maxLength={MAX_NOTE_LENGTH}
        value={editor.draft}
        onInput={(e) => onInput(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      {editor.error && (
        <p class="nea-error" role="alert">
          {editor.error}
        </p>
      )}
      <div class="nea-row nea-editor-footer">
        <span class="nea-counter" aria-live="polite">
          {t('charCount', editor.draft.length, MAX_NOTE_LENGTH)}
        </span>
        <button type="button" class="nea-text-button" onClick={() => onSave(area.current!.value, true)} disabled={editor.saving}>
          {editor.error ? t('retry') : t('save')}
        </button>
        <button
          type="button"
          class="nea-icon-button"
          aria-label={t('close')}
          title={t('close')}
          onClick={() => onSave(area.current!.value, true)}
        >
          ×
        </button>
      </div>
    </div>
  );
}
