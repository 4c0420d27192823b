import { useEffect, useRef, useState } from 'preact/hooks';
import { NoteEditor, type NoteDraft } from '../../components/editor/NoteEditor';
import { TagEditor } from '../../components/shared/TagEditor';
import { t } from '../../lib/extension/i18n';
import { callBackground } from '../../lib/extension/messaging/client';
import type { EditorAddress } from '../../lib/extension/messaging/editor-port';
import type { Annotation, AnnotationPatch } from '../../lib/core/model/annotation';
import type { Result } from '../../lib/extension/messaging/messages';
import type { PageLink } from './page-link';
import { followChanges } from '../../lib/pages/follow-changes';

/** Writes a patch through the background (the only writer); the editor frame is an extension page. */
export type SaveAnnotation = (id: string, patch: AnnotationPatch) => Promise<Result<Annotation>>;

interface Props {
  address: EditorAddress;
  link: PageLink;
  /** The background's calls, injectable for tests. */
  call?: typeof callBackground;
}

/**
 * The note or tag editor of one highlight, shown by the annotator in an iframe of the extension's own origin: what
 * the reader types here never passes through the page's document. It reads and writes the annotation through the
 * background and tells the page only its size, that the annotation changed, and when it is done.
 */
export function EditorApp({ address, link, call = callBackground }: Props) {
  const [annotation, setAnnotation] = useState<Annotation | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    void call('annotations/get', { id: address.annotationId }).then((result) =>
      result.ok ? setAnnotation(result.value) : setLoadError(t('editorLoadFailed', result.error.message)),
    );
  }, [address.annotationId]);

  useEffect(() => {
    const report = () => link.send({ type: 'size', height: Math.ceil(document.documentElement.scrollHeight) });
    const observer = new ResizeObserver(report);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, []);

  const save: SaveAnnotation = async (id, patch) => {
    const result = await call('annotations/update', { id, patch });
    if (result.ok) {
      setAnnotation(result.value);
      link.send({ type: 'changed' });
    }
    return result;
  };

  if (loadError) {
    return (
      <p class="nea-error" role="alert">
        {loadError}
      </p>
    );
  }
  if (!annotation) return null;
  return address.mode === 'note' ? (
    <NotePanel annotation={annotation} link={link} save={save} />
  ) : (
    <TagsPanel annotation={annotation} save={save} call={call} />
  );
}

/** The note: saved on Ctrl+Enter, Esc, the Save and × buttons, and when the page asks the editor to close. */
function NotePanel({ annotation, link, save }: { annotation: Annotation; link: PageLink; save: SaveAnnotation }) {
  const [editor, setEditor] = useState<NoteDraft>({ draft: annotation.note, error: null, saving: false });
  const draft = useRef(editor.draft);
  const stored = useRef(annotation.note);
  stored.current = annotation.note;

  const store = async (text: string, close: boolean) => {
    draft.current = text;
    if (text === stored.current) {
      if (close) link.send({ type: 'close' });
      return;
    }
    setEditor({ draft: text, error: null, saving: true });
    const result = await save(annotation.id, { note: text });
    // Keep the editor open with the reader's text when the save failed: nothing typed is lost.
    setEditor({ draft: text, saving: false, error: result.ok ? null : t('noteSaveFailed', result.error.message) });
    if (result.ok && close) link.send({ type: 'close' });
  };

  // The page asks when the reader closes the editor from outside it (a click on the page, Esc there).
  useEffect(() => link.onMessage((message) => message.type === 'close' && void store(draft.current, true)), []);

  return (
    <NoteEditor
      editor={editor}
      onInput={(text) => {
        draft.current = text;
        setEditor((shown) => ({ ...shown, draft: text }));
      }}
      onSave={(text, close) => void store(text, close)}
    />
  );
}

/** The tags, with the library's tags offered as the reader types (fetched here: the page never holds them). */
function TagsPanel({ annotation, save, call }: { annotation: Annotation; save: SaveAnnotation; call: typeof callBackground }) {
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const loadSuggestions = () => void call('tags/list', {}).then((result) => result.ok && setSuggestions(result.value));
  // Tags added or removed anywhere (another highlight, the library, an import) are offered here too.
  useEffect(() => {
    loadSuggestions();
    return followChanges((changes) => changes.kinds.includes('annotation') && loadSuggestions());
  }, []);

  const change = async (tags: string[]) => {
    const result = await save(annotation.id, { tags });
    setError(result.ok ? null : t('tagsSaveFailed', result.error.message));
    if (result.ok) loadSuggestions();
  };

  return (
    <>
      <TagEditor key={annotation.id} tags={annotation.tags} suggestions={suggestions} onChange={(tags) => void change(tags)} />
      {error && (
        <p class="nea-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
