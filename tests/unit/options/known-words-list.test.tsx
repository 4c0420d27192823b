/** The options page's list of known words: each with a button to gloss it again, or a hint when there are none. */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KnownWordsList } from '../../../components/options/KnownWordsList';

let host: HTMLElement;

afterEach(() => {
  render(null, host);
  host.remove();
});

function showList(words: string[] | null, { busy = false, error = null as string | null } = {}) {
  host = document.createElement('div');
  document.body.append(host);
  const onForget = vi.fn();
  render(<KnownWordsList words={words} busy={busy} error={error} onForget={onForget} />, host);
  return { section: host.querySelector('section')!, onForget };
}

describe('the known words list', () => {
  it('lists each word with a button, named for it, that glosses it again', () => {
    const { section, onForget } = showList(['研究', '生命']);
    expect(section.querySelector('#known-words-heading')?.textContent).toBe('Known words');
    expect(section.textContent).toContain('2 words are left without a gloss');
    const buttons = [...section.querySelectorAll('button')];
    expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual(['Gloss 研究 again', 'Gloss 生命 again']);
    buttons[1].click();
    expect(onForget).toHaveBeenCalledExactlyOnceWith('生命');
  });

  it('says how to mark words known when there are none', () => {
    const { section } = showList([]);
    expect(section.querySelectorAll('li')).toHaveLength(0);
    expect(section.textContent).toContain('choose Mark known');
  });

  it('moves the keyboard to the next word once the chosen one is taken off', async () => {
    const { section, onForget } = showList(['研究', '生命', '北京']);
    section.querySelectorAll('button')[1].click();
    expect(onForget).toHaveBeenCalledWith('生命');
    render(<KnownWordsList words={['研究', '北京']} busy={false} error={null} onForget={onForget} />, host);
    await vi.waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Gloss 北京 again'));
  });

  it('waits while a change is saved, and shows why one failed', () => {
    const { section } = showList(['研究'], { busy: true, error: 'Something went wrong: disk full' });
    expect(section.querySelector('button')?.disabled).toBe(true);
    expect(section.querySelector('[role="alert"]')?.textContent).toBe('Something went wrong: disk full');
  });
});
