/**
 * Earlier versions in the library, as a reader meets them: a row with history offers "Earlier versions (n)" (named
 * after its quote) and says when it was kept after a delete on another device; the dialog lists each earlier value
 * with its field, when and on which device, leaves out values equal to the current one, and each Restore button
 * (named after its field and value) hands that version back; a failed restore says why.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { LibraryRow } from '../../../components/library/LibraryRow';
import { VersionsDialog } from '../../../components/library/VersionsDialog';
import type { VersionInfo } from '../../../lib/core/sync/annotation-history';
import { buildEntries } from '../../../lib/core/library/entries';
import { annotation, article } from './fixtures';

let host: HTMLElement;

afterEach(() => {
  render(null, host);
  host.remove();
});

const mount = (node: preact.ComponentChild): HTMLElement => {
  host = document.createElement('div');
  document.body.append(host);
  render(node, host);
  return host;
};

const QUOTE = '会当凌绝顶';
const AT = Date.UTC(2026, 11, 3, 10, 30);

const row = (versions: number, keptAfterDelete: 'elsewhere' | 'here' | null, onVersions = () => {}) => {
  const [entry] = buildEntries([annotation('ART1', QUOTE)], [article('ART1', '泰山')]);
  const noop = () => {};
  return mount(
    <LibraryRow
      entry={entry!}
      terms={[]}
      selected={false}
      orphan={false}
      versions={versions}
      keptAfterDelete={keptAfterDelete}
      onSelect={noop}
      onShow={noop}
      onEdit={noop}
      onDelete={noop}
      onReattach={noop}
      onVersions={onVersions}
    />,
  );
};

const buttonNamed = (root: HTMLElement, name: string) =>
  [...root.querySelectorAll('button')].find((b) => (b.getAttribute('aria-label') ?? b.textContent) === name);

describe('a library row with sync history', () => {
  it('offers its earlier versions by a button named after the quote, and says it was kept after a delete', () => {
    const onVersions = vi.fn();
    const root = row(2, 'elsewhere', onVersions);
    const button = buttonNamed(root, `Earlier versions: ${QUOTE}`)!;
    expect(button.textContent).toBe('Earlier versions (2)');
    button.click();
    expect(onVersions).toHaveBeenCalledOnce();
    expect(root.textContent).toContain('Kept after a delete on another device');
  });

  it('shows neither without history', () => {
    const root = row(0, null);
    expect(buttonNamed(root, `Earlier versions: ${QUOTE}`)).toBeUndefined();
    expect(root.textContent).not.toContain('Kept');
  });

  it('says so differently on the device where the delete was made', () => {
    expect(row(0, 'here').textContent).toContain('Kept: edited on another device after you deleted it here');
  });
});

describe('the earlier versions dialog', () => {
  const current = { ...annotation('ART1', QUOTE), note: 'now', tags: ['a'], color: 'green' as const };
  const versions: VersionInfo[] = [
    { field: 'note', value: 'from the laptop', at: AT, thisDevice: false },
    { field: 'note', value: 'now', at: AT - 1, thisDevice: true },
    { field: 'tags', value: [], at: AT - 2, thisDevice: true },
    { field: 'color', value: 'pink', at: AT - 3, thisDevice: true },
    { field: 'translation', value: { text: 'At the summit', provider: 'DeepL' }, at: AT - 4, thisDevice: false },
  ];

  it('lists each earlier value with its field, when and where, leaving out the current value', () => {
    const root = mount(
      <VersionsDialog annotation={current} versions={versions} onRestore={async () => null} onClose={() => {}} />,
    );
    const when = (at: number) => new Date(at).toLocaleString();
    expect([...root.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      `Note from the laptop ${when(AT)}, on another device Restore`,
      `Tags (no tags) ${when(AT - 2)}, on this device Restore`,
      `Colour pink ${when(AT - 3)}, on this device Restore`,
      `Translation At the summit ${when(AT - 4)}, on another device Restore`,
    ]);
    expect([...root.querySelectorAll('li button')].map((b) => b.getAttribute('aria-label'))).toEqual([
      'Restore note: from the laptop',
      'Restore tags: (no tags)',
      'Restore colour: pink',
      'Restore translation: At the summit',
    ]);
  });

  it('hands the chosen version to Restore, and says why when restoring failed', async () => {
    const onRestore = vi.fn(async () => ({ code: 'storage', message: 'disk full' }) as never);
    const root = mount(<VersionsDialog annotation={current} versions={versions} onRestore={onRestore} onClose={() => {}} />);
    await act(async () => buttonNamed(root, 'Restore colour: pink')!.click());
    expect(onRestore).toHaveBeenCalledWith(versions[3]);
    expect(root.querySelector('[role="alert"]')!.textContent).toBe('Could not restore it: disk full');
  });

  it('says so when every version equals the current value', () => {
    const root = mount(
      <VersionsDialog annotation={current} versions={[versions[1]!]} onRestore={async () => null} onClose={() => {}} />,
    );
    expect(root.querySelectorAll('li')).toHaveLength(0);
    expect(root.textContent).toContain('No earlier versions.');
  });
});
