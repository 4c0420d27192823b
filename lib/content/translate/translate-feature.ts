/**
 * The translation popover as a content-script feature. At page start only this launcher runs: the toolbar's Translate
 * button and `Alt+T` load the popover's code (the `translate` chunk) on first use and open it for the selection.
 */
import { fail } from '../../core/model/result';
import { t } from '../../extension/i18n';
import { showErrorOf } from '../shell/article-access';
import type { ContentFeature } from '../shell/feature';
import { onFirstUse } from '../shell/on-first-use';
import { onReaderShortcut } from '../shell/shortcuts';

/** The translation feature. */
export const translateFeature: ContentFeature = {
  name: 'translate',
  start(env) {
    const { doc, call, signal, ui, slots } = env;
    const launcher = new AbortController();
    signal.addEventListener('abort', () => launcher.abort());
    const translate = onFirstUse('translate', call, signal, ({ startTranslate }) => {
      launcher.abort();
      return startTranslate({
        doc,
        call,
        selection: () => slots.article?.selection() ?? null,
        attach: (selection, translation) =>
          slots.article?.attachTranslation(selection, translation) ?? Promise.resolve(fail('internal', t('errorPageFailed'))),
        writeClipboard: ui.writeClipboard,
        onOpen: () => slots.article?.dismiss(),
        onChange: ui.repaint,
        isOwnEvent: ui.isOwnEvent,
        article: env.article.meta,
      });
    });

    /** Loads the popover and opens it for the reader's selection, telling the reader when it cannot load. */
    const open = () =>
      void translate.load().then(
        (popover) => popover.actions.open(),
        (err: unknown) => showErrorOf(env)(err instanceof Error ? err.message : String(err), null),
      );

    // Until the popover's code runs, Alt+T on a selection loads it.
    onReaderShortcut(doc, 'KeyT', ui.isOwnEvent, launcher.signal, open, () => slots.article?.selection() != null);

    ui.show('translate', {
      onTranslate: open,
      popover: () => {
        const running = translate.current();
        const view = running?.view();
        return view && running ? { view, actions: running.actions } : null;
      },
    });
    return {};
  },
};
