import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { ToolbarView } from '../../lib/content/annotator/view-state';
import type { HighlightColor } from '../../lib/core/model/annotation';
import { t } from '../../lib/extension/i18n';
import { ColorButtons } from './ColorButtons';
import { useKeepInView } from './use-keep-in-view';

interface Props {
  toolbar: ToolbarView;
  onHighlight: (color: HighlightColor) => void;
  onNote: () => void;
  onCopy: () => void;
  /** Extra actions from other features (translation fills this slot). */
  extraActions?: ComponentChildren;
}

/** The small bar under a selection: five colours, Note, Copy. Keeps the page selection while clicked. */
export function SelectionToolbar({ toolbar, onHighlight, onNote, onCopy, extraActions }: Props) {
  const bar = useRef<HTMLDivElement>(null);
  useKeepInView(bar);
  return (
    <div
      ref={bar}
      class="nea-toolbar nea-floating"
      role="toolbar"
      aria-label={t('toolbarLabel')}
      style={{ left: `${toolbar.box.left}px`, top: `${toolbar.box.bottom + 8}px` }}
    >
      <ColorButtons purpose="highlight" onPick={onHighlight} />
      <span class="nea-sep" aria-hidden="true" />
      <button type="button" class="nea-text-button" onMouseDown={(e) => e.preventDefault()} onClick={onNote}>
        {t('addNote')}
      </button>
      <button type="button" class="nea-text-button" onMouseDown={(e) => e.preventDefault()} onClick={onCopy}>
        {t('copy')}
      </button>
      {extraActions}
    </div>
  );
}
