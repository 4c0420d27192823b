/**
 * Our UI lives in an open shadow root, which the page's scripts can reach. Actions that send text to a translation
 * service (or open a tab) run only for the reader's own clicks: a click a page script dispatches is not trusted.
 */

/** A click handler running `action` only when the reader clicked (`isTrusted`). */
export const trustedClick = (action: () => void) => (event: Event) => {
  if (event.isTrusted) action();
};
