/**
 * What the annotator shows, as plain data: the controller computes it, the Preact layer renders it.
 * Positions are in page coordinates (CSS pixels from the top-left of the document).
 */
import type { Annotation, HighlightColor } from '../../core/model/annotation';

export interface PagePoint {
  x: number;
  y: number;
}

/** A box on the page under which a floating control is placed. */
export interface PageBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface ToolbarView {
  box: PageBox;
}

export interface PopoverView {
  /** Highlights under the click, innermost first; the reader can switch between them. */
  ids: string[];
  activeId: string;
  at: PagePoint;
}

/** The note editor (a frame of the extension's own page, which reads and saves the note itself). */
export interface EditorView {
  annotationId: string;
  at: PagePoint;
  /** The reader closed it from the page: the frame saves what was typed, then says it is done. */
  closing: boolean;
}

export type ToastView =
  { kind: 'undo'; annotationId: string } | { kind: 'error'; message: string; retry: boolean } | { kind: 'info'; message: string };

export interface NoteMarkerView {
  annotationId: string;
  at: PagePoint;
  color: HighlightColor;
}

/** An annotation waiting for the reader to select its new text (the library's "re-attach" of an orphan). */
export interface ReattachView {
  annotationId: string;
  /** The text it used to highlight, to remind the reader what to look for. */
  quote: string;
}

export interface AnnotatorView {
  annotations: ReadonlyMap<string, Annotation>;
  lastColor: HighlightColor;
  toolbar: ToolbarView | null;
  popover: PopoverView | null;
  editor: EditorView | null;
  toast: ToastView | null;
  markers: NoteMarkerView[];
  reattach: ReattachView | null;
}

/** What the UI can ask of the controller. */
export interface AnnotatorActions {
  highlightSelection(color: HighlightColor): void;
  highlightSelectionWithNote(): void;
  copySelection(): void;
  openPopover(ids: string[], at: PagePoint): void;
  switchPopover(id: string): void;
  changeColor(id: string, color: HighlightColor): void;
  openEditor(id: string): void;
  /** The editor frame is done (it saved the note, or there was nothing to save). */
  editorClosed(): void;
  /** An editor frame wrote the annotation: read the article's annotations again. */
  editorChanged(): void;
  deleteAnnotation(id: string): void;
  undoDelete(id: string): void;
  copyAnnotation(id: string): void;
  retryLastAction(): void;
  dismiss(): void;
  /** Moves the annotation being re-attached onto the current selection. */
  reattachSelection(): void;
  cancelReattach(): void;
}
