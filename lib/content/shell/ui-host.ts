/**
 * The content script's UI: one closed shadow root (the page's scripts cannot reach its nodes) that only trusted input
 * reaches, and the one place that draws it. Each feature hands in its part; the UI's code (the `ui` chunk: Preact and
 * the components) loads the first time there is something to show, and draws the latest parts in one frame.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AnnotatorActions, AnnotatorView } from '../annotator/view-state';
import type { EditorLinks } from '../annotator/editor-links';
import type { GlossButtonsState } from '../ui/annotator-ui';
import type { TranslateActions } from '../translate/translate-controller';
import type { TranslateView } from '../translate/popover-state';
import { loadChunk, type ChunkModules } from './chunks';
import { mountClosedShadowRoot } from './closed-shadow-root';
import { dropUntrustedEvents } from './reader-input';
import { writeClipboard } from './write-clipboard';
import type { CallBackground } from '../../extension/messaging/client';

/** What each feature shows. */
export interface UiParts {
  annotator?: { view: AnnotatorView; actions: AnnotatorActions };
  /** The gloss's toolbar buttons as they are at each draw. */
  gloss?: () => GlossButtonsState;
  /** The Translate button's action, and the translation popover as it is at each draw (null while closed). */
  translate?: { onTranslate: () => void; popover: () => { view: TranslateView; actions: TranslateActions } | null };
}

/** The shell's UI, as features use it. */
export interface UiHost {
  /** True when an event came from inside the annotator's own UI. */
  isOwnEvent(event: Event): boolean;
  /** Copies `text` for the reader (from their click). */
  writeClipboard(text: string): Promise<void>;
  /** Replaces one feature's part and draws the UI again. */
  show<K extends keyof UiParts>(part: K, value: UiParts[K]): void;
  /** Draws the UI again (a part's state changed in place). */
  repaint(): void;
}

/** Whether the annotator's view shows nothing (no toolbar, popover, editor, toast, note marker or banner). */
const isBlank = (view: AnnotatorView): boolean =>
  !view.toolbar && !view.popover && !view.editor && !view.toast && view.markers.length === 0 && !view.reattach;

/** The gloss buttons while the gloss has not said otherwise. */
const NO_GLOSS: GlossButtonsState = { on: false, knownAction: null, onToggle: () => {}, onKnown: () => {} };

/** Mounts the shadow root on this page and returns the host; everything goes away with `ctx`. */
export async function mountUiHost(ctx: ContentScriptContext, call: CallBackground): Promise<UiHost> {
  const ui = await mountClosedShadowRoot('nea-annotator');
  ctx.onInvalidated(() => {
    renderer?.render(ui.container, null);
    ui.remove();
  });
  dropUntrustedEvents(ui.shadow, ctx.signal);
  Object.assign(ui.host.style, { position: 'absolute', top: '0', left: '0', width: '0', height: '0', overflow: 'visible' });

  const ask = (chunk: 'ui') => call('content/load-chunk', { chunk });
  const parts: UiParts = {};

  /** The UI's code once loaded (from then on every change draws in the same task), and its editor frames' channel. */
  let renderer: { render: ChunkModules['ui']['renderAnnotatorUi']; editors: EditorLinks } | null = null;
  let loading = false;

  const draw = () => {
    const annotator = parts.annotator;
    if (!annotator || !ctx.isValid) return;
    const popover = parts.translate?.popover() ?? null;
    if (!renderer) {
      // Nothing to show yet: the UI's code need not load.
      if ((isBlank(annotator.view) && !popover) || loading) return;
      loading = true;
      loadChunk('ui', ask).then(
        (module) => {
          renderer = { render: module.renderAnnotatorUi, editors: module.createEditorLinks(ctx.signal) };
          draw();
        },
        (err: unknown) => {
          loading = false;
          console.error('[netease-annotator] the UI could not load', err);
        },
      );
      return;
    }
    renderer.render(ui.container, {
      ...annotator,
      editors: renderer.editors,
      gloss: parts.gloss?.() ?? NO_GLOSS,
      onTranslate: parts.translate?.onTranslate ?? (() => {}),
      popover,
    });
  };

  return {
    isOwnEvent: (event) => event.composedPath().includes(ui.host),
    writeClipboard: (text) => writeClipboard(text, ui.container),
    show: (part, value) => {
      parts[part] = value;
      draw();
    },
    repaint: draw,
  };
}
