/**
 * The controller with a fake background: what reaches the background, what is painted, and what the reader sees when
 * the background fails. Painting is observed through a minimal CSS Custom Highlight registry (happy-dom has none).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createAnnotatorController,
  type AnnotatorController,
  type CallBackground,
} from '../../../lib/content/annotator/annotator-controller';
import type { AnnotatorActions, AnnotatorView } from '../../../lib/content/annotator/view-state';
import { findArticle } from '../../../lib/core/netease/find-article';
import { buildTextIndex } from '../../../lib/core/anchoring/text-index';
import { describeSpan } from '../../../lib/core/anchoring/describe';
import { isNonArticleElement } from '../../../lib/core/netease/non-article-content';
import type { Annotation, NewAnnotation } from '../../../lib/core/model/annotation';
import type { Result } from '../../../lib/extension/messaging/messages';
import { documentSelection } from '../reader-events';

const URL_ = 'https://www.163.com/dy/article/KJ8S2N1V0556A7ZQ.html';
const html = readFileSync(join(import.meta.dirname, '../../fixtures/netease/dy-desktop.html'), 'utf8');

class FakeHighlight extends Set<Range> {
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

/** The text of every painted range, per highlight name. */
const painted = () =>
  Object.fromEntries(
    [...(CSS as unknown as { highlights: Map<string, FakeHighlight> }).highlights].map(([k, h]) => [k, [...h].map(String)]),
  );

/** An in-memory background; `failNext` makes the next request of a type fail as storage would. */
function fakeBackground(stored: Annotation[] = []) {
  const rows = new Map(stored.map((a) => [a.id, a]));
  const failures = new Map<string, number>();
  const requests: { type: string; payload: unknown }[] = [];
  let n = 0;
  const ok = <T>(value: T): Result<T> => ({ ok: true, value });
  const call = (async (type: string, payload: any) => {
    requests.push({ type, payload });
    if ((failures.get(type) ?? 0) > 0) {
      failures.set(type, failures.get(type)! - 1);
      return { ok: false, error: { code: 'storage-quota', message: 'Your browser is out of space.' } };
    }
    switch (type) {
      case 'annotations/list':
        return ok([...rows.values()].filter((a) => !a.deletedAt));
      case 'annotations/create': {
        const a: Annotation = {
          ...(payload.annotation as NewAnnotation),
          id: `id-${++n}`,
          articleId: payload.article.id,
          createdAt: n,
          updatedAt: n,
          deletedAt: null,
        };
        rows.set(a.id, a);
        return ok(a);
      }
      case 'annotations/update': {
        const a = { ...rows.get(payload.id)!, ...payload.patch, updatedAt: ++n };
        rows.set(a.id, a);
        return ok(a);
      }
      case 'annotations/delete':
      case 'annotations/restore': {
        const a = { ...rows.get(payload.id)!, deletedAt: type === 'annotations/delete' ? ++n : null };
        rows.set(a.id, a);
        return ok(a);
      }
      case 'annotations/reattach': {
        const a = { ...rows.get(payload.id)!, target: payload.target, updatedAt: ++n };
        rows.set(a.id, a);
        return ok(a);
      }
      case 'tags/list':
        return ok([...new Set([...rows.values()].flatMap((a) => a.tags))].sort());
    }
    throw new Error(`unexpected ${type}`);
  }) as CallBackground;
  return { call, rows, requests, failNext: (type: string, times = 1) => failures.set(type, times) };
}

let controller: AnnotatorController;
let view: AnnotatorView;
let actions: AnnotatorActions;

function start(background: ReturnType<typeof fakeBackground>) {
  const article = findArticle(document, URL_)!;
  controller = createAnnotatorController({
    doc: document,
    article,
    call: background.call,
    render: (v) => (view = v),
    isOwnEvent: () => false,
    readerSelection: documentSelection,
    writeClipboard: async () => {},
    initialColor: 'yellow',
    rememberColor: () => {},
    relocate: () => findArticle(document, URL_),
  });
  actions = controller.actions;
  return controller;
}

/** Selects the first occurrence of `text` in the article body, as a reader's drag would. */
function select(text: string) {
  const root = document.querySelector('.post_body')!;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const at = node.data.indexOf(text);
    if (at >= 0) {
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      return;
    }
  }
  throw new Error(`not in the article: ${text}`);
}

/** A stored annotation for `quote`, described on the fixture's own text. */
function storedFor(quote: string, id: string, note = ''): Annotation {
  const text = buildTextIndex(document.querySelector('.post_body')!, isNonArticleElement).text;
  const start = text.indexOf(quote);
  const target = describeSpan(text, start, start + quote.length)!;
  return {
    id,
    articleId: 'KJ8S2N1V0556A7ZQ',
    color: 'green',
    note,
    tags: [],
    target,
    createdAt: 1,
    updatedAt: 1,
    deletedAt: null,
  };
}

