/**
 * The interlinear gloss in the page's DOM. A glossed article Text node is replaced by a `<gloss-group>` (no box of
 * its own) holding new Text nodes with the same text. Each dictionary word is a `<gloss-word>` (English in `data-en`)
 * around a `<gloss-base>` (pinyin in `data-py`) around the word's text. The gloss stylesheet (`gloss-styles.ts`) shows
 * the two attributes as generated content. Generated content is not text of the document: it cannot be selected or
 * copied, find-in-page skips it, and the text index never sees it, so highlights and their quotes are the same with
 * the gloss on or off. One group per node keeps glossing and restoring to one DOM change per node.
 *
 * The original Text nodes are kept aside and put back by `restore`, which leaves the page exactly as it was: the same
 * nodes with the same text, and nothing of ours.
 */
import type { GlossToken } from '../../core/model/gloss';

// The elements hold article text, so their names must not start with `nea-`: the text index skips elements named so
// (they are the annotator's own UI), and the article's text must read the same glossed or not.

/** The element that takes the place of a glossed Text node. */
export const GROUP_ELEMENT = 'gloss-group';

/** The element wrapped around each dictionary word; it carries the English. */
export const WORD_ELEMENT = 'gloss-word';

/** The element inside a word element, around the word's text; it carries the pinyin. */
export const BASE_ELEMENT = 'gloss-base';

/** The pinyin shown above a word (on its base element); absent on known words. */
export const PINYIN_ATTRIBUTE = 'data-py';

/** The English shown below a word (on its word element); absent on known words. */
export const ENGLISH_ATTRIBUTE = 'data-en';

/** A word of a selection, and whether the reader marked it known. */
export interface SelectedWord {
  word: string;
  known: boolean;
}

/** A glossed word of a selection as the reader sees it, and the text of the passage it stands in. */
export interface WordInPassage {
  token: GlossToken;
  /** The passage (the original Text node's text); `token`'s offsets are into it. */
  passage: string;
}

/** An article Text node taken out of the page, and the group put in its place. */
interface Replacement {
  original: Text;
  group: Element;
}

/** A word's elements and the token it shows. */
interface WordBox {
  element: Element;
  base: Element;
  token: GlossToken;
  passage: string;
}

/** The gloss over some Text nodes of one document; see the module comment. */
export class GlossLayer {
  private readonly replacements: Replacement[] = [];
  private readonly words: WordBox[] = [];
  private readonly made = new WeakSet<Text>();

  /** `isKnown` says which words to leave bare (re-read by `refreshKnown`). */
  constructor(
    private readonly doc: Document,
    private isKnown: (word: string) => boolean,
  ) {}

  /** Whether `node` is a Text node the layer put into the page (its article text is already glossed). */
  owns(node: Text): boolean {
    return this.made.has(node);
  }

  /**
   * Replaces `node` with its glossed form: `tokens` are its dictionary words in order (offsets into `node.data`).
   * Text between them stays plain; tokens that overlap an earlier one or fall outside the text are skipped. Returns
   * false, changing nothing, when `node` is one of the layer's own, has no parent, or has no usable token.
   */
  gloss(node: Text, tokens: readonly GlossToken[]): boolean {
    const { data, parentNode } = node;
    if (!parentNode || this.owns(node)) return false;
    const text = (start: number, end: number) => this.adopt(this.doc.createTextNode(data.slice(start, end)));
    const group = this.doc.createElement(GROUP_ELEMENT);
    let at = 0;
    for (const token of tokens) {
      if (token.start < at || token.end <= token.start || token.end > data.length) continue;
      if (token.start > at) group.append(text(at, token.start));
      group.append(this.wordElement(token, data, text(token.start, token.end)));
      at = token.end;
    }
    if (at === 0) return false;
    if (at < data.length) group.append(text(at, data.length));
    parentNode.replaceChild(group, node);
    this.replacements.push({ original: node, group });
    return true;
  }

  /** Re-reads which words are known (after the reader marked some): known words lose their gloss, others get it. */
  refreshKnown(isKnown: (word: string) => boolean): void {
    this.isKnown = isKnown;
    for (const box of this.words) this.label(box);
  }

  /** The glossed words `range` touches, with their passages, in the order they were glossed. */
  passagesIn(range: Range): WordInPassage[] {
    return this.words.filter(({ element }) => range.intersectsNode(element)).map(({ token, passage }) => ({ token, passage }));
  }

  /** The words whose elements `range` touches, in the order they were glossed. */
  wordsIn(range: Range): SelectedWord[] {
    return this.passagesIn(range).map(({ token }) => ({ word: token.word, known: this.isKnown(token.word) }));
  }

  /**
   * Puts every original Text node back in place of its group, which leaves the page as it was before. A group the
   * page has since taken out is left alone (its original has nowhere to go).
   */
  restore(): void {
    for (const { original, group } of this.replacements) group.parentNode?.replaceChild(original, group);
    this.replacements.length = 0;
    this.words.length = 0;
  }

  /** Records a Text node as the layer's own. */
  private adopt(node: Text): Text {
    this.made.add(node);
    return node;
  }

  /** A word element around `text` (a Text node of the layer, part of `passage`), labelled for `token`. */
  private wordElement(token: GlossToken, passage: string, text: Text): Element {
    const element = this.doc.createElement(WORD_ELEMENT);
    const base = this.doc.createElement(BASE_ELEMENT);
    base.append(text);
    element.append(base);
    const box = { element, base, token, passage };
    this.label(box);
    this.words.push(box);
    return element;
  }

  /** Sets or clears the pinyin and English of a word, by whether its word is known. */
  private label({ element, base, token }: WordBox): void {
    if (this.isKnown(token.word)) {
      base.removeAttribute(PINYIN_ATTRIBUTE);
      element.removeAttribute(ENGLISH_ATTRIBUTE);
    } else {
      base.setAttribute(PINYIN_ATTRIBUTE, token.pinyin);
      element.setAttribute(ENGLISH_ATTRIBUTE, token.gloss);
    }
  }
}
