/**
 * The annotator as a content-script feature: paints the article's highlights at start, and offers the other features
 * the article as it tracks it (`ArticleSlot`). Its UI loads with the first selection, click or note marker.
 */
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../core/model/annotation';
import { pageAnswers } from '../../extension/messaging/client';
import type { ContentFeature } from '../shell/feature';
import { createAnnotatorController } from './annotator-controller';
import { annotatorPageMessages } from './annotator-page-messages';

/** The annotator feature. */
export const annotatorFeature: ContentFeature = {
  name: 'annotator',
  async start({ doc, article, relocate, signal, call, settings, readerSelection, ui, slots }) {
    const stored = await settings;
    const initialColor = stored.ok ? stored.value.lastColor : HIGHLIGHT_COLORS[0];
    const controller = createAnnotatorController({
      doc,
      article,
      call,
      render: (view, actions) => ui.show('annotator', { view, actions }),
      isOwnEvent: ui.isOwnEvent,
      readerSelection,
      writeClipboard: ui.writeClipboard,
      initialColor,
      rememberColor: (color: HighlightColor) => void call('settings/write', { lastColor: color }),
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
