import { describe, expect, it } from 'vitest';
import { blockquote, escapeMarkdownLine } from '../../../lib/core/formats/export/markdown-escape';
import { toMarkdown } from '../../../lib/core/formats/export/to-markdown';
import { annotation, annotations, articles, PLANE_ID, sampleData, SPECIALS_QUOTE, uuid } from './fixtures';

/** CommonMark's reading of backslash escapes: a backslash before ASCII punctuation stands for that character. */
const unescape = (markdown: string): string => markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** Characters that must never appear unescaped in escaped text. */
const SPECIALS = '\\`*_[]<>#~=^$%|&{}';

/** Whether every special character of `escaped` is preceded by a backslash that is not itself escaped. */
function allSpecialsEscaped(escaped: string): boolean {
  for (let i = 0; i < escaped.length; i++) {
    if (escaped[i] === '\\') i++;
    else if (SPECIALS.includes(escaped[i])) return false;
  }
  return true;
}

const HOSTILE_LINES = [
  '# heading',
  '> quote',
  '>> nested',
  '- item',
  '+ item',
  '* item',
  '1. item',
  '12) item',
  '---',
  '===',
  '```js',
  '~~~',
  '    code block',
  '<div onclick="x">html</div>',
  '<!-- comment -->',
  '| a | b |',
  '*em* _em_ **strong** `code` ~~strike~~ ==mark==',
  '[link](http://x) ![img](y) [[wiki]] [^1]',
  'text #tag $math$ %%comment%% {{macro}} ^block-id',
  '&amp; &#60; \\ backslash',
  '国产大飞机 C919：“交付”！（完）',
];

describe('escapeMarkdownLine', () => {
  it.each(HOSTILE_LINES)('%j reads back as the same text with every special escaped', (line) => {
    const escaped = escapeMarkdownLine(line);
    expect(allSpecialsEscaped(escaped)).toBe(true);
    expect(unescape(escaped)).toBe(line.trim());
    expect(escaped).not.toMatch(/^([-+]|\d+[.)])\s/);
  });

  it('leaves Chinese text and full-width punctuation alone', () => {
    expect(escapeMarkdownLine('国产大飞机，交付！（完）')).toBe('国产大飞机，交付！（完）');
  });

  it('drops surrounding spaces and tabs (an indented code block, a hard line break)', () => {
    expect(escapeMarkdownLine('\t  text  ')).toBe('text');
  });
});

describe('blockquote', () => {
  it('keeps a multi-line highlight one quote, whatever its lines start with', () => {
    const quoted = blockquote('first\n> second\r\n\r\n# third\r- fourth');
    const lines = quoted.split('\n');
    expect(lines).toEqual(['> first', '> \\> second', '>', '> \\# third', '> \\- fourth']);
  });
});

describe('toMarkdown', () => {
  it('matches the golden file', async () => {
    await expect(toMarkdown(sampleData())).toMatchFileSnapshot('../../fixtures/export/sample.md');
  });

  it('writes one section per article with its source, publish date and URL', () => {
    const md = toMarkdown(sampleData());
    expect(md.match(/^## /gm)).toHaveLength(3);
    expect(md).toContain(
      '## 国产大飞机交付新进展\n\n- Source: 网易科技\n- Published: 2024-05-01\n- URL: <https://www.163.com/dy/article/J3K9L0QA0512D3VR.html>',
    );
  });

  it('leaves out metadata the article does not have, and names an article without a record by its ID', () => {
    const md = toMarkdown(sampleData());
    expect(md).toContain('## NetEase article KJ8S2N1V0556A7ZQ\n\n- URL: <https://www.163.com/dy/article/KJ8S2N1V0556A7ZQ.html>');
    expect(md).not.toMatch(/Source: \n|Published: \n/);
  });

  it('marks each highlight with its id as an Obsidian block id on its own line after the quote', () => {
    const md = toMarkdown(sampleData());
    expect(md).toContain(`> 大飞机交付\n\n^${uuid(1)}\n\n`);
    const live = annotations().filter((a) => a.deletedAt === null);
    expect(md.match(/^\^[0-9a-f-]{36}$/gm)).toEqual(expect.arrayContaining(live.map((a) => `^${a.id}`)));
    expect(md.match(/^\^/gm)).toHaveLength(live.length);
  });

  it('leaves out soft-deleted annotations', () => {
    expect(toMarkdown(sampleData())).not.toContain(uuid(6));
  });

  it('lists an article’s highlights in reading order', () => {
    const md = toMarkdown(sampleData());
    expect(md.indexOf(uuid(4))).toBeLessThan(md.indexOf(uuid(1)));
    expect(md.indexOf(uuid(1))).toBeLessThan(md.indexOf(uuid(2)));
  });

  it('keeps a hostile quote inside its blockquote, every line quoted and escaped', () => {
    const md = toMarkdown(sampleData());
    const start = md.indexOf('> \\> not a quote');
    const quoteLines = md.slice(start, md.indexOf(`\n\n^${uuid(3)}`)).split('\n');
    expect(quoteLines).toHaveLength(SPECIALS_QUOTE.split('\n').length);
    for (const line of quoteLines) {
      expect(line.startsWith('> ')).toBe(true);
      expect(allSpecialsEscaped(line.slice(2))).toBe(true);
    }
    expect(quoteLines.map((l) => unescape(l.slice(2))).join('\n')).toBe(
      SPECIALS_QUOTE.split('\n')
        .map((l) => l.trim())
        .join('\n'),
    );
  });

  it('writes the note, translation, tags and colour after the quote, escaped', () => {
    const md = toMarkdown(sampleData());
    expect(md).toContain(
      [
        '**Note:** Note with \\<script\\>alert(1)\\</script\\>, a comma and "quotes"',
        '**Translation** (Chrome): Character 𠀀 and emoji 😀',
        'Tags: #航空 #C919-program · Colour: green',
      ].join('\n\n'),
    );
    expect(md).toContain('**Note:** line one\n\nline two with \\#tag and \\[\\[link\\]\\]');
  });

  it('writes a tag that cannot be an Obsidian tag (no letter) as plain text', () => {
    expect(toMarkdown(sampleData())).toContain('Tags: 2024 · Colour: purple');
  });

  it('escapes the title and puts it on one line', () => {
    const data = { annotations: [annotation(uuid(7), PLANE_ID, { exact: 'x' }, 0)], articles: articles() };
    data.articles[0].title = '# 标题\n第二行 *重点*';
    expect(toMarkdown(data)).toMatch(/^## \\# 标题 第二行 \\\*重点\\\*\n/);
  });

  it('is empty when there is nothing to export', () => {
    expect(toMarkdown({ annotations: [], articles: articles() })).toBe('');
  });
});

describe('an annotation without a quote', () => {
  it('writes its note and block id with no empty blockquote (a page note)', () => {
    const pageNote = annotation(uuid(9), PLANE_ID, { exact: '' }, 0, {
      note: 'The whole article, in short.',
      target: {
        version: 1,
        missing: 'selectors',
        selector: [
          { type: 'TextQuoteSelector', exact: '', prefix: '', suffix: '' },
          { type: 'TextPositionSelector', start: 0, end: 1 },
        ],
      },
    });
    const markdown = toMarkdown({ ...sampleData(), annotations: [pageNote] });
    expect(markdown).not.toMatch(/^>/m);
    expect(markdown).toContain(`**Note:** The whole article, in short.\n\n^${uuid(9)}`);
  });
});
