import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { findArticle } from '../../lib/core/netease/find-article';
import { articleIdFromUrl } from '../../lib/core/netease/article-id';
import { documentParsed, waitForArticle } from '../../lib/content/annotator/wait-for-article';
import { createReaderSelection, dropUntrustedEvents } from '../../lib/content/annotator/reader-input';
import { createEditorLinks } from '../../lib/content/annotator/editor-links';
import { createAnnotatorController } from '../../lib/content/annotator/annotator-controller';
import { callBackground, onPageRequests } from '../../lib/extension/messaging/client';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/core/model/annotation';
import { AnnotatorLayer } from '../../components/annotator/AnnotatorLayer';
import { GlossButtons } from '../../components/annotator/GlossButtons';
import { createGlossController } from '../../lib/content/gloss/gloss-controller';
import type { AnnotatorActions, AnnotatorView } from '../../lib/content/annotator/view-state';
import { writeClipboard } from '../../lib/content/annotator/write-clipboard';
import { createTranslateController } from '../../lib/content/translate/translate-controller';
import { onDeviceTranslator } from '../../lib/content/translate/on-device';
import { contentParagraphDeps } from '../../lib/content/translate/content-deps';
import { TranslateButton } from '../../components/annotator/TranslateButton';
import { TranslatePopover } from '../../components/annotator/TranslatePopover';

const LAST_COLOR_KEY = 'lastColor';

/**
 * Starts the annotator on this page if it is a NetEase article; everything it adds goes away with `ctx`. Runs at
 * document start, before any of the page's scripts: it reads the address the browser loaded then (a later
 * `history.replaceState` changes what `location` says, never which article this is) and starts following the
 * reader's input before a page script could get in first.
 */
export async function mountAnnotator(ctx: ContentScriptContext): Promise<void> {
  const url = document.URL;
  void callBackground('annotator/started', {});
  const reader = createReaderSelection(window, ctx.signal);
  await documentParsed(document);
  const find = () => findArticle(document, url);
  const article = find() ?? (articleIdFromUrl(url) ? await waitForArticle(document, find) : null);
  if (!article || !ctx.isValid) return;

  const stored = await browser.storage.local.get(LAST_COLOR_KEY);
  const initialColor = HIGHLIGHT_COLORS.find((c) => c === stored[LAST_COLOR_KEY]) ?? HIGHLIGHT_COLORS[0];

  const ui = await createShadowRootUi(ctx, {
    name: 'nea-annotator',
    // Closed: the page's scripts cannot reach the UI's nodes (notes, quotes, tags) through the host element.
    mode: 'closed',
    position: 'inline',
    anchor: 'html',
    append: 'last',
    onMount: (container) => container,
    onRemove: (container) => container && render(null, container),
  });
  ui.mount();
  dropUntrustedEvents(ui.shadow, ctx.signal);
  const editors = createEditorLinks(ctx.signal);
  Object.assign(ui.shadowHost.style, { position: 'absolute', top: '0', left: '0', width: '0', height: '0', overflow: 'visible' });

  const isOwnEvent = (event: Event) => event.composedPath().includes(ui.shadowHost);
  // The interlinear gloss (lib/content/gloss): its buttons join the selection toolbar; it re-anchors through `controller`.
  const onDevice = onDeviceTranslator(window);
  const gloss = createGlossController({
    doc: document,
    articleRoot: () => controller.articleRoot(),
    call: callBackground,
    articleChanged: () => controller.articleChanged(),
    showError: (message, retry) => controller.showError(message, retry),
    isOwnEvent,
    readerSelection: reader.range,
    paragraphs: contentParagraphDeps(callBackground, onDevice),
  });
  const glossButtons = () => (
    <GlossButtons
      on={gloss.isOn()}
      knownAction={gloss.knownAction()}
      onToggle={gloss.toggle}
      onKnown={() => void gloss.toggleKnownInSelection()}
    />
  );

  // The translation popover (lib/content/translate): Translate in the selection toolbar and Alt+T; saves through `controller`.
  const copyText = (text: string) => writeClipboard(text, ui.uiContainer);
  const translate = createTranslateController({
    doc: document,
    call: callBackground,
    onDevice,
    selection: () => controller.translationSelection(),
    attach: (selection, translation) => controller.attachTranslation(selection, translation),
    writeClipboard: copyText,
    onOpen: () => controller.actions.dismiss(),
    onChange: () => paint(),
    isOwnEvent,
  });

  /** The annotator's last view, drawn together with the translation popover. */
  let last: { view: AnnotatorView; actions: AnnotatorActions } | undefined;
  const paint = () => {
    if (!last) return;
    const { view, actions } = last;
    const extras = view.toolbar && (
      <>
        {glossButtons()}
        <TranslateButton onTranslate={translate.actions.open} />
      </>
    );
    const popover = translate.view();
    // While the translation popover is open it stands in for the selection toolbar.
    render(
      <>
        <AnnotatorLayer
          view={popover ? { ...view, toolbar: null } : view}
          actions={actions}
          editors={editors}
          toolbarExtras={extras}
        />
        {popover && <TranslatePopover view={popover} actions={translate.actions} />}
      </>,
      ui.uiContainer,
    );
  };

  const controller = createAnnotatorController({
    doc: document,
    article,
    call: callBackground,
    render: (view, actions) => {
      last = { view, actions };
      paint();
    },
    isOwnEvent,
    readerSelection: reader.range,
    writeClipboard: copyText,
    initialColor,
    rememberColor: (color: HighlightColor) => void browser.storage.local.set({ [LAST_COLOR_KEY]: color }),
    relocate: find,
  });
  const stopAnswering = onPageRequests({
    'page/state': () => controller.pageState(),
    'page/scroll-to': ({ id }) => controller.scrollTo(id),
    'page/reattach': ({ id }) => controller.startReattach(id),
    'page/annotations-changed': () => controller.load(),
    'page/known-words-changed': () => gloss.refreshKnown(),
    'page/gloss': (patch) => gloss.set(patch),
  });
  ctx.onInvalidated(() => {
    stopAnswering();
    gloss.destroy();
    translate.destroy();
    controller.destroy();
    ui.remove();
  });
  void gloss.start();
  await controller.load();
}
