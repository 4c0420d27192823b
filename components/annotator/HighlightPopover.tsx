import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import type { PopoverView } from '../../lib/content/annotator/view-state';
import type { Annotation, HighlightColor } from '../../lib/core/model/annotation';
import { t } from '../../lib/extension/i18n';
import { ColorButtons } from './ColorButtons';
import { useKeepInView } from './use-keep-in-view';

interface Props {
  popover: PopoverView;
  annotations: ReadonlyMap<string, Annotation>;
  onSwitch: (id: string) => void;
  onColor: (id: string, color: HighlightColor) => void;
  onEditNote: (id: string) => void;
  onDelete: (id: string) => void;
  onCopy: (id: string) => void;
  onClose: () => void;
  /** The tag editor of a highlight (a frame of the extension's own page: the page never holds the library's tags). */
  tags: (id: string) => ComponentChildren;
}

/** Opened by clicking highlighted text: change colour, edit the note and tags, copy or delete; tabs when highlights overlap. */
export function HighlightPopover({
  popover,
  annotations,
  onSwitch,
  onColor,
  onEditNote,
  onDelete,
  onCopy,
  onClose,
  tags,
}: Props) {
  const active = annotations.get(popover.activeId);
  const first = useRef<HTMLDivElement>(null);
  useEffect(() => first.current?.querySelector('button')?.focus({ preventScroll: true }), [popover.activeId]);
  useKeepInView(first);
  if (!active) return null;
  return (
    <div
      class="nea-popover nea-floating"
      role="dialog"
      aria-label={t('popoverLabel')}
      style={{ left: `${popover.at.x}px`, top: `${popover.at.y}px` }}
      ref={first}
    >
      {popover.ids.length > 1 && (
        <div class="nea-tabs" role="tablist" aria-label={t('highlightsHere')}>
          {popover.ids.map((id, i) => (
            <button
              type="button"
              role="tab"
              key={id}
              aria-selected={id === popover.activeId}
              class="nea-tab"
              onClick={() => onSwitch(id)}
            >
              {t('showHighlight', i + 1)}
            </button>
          ))}
        </div>
      )}
      <div class="nea-row">
        <ColorButtons purpose="change" current={active.color} onPick={(color) => onColor(active.id, color)} />
        <button type="button" class="nea-icon-button" aria-label={t('close')} title={t('close')} onClick={onClose}>
          ×
        </button>
      </div>
      {active.note && <p class="nea-note-preview">{active.note}</p>}
      {active.translation && (
        <p class="nea-translation-preview" lang="en">
          {active.translation.text} <span class="nea-provider">{t('translatedBy', active.translation.provider)}</span>
        </p>
      )}
      <div class="nea-row">
        <button type="button" class="nea-text-button" onClick={() => onEditNote(active.id)}>
          {active.note ? t('editNote') : t('addNote')}
        </button>
        <button type="button" class="nea-text-button" onClick={() => onCopy(active.id)}>
          {t('copy')}
        </button>
        <button type="button" class="nea-text-button nea-danger" onClick={() => onDelete(active.id)}>
          {t('delete')}
        </button>
      </div>
      {/* Last: the frame takes its height when its page reports it, and nothing above it moves then. */}
      {tags(active.id)}
    </div>
  );
}
