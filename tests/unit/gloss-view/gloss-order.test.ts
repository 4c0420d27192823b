import { describe, expect, it } from 'vitest';
import { nearScreenFirst } from '../../../lib/content/gloss/gloss-order';
import { keepReadingPosition } from '../../../lib/content/gloss/reading-position';

/** Gives `el` a fixed box (happy-dom lays nothing out). */
function place(el: Element, top: number, height: number) {
  Object.defineProperty(el, 'getBoundingClientRect', {
    configurable: true,
    value: () => ({ top, bottom: top + height, height, left: 0, right: 100, width: 100 }),
  });
}

describe('nearScreenFirst', () => {
  it('takes the text on and near the screen first, then the rest nearest first', () => {
    document.body.innerHTML = ['far-below', 'on-screen', 'just-above', 'below', 'far-above']
      .map((id) => `<p id="${id}">${id}</p>`)
      .join('');
    const height = window.innerHeight;
    const tops: Record<string, number> = {
      'far-below': height * 5,
      'on-screen': 10,
      'just-above': -height * 0.3 - 50,
      below: height * 1.4,
      'far-above': -height * 3,
    };
    for (const [id, top] of Object.entries(tops)) place(document.getElementById(id)!, top, 50);
    const nodes = [...document.querySelectorAll('p')].map((p) => p.firstChild as Text);
    const { near, rest } = nearScreenFirst(nodes, window);
    expect(near.map((n) => n.data)).toEqual(['on-screen', 'just-above', 'below']);
    expect(rest.map((n) => n.data)).toEqual(['far-above', 'far-below']);
  });
});

describe('keepReadingPosition', () => {
  it('scrolls so the block at the top of the window shows the same part of it after it grew', () => {
    document.body.innerHTML = '<div id="root"><p id="a">a</p><p id="b">b</p></div>';
    const [a, b] = ['a', 'b'].map((id) => document.getElementById(id)!);
    place(a, -500, 400);
    place(b, -100, 400);
    const scrolls: number[] = [];
    window.scrollBy = ((_x: number, y: number) => void scrolls.push(y)) as unknown as typeof window.scrollBy;
    keepReadingPosition(document.getElementById('root')!, () => place(b, -200, 800));
    // The window's top was a quarter down b; a quarter of the new height is 200, so b's top belongs at -200.
    expect(scrolls).toEqual([]);
    keepReadingPosition(document.getElementById('root')!, () => place(b, -150, 800));
    expect(scrolls).toEqual([50]);
  });
});
