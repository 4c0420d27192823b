import { useState } from 'preact/hooks';
import { MAX_NOTE_LENGTH, quoteOf, type Annotation, type AnnotationPatch } from '../../lib/core/model/annotation';
import type { MessageError } from '../../lib/extension/messaging/messages';
import { t } from '../../lib/extension/i18n';
import { TagEditor } from '../shared/TagEditor';
import { Dialog } from './Dialog';

interface Props {
  annotation: Annotation;
  tagSuggestions: readonly string[];
  /**
   * Stores what the reader changed (the note, the tags, or both: never a field left as it was, which may have changed
   * since on another device); resolves to the error when that failed.
   */
  onSave: (patch: Pick<AnnotationPatch, 'note' | 'tags'>) => Promise<MessageError | null>;
  onClose: () => void;
}

/**
 * Edits one annotation's note and tags. Like every note editor here, closing it (Save, ×, Esc) saves: nothing typed
 * is lost, and when saving fails the dialog stays open with the reader's text and the reason.
 */
export function EditDialog({ annotation, tagSuggestions, onSave, onClose }: Props) {
  // What the reader started from: `annotation` may be newer by the time they save (sync wrote it meanwhile), and a
  // field they did not touch must not be written back from the dialog.
  const [opened] = useState(() => ({ note: annotation.note, tags: annotation.tags }));
  const [note, setNote] = useState(opened.note);
  const [tags, setTags] = useState(opened.tags);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const saveAndClose = async () => {
    const patch = {
      ...(note === opened.note ? {} : { note }),
      ...(tags.join('\n') === opened.tags.join('\n') ? {} : { tags }),
    };
    if (Object.keys(patch).length === 0) return onClose();
    setSaving(true);
    const failure = await onSave(patch);
    setSaving(false);
    if (failure) return setError(t('noteSaveFailed', failure.message));
    onClose();
  };

  return (
    <Dialog title={t('editTitle')} onClose={saveAndClose}>
      <blockquote class="edit-quote">{quoteOf(annotation).exact}</blockquote>
      <label class="field">
        <span>{t('noteEditorLabel')}</span>
        <textarea
          class="edit-note"
          placeholder={t('notePlaceholder')}
          maxLength={MAX_NOTE_LENGTH}
          value={note}
          onInput={(e) => setNote(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              void saveAndClose();
            }
          }}
        />
      </label>
      <div class="field">
        <span aria-hidden="true">{t('tagsLabel')}</span>
        <TagEditor tags={tags} suggestions={tagSuggestions} onChange={setTags} />
      </div>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <footer class="library-dialog-footer">
        <button type="button" class="button primary" disabled={saving} onClick={saveAndClose}>
          {error ? t('retry') : t('save')}
        </button>
      </footer>
    </Dialog>
  );
}
