/**
 * The annotator as a content-script feature: paints the article's highlights at start, and offers the other features
 * the article as it tracks it (`ArticleSlot`). Its UI loads with the first selection, click or note marker.
 */
import { browser } from 'wxt/browser';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../core/model/annotation';
import { pageAnswers } from '../../extension/messaging/client';
import type { ContentFeature } from '../shell/feature';
import { createAnnotatorController } from './annotator-controller';
import { annotatorPageMessages } from './annotator-page-messages';
import { createEditorLinks } from './editor-links';

const LAST_COLOR_KEY = 'lastColor';

/** The annotator feature. */
export const annotatorFeature: ContentFeature = {
  name: 'annotator',
  async start({ doc, article, relocate, signal, call, readerSelection, ui, slots }) {
    const stored = await browser.storage.local.get(LAST_COLOR_KEY);
    const initialColor = HIGHLIGHT_COLORS.find((c) => c === stored[LAST_COLOR_KEY]) ?? HIGHLIGHT_COLORS[0];
    const editors = createEditorLinks(signal);
    const controller = createAnnotatorController({
      doc,
      article,
      call,
      render: (view, actions) => ui.show('annotator', { view, actions, editors }),
      isOwnEvent: ui.isOwnEvent,
      readerSelection,
      writeClipboard: ui.writeClipboard,
      initialColor,
      rememberColor: (color: HighlightColor) => void browser.storage.local.set({ [LAST_COLOR_KEY]: color }),
      relocate,
    });
    slots.article = {
      root: controller.articleRoot,
      changed: controller.articleChanged,
      showError: controller.showError,
      selection: controller.translationSelection,
      attachTranslation: controller.attachTranslation,
      dismiss: controller.actions.dismiss,
    };
    signal.addEventListener('abort', () => {
      slots.article = undefined;
      controller.destroy();
    });
    // Painting the highlights goes on while the other features start; a failure shows in the annotator's toast.
    void controller.load();
    return { pageAnswers: pageAnswers(annotatorPageMessages, controller) };
  },
};
