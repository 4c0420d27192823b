import { render } from 'preact';
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { findArticle } from '../../lib/netease/find-article';
import { articleIdFromUrl } from '../../lib/netease/article-id';
import { waitForArticle } from '../../lib/annotator/wait-for-article';
import { createAnnotatorController } from '../../lib/annotator/annotator-controller';
import { callBackground, onPageRequests } from '../../lib/messaging/client';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../lib/model/annotation';
import { AnnotatorLayer } from '../../components/annotator/AnnotatorLayer';

const LAST_COLOR_KEY = 'lastColor';

/** Starts the annotator on this page if it is a NetEase article; everything it adds goes away with `ctx`. */
export async function mountAnnotator(ctx: ContentScriptContext): Promise<void> {
  const find = () => findArticle(document, location.href);
  const article = find() ?? (articleIdFromUrl(location.href) ? await waitForArticle(document, find) : null);
  if (!article || !ctx.isValid) return;

  const stored = await browser.storage.local.get(LAST_COLOR_KEY);
  const initialColor = HIGHLIGHT_COLORS.find((c) => c === stored[LAST_COLOR_KEY]) ?? HIGHLIGHT_COLORS[0];

  const ui = await createShadowRootUi(ctx, {
    name: 'nea-annotator',
    position: 'inline',
    anchor: 'html',
    append: 'last',
    onMount: (container) => container,
    onRemove: (container) => container && render(null, container),
  });
  ui.mount();
  Object.assign(ui.shadowHost.style, { position: 'absolute', top: '0', left: '0', width: '0', height: '0', overflow: 'visible' });

  const controller = createAnnotatorController({
    doc: document,
    article,
    call: callBackground,
    render: (view, actions) => render(<AnnotatorLayer view={view} actions={actions} />, ui.uiContainer),
    isOwnEvent: (event) => event.composedPath().includes(ui.shadowHost),
    writeClipboard: (text) => navigator.clipboard.writeText(text),
    initialColor,
    rememberColor: (color: HighlightColor) => void browser.storage.local.set({ [LAST_COLOR_KEY]: color }),
    relocate: () => findArticle(document, location.href),
  });
  const stopAnswering = onPageRequests({
    'page/state': () => controller.pageState(),
    'page/scroll-to': ({ id }) => controller.scrollTo(id),
    'page/annotations-changed': async ({ articleId }) => {
      if (articleId === article.meta.id) await controller.load();
    },
  });
  ctx.onInvalidated(() => {
    stopAnswering();
    controller.destroy();
    ui.remove();
  });
  await controller.load();
}
