import type { ComponentChildren } from 'preact';
import type { AnnotatorActions, AnnotatorView } from '../../lib/annotator/view-state';
import { HIGHLIGHT_BACKGROUNDS } from '../../lib/highlight/highlight-styles';
import { t } from '../../lib/i18n';
import { SelectionToolbar } from './SelectionToolbar';
import { HighlightPopover } from './HighlightPopover';
import { NoteEditor } from './NoteEditor';
import { Toast } from './Toast';
import { ReattachBanner } from './ReattachBanner';

interface Props {
  view: AnnotatorView;
  actions: AnnotatorActions;
  toolbarExtras?: ComponentChildren;
}

/** Everything the annotator draws over the page, rendered inside its shadow root from the controller's view. */
export function AnnotatorLayer({ view, actions, toolbarExtras }: Props) {
  return (
    <>
      {view.markers.map((marker) => (
        <button
          type="button"
          key={marker.annotationId}
          class="nea-marker"
          style={{ left: `${marker.at.x}px`, top: `${marker.at.y - 6}px`, background: HIGHLIGHT_BACKGROUNDS[marker.color] }}
          aria-label={t('openNote')}
          title={t('openNote')}
          onClick={() => actions.openPopover([marker.annotationId], { x: marker.at.x, y: marker.at.y + 22 })}
        >
          ✎
        </button>
      ))}
      {view.toolbar && (
        <SelectionToolbar
          toolbar={view.toolbar}
          onHighlight={actions.highlightSelection}
          onNote={actions.highlightSelectionWithNote}
          onCopy={actions.copySelection}
          extraActions={
            <>
              {view.reattach && (
                <button
                  type="button"
                  class="nea-text-button nea-primary"
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={actions.reattachSelection}
                >
                  {t('reattachHere')}
                </button>
              )}
              {toolbarExtras}
            </>
          }
        />
      )}
      {view.popover && (
        <HighlightPopover
          popover={view.popover}
          annotations={view.annotations}
          onSwitch={actions.switchPopover}
          onColor={actions.changeColor}
          onEditNote={actions.openEditor}
          onDelete={actions.deleteAnnotation}
          onCopy={actions.copyAnnotation}
          onClose={actions.dismiss}
          tagSuggestions={view.tagSuggestions}
          onTags={actions.changeTags}
        />
      )}
      {view.reattach && (
        <ReattachBanner reattach={view.reattach} onAttach={actions.reattachSelection} onCancel={actions.cancelReattach} />
      )}
      {view.editor && (
        <NoteEditor
          editor={view.editor}
          onInput={actions.editDraft}
          onSave={(text, close) => void actions.saveNote(view.editor!.annotationId, text, close)}
        />
      )}
      {view.toast && (
        <Toast toast={view.toast} onUndo={actions.undoDelete} onRetry={actions.retryLastAction} onClose={actions.dismiss} />
      )}
    </>
  );
}
