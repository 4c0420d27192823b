/** The options page's word list: each entry with its reading, sense, sentence, link back and Remove; the exports. */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WordListSection } from '../../../components/options/WordListSection';
import type { WordListEntry } from '../../../lib/core/model/word-list';

let host: HTMLElement;

afterEach(() => {
  render(null, host);
  host.remove();
});

const URL = 'https://www.163.com/dy/article/J3K9L0QA0512D3VR.html';
const ENTRY: WordListEntry = {
  word: '瓶頸',
  pinyin: 'píngjǐng',
  sense: 'bottleneck',
  sentence: '算力是最大的瓶頸。',
  articleId: 'J3K9L0QA0512D3VR',
  url: URL,
  addedAt: 1,
};

function show(entries: WordListEntry[] | null, message: { text: string; error: boolean } | null = null) {
  host = document.createElement('div');
  document.body.append(host);
  const onRemove = vi.fn();
  const onExport = vi.fn();
  render(<WordListSection entries={entries} busy={false} message={message} onRemove={onRemove} onExport={onExport} />, host);
  return { section: host.querySelector('section')!, onRemove, onExport };
}

describe('the word list section', () => {
  it('lists each word with pinyin, sense, sentence and a link to its article, and removes a word by its named button', () => {
    const { section, onRemove } = show([ENTRY]);
    expect(section.querySelector('#word-list-heading')?.textContent).toBe('Word list');
    const cells = [...section.querySelectorAll('tbody tr > *')].map((cell) => cell.textContent);
    expect(cells).toEqual(['瓶頸', 'píngjǐng', 'bottleneck', '算力是最大的瓶頸。 Open article', 'Remove']);
    expect(section.querySelector('a')?.getAttribute('href')).toBe(URL);
    const remove = section.querySelector<HTMLButtonElement>('button[aria-label="Remove 瓶頸 from the word list"]')!;
    remove.click();
    expect(onRemove).toHaveBeenCalledExactlyOnceWith('瓶頸');
  });

  it('exports for Anki and as CSV', () => {
    const { section, onExport } = show([ENTRY]);
    const buttons = [...section.querySelectorAll('button')];
    buttons.find((b) => b.textContent === 'Export for Anki (tab-separated)')!.click();
    buttons.find((b) => b.textContent === 'Export as CSV')!.click();
    expect(onExport.mock.calls).toEqual([['anki-tsv'], ['csv']]);
  });

  it('says how to add words when there are none, and shows a failure as an alert', () => {
    const { section } = show([], { text: 'Failed: disk full', error: true });
    expect(section.querySelector('table')).toBeNull();
    expect(section.textContent).toContain('choose Add to word list');
    expect(section.querySelector('[role="alert"]')?.textContent).toBe('Failed: disk full');
  });
});
