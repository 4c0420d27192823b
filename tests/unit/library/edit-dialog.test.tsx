/**
 * The library's note and tags dialog saves only what the reader changed: a field left as it was may have changed
 * since on another device (sync writes it while the dialog is open), and writing it back would undo that edit.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { EditDialog } from '../../../components/library/EditDialog';
import { annotation } from './fixtures';

let host: HTMLElement;

afterEach(() => {
  render(null, host);
  host.remove();
});

function open(tags: string[]) {
  host = document.createElement('div');
  document.body.append(host);
  const onSave = vi.fn(() => Promise.resolve(null));
  const onClose = vi.fn();
  const edited = { ...annotation('ART1', '会当凌绝顶'), note: 'before', tags };
  render(<EditDialog annotation={edited} tagSuggestions={[]} onSave={onSave} onClose={onClose} />, host);
  return { onSave, onClose };
}

const save = () => [...host.querySelectorAll('button')].find((b) => b.textContent === 'Save')!;

/** Types `text` as the note, as the reader would. */
function typeNote(text: string): void {
  const note = host.querySelector('textarea')!;
  act(() => {
    note.value = text;
    note.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('the note and tags dialog', () => {
  it('saves the note alone when only the note was changed', async () => {
    const { onSave, onClose } = open(['from-elsewhere']);
    typeNote('after');
    await act(async () => save().click());
    expect(onSave).toHaveBeenCalledWith({ note: 'after' });
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('does not write back a field that changed elsewhere while the dialog was open', async () => {
    const { onSave, onClose } = open([]);
    const edited = { ...annotation('ART1', '会当凌绝顶'), note: 'before', tags: ['synced-meanwhile'] };
    // The library re-renders with sync's newer record under the open dialog.
    act(() => {
      render(<EditDialog annotation={edited} tagSuggestions={[]} onSave={onSave} onClose={onClose} />, host);
    });
    typeNote('after');
    await act(async () => save().click());
    expect(onSave).toHaveBeenCalledWith({ note: 'after' });
  });

  it('saves nothing when nothing was changed', async () => {
    const { onSave, onClose } = open([]);
    await act(async () => save().click());
    expect(onSave).not.toHaveBeenCalled();
    expect(onClose).toHaveBeenCalledOnce();
  });
});
