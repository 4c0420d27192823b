/**
 * The translation popover as a content-script feature. At page start only this launcher runs: the toolbar's Translate
 * button and `Alt+T` load the popover's code (the `translate` chunk) on first use and open it for the selection.
 */
import { fail } from '../../core/model/result';
import { t } from '../../extension/i18n';
import { loadChunk } from '../shell/chunks';
import { showErrorOf } from '../shell/article-access';
import type { ContentFeature } from '../shell/feature';
import { isReaderEvent } from '../shell/reader-input';
import { isAltShortcut, isTextInput } from '../shell/shortcuts';
import { onDeviceTranslator } from '../shell/translation/on-device';
import type { createTranslateController } from './translate-controller';

type TranslateController = ReturnType<typeof createTranslateController>;

/** The translation feature. */
export const translateFeature: ContentFeature = {
  name: 'translate',
  start(env) {
    const { doc, call, signal, ui, slots } = env;
    let controller: TranslateController | null = null;
    let loading: Promise<TranslateController> | null = null;
    const launcher = new AbortController();
    signal.addEventListener('abort', () => launcher.abort());

    const load = (): Promise<TranslateController> =>
      (loading ??= loadChunk('translate', (chunk) => call('content/load-chunk', { chunk })).then(
        ({ createTranslateController }) => {
          if (signal.aborted) throw new Error('The page was left.');
          launcher.abort();
          const running = createTranslateController({
            doc,
            call,
            onDevice: onDeviceTranslator(doc.defaultView!),
            selection: () => slots.article?.selection() ?? null,
            attach: (selection, translation) =>
              slots.article?.attachTranslation(selection, translation) ?? Promise.resolve(fail('internal', t('errorPageFailed'))),
            writeClipboard: ui.writeClipboard,
            onOpen: () => slots.article?.dismiss(),
            onChange: ui.repaint,
            isOwnEvent: ui.isOwnEvent,
          });
          controller = running;
          signal.addEventListener('abort', () => running.destroy());
          return running;
        },
        (err: unknown) => {
          loading = null;
          throw err;
        },
      ));

    /** Loads the popover and opens it for the reader's selection, telling the reader when it cannot load. */
    const open = () =>
      void load().then(
        (popover) => popover.actions.open(),
        (err: unknown) => showErrorOf(env)(err instanceof Error ? err.message : String(err), null),
      );

    // Until the popover's code runs, Alt+T on a selection loads it.
    doc.addEventListener(
      'keydown',
      (event) => {
        if (!isReaderEvent(event) || !isAltShortcut(event, 'KeyT') || ui.isOwnEvent(event) || isTextInput(event.target)) return;
        if (!slots.article?.selection()) return;
        event.preventDefault();
        open();
      },
      { capture: true, signal: launcher.signal },
    );

    ui.show('translate', {
      onTranslate: () => (controller ? controller.actions.open() : open()),
      popover: () => {
        const view = controller?.view();
        return view && controller ? { view, actions: controller.actions } : null;
      },
    });
    return {};
  },
};
