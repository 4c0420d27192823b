/**
 * The options page's About section: the dictionary's source, version, size, credit and licence, as the build
 * describes them, with the licence's address and the bundled full text as links.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { DictionaryAbout } from '../../../components/options/DictionaryAbout';
import { buildDictionary } from '../../../scripts/dictionary/build-dictionary';
import { FIXTURE_CEDICT } from '../gloss/fixture-dictionary';

const { about } = buildDictionary(FIXTURE_CEDICT, '3.2.0');
const LICENCE_TEXT = 'chrome-extension://test/dictionary/LICENSE-CC-CEDICT.txt';

let host: HTMLElement;

afterEach(() => {
  render(null, host);
  host.remove();
});

function showAbout(shown: typeof about | null): HTMLElement {
  host = document.createElement('div');
  document.body.append(host);
  render(<DictionaryAbout about={shown} licenceTextUrl={LICENCE_TEXT} />, host);
  return host.querySelector('section')!;
}

describe('the About section', () => {
  it('names the source with its version date (as the source states it, whatever the time zone), size, credit and licence', () => {
    // 07:14 UTC on 10 September is still 9 September in Honolulu.
    const zone = process.env.TZ;
    process.env.TZ = 'Pacific/Honolulu';
    const section = showAbout(about);
    process.env.TZ = zone;
    const text = section.textContent!;
    expect(section.getAttribute('aria-labelledby')).toBe('about-heading');
    expect(section.querySelector('#about-heading')?.textContent).toBe('About');
    expect(text).toContain('come from CC-CEDICT');
    const tenthOfSeptember = new Date(Date.UTC(2026, 8, 10, 12)).toLocaleDateString(undefined, {
      dateStyle: 'long',
      timeZone: 'UTC',
    });
    expect(text).toContain(`version of ${tenthOfSeptember},`);
    expect(text).toContain(`${about.entries} entries`);
    expect(text).toContain('Credit: MDBG and the CC-CEDICT contributors; based on CEDICT © 1997, 1998 Paul Andrew Denisowski.');
    expect(text).toContain('work offline');
  });

  it('links the licence and its full text bundled with the extension', () => {
    const links = [...showAbout(about).querySelectorAll('a')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['CC BY-SA 4.0', 'https://creativecommons.org/licenses/by-sa/4.0/'],
      ['Licence and credit, full text', LICENCE_TEXT],
    ]);
  });

  it('shows only its heading until the description is read', () => {
    const section = showAbout(null);
    expect(section.textContent).toBe('About');
  });
});
