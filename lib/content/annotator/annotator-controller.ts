/**
 * The annotator's behaviour: the reader's selection becomes a highlight, clicks and keys open the toolbar, popover
 * and editor, and each action goes to the background through typed messages, its answer kept in the article's
 * highlights (`article-highlights.ts`) and in the view state the Preact layer renders. It holds no DOM of its own.
 */
import { describeRange } from '../../core/anchoring/describe';
import { offsetsToRange, rangeToOffsets } from '../../core/anchoring/text-index';
import { isReaderEvent } from '../shell/reader-input';
import type { FoundArticle } from '../../core/netease/find-article';
import {
  isPageNote,
  quoteOf,
  type Annotation,
  type AnnotationPatch,
  type AnnotationTranslation,
  type HighlightColor,
} from '../../core/model/annotation';
import type { ArticleSelection } from '../shell/article-selection';
import type { AnchorStatus, PageState, Result } from '../../extension/messaging/messages';
import type { CallBackground } from '../../extension/messaging/client';
import { t } from '../../extension/i18n';
import { createArticleHighlights } from './article-highlights';
import type { AnnotatorActions, AnnotatorView, PageBox, PagePoint } from './view-state';

export interface AnnotatorDeps {
  doc: Document;
  article: FoundArticle;
  call: CallBackground;
  /** Called with the new view after every change. */
  render: (view: AnnotatorView, actions: AnnotatorActions) => void;
  /** True when an event came from inside the annotator's own UI. */
  isOwnEvent: (event: Event) => boolean;
  /** The page's selection when the reader made it (never one a page script set); null otherwise. */
  readerSelection: () => Range | null;
  writeClipboard: (text: string) => Promise<void>;
  initialColor: HighlightColor;
  rememberColor: (color: HighlightColor) => void;
  /** Finds the article again after the page replaced its body element. */
  relocate: () => FoundArticle | null;
}

const UNDO_WINDOW_MS = 10_000;
const SELECTION_SETTLE_MS = 120;

