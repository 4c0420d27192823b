/**
 * The content script acts only on what the reader did. The page's own scripts share the DOM with us: they can
 * `dispatchEvent` keys and clicks and set the selection with `getSelection().addRange`. Events they make are not
 * trusted (`isTrusted` is false), and a selection they make comes with no input of the reader's. Every listener of
 * the content script that leads to a write, a delete, text sent to a service or a changed setting goes through here.
 */

/** Whether the reader caused `event` (a real key press, click or touch), rather than a page script's `dispatchEvent`. */
export const isReaderEvent = (event: Event): boolean => event.isTrusted === true;

/** Adds `listener` for `type` on `target`, called only for the reader's own events; removed when `signal` aborts. */
export function onReaderEvent<E extends Event>(
  target: EventTarget,
  type: string,
  listener: (event: E) => void,
  options: { signal: AbortSignal; capture?: boolean },
): void {
  target.addEventListener(
    type,
    (event) => {
      if (isReaderEvent(event)) listener(event as E);
    },
    options,
  );
}

/** Events that can drive a control: pressed, clicked, typed, pasted or submitted. */
const CONTROL_EVENTS = [
  'click',
  'dblclick',
  'auxclick',
  'mousedown',
  'mouseup',
  'pointerdown',
  'pointerup',
  'touchstart',
  'touchend',
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'change',
  'paste',
  'submit',
] as const;

/**
 * Stops, before any of our controls sees it, every event inside `root` that the reader did not cause: one gate for
 * every button and field of the annotator's UI (capture listeners on the root run before the controls' own).
 */
export function dropUntrustedEvents(root: EventTarget, signal: AbortSignal): void {
  for (const type of CONTROL_EVENTS) {
    root.addEventListener(
      type,
      (event) => {
        if (isReaderEvent(event)) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      { capture: true, signal },
    );
  }
}

/** Input that selects text: pointer, touch and keyboard, and the browser's own start of a selection. */
const SELECTING_INPUT = [
  'pointerdown',
  'pointermove',
  'pointerup',
  'mousedown',
  'mouseup',
  'touchstart',
  'touchmove',
  'touchend',
  'keydown',
  'keyup',
  'selectstart',
  'contextmenu',
] as const;

/** A selection change this soon after the reader's own input is theirs; later ones were made by a script. */
export const READER_SELECTION_WINDOW_MS = 1_000;

/** Where a range starts and ends, to tell whether the selection is still the one the reader made. */
interface RangeEnds {
  startContainer: Node;
  startOffset: number;
  endContainer: Node;
  endOffset: number;
}

const sameEnds = (a: RangeEnds, b: RangeEnds): boolean =>
  a.startContainer === b.startContainer &&
  a.startOffset === b.startOffset &&
  a.endContainer === b.endContainer &&
  a.endOffset === b.endOffset;

/**
 * Follows the page's selection and remembers the last one the reader made: a change that came right after their
 * own pointer, touch or key input. `range()` answers the current selection only while it is still that one, so a
 * selection a page script set (or changed after the reader's) is never highlighted, noted or translated.
 * Listeners are on the window in the capture phase: registered at document start, before any page script's.
 */
export function createReaderSelection(win: Window, signal: AbortSignal, now: () => number = () => performance.now()) {
  const doc = win.document;
  let lastInput = Number.NEGATIVE_INFINITY;
  let readers: RangeEnds | null = null;

  const current = (): Range | null => {
    const selection = doc.getSelection();
    return selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
  };

  const take = () => {
    const range = current();
    readers = range && now() - lastInput <= READER_SELECTION_WINDOW_MS ? pick(range) : null;
  };

  for (const type of SELECTING_INPUT) {
    onReaderEvent(
      win,
      type,
      () => {
        lastInput = now();
        if (type === 'pointerup' || type === 'mouseup' || type === 'keyup' || type === 'touchend') take();
      },
      { signal, capture: true },
    );
  }
  doc.addEventListener('selectionchange', take, { signal });

  return {
    /** The selection when the reader made it and it is unchanged since; null otherwise. */
    range: (): Range | null => {
      const range = current();
      return range && readers && sameEnds(pick(range), readers) ? range : null;
    },
  };
}

const pick = (range: Range): RangeEnds => ({
  startContainer: range.startContainer,
  startOffset: range.startOffset,
  endContainer: range.endContainer,
  endOffset: range.endOffset,
});
