import { beforeEach, describe, expect, it } from 'vitest';
import { buildTextIndex, offsetsToRange, rangeToOffsets, type TextIndex } from '../../../lib/core/anchoring/text-index';
import { articleBody, htmlDocument, loadPage, otherDocument, seedArticleText } from './fixtures';

/** The root element `#root` of a small hand-made document. */
function rootOf(html: string): Element {
  return htmlDocument(`<div id="root">${html}</div>`).getElementById('root')!;
}

/** The concatenated text of the indexed nodes a range touches, clipped to the range: what a highlight would cover. */
function indexedTextIn(index: TextIndex, range: Range): string {
  return index.nodes
    .filter((node) => range.intersectsNode(node))
    .map((node) => {
      const from = node === range.startContainer ? range.startOffset : 0;
      const to = node === range.endContainer ? range.endOffset : node.length;
      return node.data.slice(from, to);
    })
    .join('');
}

describe('buildTextIndex on the NetEase fixture pages', () => {
  const desktop = buildTextIndex(articleBody(loadPage('dy-desktop.html')));
  const mobile = buildTextIndex(articleBody(loadPage('dy-mobile.html')));

  it('gives the same text for the desktop and the mobile template', () => {
    expect(desktop.text.length).toBeGreaterThan(15_000);
    expect(mobile.text).toBe(desktop.text);
  });

  it('is the article text: the seed article without paragraph breaks, no HTML indentation', () => {
    expect(desktop.text).toBe(seedArticleText().replaceAll('\n', ''));
    expect(desktop.text).not.toMatch(/\n\s{4}/);
  });

  it('keeps nodes and start offsets consistent with the text', () => {
    desktop.nodes.forEach((node, i) => {
      expect(desktop.text.startsWith(node.data, desktop.starts[i])).toBe(true);
      expect(desktop.positions.get(node)).toBe(i);
    });
  });
});

describe('buildTextIndex exclusions', () => {
  it('skips source-formatting whitespace but keeps spaces between inline words', () => {
    const root = rootOf('\n  <p>a <b>b</b> c</p>\r\n\t<p>d</p>\n');
    expect(buildTextIndex(root).text).toBe('a b cd');
  });

  it('keeps whitespace-only text without a line break, and non-ASCII spaces with one', () => {
    const root = rootOf('<span>x</span> <span>y</span><span>\n\u3000</span>');
    expect(buildTextIndex(root).text).toBe('x y\n\u3000');
  });

  it('leaves out script, style, noscript, template, [data-nea-ignore] and caller-skipped subtrees', () => {
    const root = rootOf(
      '<p>one</p><script>var s = 1;</script><style>p{}</style><noscript>enable js</noscript>' +
        '<template><p>tpl</p></template><p>two<span data-nea-ignore="">(gloss)</span></p>' +
        '<div class="ad"><p>buy now</p></div><p>three</p>',
    );
    const index = buildTextIndex(root, (el) => el.classList.contains('ad'));
    expect(index.text).toBe('onetwothree');
    expect(buildTextIndex(root).text).toBe('onetwobuy nowthree');
  });

  it('indexes no empty text nodes', () => {
    const root = rootOf('<p>a</p>');
    root.appendChild(root.ownerDocument.createTextNode(''));
    root.appendChild(root.ownerDocument.createTextNode('b'));
    const index = buildTextIndex(root);
    expect(index.nodes.map((n) => n.data)).toEqual(['a', 'b']);
    expect(index.starts).toEqual([0, 1]);
  });
});

