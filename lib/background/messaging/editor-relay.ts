/**
 * Firefox gives an extension page framed in a web page no `tabs` API, so there the note and tag editor frame cannot
 * open its port to the annotator itself (see `lib/extension/messaging/editor-port.ts`). It connects to the
 * background instead, which opens the port to the content script of the frame's own tab (its top frame) under the
 * same name and passes messages both ways, unread: each end validates what it hears. Only our own editor page, shown
 * in a tab, is relayed, and only to that tab.
 */
import { browser, type Browser } from 'wxt/browser';
import { EDITOR_PORT_PREFIX } from '../../extension/messaging/editor-port';

/** The editor page's address in this extension (its fragment follows). */
const editorPage = () => browser.runtime.getURL('/annotation-editor.html');

/** Relays one editor frame's port to its tab's annotator, or refuses it. */
function relay(frame: Browser.runtime.Port): void {
  if (!frame.name.startsWith(EDITOR_PORT_PREFIX)) return;
  const sender = frame.sender;
  const tabId = sender?.tab?.id;
  if (sender?.id !== browser.runtime.id || tabId === undefined || !sender.url?.startsWith(`${editorPage()}#`)) {
    frame.disconnect();
    return;
  }
  const page = browser.tabs.connect(tabId, { name: frame.name, frameId: 0 });
  frame.onMessage.addListener((message: unknown) => page.postMessage(message));
  page.onMessage.addListener((message: unknown) => frame.postMessage(message));
  frame.onDisconnect.addListener(() => page.disconnect());
  page.onDisconnect.addListener(() => frame.disconnect());
}

/** Starts relaying editor frames' ports (registered at start-up, so a connection that wakes the background is kept). */
export function relayEditorPorts(): void {
  browser.runtime.onConnect.addListener(relay);
}
