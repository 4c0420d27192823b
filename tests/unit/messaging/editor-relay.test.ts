import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import type { Browser } from 'wxt/browser';
import { relayEditorPorts } from '../../../lib/background/messaging/editor-relay';

/** A port as the relay sees one: its sender, and what was posted on it and whether it was disconnected. */
function fakePort(name: string, sender?: Browser.runtime.MessageSender) {
  const messageListeners: ((message: unknown) => void)[] = [];
  const disconnectListeners: (() => void)[] = [];
  const port = {
    name,
    sender,
    posted: [] as unknown[],
    disconnected: false,
    postMessage: (message: unknown) => port.posted.push(message),
    disconnect: () => (port.disconnected = true),
    onMessage: { addListener: (listener: (message: unknown) => void) => messageListeners.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
    /** The other end says `message`. */
    hear: (message: unknown) => messageListeners.forEach((listener) => listener(message)),
    /** The other end went away. */
    drop: () => disconnectListeners.forEach((listener) => listener()),
  };
  return port;
}

const NAME = 'nea-editor:0123456789abcdef0123456789abcdef';
const editorUrl = () => fakeBrowser.runtime.getURL('/annotation-editor.html#note/x/0123456789abcdef0123456789abcdef');
let toPage: ReturnType<typeof fakePort>;
let connect: ReturnType<typeof vi.fn>;
/** The relay's `runtime.onConnect` listener (the fake browser has no ports of its own). */
let onConnect: (port: Browser.runtime.Port) => void;

beforeEach(() => {
  fakeBrowser.reset();
  toPage = fakePort(NAME);
  connect = vi.fn(() => toPage);
  (fakeBrowser.tabs as unknown as { connect: unknown }).connect = connect;
  vi.spyOn(fakeBrowser.runtime.onConnect, 'addListener').mockImplementation((listener) => void (onConnect = listener));
  relayEditorPorts();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const connectFrom = (port: ReturnType<typeof fakePort>) => onConnect(port as unknown as Browser.runtime.Port);

it("relays our editor frame's port to its own tab's annotator, both ways, until either end goes", async () => {
  const frame = fakePort(NAME, { id: fakeBrowser.runtime.id, url: editorUrl(), tab: { id: 7 } as Browser.tabs.Tab, frameId: 3 });
  await connectFrom(frame);
  expect(connect).toHaveBeenCalledWith(7, { name: NAME, frameId: 0 });

  frame.hear({ type: 'size', height: 120 });
  expect(toPage.posted).toEqual([{ type: 'size', height: 120 }]);
  toPage.hear({ type: 'close' });
  expect(frame.posted).toEqual([{ type: 'close' }]);

  toPage.drop();
  expect(frame.disconnected).toBe(true);
});

it.each([
  ['another extension', { id: 'someone-else', url: editorUrl(), tab: { id: 7 } }],
  [
    'our content script on the page',
    { id: undefined, url: 'https://www.163.com/dy/article/KJ8S2N1V0556A7ZQ.html', tab: { id: 7 } },
  ],
  ['another of our pages', { id: undefined, url: undefined as string | undefined, tab: { id: 7 } }],
  ['our editor page outside a tab', { id: undefined, url: editorUrl(), tab: undefined }],
])('refuses a port from %s', async (_who, { id, url, tab }) => {
  const frame = fakePort(NAME, {
    id: id ?? fakeBrowser.runtime.id,
    url: url ?? fakeBrowser.runtime.getURL('/library.html'),
    tab: tab as Browser.tabs.Tab | undefined,
  });
  await connectFrom(frame);
  expect(connect).not.toHaveBeenCalled();
  expect(frame.disconnected).toBe(true);
});

it('leaves ports that are not an editor’s alone', async () => {
  const other = fakePort('something-else', { id: fakeBrowser.runtime.id, url: editorUrl(), tab: { id: 7 } as Browser.tabs.Tab });
  await connectFrom(other);
  expect(connect).not.toHaveBeenCalled();
  expect(other.disconnected).toBe(false);
});
