/**
 * The popup's gloss switches (happy-dom): while paragraph mode is chosen and on but the page fell back to word
 * glosses, they say so with the page's reason, as a status that also describes the mode menu; otherwise they don't.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { GlossSwitches } from '../../../components/popup/GlossSwitches';
import type { GlossSettings } from '../../../lib/core/model/gloss';

const REASON = 'Paragraph translation needs a sentence translation service: set one up in the translation settings.';
const FALLBACK_TEXT = `Showing word glosses instead of paragraph translations: ${REASON}`;
const PARAGRAPHS_ON: GlossSettings = { on: true, pinyin: true, english: true, mode: 'paragraphs' };

let container: HTMLElement;
const onChange = vi.fn();

function show(settings: GlossSettings, fallback: string | null, error: string | null = null) {
  render(<GlossSwitches settings={settings} error={error} fallback={fallback} onChange={onChange} />, container);
}

const statuses = () => [...container.querySelectorAll('[role="status"]')].map((el) => el.textContent);
const modeMenu = () => container.querySelector('select')!;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  onChange.mockClear();
});

afterEach(() => {
  render(null, container);
  container.remove();
});

describe('the popup’s gloss switches', () => {
  it('say why the page shows word glosses while paragraph mode is on, and the mode menu is described by it', () => {
    show(PARAGRAPHS_ON, REASON);
    expect(statuses()).toEqual([FALLBACK_TEXT]);
    const describedBy = modeMenu().getAttribute('aria-describedby');
    expect(describedBy).toBeTruthy();
    expect(document.getElementById(describedBy!)?.textContent).toBe(FALLBACK_TEXT);
    // Not an error: the gloss is on, just not in the chosen mode.
    expect(container.querySelector('[role="alert"]')).toBeNull();
  });

  it.each([
    ['the gloss is off', { ...PARAGRAPHS_ON, on: false }, REASON],
    ['word glosses are chosen', { ...PARAGRAPHS_ON, mode: 'words' as const }, REASON],
    ['the page shows paragraph translations', PARAGRAPHS_ON, null],
  ])('say nothing of it when %s', (_, settings, fallback) => {
    show(settings, fallback);
    expect(statuses()).toEqual([]);
    expect(modeMenu().hasAttribute('aria-describedby')).toBe(false);
  });

  it('drop the message once the page reports no fallback any more', () => {
    show(PARAGRAPHS_ON, REASON);
    expect(statuses()).toEqual([FALLBACK_TEXT]);
    show(PARAGRAPHS_ON, null);
    expect(statuses()).toEqual([]);
  });

  it('keep showing a failure to turn the gloss on as an alert', () => {
    show({ ...PARAGRAPHS_ON, on: false }, null, 'The background is away.');
    expect([...container.querySelectorAll('[role="alert"]')].map((el) => el.textContent)).toEqual([
      'Could not show the gloss: The background is away.',
    ]);
  });

  it('ask the page for the chosen mode', () => {
    show({ ...PARAGRAPHS_ON, mode: 'words' }, null);
    modeMenu().value = 'paragraphs';
    modeMenu().dispatchEvent(new Event('change', { bubbles: true }));
    expect(onChange).toHaveBeenCalledWith({ mode: 'paragraphs' });
  });
});
