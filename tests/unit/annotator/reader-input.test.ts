// The content script acts only on the reader's own input: events a page script dispatches are dropped, and only a
// selection the reader made (right after their own pointer or key input, unchanged since) counts.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createReaderSelection,
  dropUntrustedEvents,
  READER_SELECTION_WINDOW_MS,
} from '../../../lib/content/annotator/reader-input';
import { asReaders } from '../reader-events';

let controller: AbortController;
let clock: number;

beforeEach(() => {
  controller = new AbortController();
  clock = 10_000;
  document.body.innerHTML = '<p id="p">這在軟件領域其實挺反常的</p><button id="b">Delete</button>';
});

afterEach(() => controller.abort());

/** Selects characters `start`..`end` of the paragraph, by script. */
function select(start: number, end: number) {
  const text = document.getElementById('p')!.firstChild!;
  const range = document.createRange();
  range.setStart(text, start);
  range.setEnd(text, end);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

/** What a settled `selectionchange` does (happy-dom fires none by itself). */
const settle = () => document.dispatchEvent(new Event('selectionchange'));

describe('the reader’s selection', () => {
  it('is the selection made right after the reader’s own pointer input', () => {
    const reader = createReaderSelection(window, controller.signal, () => clock);
    window.dispatchEvent(asReaders(new Event('pointerdown')));
    select(8, 11);
    window.dispatchEvent(asReaders(new Event('pointerup')));
    expect(reader.range()?.toString()).toBe('挺反常');
  });

  it('is not a selection a script made with no input of the reader’s, nor one dispatched events vouch for', () => {
    const reader = createReaderSelection(window, controller.signal, () => clock);
    window.dispatchEvent(new Event('pointerdown'));
    select(8, 11);
    window.dispatchEvent(new Event('pointerup'));
    settle();
    expect(reader.range()).toBeNull();
  });

  it('is not a selection a script made long after the reader’s last input', () => {
    const reader = createReaderSelection(window, controller.signal, () => clock);
    window.dispatchEvent(asReaders(new Event('keydown')));
    clock += READER_SELECTION_WINDOW_MS + 1;
    select(0, 4);
    settle();
    expect(reader.range()).toBeNull();
  });

  it('stops counting once a script changes the reader’s selection', () => {
    const reader = createReaderSelection(window, controller.signal, () => clock);
    window.dispatchEvent(asReaders(new Event('pointerup')));
    select(8, 11);
    window.dispatchEvent(asReaders(new Event('pointerup')));
    expect(reader.range()).not.toBeNull();
    clock += READER_SELECTION_WINDOW_MS + 1;
    select(0, 11);
    expect(reader.range()).toBeNull();
  });
});

describe('the UI gate', () => {
  it('lets the reader’s clicks through to a control and stops a script’s', () => {
    const onClick = vi.fn();
    const button = document.getElementById('b')!;
    button.addEventListener('click', onClick);
    dropUntrustedEvents(document.body, controller.signal);
    button.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect(onClick).not.toHaveBeenCalled();
    button.dispatchEvent(asReaders(new MouseEvent('click', { bubbles: true })));
    expect(onClick).toHaveBeenCalledOnce();
  });
});
