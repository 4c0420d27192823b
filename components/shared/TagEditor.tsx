import { useId, useState } from 'preact/hooks';
import { addTag, type TagProblem } from '../../lib/core/library/tags';
import { MAX_TAG_LENGTH, MAX_TAGS } from '../../lib/core/model/schemas';
import { t } from '../../lib/extension/i18n';

interface Props {
  tags: readonly string[];
  /** Tags already in use elsewhere, offered as the reader types. */
  suggestions: readonly string[];
  onChange: (tags: string[]) => void;
}

type ShownProblem = Exclude<TagProblem, 'empty'>;

const PROBLEM_TEXT: Record<ShownProblem, () => string> = {
  'too-long': () => t('tagTooLong', MAX_TAG_LENGTH),
  duplicate: () => t('tagDuplicate'),
  'too-many': () => t('tagTooMany', MAX_TAGS),
};

/**
 * The tags of one annotation: each with a remove button, and a field that adds the typed tag on Enter, a comma or
 * leaving the field, offering existing tags as it goes (used in the editor frame of the page's highlight popover and in
 * the library).
 */
export function TagEditor({ tags, suggestions, onChange }: Props) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<ShownProblem | null>(null);
  const listId = useId();

  const commit = () => {
    const added = addTag(tags, draft);
    if (added.ok) {
      setDraft('');
      setProblem(null);
      onChange(added.tags);
    } else if (added.problem === 'empty') setDraft('');
    else setProblem(added.problem);
  };

  return (
    <div class="nea-tag-editor" role="group" aria-label={t('tagsLabel')}>
      {tags.length > 0 && (
        <ul class="nea-tag-list">
          {tags.map((tag) => (
            <li class="nea-tag" key={tag}>
              <span>{tag}</span>
              <button
                type="button"
                class="nea-tag-remove"
                aria-label={t('removeTag', tag)}
                title={t('removeTag', tag)}
                onClick={() => onChange(tags.filter((other) => other !== tag))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <input
        class="nea-tag-input"
        aria-label={t('addTag')}
        placeholder={t('addTagPlaceholder')}
        list={listId}
        maxLength={MAX_TAG_LENGTH}
        disabled={tags.length >= MAX_TAGS}
        value={draft}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          // Enter also confirms a Chinese input method's composition: leave that to the input method.
          if (e.isComposing || e.keyCode === 229) return;
          if (e.key === 'Enter' || e.key === ',' || e.key === '，') {
            e.preventDefault();
            commit();
          }
        }}
        onBlur={commit}
      />
      <datalist id={listId}>
        {suggestions
          .filter((s) => !tags.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
      {problem && (
        <p class="nea-tag-problem" role="alert">
          {PROBLEM_TEXT[problem]()}
        </p>
      )}
    </div>
  );
}
