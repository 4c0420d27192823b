/** Keyboard shortcuts on the article page (`Alt+G` gloss, `Alt+T` translate): when one applies. */
import { isReaderEvent } from './reader-input';

/** Whether keys typed at `target` are text input, which a shortcut must not interrupt. */
export const isTextInput = (target: EventTarget | null): boolean =>
  target instanceof Element &&
  (target.closest('input, textarea, select') !== null || (target as HTMLElement).isContentEditable === true);

/** Whether `event` is Alt with the key `code` alone (no Ctrl, Meta or Shift), pressed rather than held. */
export const isAltShortcut = (event: KeyboardEvent, code: string): boolean =>
  event.code === code && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.repeat;

/**
 * Calls `then` for the reader's own `Alt+<code>` on the page (never a page script's synthetic key, never while typing
 * or inside our UI), when `applies()` says so; the key is then ours (default prevented). Listens until `signal` aborts.
 */
export function onReaderShortcut(
  doc: Document,
  code: string,
  isOwnEvent: (event: Event) => boolean,
  signal: AbortSignal,
  then: (event: KeyboardEvent) => void,
  applies: () => boolean = () => true,
): void {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!isReaderEvent(event) || !isAltShortcut(event, code) || isOwnEvent(event) || isTextInput(event.target)) return;
    if (!applies()) return;
    event.preventDefault();
    then(event);
  };
  doc.addEventListener('keydown', onKeyDown, { capture: true, signal });
}
