import { useEffect, useRef, useState } from 'preact/hooks';
import type { EditorLink, EditorLinks } from '../../lib/content/annotator/editor-links';
import type { EditorMode } from '../../lib/extension/messaging/editor-port';
import { t } from '../../lib/extension/i18n';

interface Props {
  links: EditorLinks;
  mode: EditorMode;
  annotationId: string;
  /** Set once the reader closed the editor from the page: the frame saves what was typed, then says it is done. */
  closing?: boolean;
  onChanged: () => void;
  /** The editor is done (the note editor closes; the popover's tag editor never asks to). */
  onClose?: () => void;
}

/**
 * The note or tag editor of one highlight: an iframe of the extension's own page, so what the reader types there
 * never passes through the page's document. Sized to what the frame reports; focused when it is the note editor.
 */
export function EditorFrame({ links, mode, annotationId, closing = false, onChanged, onClose }: Props) {
  const [height, setHeight] = useState(0);
  const frame = useRef<HTMLIFrameElement>(null);
  const handlers = useRef({ onChanged, onClose });
  handlers.current = { onChanged, onClose };
  const [link, setLink] = useState<EditorLink | null>(null);

  useEffect(() => {
    const opened = links.open(mode, annotationId, {
      onSize: setHeight,
      onChanged: () => handlers.current.onChanged(),
      onClose: () => handlers.current.onClose?.(),
    });
    setLink(opened);
    return () => opened.drop();
  }, [links, mode, annotationId]);

  useEffect(() => {
    if (closing) link?.requestClose();
  }, [closing, link]);

  if (!link) return null;
  return (
    <iframe
      ref={frame}
      class="nea-editor-frame"
      src={link.src}
      title={t(mode === 'note' ? 'noteEditorLabel' : 'tagsLabel')}
      style={{ height: `${height}px` }}
      onLoad={() => mode === 'note' && frame.current?.focus()}
    />
  );
}
