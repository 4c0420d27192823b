import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { callBackground, callTab, onPageRequests, type PageHandlers } from '../../../lib/extension/messaging/client';
import { ARTICLE_ID } from './fixtures';

const ID = '6f1c2a9e-4b7d-4c3e-9a1f-2b3c4d5e6f70';
const ownSender = () => ({ id: fakeBrowser.runtime.id });

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('callBackground', () => {
  it('sends an envelope and resolves to the answer', async () => {
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
      received.push(message);
      return { ok: true, value: [] };
    });
    expect(await callBackground('annotations/list', { articleId: ARTICLE_ID })).toEqual({ ok: true, value: [] });
    expect(received).toEqual([{ type: 'annotations/list', payload: { articleId: ARTICLE_ID } }]);
  });

  it('passes error results through', async () => {
    const error = { code: 'not-found', message: 'gone' };
    fakeBrowser.runtime.onMessage.addListener(async () => ({ ok: false, error }));
    expect(await callBackground('annotations/delete', { id: ID })).toEqual({ ok: false, error });
  });

  it('resolves to no-receiver when nothing listens', async () => {
    const result = await callBackground('annotations/list', { articleId: ARTICLE_ID });
    expect(result).toEqual({ ok: false, error: { code: 'no-receiver', message: expect.stringMatching(/could not be reached/) } });
  });

  it.each([
    'Could not establish connection. Receiving end does not exist.',
    'The message port closed before a response was received.',
  ])('resolves to no-receiver when the browser says "%s"', async (text) => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error(text));
    const result = await callBackground('annotations/list', { articleId: ARTICLE_ID });
    expect(!result.ok && result.error.code).toBe('no-receiver');
  });

  it('asks to reload the page when the extension was updated under it', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Extension context invalidated.'));
    const result = await callBackground('annotations/list', { articleId: ARTICLE_ID });
    expect(result).toEqual({ ok: false, error: { code: 'no-receiver', message: expect.stringMatching(/Reload this page/) } });
  });

  it('resolves to no-receiver when no listener answered', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(undefined);
    const result = await callBackground('annotations/list', { articleId: ARTICLE_ID });
    expect(!result.ok && result.error.code).toBe('no-receiver');
  });

  it('resolves to internal for a malformed answer or an unknown transport error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ value: 1 });
    expect(await callBackground('annotations/list', { articleId: ARTICLE_ID })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    send.mockRejectedValue(new TypeError('Converting circular structure to JSON'));
    expect(await callBackground('annotations/list', { articleId: ARTICLE_ID })).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });
});

describe('callTab', () => {
  it('sends an envelope to the top frame of the tab', async () => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, value: true });
    expect(await callTab(5, 'page/scroll-to', { id: ID })).toEqual({ ok: true, value: true });
    expect(send).toHaveBeenCalledWith(5, { type: 'page/scroll-to', payload: { id: ID } }, { frameId: 0 });
  });

  it('resolves to no-receiver for a tab without our content script', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    const result = await callTab(5, 'page/state', {});
    expect(result).toEqual({ ok: false, error: { code: 'no-receiver', message: expect.stringMatching(/Reload it/) } });
  });
});

describe('onPageRequests', () => {
  const handlers = (): PageHandlers => ({
    'page/state': vi.fn(() => null),
    'page/scroll-to': vi.fn(async () => true),
    'page/reattach': vi.fn(() => true),
    'page/annotations-changed': vi.fn(() => {}),
    'page/known-words-changed': vi.fn(() => {}),
    'page/gloss': vi.fn(() => ({
      settings: { on: false, pinyin: true, english: true, mode: 'words' as const },
      error: null,
      fallback: null,
    })),
  });

  /** Delivers `message` to the registered listeners, as the browser would, and returns their answers. */
  const deliver = (message: unknown, sender: { id?: string } = ownSender()) =>
    fakeBrowser.runtime.onMessage.trigger(message, sender);

  it('answers a valid request with the handler’s result', async () => {
    const h = handlers();
    onPageRequests(h);
    expect(await deliver({ type: 'page/scroll-to', payload: { id: ID } })).toEqual([{ ok: true, value: true }]);
    expect(h['page/scroll-to']).toHaveBeenCalledWith({ id: ID }, undefined);
    expect(await deliver({ type: 'page/annotations-changed', payload: {} })).toEqual([{ ok: true, value: undefined }]);
  });

  it('answers invalid-request without running the handler', async () => {
    const h = handlers();
    onPageRequests(h);
    const [answer] = await deliver({ type: 'page/scroll-to', payload: { id: 'x', extra: 1 } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(h['page/scroll-to']).not.toHaveBeenCalled();
  });

  it('leaves other messages and other senders unanswered', async () => {
    const h = handlers();
    onPageRequests(h);
    expect(await deliver({ type: 'annotations/list', payload: { articleId: ARTICLE_ID } })).toEqual([undefined]);
    expect(await deliver('hello')).toEqual([undefined]);
    expect(await deliver({ type: 'page/state', payload: {} }, { id: 'other-extension' })).toEqual([undefined]);
    expect(h['page/state']).not.toHaveBeenCalled();
  });

  it('answers internal when a handler throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    onPageRequests({
      ...handlers(),
      'page/state': () => {
        throw new Error('boom');
      },
    });
    const [answer] = await deliver({ type: 'page/state', payload: {} });
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(answer)).not.toContain('boom');
  });

  it('returns a cleanup that removes the listener', async () => {
    const h = handlers();
    const stop = onPageRequests(h);
    stop();
    expect(await deliver({ type: 'page/state', payload: {} })).toEqual([]);
    expect(h['page/state']).not.toHaveBeenCalled();
  });

  it('answers callTab end to end', async () => {
    // The fake browser has no tabs.sendMessage: deliver to the registered listener instead.
    onPageRequests(handlers());
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(
      async (_tabId: number, message: unknown) => (await deliver(message))[0],
    );
    expect(await callTab(1, 'page/state', {})).toEqual({ ok: true, value: null });
  });
});
