/**
 * The content script's end of the channel to its note and tag editor frames (see `lib/extension/messaging/editor-port.ts`):
 * each frame gets a one-time token in its address and connects back on a port named with it. Only our extension's
 * own pages can open such a port, and only messages of the declared shapes are acted on.
 */
import { browser, type Browser } from 'wxt/browser';
import * as v from 'valibot';
import {
  createEditorToken,
  EDITOR_PORT_PREFIX,
  editorFragment,
  editorToPageSchema,
  type EditorMode,
} from '../../extension/messaging/editor-port';

/** What the annotator wants to hear from one editor frame. */
export interface EditorHandlers {
  /** The frame's content needs this height. */
  onSize(height: number): void;
  /** The annotation was written from the frame: read it again. */
  onChanged(): void;
  /** The editor is done: take the frame away. */
  onClose(): void;
}

/** One open editor frame. */
export interface EditorLink {
  /** The frame's address (the extension page, with mode, annotation and token in its fragment). */
  src: string;
  /** Asks the editor to save what was typed and close; closes at once when the frame never connected. */
  requestClose(): void;
  /** Forgets the frame (it was taken off the page). */
  drop(): void;
}

/** The editor page's path in the extension. */
const EDITOR_PAGE = '/annotation-editor.html';

/** Starts accepting editor frames' ports; everything stops when `signal` aborts. */
export function createEditorLinks(signal: AbortSignal) {
  const open = new Map<string, { handlers: EditorHandlers; port: Browser.runtime.Port | null }>();

  const onConnect = (port: Browser.runtime.Port) => {
    if (port.sender?.id !== browser.runtime.id || !port.name.startsWith(EDITOR_PORT_PREFIX)) return;
    const entry = open.get(port.name.slice(EDITOR_PORT_PREFIX.length));
    if (!entry || entry.port) return port.disconnect();
    entry.port = port;
    port.onMessage.addListener((message: unknown) => {
      const parsed = v.safeParse(editorToPageSchema, message);
      if (!parsed.success) return;
      const said = parsed.output;
      if (said.type === 'size') entry.handlers.onSize(said.height);
      else if (said.type === 'changed') entry.handlers.onChanged();
      else entry.handlers.onClose();
    });
  };
  browser.runtime.onConnect.addListener(onConnect);
  signal.addEventListener('abort', () => browser.runtime.onConnect.removeListener(onConnect), { once: true });

  return {
    /** Opens the channel for a new editor frame of `annotationId`. */
    open(mode: EditorMode, annotationId: string, handlers: EditorHandlers): EditorLink {
      const token = createEditorToken();
      open.set(token, { handlers, port: null });
      return {
        src: browser.runtime.getURL(EDITOR_PAGE) + editorFragment({ mode, annotationId, token }),
        requestClose: () => {
          const port = open.get(token)?.port;
          if (port) port.postMessage({ type: 'close' });
          else handlers.onClose();
        },
        drop: () => {
          open.get(token)?.port?.disconnect();
          open.delete(token);
        },
      };
    },
  };
}

/** The content script's editor frames, as `createEditorLinks` makes them. */
export type EditorLinks = ReturnType<typeof createEditorLinks>;
