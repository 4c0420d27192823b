/**
 * The editor frame's end of its private channel to the annotator in the page (see `lib/extension/messaging/editor-port.ts`):
 * a port to the content script of the tab the frame is shown in.
 */
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import {
  EDITOR_PORT_PREFIX,
  pageToEditorSchema,
  type EditorToPage,
  type PageToEditor,
} from '../../lib/extension/messaging/editor-port';

/** What the editor tells the page, and hears from it. */
export interface PageLink {
  send(message: EditorToPage): void;
  /** Calls `listener` for every valid message from the page (others are dropped); returns how to stop. */
  onMessage(listener: (message: PageToEditor) => void): () => void;
}

/** Connects to the annotator in the tab this frame is shown in; null when the frame is not in a tab. */
export async function connectToPage(token: string): Promise<PageLink | null> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) return null;
  const port = browser.tabs.connect(tab.id, { name: `${EDITOR_PORT_PREFIX}${token}`, frameId: 0 });
  let open = true;
  port.onDisconnect.addListener(() => (open = false));
  return {
    send: (message) => {
      if (open) port.postMessage(message);
    },
    onMessage: (listener) => {
      const receive = (message: unknown) => {
        const parsed = v.safeParse(pageToEditorSchema, message);
        if (parsed.success) listener(parsed.output);
      };
      port.onMessage.addListener(receive);
      return () => port.onMessage.removeListener(receive);
    },
  };
}
