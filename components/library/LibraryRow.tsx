import { HIGHLIGHT_BACKGROUNDS } from '../../lib/core/model/highlight-styles';
import type { LibraryEntry } from '../../lib/core/library/entries';
import { formatDay } from '../../lib/core/library/format';
import { t } from '../../lib/extension/i18n';
import { displayQuote } from '../annotation-quote';
import { MatchText } from './MatchText';

interface Props {
  entry: LibraryEntry;
  /** Folded search terms, marked in the texts. */
  terms: readonly string[];
  selected: boolean;
  /** An open tab could not find it on its page. */
  orphan: boolean;
  /** Earlier versions sync kept of it (0: no Earlier versions button). */
  versions: number;
  /** Sync kept it because it was edited after a delete: made on another device, or here. */
  keptAfterDelete: 'elsewhere' | 'here' | null;
  onSelect: (selected: boolean) => void;
  onShow: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onReattach: () => void;
  onVersions: () => void;
}

/** Characters of quote and note shown in a row (a window around the first match). */
const QUOTE_CHARS = 160;
const NOTE_CHARS = 120;
/** Characters of the quote used to name the row's controls. */
const NAME_CHARS = 60;

/**
 * One annotation in the library list: select box, colour, quote (opens the article at it), note (or its translation
 * when it has no note), tags, article and date, and its actions; an orphan says so and offers re-attaching. With
 * sync, a row offers the earlier versions kept of it, and says when it was kept after a delete on another device.
 */
export function LibraryRow({
  entry,
  terms,
  selected,
  orphan,
  versions,
  keptAfterDelete,
  onSelect,
  onShow,
  onEdit,
  onDelete,
  onReattach,
  onVersions,
}: Props) {
  const { annotation, article } = entry;
  const quote = displayQuote(annotation);
  const name = quote.slice(0, NAME_CHARS);
  const title = article?.title || t('untitledArticle', annotation.articleId);
  return (
    <article
      class={`library-row${selected ? ' is-selected' : ''}`}
      style={{ borderLeftColor: HIGHLIGHT_BACKGROUNDS[annotation.color] }}
    >
      <input
        type="checkbox"
        class="library-row-select"
        checked={selected}
        aria-label={t('selectAnnotation', name)}
        onChange={(e) => onSelect(e.currentTarget.checked)}
      />
      <div class="library-row-body">
        <button type="button" class="library-quote" aria-label={t('openAtHighlight', name)} onClick={onShow}>
          <MatchText text={quote} terms={terms} maxLength={QUOTE_CHARS} />
        </button>
        {(annotation.note || annotation.translation?.text) && (
          <p class="library-note">
            <MatchText text={annotation.note || annotation.translation!.text} terms={terms} maxLength={NOTE_CHARS} />
          </p>
        )}
        <p class="library-meta">
          {annotation.tags.map((tag) => (
            <span class="tag-chip" key={tag}>
              <MatchText text={tag} terms={terms} maxLength={tag.length} />
            </span>
          ))}
          <span class="library-article">
            <MatchText text={title} terms={terms} maxLength={80} />
            {article?.source && ` · ${article.source}`} · {formatDay(annotation.createdAt)}
          </span>
        </p>
      </div>
      <div class="library-row-actions">
        {orphan && (
          <>
            <span class="library-orphan" title={t('orphanHelp')}>
              {t('orphanElsewhere')}
            </span>
            <button type="button" class="button" aria-label={t('reattachAnnotation', name)} onClick={onReattach}>
              {t('reattach')}
            </button>
          </>
        )}
        {keptAfterDelete && (
          <span class="library-kept">{t(keptAfterDelete === 'here' ? 'keptAfterDeleteHere' : 'keptAfterDelete')}</span>
        )}
        {versions > 0 && (
          <button type="button" class="button" aria-label={t('earlierVersionsOf', name)} onClick={onVersions}>
            {t('earlierVersions', versions)}
          </button>
        )}
        <button type="button" class="button" aria-label={t('editAnnotation', name)} onClick={onEdit}>
          {t('edit')}
        </button>
        <button type="button" class="button danger" aria-label={t('deleteAnnotation', name)} onClick={onDelete}>
          {t('deleteShort')}
        </button>
      </div>
    </article>
  );
}
