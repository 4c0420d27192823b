/**
 * The private channel between the annotator in the page and its note and tag editor, an extension page shown in an
 * iframe. Keystrokes typed there never pass through the page's document, and what the editor says travels on an
 * extension port (`tabs.connect` to the tab's content script; in Firefox, which gives the frame no tabs API, relayed
 * by the background, `lib/background/messaging/editor-relay.ts`), which the page's scripts cannot see. Neither side
 * sends note or tag text here: the editor reads and writes them through the background.
 */
import * as v from 'valibot';
import { annotationIdSchema } from '../../core/model/schema-basics';

/** What the editor frame is for: the note of one annotation, or its tags (inside the highlight popover). */
export const EDITOR_MODES = ['note', 'tags'] as const;
export type EditorMode = (typeof EDITOR_MODES)[number];

/** Every port of an editor is named with this prefix and the editor's one-time token. */
export const EDITOR_PORT_PREFIX = 'nea-editor:';

/** What the editor frame is told in its address (its fragment, never sent to a server): mode, annotation, token. */
export interface EditorAddress {
  mode: EditorMode;
  annotationId: string;
  /** Random, made by the content script for this one editor: it pairs the frame's port with its iframe. */
  token: string;
}

/** A token as `createEditorToken` makes it. */
const TOKEN_RE = /^[0-9a-f]{32}$/;

/** A new one-time token for an editor frame. */
export function createEditorToken(): string {
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The fragment of an editor frame's address. */
export const editorFragment = ({ mode, annotationId, token }: EditorAddress): string => `#${mode}/${annotationId}/${token}`;

/** The editor's address read back from its fragment, or null when it is not one `editorFragment` wrote. */
export function parseEditorFragment(hash: string): EditorAddress | null {
  const [mode, annotationId, token, ...rest] = hash.replace(/^#/, '').split('/');
  if (rest.length > 0 || !EDITOR_MODES.includes(mode as EditorMode) || !TOKEN_RE.test(token ?? '')) return null;
  if (!v.is(annotationIdSchema, annotationId)) return null;
  return { mode: mode as EditorMode, annotationId, token };
}

/** Tallest editor frame the page is asked to make room for, in CSS pixels. */
export const MAX_EDITOR_HEIGHT = 2_000;

/** Editor frame → content script. */
export const editorToPageSchema = v.variant('type', [
  /** The frame's content is this tall: size the iframe to it. */
  v.strictObject({
    type: v.literal('size'),
    height: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_EDITOR_HEIGHT)),
  }),
  /** The annotation was written: read it again. */
  v.strictObject({ type: v.literal('changed') }),
  /** The editor is done (saved, or nothing to save): take the frame away and give the page its focus back. */
  v.strictObject({ type: v.literal('close') }),
]);
export type EditorToPage = v.InferOutput<typeof editorToPageSchema>;

/** Content script → editor frame. */
export const pageToEditorSchema = v.variant('type', [
  /** The reader closed the editor from the page (a click outside, Esc there): save what was typed, then close. */
  v.strictObject({ type: v.literal('close') }),
]);
export type PageToEditor = v.InferOutput<typeof pageToEditorSchema>;
