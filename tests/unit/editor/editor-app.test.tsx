/**
 * The note and tag editor frame (an extension page the annotator shows in an iframe): it reads and writes the
 * annotation through the background, keeps what the reader typed when a save fails, and tells the page only its
 * size, that the annotation changed, and when it is done.
 */
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EditorApp } from '../../../entrypoints/annotation-editor/EditorApp';
import type { PageLink } from '../../../entrypoints/annotation-editor/page-link';
import type { EditorMode, EditorToPage, PageToEditor } from '../../../lib/extension/messaging/editor-port';
import type { callBackground } from '../../../lib/extension/messaging/client';
import type { Annotation } from '../../../lib/core/model/annotation';
import type { Result } from '../../../lib/extension/messaging/messages';

let host: HTMLElement;

afterEach(() => {
  render(null, host);
  host.remove();
});

const ID = '6f1c0f4e-9a51-4d0a-8a52-7c0c2f1d9b10';

const stored = (patch: Partial<Annotation> = {}): Annotation => ({
  id: ID,
  articleId: 'KJ8S2N1V0556A7ZQ',
  color: 'yellow',
  note: '',
  tags: ['musk'],
  target: {
    version: 1,
    selector: [
      { type: 'TextQuoteSelector', exact: '挺反常的', prefix: '', suffix: '' },
      { type: 'TextPositionSelector', start: 0, end: 4 },
    ],
  },
  createdAt: 1,
  updatedAt: 1,
  deletedAt: null,
  ...patch,
});

/** A background holding one annotation; `failNext` makes the next update fail as a full disk would. */
function fakeBackground() {
  let row = stored();
  let failures = 0;
  const requests: string[] = [];
  const call = (async (type: string, payload: { patch?: Partial<Annotation> }): Promise<Result<unknown>> => {
    requests.push(type);
    if (type === 'annotations/get') return { ok: true, value: row };
    if (type === 'tags/list') return { ok: true, value: ['musk', '物理'] };
    if (type === 'annotations/update') {
      if (failures > 0) {
        failures -= 1;
        return { ok: false, error: { code: 'storage-quota', message: 'The disk is out of space.' } };
      }
      row = { ...row, ...payload.patch, updatedAt: row.updatedAt + 1 };
      return { ok: true, value: row };
    }
    throw new Error(`unexpected ${type}`);
  }) as unknown as typeof callBackground;
  return { call, requests, row: () => row, failNext: () => (failures += 1) };
}

/** A page link that records what the editor said and lets the test speak as the page. */
function fakeLink() {
  const said: EditorToPage[] = [];
  const listeners = new Set<(message: PageToEditor) => void>();
  const link: PageLink = {
    send: (message) => said.push(message),
    onMessage: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { link, said, page: (message: PageToEditor) => listeners.forEach((l) => l(message)) };
}

function show(mode: EditorMode) {
  host = document.createElement('div');
  document.body.append(host);
  const background = fakeBackground();
  const channel = fakeLink();
  render(
    <EditorApp address={{ mode, annotationId: ID, token: 'a'.repeat(32) }} link={channel.link} call={background.call} />,
    host,
  );
  return { background, ...channel };
}

const textarea = () => host.querySelector('textarea')!;
const type = (text: string) => {
  textarea().value = text;
  textarea().dispatchEvent(new Event('input', { bubbles: true }));
};

describe('the note editor frame', () => {
  it('keeps the note text with a message when saving fails, and saves it on retry', async () => {
    const { background, said } = show('note');
    await vi.waitFor(() => expect(textarea()).not.toBeNull());
    type('一條筆記');
    background.failNext();
    textarea().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await vi.waitFor(() => expect(host.querySelector('[role="alert"]')?.textContent).toContain('out of space'));
    expect(textarea().value).toBe('一條筆記');
    expect(said).not.toContainEqual({ type: 'close' });
    host.querySelector<HTMLButtonElement>('.nea-editor-footer .nea-text-button')!.click();
    await vi.waitFor(() => expect(said).toContainEqual({ type: 'close' }));
    expect(background.row().note).toBe('一條筆記');
    expect(said).toContainEqual({ type: 'changed' });
  });

  it('saves the draft when the page asks it to close (a click outside, Esc on the page)', async () => {
    const { background, said, page } = show('note');
    await vi.waitFor(() => expect(textarea()).not.toBeNull());
    type('typed, then Esc');
    page({ type: 'close' });
    await vi.waitFor(() => expect(background.row().note).toBe('typed, then Esc'));
    await vi.waitFor(() => expect(said).toContainEqual({ type: 'close' }));
  });

  it('closes without writing when nothing changed', async () => {
    const { background, said, page } = show('note');
    await vi.waitFor(() => expect(textarea()).not.toBeNull());
    page({ type: 'close' });
    await vi.waitFor(() => expect(said).toContainEqual({ type: 'close' }));
    expect(background.requests).not.toContain('annotations/update');
  });
});

describe('the tag editor frame', () => {
  it('saves tags and offers the tags in use, fetched by the frame itself', async () => {
    const { background, said } = show('tags');
    const input = await vi.waitFor(() => {
      const found = host.querySelector<HTMLInputElement>('.nea-tag-input');
      expect(found).not.toBeNull();
      return found!;
    });
    await vi.waitFor(() =>
      expect([...host.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'))).toEqual(['物理']),
    );
    input.value = '速度';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 20)); // the field re-renders with the typed tag
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await vi.waitFor(() => expect(background.row().tags).toEqual(['musk', '速度']));
    expect(said).toContainEqual({ type: 'changed' });
    await vi.waitFor(() => expect(background.requests.filter((r) => r === 'tags/list')).toHaveLength(2));
  });
});
