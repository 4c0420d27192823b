import type { Annotation } from '../../lib/core/model/annotation';
import type { MessageError } from '../../lib/extension/messaging/messages';
import { AnnotationItem } from './AnnotationItem';

interface Props {
  annotations: Annotation[];
  /** Ids the page could not place on its current text. */
  orphans: ReadonlySet<string>;
  onShow: (id: string) => void;
  onSaveNote: (id: string, note: string) => Promise<MessageError | null>;
  onDelete: (id: string) => void;
}

/** The highlights of one article, in the order given (reading order). */
export function AnnotationList({ annotations, orphans, onShow, onSaveNote, onDelete }: Props) {
  return (
    <ol class="annotation-list">
      {annotations.map((annotation) => (
        <AnnotationItem
          key={annotation.id}
          annotation={annotation}
          orphan={orphans.has(annotation.id)}
          onShow={() => onShow(annotation.id)}
          onSaveNote={(note) => onSaveNote(annotation.id, note)}
          onDelete={() => onDelete(annotation.id)}
        />
      ))}
    </ol>
  );
}
