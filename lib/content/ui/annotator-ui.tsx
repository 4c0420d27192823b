/**
 * The annotator's whole UI in its shadow root, drawn from plain data: the annotator's layer (toolbar, popover, note
 * markers, toast), the gloss's and translation's toolbar buttons, and the translation popover, which stands in for the
 * selection toolbar while it is open. It is the `ui` chunk: Preact and the components load with the first thing to show.
 */
import { render } from 'preact';
import { AnnotatorLayer } from '../../../components/annotator/AnnotatorLayer';
import { GlossButtons } from '../../../components/annotator/GlossButtons';
import { TranslateButton } from '../../../components/annotator/TranslateButton';
import { TranslatePopover } from '../../../components/annotator/TranslatePopover';
import type { AnnotatorActions, AnnotatorView } from '../annotator/view-state';
import type { EditorLinks } from '../annotator/editor-links';
import type { KnownAction, WordListAction } from '../gloss/gloss-controller';
import type { TranslateActions } from '../translate/translate-controller';
import type { TranslateView } from '../translate/popover-state';

/** The gloss's part of the selection toolbar. */
export interface GlossButtonsState {
  on: boolean;
  knownAction: KnownAction;
  onToggle: () => void;
  onKnown: () => void;
  /** What the word-list button does for the selection; no button when absent or null. */
  wordListAction?: WordListAction;
  onAddToWordList?: () => void;
}

/** Everything the UI shows, as the features describe it. */
export interface AnnotatorUiState {
  view: AnnotatorView;
  actions: AnnotatorActions;
  editors: EditorLinks;
  gloss: GlossButtonsState;
  onTranslate: () => void;
  /** The translation popover, while it is open. */
  popover: { view: TranslateView; actions: TranslateActions } | null;
}

/** Draws `state` into `container` (the shadow root's UI container); `null` takes everything away. */
export function renderAnnotatorUi(container: Element, state: AnnotatorUiState | null): void {
  if (!state) {
    render(null, container);
    return;
  }
  const { view, actions, editors, gloss, popover } = state;
  const extras = view.toolbar && (
    <>
      <GlossButtons {...gloss} />
      <TranslateButton onTranslate={state.onTranslate} />
    </>
  );
  render(
    <>
      <AnnotatorLayer
        view={popover ? { ...view, toolbar: null } : view}
        actions={actions}
        editors={editors}
        toolbarExtras={extras}
      />
      {popover && <TranslatePopover view={popover.view} actions={popover.actions} />}
    </>,
    container,
  );
}
