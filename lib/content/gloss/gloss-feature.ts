/**
 * The interlinear gloss as a content-script feature. At page start only this launcher runs: the toolbar's Gloss button,
 * `Alt+G` and the popup's switches load the gloss's code (the `gloss` chunk) on first use. A reader who has used the
 * gloss before gets it loaded at once when it was left on, or while the page is idle otherwise, so their first press is
 * as quick as the next.
 */
import type { GlossSettingsPatch, GlossState } from '../../core/model/gloss';
import { pageAnswers } from '../../extension/messaging/client';
import { articleRootOf, showErrorOf } from '../shell/article-access';
import type { ContentFeature } from '../shell/feature';
import { onFirstUse } from '../shell/on-first-use';
import { onReaderShortcut } from '../shell/shortcuts';
import type { GlossController } from './gloss-controller';
import { glossPageMessages, type GlossPageApi } from './gloss-page-messages';
import { DEFAULT_GLOSS_SETTINGS } from '../../core/model/gloss';
import { loadGlossSettings } from './gloss-settings';

/** The gloss feature. */
export const glossFeature: ContentFeature = {
  name: 'gloss',
  async start(env) {
    const { doc, call, signal, ui } = env;
    /** Ends the launcher's own listeners once the gloss's code runs (it listens itself then). */
    const launcher = new AbortController();
    signal.addEventListener('abort', () => launcher.abort());
    const gloss = onFirstUse('gloss', call, signal, async ({ startGloss }) => {
      launcher.abort();
      const running = startGloss({
        doc,
        articleRoot: articleRootOf(env),
        call,
        articleChanged: () => env.slots.article?.changed(),
        showError: showErrorOf(env),
        isOwnEvent: ui.isOwnEvent,
        readerSelection: env.readerSelection,
        article: env.article.meta,
        repaint: ui.repaint,
      });
      await running.start();
      ui.repaint();
      return running;
    });

    /** Loads the gloss and does `then` with it, telling the reader when it cannot load. */
    const withGloss = (then: (running: GlossController) => unknown) =>
      void gloss.load().then(then, (err: unknown) => showErrorOf(env)(err instanceof Error ? err.message : String(err), null));

    // Until the gloss's code runs, Alt+G loads it (and another tab's switch: `settingsChanged` below).
    onReaderShortcut(doc, 'KeyG', ui.isOwnEvent, launcher.signal, (event) =>
      withGloss((running) => running.set({ on: !running.isOn() }, event.timeStamp)),
    );

    ui.show('gloss', () => ({
      on: gloss.current()?.isOn() ?? false,
      knownAction: gloss.current()?.knownAction() ?? null,
      onToggle: () => withGloss((running) => running.toggle()),
      onKnown: () => void gloss.current()?.toggleKnownInSelection(),
      wordListAction: gloss.current()?.wordListAction(),
      onAddToWordList: () => void gloss.current()?.addSelectionToWordList(),
    }));

    const started = await env.settings;
    const stored = started.ok ? started.value.gloss : null;
    if (stored?.on) withGloss(() => {});
    else if (stored) doc.defaultView?.requestIdleCallback?.(() => withGloss(() => {}));

    const api: GlossPageApi = {
      set: async (patch: GlossSettingsPatch): Promise<GlossState> => {
        if (!gloss.current() && Object.keys(patch).length === 0) {
          return { settings: (await loadGlossSettings(call)) ?? { ...DEFAULT_GLOSS_SETTINGS }, error: null, fallback: null };
        }
        return (await gloss.load()).set(patch);
      },
      refreshKnown: async () => gloss.current()?.refreshKnown(),
      settingsChanged: async () => {
        const running = gloss.current();
        if (running) return running.settingsChanged();
        if ((await loadGlossSettings(call))?.on) withGloss(() => {});
      },
    };
    return { pageAnswers: pageAnswers(glossPageMessages, api) };
  },
};
