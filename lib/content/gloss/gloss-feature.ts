/**
 * The interlinear gloss as a content-script feature. At page start only this launcher runs: the toolbar's Gloss button,
 * `Alt+G` and the popup's switches load the gloss's code (the `gloss` chunk) on first use. A reader who has used the
 * gloss before gets it loaded at once when it was left on, or while the page is idle otherwise, so their first press is
 * as quick as the next.
 */
import type { GlossSettingsPatch, GlossState } from '../../core/model/gloss';
import { pageAnswers } from '../../extension/messaging/client';
import { articleRootOf, showErrorOf } from '../shell/article-access';
import { loadChunk } from '../shell/chunks';
import type { ContentFeature } from '../shell/feature';
import { isReaderEvent } from '../shell/reader-input';
import { isAltShortcut, isTextInput } from '../shell/shortcuts';
import { contentParagraphDeps } from '../shell/translation/content-deps';
import { onDeviceTranslator } from '../shell/translation/on-device';
import type { GlossController } from './gloss-controller';
import { glossPageMessages, type GlossPageApi } from './gloss-page-messages';
import { DEFAULT_GLOSS_SETTINGS, loadGlossSettings, onGlossSettingsChanged } from './gloss-settings';

/** The gloss feature. */
export const glossFeature: ContentFeature = {
  name: 'gloss',
  async start(env) {
    const { doc, call, signal, ui } = env;
    let controller: GlossController | null = null;
    let loading: Promise<GlossController> | null = null;
    /** Ends the launcher's own listeners once the gloss's code runs (it listens itself then). */
    const launcher = new AbortController();
    signal.addEventListener('abort', () => launcher.abort());

    const load = (): Promise<GlossController> =>
      (loading ??= loadChunk('gloss', (chunk) => call('content/load-chunk', { chunk })).then(
        async ({ createGlossController }) => {
          if (signal.aborted) throw new Error('The page was left.');
          launcher.abort();
          const running = createGlossController({
            doc,
            articleRoot: articleRootOf(env),
            call,
            articleChanged: () => env.slots.article?.changed(),
            showError: showErrorOf(env),
            isOwnEvent: ui.isOwnEvent,
            readerSelection: env.readerSelection,
            paragraphs: contentParagraphDeps(call, onDeviceTranslator(doc.defaultView!)),
          });
          controller = running;
          signal.addEventListener('abort', () => running.destroy());
          await running.start();
          ui.repaint();
          return running;
        },
        (err: unknown) => {
          loading = null;
          throw err;
        },
      ));

    /** Loads the gloss and does `then` with it, telling the reader when it cannot load. */
    const withGloss = (then: (gloss: GlossController) => unknown) =>
      void load().then(then, (err: unknown) => showErrorOf(env)(err instanceof Error ? err.message : String(err), null));

    // Until the gloss's code runs, Alt+G and another tab's switch load it.
    doc.addEventListener(
      'keydown',
      (event) => {
        if (!isReaderEvent(event) || !isAltShortcut(event, 'KeyG') || ui.isOwnEvent(event) || isTextInput(event.target)) return;
        event.preventDefault();
        withGloss((gloss) => gloss.set({ on: !gloss.isOn() }, event.timeStamp));
      },
      { capture: true, signal: launcher.signal },
    );
    const stopFollowing = onGlossSettingsChanged((next) => next.on && withGloss(() => {}));
    launcher.signal.addEventListener('abort', stopFollowing);

    ui.show('gloss', () => ({
      on: controller?.isOn() ?? false,
      knownAction: controller?.knownAction() ?? null,
      onToggle: () => (controller ? controller.toggle() : withGloss((gloss) => gloss.toggle())),
      onKnown: () => void controller?.toggleKnownInSelection(),
    }));

    const stored = await loadGlossSettings();
    if (stored?.on) withGloss(() => {});
    else if (stored) doc.defaultView?.requestIdleCallback?.(() => withGloss(() => {}));

    const api: GlossPageApi = {
      set: async (patch: GlossSettingsPatch): Promise<GlossState> => {
        if (!controller && Object.keys(patch).length === 0) {
          return { settings: (await loadGlossSettings()) ?? { ...DEFAULT_GLOSS_SETTINGS }, error: null, fallback: null };
        }
        return (await load()).set(patch);
      },
      refreshKnown: async () => controller?.refreshKnown(),
    };
    return { pageAnswers: pageAnswers(glossPageMessages, api) };
  },
};
