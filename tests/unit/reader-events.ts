// Events and selections as the reader makes them, for unit tests of the content script's controllers (which act
// only on trusted events and on the reader's own selection; happy-dom's events are never trusted by themselves).

/** `event` marked as the reader's own (trusted), as a real key press or click would be. */
export function asReaders<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** The document's selection, whoever made it: stands in for the reader's selection where a test selects by script. */
export function documentSelection(): Range | null {
  const selection = document.getSelection();
  return selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
}
