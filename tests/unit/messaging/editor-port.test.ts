// The editor frame's address and the messages on its port: only the shapes declared in lib/extension/messaging/editor-port.ts.
import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  createEditorToken,
  editorFragment,
  editorToPageSchema,
  parseEditorFragment,
  pageToEditorSchema,
} from '../../../lib/extension/messaging/editor-port';

const ID = '6f1c0f4e-9a51-4d0a-8a52-7c0c2f1d9b10';

describe('the editor frame address', () => {
  it('reads back what it wrote, with a fresh random token each time', () => {
    const token = createEditorToken();
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    expect(createEditorToken()).not.toBe(token);
    const address = { mode: 'tags' as const, annotationId: ID, token };
    expect(parseEditorFragment(editorFragment(address))).toEqual(address);
  });

  it.each([
    '',
    '#note',
    `#edit/${ID}/${'a'.repeat(32)}`,
    `#note/not-an-id/${'a'.repeat(32)}`,
    `#note/${ID}/short`,
    `#note/${ID}/${'a'.repeat(32)}/extra`,
  ])('refuses %j', (hash) => expect(parseEditorFragment(hash)).toBeNull());
});

describe('the port messages', () => {
  it('accept the declared shapes only', () => {
    expect(v.is(editorToPageSchema, { type: 'size', height: 120 })).toBe(true);
    expect(v.is(editorToPageSchema, { type: 'changed' })).toBe(true);
    expect(v.is(editorToPageSchema, { type: 'close' })).toBe(true);
    expect(v.is(editorToPageSchema, { type: 'size', height: 1e9 })).toBe(false);
    expect(v.is(editorToPageSchema, { type: 'changed', note: 'leak' })).toBe(false);
    expect(v.is(pageToEditorSchema, { type: 'close' })).toBe(true);
    expect(v.is(pageToEditorSchema, { type: 'save', note: 'x' })).toBe(false);
  });
});
