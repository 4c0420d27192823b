import type { ComponentChildren } from 'preact';
import { useRef } from 'preact/hooks';
import type { AnnotatorActions, AnnotatorView } from '../../lib/content/annotator/view-state';
import type { EditorLinks } from '../../lib/content/annotator/editor-links';
import { HIGHLIGHT_BACKGROUNDS } from '../../lib/core/model/highlight-styles';
import { t } from '../../lib/extension/i18n';
import { SelectionToolbar } from './SelectionToolbar';
import { HighlightPopover } from './HighlightPopover';
import { EditorFrame } from './EditorFrame';
import { useKeepInView } from './use-keep-in-view';
import { Toast } from './Toast';
import { ReattachBanner } from './ReattachBanner';

interface Props {
  view: AnnotatorView;
  actions: AnnotatorActions;
  /** Where the note and tag editor frames connect. */
  editors: EditorLinks;
  toolbarExtras?: ComponentChildren;
}

/** Everything the annotator draws over the page, rendered inside its shadow root from the controller's view. */
export function AnnotatorLayer({ view, actions, editors, toolbarExtras }: Props) {
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
          tags={(id) => <EditorFrame links={editors} mode="tags" annotationId={id} onChanged={actions.editorChanged} />}
        />
      )}
      {view.reattach && (
        <ReattachBanner reattach={view.reattach} onAttach={actions.reattachSelection} onCancel={actions.cancelReattach} />
      )}
      {view.editor && <NoteEditorBox view={view} actions={actions} editors={editors} />}
      {view.toast && (
        <Toast toast={view.toast} onUndo={actions.undoDelete} onRetry={actions.retryLastAction} onClose={actions.dismiss} />
      )}
    </>
  );
}

/** The floating box of the note editor frame, beside its highlight. */
function NoteEditorBox({ view, actions, editors }: Omit<Props, 'toolbarExtras'>) {
  const box = useRef<HTMLDivElement>(null);
  useKeepInView(box);
  const editor = view.editor!;
  return (
    <div ref={box} class="nea-editor nea-floating" style={{ left: `${editor.at.x}px`, top: `${editor.at.y}px` }}>
      <EditorFrame
        links={editors}
        mode="note"
        annotationId={editor.annotationId}
        closing={editor.closing}
        onChanged={actions.editorChanged}
        onClose={actions.editorClosed}
      />
    </div>
  );
}
