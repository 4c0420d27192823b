/**
 * What the annotator shows, as plain data: the controller computes it, the Preact layer renders it.
 * Positions are in page coordinates (CSS pixels from the top-left of the document).
 */
import type { Annotation, HighlightColor } from '../model/annotation';

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

export interface EditorView {
  annotationId: string;
  /** The text as the reader left it, kept while a save is pending or has failed. */
  draft: string;
  error: string | null;
  saving: boolean;
  at: PagePoint;
}

export type ToastView =
  | { kind: 'undo'; annotationId: string }
  | { kind: 'error'; message: string; retry: boolean }
  | { kind: 'info'; message: string };

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
  /** Tags already used anywhere, offered while tagging in the popover. */
  tagSuggestions: string[];
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
  /** Keeps the editor's text in the view as the reader types, so any way of closing saves it. */
  editDraft(text: string): void;
  /** Saves the draft; resolves true when stored. Closing the editor calls this too, so a note is never lost. */
  saveNote(id: string, text: string, close: boolean): Promise<boolean>;
  deleteAnnotation(id: string): void;
  undoDelete(id: string): void;
  copyAnnotation(id: string): void;
  retryLastAction(): void;
  dismiss(): void;
  changeTags(id: string, tags: string[]): void;
  /** Moves the annotation being re-attached onto the current selection. */
  reattachSelection(): void;
  cancelReattach(): void;
}
