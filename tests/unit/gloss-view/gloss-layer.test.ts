import { beforeEach, describe, expect, it } from 'vitest';
import { buildTextIndex } from '../../../lib/core/anchoring/text-index';
import { BASE_ELEMENT, GlossLayer, GROUP_ELEMENT, WORD_ELEMENT } from '../../../lib/content/gloss/gloss-layer';
import { glossTokens } from '../../../lib/background/messaging/gloss-handlers';
import type { GlossToken } from '../../../lib/core/model/gloss';
import { isNonArticleElement } from '../../../lib/core/netease/non-article-content';
import { articleBody, htmlDocument, loadPage } from '../anchoring/fixtures';
import { fixtureWords } from '../gloss/fixture-dictionary';
import { englishOf, isBare, pinyinOf } from './word-labels';

/** A token for `word` at `start` of a passage. */
const token = (word: string, start: number, pinyin = `py-${word}`, gloss = `en-${word}`): GlossToken => ({
  start,
  end: start + word.length,
  word,
  pinyin,
  gloss,
});

/** The tokens of `word`s found in `text`, in order. */
const tokensOf = (text: string, words: string[]): GlossToken[] =>
  words.map((w) => token(w, text.indexOf(w))).sort((a, b) => a.start - b.start);

/** Every node under `root`, in document order. */
function allNodes(root: Node): Node[] {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_ALL);
  const nodes: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n);
  return nodes;
}

const articleText = (root: Element) => buildTextIndex(root, isNonArticleElement).text;

describe('GlossLayer on the desktop fixture article', () => {
  let root: Element;
  let layer: GlossLayer;
  let known: Set<string>;

  beforeEach(() => {
    root = articleBody(loadPage('dy-desktop.html'));
    known = new Set();
    layer = new GlossLayer(document, (w) => known.has(w));
  });

  /** Glosses every article node with the fixture dictionary; returns how many nodes changed. */
  const glossAll = () =>
    buildTextIndex(root, isNonArticleElement).nodes.filter((node) => layer.gloss(node, glossTokens(node.data, fixtureWords)))
      .length;

  it('wraps dictionary words with their pinyin and English, leaving the article text as the index reads it', () => {
    const before = articleText(root);
    expect(glossAll()).toBeGreaterThan(20);
    const musk = [...root.querySelectorAll(WORD_ELEMENT)].find((w) => w.textContent === '馬斯克')!;
    expect([pinyinOf(musk), englishOf(musk)]).toEqual(['Mǎsīkè', 'Elon Musk']);
    expect(articleText(root)).toBe(before);
  });

  it('puts back the very same nodes with the same text, and nothing of its own', () => {
    const nodes = allNodes(root);
    const html = root.innerHTML;
    glossAll();
    expect(allNodes(root).length).toBeGreaterThan(nodes.length);
    layer.restore();
    const after = allNodes(root);
    expect(after.length).toBe(nodes.length);
    after.forEach((node, i) => expect(node).toBe(nodes[i]));
    expect(root.innerHTML).toBe(html);
    expect(root.querySelector(`${GROUP_ELEMENT}, ${WORD_ELEMENT}, ${BASE_ELEMENT}`)).toBeNull();
  });

  it('owns the nodes it made, so they are not glossed twice', () => {
    glossAll();
    const nodes = buildTextIndex(root, isNonArticleElement).nodes;
    const glossedWords = root.querySelectorAll(WORD_ELEMENT).length;
    expect(nodes.filter((n) => layer.owns(n)).length).toBeGreaterThan(glossedWords);
    expect(glossAll()).toBe(0);
  });
});

describe('GlossLayer on a hand-made paragraph', () => {
  let p: HTMLElement;
  let text: Text;
  let known: Set<string>;
  let layer: GlossLayer;
  const DATA = '他说，“研究生命”很长。';

  beforeEach(() => {
    p = htmlDocument(`<p id="p">${DATA}</p>`).getElementById('p')!;
    text = p.firstChild as Text;
    known = new Set(['很']);
    layer = new GlossLayer(document, (w) => known.has(w));
  });

  it('puts a group in the node’s place: text between words stays plain, each word wraps a base around its text', () => {
    layer.gloss(text, tokensOf(DATA, ['说', '研究', '生命', '很', '长']));
    const group = p.firstElementChild!;
    expect(group.localName).toBe(GROUP_ELEMENT);
    expect(p.childNodes.length).toBe(1);
    const pieces = [...group.childNodes].map((n) =>
      n.nodeType === Node.TEXT_NODE
        ? `text:${n.textContent}`
        : `${(n as Element).localName}>${n.firstChild!.nodeName.toLowerCase()}:${n.textContent}`,
    );
    const word = (w: string) => `${WORD_ELEMENT}>${BASE_ELEMENT}:${w}`;
    expect(pieces).toEqual([
      'text:他',
      word('说'),
      'text:，“',
      word('研究'),
      word('生命'),
      'text:”',
      word('很'),
      word('长'),
      'text:。',
    ]);
    expect(p.textContent).toBe(DATA);
  });

  it('leaves known words bare, and re-labels words when the known words change', () => {
    layer.gloss(text, tokensOf(DATA, ['研究', '很']));
    const [research, very] = p.querySelectorAll(WORD_ELEMENT);
    expect([pinyinOf(research), englishOf(research)]).toEqual(['py-研究', 'en-研究']);
    expect(isBare(very)).toBe(true);
    known = new Set(['研究']);
    layer.refreshKnown((w) => known.has(w));
    expect(isBare(research)).toBe(true);
    expect([pinyinOf(very), englishOf(very)]).toEqual(['py-很', 'en-很']);
  });

  it('lists the words a range touches, with whether each is known', () => {
    layer.gloss(text, tokensOf(DATA, ['说', '研究', '生命', '很']));
    const [, research, life] = p.querySelectorAll(WORD_ELEMENT);
    const range = document.createRange();
    range.setStart(research.firstChild!, 1);
    range.setEnd(life.firstChild!, 1);
    expect(layer.wordsIn(range)).toEqual([
      { word: '研究', known: false },
      { word: '生命', known: false },
    ]);
    range.selectNodeContents(p);
    expect(layer.wordsIn(range).map((w) => w.known)).toEqual([false, false, false, true]);
  });

  it('skips tokens that overlap or fall outside the text, and changes nothing without a usable one', () => {
    expect(layer.gloss(text, [token('长。xx', DATA.length - 2), { ...token('研究', 4), end: 4 }])).toBe(false);
    expect(p.firstChild).toBe(text);
    expect(layer.gloss(text, [token('研究', 4), token('究生', 5), token('生命', 6)])).toBe(true);
    expect([...p.querySelectorAll(WORD_ELEMENT)].map((w) => w.textContent)).toEqual(['研究', '生命']);
  });

  it('does not gloss a node that is no longer in a parent', () => {
    text.remove();
    expect(layer.gloss(text, tokensOf(DATA, ['研究']))).toBe(false);
  });

  it('leaves alone a glossed node the page has taken out since', () => {
    layer.gloss(text, tokensOf(DATA, ['研究']));
    p.replaceChildren('新的文字');
    layer.restore();
    expect(p.textContent).toBe('新的文字');
    expect(text.parentNode).toBeNull();
  });
});