/** Starts annotating an article page; returns the controller (its `destroy` removes everything it added). */
export function createAnnotatorController(deps: AnnotatorDeps) {
  const { doc, article, call } = deps;
  const win = doc.defaultView!;
  const highlights = createArticleHighlights({ doc, article, call, relocate: deps.relocate, painted: () => scheduleMarkers() });
  const { annotations } = highlights;
  let view: AnnotatorView = {
    annotations,
    lastColor: deps.initialColor,
    toolbar: null,
    popover: null,
    editor: null,
    toast: null,
    markers: [],
    reattach: null,
  };
  let selectionTimer: ReturnType<typeof setTimeout> | undefined;
  let toastTimer: ReturnType<typeof setTimeout> | undefined;
  let retry: (() => void) | null = null;

  const update = (patch: Partial<AnnotatorView>) => {
    view = { ...view, ...patch };
    deps.render(view, actions);
  };

  const showError = (message: string, again: (() => void) | null) => {
    retry = again;
    clearTimeout(toastTimer);
    update({ toast: { kind: 'error', message, retry: again !== null } });
  };

  const showToast = (toast: AnnotatorView['toast'], ms: number) => {
    clearTimeout(toastTimer);
    update({ toast });
    toastTimer = setTimeout(() => update({ toast: null }), ms);
  };

  // ---- note markers ----

  // Note markers need layout: read their positions once, in the next frame, when the browser lays out anyway.
  let markerFrame = 0;
  const scheduleMarkers = () => {
    cancelAnimationFrame(markerFrame);
    markerFrame = requestAnimationFrame(() => update({ markers: noteMarkers() }));
  };

  const noteMarkers = () =>
    [...annotations.values()].flatMap((a) => {
      const range = highlights.rangeOf(a.id);
      if (!a.note || !range) return [];
      const rects = range.getClientRects();
      const last = rects[rects.length - 1];
      return last ? [{ annotationId: a.id, color: a.color, at: { x: last.right + win.scrollX, y: last.top + win.scrollY } }] : [];
    });

  const load = async () => {
    const started = performance.now();
    const result = await call('annotations/list', { articleId: article.meta.id });
    if (!result.ok) return showError(t('loadFailed', result.error.message), () => void load());
    highlights.replaceAll(result.value);
    performance.measure('nea:load-and-paint', { start: started, detail: { count: annotations.size } });
  };

  // ---- selection ----

  /** The reader's own selection clipped to the article text, or null when there is none or it holds no article text. */
  const articleSelection = (): Range | null => {
    const selected = deps.readerSelection();
    if (!selected) return null;
    const index = highlights.index();
    const offsets = rangeToOffsets(index, selected);
    if (!offsets || !index.text.slice(offsets.start, offsets.end).trim()) return null;
    return offsetsToRange(index, offsets.start, offsets.end);
  };

  const pageBox = (rect: DOMRect): PageBox => ({
    left: rect.left + win.scrollX,
    top: rect.top + win.scrollY,
    right: rect.right + win.scrollX,
    bottom: rect.bottom + win.scrollY,
  });

  /** The box of the selection's last line, under which floating controls open. */
  const endBox = (range: Range): PageBox => {
    const rects = range.getClientRects();
    return pageBox(rects[rects.length - 1] ?? range.getBoundingClientRect());
  };

  const refreshToolbar = () => {
    const range = articleSelection();
    if (!range) {
      if (view.toolbar) update({ toolbar: null });
      return;
    }
    update({ toolbar: { box: endBox(range) }, popover: null });
  };

  const createFromSelection = async (color: HighlightColor, withNote: boolean) => {
    const range = articleSelection();
    if (!range) return;
    const target = describeRange(highlights.index(), range);
    if (!target) return;
    const at = boxBottomLeft(pageBox(range.getBoundingClientRect()));
    deps.rememberColor(color);
    update({ toolbar: null, lastColor: color });
    doc.getSelection()?.removeAllRanges();
    const attempt = async () => {
      const result = await call('annotations/create', {
        article: article.meta,
        annotation: { color, note: '', tags: [], target },
      });
      if (!result.ok) return showError(t('highlightFailed', result.error.message), () => void attempt());
      highlights.set(result.value, range);
      if (withNote) openEditor(result.value.id, at);
    };
    await attempt();
  };

  // ---- annotation actions ----

  const patchAnnotation = async (id: string, patch: AnnotationPatch): Promise<Result<Annotation>> => {
    const result = await call('annotations/update', { id, patch });
    if (result.ok) highlights.set(result.value);
    return result;
  };

  const openEditor = (id: string, at: PagePoint) => {
    const annotation = annotations.get(id);
    if (!annotation) return;
    update({ editor: { annotationId: id, at, closing: false }, popover: null, toolbar: null });
  };

  const anchorPoint = (id: string): PagePoint => {
    const range = highlights.rangeOf(id);
    return range ? boxBottomLeft(pageBox(range.getBoundingClientRect())) : { x: win.scrollX + 24, y: win.scrollY + 24 };
  };

  const actions: AnnotatorActions = {
    highlightSelection: (color) => void createFromSelection(color, false),
    highlightSelectionWithNote: () => void createFromSelection(view.lastColor, true),
    copySelection: () => {
      const range = articleSelection();
      if (range) void copy(range.toString());
    },
    openPopover: (ids, at) => update({ popover: { ids, activeId: ids[0], at }, toolbar: null }),
    switchPopover: (id) => view.popover && update({ popover: { ...view.popover, activeId: id } }),
    changeColor: (id, color) => {
      deps.rememberColor(color);
      update({ lastColor: color });
      void patchAnnotation(id, { color }).then((r) => r.ok || showError(r.error.message, () => actions.changeColor(id, color)));
    },
    openEditor: (id) => openEditor(id, view.popover?.at ?? anchorPoint(id)),
    editorClosed: () => update({ editor: null }),
    editorChanged: () => void load(),
    deleteAnnotation: async (id) => {
      const result = await call('annotations/delete', { id });
      if (!result.ok) return showError(result.error.message, () => actions.deleteAnnotation(id));
      highlights.remove(id);
      update({ popover: null, editor: view.editor?.annotationId === id ? null : view.editor });
      showToast({ kind: 'undo', annotationId: id }, UNDO_WINDOW_MS);
    },
    undoDelete: async (id) => {
      const result = await call('annotations/restore', { id });
      if (!result.ok) return showError(result.error.message, () => actions.undoDelete(id));
      highlights.set(result.value, undefined, { anchor: true });
      update({ toast: null });
    },
    copyAnnotation: (id) => {
      const annotation = annotations.get(id);
      if (annotation) void copy(annotation.target.selector[0].exact);
    },
    retryLastAction: () => {
      const again = retry;
      retry = null;
      update({ toast: null });
      again?.();
    },
    dismiss: () => {
      // The editor frame saves what the reader typed before it closes: a note is never lost by closing it.
      if (view.editor && !view.editor.closing) update({ editor: { ...view.editor, closing: true } });
      clearTimeout(toastTimer);
      update({ toolbar: null, popover: null, toast: null });
    },
    ...libraryActions(),
  };

  // ---- re-attaching (the annotation library's hook into the page) ----

  /** Starts re-attaching `id`: the reader's next selection, confirmed, becomes its text. False when it is not here. */
  const startReattach = (id: string): boolean => {
    const annotation = annotations.get(id);
    if (!annotation) return false;
    update({ reattach: { annotationId: id, quote: quoteOf(annotation).exact }, popover: null, editor: null });
    return true;
  };

  function libraryActions(): Pick<AnnotatorActions, 'reattachSelection' | 'cancelReattach'> {
    return {
      reattachSelection: async () => {
        const pending = view.reattach;
        const range = articleSelection();
        const target = range && describeRange(highlights.index(), range);
        if (!pending || !range || !target) return;
        const result = await call('annotations/reattach', { id: pending.annotationId, target });
        if (!result.ok) return showError(t('reattachFailed', result.error.message), null);
        doc.getSelection()?.removeAllRanges();
        update({ reattach: null, toolbar: null });
        highlights.set(result.value, range);
        showToast({ kind: 'info', message: t('reattached') }, 2500);
      },
      cancelReattach: () => update({ reattach: null }),
    };
  }

  const copy = async (text: string) => {
    try {
      await deps.writeClipboard(text);
      showToast({ kind: 'info', message: t('copied') }, 1500);
    } catch (error) {
      showError(String((error as Error).message ?? error), null);
    }
  };

  // ---- page events ----

  const onSelectionChange = () => {
    clearTimeout(selectionTimer);
    selectionTimer = setTimeout(refreshToolbar, SELECTION_SETTLE_MS);
  };

  const onClick = (event: MouseEvent) => {
    if (!isReaderEvent(event) || deps.isOwnEvent(event) || event.button !== 0) return;
    if (view.editor) return actions.dismiss();
    const selection = doc.getSelection();
    if (selection && !selection.isCollapsed) return;
    const ids = highlights.painter.hitTest(event.clientX, event.clientY);
    if (ids.length) actions.openPopover(ids, { x: event.clientX + win.scrollX, y: event.clientY + win.scrollY + 12 });
    else if (view.popover) update({ popover: null });
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (!isReaderEvent(event)) return;
    if (event.key === 'Escape') {
      if (view.toolbar || view.popover || view.editor) {
        actions.dismiss();
        event.stopPropagation();
      }
      return;
    }
    if (!event.altKey || event.ctrlKey || event.metaKey || deps.isOwnEvent(event)) return;
    if (event.code === 'KeyH' || event.code === 'KeyN') {
      if (!articleSelection()) return;
      event.preventDefault();
      if (event.code === 'KeyH') actions.highlightSelection(view.lastColor);
      else actions.highlightSelectionWithNote();
    }
  };

  const onResize = () => view.markers.length && scheduleMarkers();

  const listeners = new AbortController();
  const { signal } = listeners;
  doc.addEventListener('selectionchange', onSelectionChange, { signal });
  doc.addEventListener('click', onClick, { capture: true, signal });
  doc.addEventListener('keydown', onKeyDown, { capture: true, signal });
  win.addEventListener('resize', onResize, { signal });

  return {
    actions,
    /** Loads this article's annotations and paints them. */
    load,
    /** What the popup shows about this page. */
    pageState: (): PageState => ({
      article: article.meta,
      // A page note is on the article as a whole: never an orphan.
      anchors: [...annotations.values()].map((a) => ({
        id: a.id,
        status: (highlights.rangeOf(a.id) || isPageNote(a) ? 'anchored' : 'orphan') as AnchorStatus,
      })),
    }),
    startReattach,
    /** The article body as the controller tracks it; found again only if the page replaced it meanwhile. */
    articleRoot: highlights.root,
    /**
     * The article's nodes or layout changed by our own doing (the gloss wrapped or unwrapped words): re-anchor now,
     * not when the mutation watcher settles (it then finds the nodes current), and move note markers.
     */
    articleChanged: () => {
      highlights.reanchor();
      scheduleMarkers();
    },
    /** Shows a failure from another part of the content script (the gloss), with a retry when given. */
    showError,
    // ---- translation (lib/content/translate: the translation popover's hooks into the page) ----
    /** The reader's selection as article text with its target and box, for translating it; null when there is none. */
    translationSelection: (): ArticleSelection | null => {
      const range = articleSelection();
      const target = range && describeRange(highlights.index(), range);
      if (!range || !target) return null;
      const top = range.getBoundingClientRect().top + win.scrollY;
      return { text: target.selector[0].exact, range, target, box: endBox(range), top };
    },
    /** Saves `translation` on the highlight of exactly `selection`'s text, or on a new one there in the last colour. */
    attachTranslation: async (selection: ArticleSelection, translation: AnnotationTranslation): Promise<Result<Annotation>> => {
      const { start, end } = selection.target.selector[1];
      const same = [...annotations.keys()].find((id) => {
        const range = highlights.rangeOf(id);
        const offsets = range && rangeToOffsets(highlights.index(), range);
        return offsets?.start === start && offsets.end === end;
      });
      if (same) return patchAnnotation(same, { translation });
      const annotation = { color: view.lastColor, note: '', tags: [], target: selection.target, translation };
      const result = await call('annotations/create', { article: article.meta, annotation });
      if (result.ok) highlights.set(result.value, selection.range);
      return result;
    },
    /** Scrolls to an annotation and flashes it; false when it is not on the page. */
    scrollTo: (id: string): boolean => {
      const range = highlights.rangeOf(id);
      if (!range) return false;
      const rect = range.getBoundingClientRect();
      // Jump rather than glide: a smooth scroll stalls in a tab the browser is not animating, and the flash guides the eye.
      win.scrollTo({ top: rect.top + win.scrollY - win.innerHeight / 3, behavior: 'instant' });
      highlights.painter.flash(range);
      return true;
    },
    destroy: () => {
      clearTimeout(selectionTimer);
      clearTimeout(toastTimer);
      cancelAnimationFrame(markerFrame);
      listeners.abort();
      highlights.destroy();
    },
  };
}

/** The controller's public face, for the content-script entry. */
export type AnnotatorController = ReturnType<typeof createAnnotatorController>;

const boxBottomLeft = (box: PageBox): PagePoint => ({ x: box.left, y: box.bottom + 8 });