describe('offsetsToRange and rangeToOffsets', () => {
  let root: Element;
  let index: TextIndex;
  beforeEach(() => {
    root = rootOf('<p>Hello <b>brave</b> new</p>\n  <p>世界<i>😀</i>𠀀!</p>');
    index = buildTextIndex(root);
  });

  it('counts UTF-16 code units (astral characters are two)', () => {
    expect(index.text).toBe('Hello brave new世界😀𠀀!');
    expect(index.text.indexOf('😀')).toBe(17);
    expect(index.text.indexOf('𠀀')).toBe(19);
    expect(index.text.length).toBe(22);
  });

  it('round-trips every span of the text', () => {
    for (let start = 0; start <= index.text.length; start++) {
      for (let end = start + 1; end <= index.text.length; end++) {
        const range = offsetsToRange(index, start, end);
        expect(indexedTextIn(index, range)).toBe(index.text.slice(start, end));
        expect(rangeToOffsets(index, range)).toEqual({ start, end });
      }
    }
  });

  it('puts a start at a node boundary in the next node and an end in the previous one', () => {
    const range = offsetsToRange(index, 6, 11); // exactly "brave"
    expect(range.startContainer).toBe(index.nodes[1]);
    expect(range.startOffset).toBe(0);
    expect(range.endContainer).toBe(index.nodes[1]);
    expect(range.endOffset).toBe(5);
  });

  it('clamps offsets and gives a collapsed range for an empty span', () => {
    const range = offsetsToRange(index, -5, 3);
    expect(rangeToOffsets(index, range)).toEqual({ start: 0, end: 3 });
    const whole = offsetsToRange(index, 0, 999);
    expect(rangeToOffsets(index, whole)).toEqual({ start: 0, end: index.text.length });
    expect(offsetsToRange(index, 4, 4).collapsed).toBe(true);
  });

  it('reads boundaries given as element + child index', () => {
    const [p1, p2] = Array.from(root.querySelectorAll('p'));
    const range = root.ownerDocument.createRange();
    range.setStart(p1, 1); // before <b>
    range.setEnd(p2, 2); // after <i>
    expect(rangeToOffsets(index, range)).toEqual({ start: 6, end: 19 });
    range.setStart(root, 0);
    range.setEnd(root, root.childNodes.length);
    expect(rangeToOffsets(index, range)).toEqual({ start: 0, end: index.text.length });
  });

  it('clips a range that starts or ends in a skipped subtree', () => {
    const host = rootOf('<p>ab<span data-nea-ignore>gloss</span>cd</p>');
    const skipped = buildTextIndex(host);
    expect(skipped.text).toBe('abcd');
    const gloss = host.querySelector('span')!.firstChild!;
    const range = host.ownerDocument.createRange();
    range.setStart(gloss, 2);
    range.setEnd(skipped.nodes[1], 1);
    expect(rangeToOffsets(skipped, range)).toEqual({ start: 2, end: 3 });
    range.setStart(skipped.nodes[0], 1);
    range.setEnd(gloss, 3);
    expect(rangeToOffsets(skipped, range)).toEqual({ start: 1, end: 2 });
    range.setStart(gloss, 0);
    range.setEnd(gloss, 5);
    expect(rangeToOffsets(skipped, range)).toBeNull();
  });

  it('clips ranges reaching outside the root and returns null for ranges wholly outside', () => {
    const doc = htmlDocument('<h1>Title</h1><div id="root"><p>body text</p></div><footer>after</footer>');
    const host = doc.getElementById('root')!;
    const bodyIndex = buildTextIndex(host);
    const title = doc.querySelector('h1')!.firstChild!;
    const after = doc.querySelector('footer')!.firstChild!;
    const range = doc.createRange();
    range.setStart(title, 2);
    range.setEnd(bodyIndex.nodes[0], 4);
    expect(rangeToOffsets(bodyIndex, range)).toEqual({ start: 0, end: 4 });
    range.setEnd(after, 3);
    expect(rangeToOffsets(bodyIndex, range)).toEqual({ start: 0, end: 9 });
    range.setStart(bodyIndex.nodes[0], 5);
    expect(rangeToOffsets(bodyIndex, range)).toEqual({ start: 5, end: 9 });
    range.setStart(after, 0);
    range.setEnd(after, 5);
    expect(rangeToOffsets(bodyIndex, range)).toBeNull();
    range.setStart(title, 0);
    range.setEnd(title, 5);
    expect(rangeToOffsets(bodyIndex, range)).toBeNull();
  });

  it('returns null for a range in another document', () => {
    const other = otherDocument('<p>elsewhere</p>');
    const range = other.createRange();
    range.selectNodeContents(other.querySelector('p')!);
    expect(rangeToOffsets(index, range)).toBeNull();
  });

  it('handles an article with no text', () => {
    const empty = buildTextIndex(rootOf('<img src="x.png">\n'));
    expect(empty.text).toBe('');
    const range = offsetsToRange(empty, 0, 5);
    expect(range.collapsed).toBe(true);
    expect(rangeToOffsets(empty, range)).toBeNull();
  });

  it('finds the right node among thousands (binary search over start offsets)', () => {
    const many = rootOf(Array.from({ length: 3000 }, (_, i) => `<span>${i % 10}${'x'.repeat(i % 3)}</span>`).join(''));
    const big = buildTextIndex(many);
    for (let offset = 0; offset < big.text.length; offset += 97) {
      const range = offsetsToRange(big, offset, offset + 1);
      expect((range.startContainer as Text).data[range.startOffset]).toBe(big.text[offset]);
      expect(rangeToOffsets(big, range)).toEqual({ start: offset, end: offset + 1 });
    }
  });
});
