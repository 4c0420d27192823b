/**
 * Where the browser laid out the glossed words of a page. The pinyin and English are generated content, which has no
 * DOM rectangles, so the boxes come from a DevTools DOM snapshot, where pseudo-elements are nodes with layout bounds.
 */
import type { BrowserContext, Page } from 'playwright-core';

/** A box in page coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** A glossed word: its characters' box and, when shown, its pinyin and English boxes. */
export interface WordGeometry {
  text: string;
  /** Index of the word's paragraph (`<p>`) in the snapshot, to compare words of one paragraph. */
  paragraph: number;
  chars: Box;
  pinyin: Box | null;
  english: Box | null;
}

/** The glossed words inside the element with class `articleClass`, the element's box, and annotations elsewhere. */
export interface GlossGeometry {
  article: Box;
  words: WordGeometry[];
  /** Pinyin or English boxes laid out outside the article element. */
  annotationsOutside: number;
}

/** Snapshot shapes used here (see the DevTools protocol's DOMSnapshot domain). */
interface Snapshot {
  strings: string[];
  documents: {
    nodes: { parentIndex: number[]; nodeName: number[]; nodeValue: number[]; attributes: number[][] };
    layout: { nodeIndex: number[]; bounds: number[][] };
  }[];
}

const toBox = ([x, y, width, height]: number[]): Box => ({ left: x, top: y, right: x + width, bottom: y + height });

/** The smallest box holding all of `boxes`. */
export const union = (boxes: Box[]): Box => ({
  left: Math.min(...boxes.map((b) => b.left)),
  top: Math.min(...boxes.map((b) => b.top)),
  right: Math.max(...boxes.map((b) => b.right)),
  bottom: Math.max(...boxes.map((b) => b.bottom)),
});

/** Whether two boxes overlap by more than half a pixel both ways. */
export const overlap = (a: Box, b: Box): boolean =>
  Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;

/** Reads the laid-out glossed words of `page` (see `GlossGeometry`). */
export async function glossGeometry(context: BrowserContext, page: Page, articleClass: string): Promise<GlossGeometry> {
  const cdp = await context.newCDPSession(page);
  const snapshot = (await cdp.send('DOMSnapshot.captureSnapshot', { computedStyles: [] })) as unknown as Snapshot;
  await cdp.detach();
  const { strings } = snapshot;
  const { nodes, layout } = snapshot.documents[0];
  const name = (i: number) => strings[nodes.nodeName[i]];
  const bounds = new Map<number, Box>();
  layout.nodeIndex.forEach((node, i) => bounds.set(node, toBox(layout.bounds[i])));
  const children = new Map<number, number[]>();
  nodes.parentIndex.forEach((parent, i) => {
    const list = children.get(parent);
    if (list) list.push(i);
    else children.set(parent, [i]);
  });
  const childNamed = (i: number, wanted: string) => (children.get(i) ?? []).find((c) => name(c) === wanted);
  const ancestor = (i: number, test: (a: number) => boolean): number => {
    let a = nodes.parentIndex[i];
    while (a >= 0 && !test(a)) a = nodes.parentIndex[a];
    return a;
  };
  const hasClass = (i: number) => {
    const attributes = nodes.attributes[i] ?? [];
    for (let k = 0; k < attributes.length; k += 2) {
      if (strings[attributes[k]] === 'class' && strings[attributes[k + 1]].split(/\s+/).includes(articleClass)) return true;
    }
    return false;
  };
  const root = nodes.nodeName.findIndex((_, i) => hasClass(i));
  const inArticle = (i: number) => ancestor(i, (a) => a === root) === root;

  const words: WordGeometry[] = [];
  let annotationsOutside = 0;
  nodes.nodeName.forEach((_, i) => {
    if (name(i) === '::after' && bounds.has(i) && /^GLOSS-/.test(name(nodes.parentIndex[i])) && !inArticle(i))
      annotationsOutside++;
    if (name(i) !== 'GLOSS-WORD' || !inArticle(i)) return;
    const base = childNamed(i, 'GLOSS-BASE')!;
    const text = childNamed(base, '#text')!;
    const pinyin = childNamed(base, '::after');
    const english = childNamed(i, '::after');
    words.push({
      text: strings[nodes.nodeValue[text]],
      paragraph: ancestor(i, (a) => name(a) === 'P'),
      chars: bounds.get(text)!,
      pinyin: (pinyin !== undefined && bounds.get(pinyin)) || null,
      english: (english !== undefined && bounds.get(english)) || null,
    });
  });
  return { article: bounds.get(root)!, words, annotationsOutside };
}
