/** Keyboard shortcuts on the article page (`Alt+G` gloss, `Alt+T` translate): when one applies. */

/** Whether keys typed at `target` are text input, which a shortcut must not interrupt. */
export const isTextInput = (target: EventTarget | null): boolean =>
  target instanceof Element &&
  (target.closest('input, textarea, select') !== null || (target as HTMLElement).isContentEditable === true);

/** Whether `event` is Alt with the key `code` alone (no Ctrl, Meta or Shift), pressed rather than held. */
export const isAltShortcut = (event: KeyboardEvent, code: string): boolean =>
  event.code === code && event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.repeat;