beforeEach(() => {
  document.documentElement.innerHTML = new DOMParser().parseFromString(html, 'text/html').documentElement.innerHTML;
  vi.stubGlobal('Highlight', FakeHighlight);
  vi.stubGlobal('CSS', { highlights: new Map() });
});

afterEach(() => {
  controller?.destroy();
  vi.unstubAllGlobals();
});

describe('annotator controller', () => {
  it('paints stored annotations on their words and reports the ones it cannot place as orphans', async () => {
    const kept = storedFor('挺反常的', 'a');
    const gone = { ...storedFor('我們確實', 'b'), target: describeSpan('完全不在這篇文章裡的一句話，前後文也都不同。', 2, 9)! };
    start(fakeBackground([kept, gone]));
    await controller.load();
    expect(painted()['nea-green']).toEqual(['挺反常的']);
    expect(controller.pageState().anchors).toEqual([
      { id: 'a', status: 'anchored' },
      { id: 'b', status: 'orphan' },
    ]);
  });

  it('creates a highlight from the selection, clipped to the article, with quote and position selectors', async () => {
    const background = fakeBackground();
    start(background);
    await controller.load();
    select('挺反常的');
    actions.highlightSelection('blue');
    await vi.waitFor(() => expect(painted()['nea-blue']).toEqual(['挺反常的']));
    const create = background.requests.find((r) => r.type === 'annotations/create')!.payload as { annotation: NewAnnotation };
    const [quote, position] = create.annotation.target.selector;
    expect(quote.exact).toBe('挺反常的');
    expect(quote.prefix.length).toBe(32);
    expect(position.end - position.start).toBe(4);
    expect(document.getSelection()!.isCollapsed).toBe(true);
  });

  it('asks the note editor frame to save and close when the reader dismisses it, and closes when it is done', async () => {
    const background = fakeBackground([storedFor('挺反常的', 'a')]);
    start(background);
    await controller.load();
    actions.openEditor('a');
    expect(view.editor).toMatchObject({ annotationId: 'a', closing: false });
    actions.dismiss();
    expect(view.editor).toMatchObject({ annotationId: 'a', closing: true });
    actions.editorClosed();
    expect(view.editor).toBeNull();
  });

  it('tells the reader when loading fails, and a retry loads', async () => {
    const background = fakeBackground([storedFor('挺反常的', 'a')]);
    background.failNext('annotations/list');
    start(background);
    await controller.load();
    expect(view.toast).toMatchObject({ kind: 'error', retry: true });
    actions.retryLastAction();
    await vi.waitFor(() => expect(painted()['nea-green']).toEqual(['挺反常的']));
  });

  it('deletes with an undo offer, and undo paints the highlight again', async () => {
    const background = fakeBackground([storedFor('挺反常的', 'a')]);
    start(background);
    await controller.load();
    actions.deleteAnnotation('a');
    await vi.waitFor(() => expect(view.toast).toEqual({ kind: 'undo', annotationId: 'a' }));
    expect(painted()['nea-green']).toBeUndefined();
    actions.undoDelete('a');
    await vi.waitFor(() => expect(painted()['nea-green']).toEqual(['挺反常的']));
  });
});

describe('annotator controller: re-attaching (annotation library)', () => {
  it('moves an orphan onto the text the reader selects, and paints it there', async () => {
    const orphan = { ...storedFor('挺反常的', 'a'), target: describeSpan('完全不在這篇文章裡的一句話，前後文也都不同。', 2, 9)! };
    const background = fakeBackground([orphan]);
    start(background);
    await controller.load();
    expect(controller.startReattach('a')).toBe(true);
    expect(view.reattach).toEqual({ annotationId: 'a', quote: orphan.target.selector[0].exact });
    select('挺反常的');
    actions.reattachSelection();
    await vi.waitFor(() => expect(painted()['nea-green']).toEqual(['挺反常的']));
    expect(background.rows.get('a')!.target.selector[0].exact).toBe('挺反常的');
    expect(controller.pageState().anchors).toEqual([{ id: 'a', status: 'anchored' }]);
    expect(view.reattach).toBeNull();
  });

  it('keeps waiting for a selection when re-attaching fails or there is none, and can be cancelled', async () => {
    const background = fakeBackground([storedFor('挺反常的', 'a')]);
    start(background);
    await controller.load();
    expect(controller.startReattach('unknown')).toBe(false);
    controller.startReattach('a');
    actions.reattachSelection();
    expect(background.requests.some((r) => r.type === 'annotations/reattach')).toBe(false);
    select('我們確實');
    background.failNext('annotations/reattach');
    actions.reattachSelection();
    await vi.waitFor(() => expect(view.toast).toMatchObject({ kind: 'error', message: expect.stringContaining('out of space') }));
    expect(view.reattach?.annotationId).toBe('a');
    actions.cancelReattach();
    expect(view.reattach).toBeNull();
  });
});
