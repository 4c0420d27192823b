/**
 * A small library for the export and import tests: Chinese text, characters outside the BMP, Markdown and CSV
 * specials, a translation (and a null one), an annotation whose article has no record, and a soft-deleted one. Each call returns
 * fresh objects to mutate.
 */
import type { ArticleRecord, HighlightColor } from '../../../lib/core/model/annotation';
import type { KnownWord } from '../../../storage/db';
import type { ExportAnnotation, ExportData } from '../../../lib/core/formats/export/export-data';

export const PLANE_ID = 'J3K9L0QA0512D3VR';
export const SPECIALS_ID = 'HQ2B3C4D0001875O';
/** An article with annotations but no stored record. */
export const MISSING_ID = 'KJ8S2N1V0556A7ZQ';

/** 2024-05-01 08:30 in Beijing. */
export const T0 = Date.UTC(2024, 4, 1, 0, 30);
const MINUTE = 60_000;

/** A fixed export time: noon UTC, the same calendar date in every time zone from UTC−11 to UTC+11. */
export const EXPORTED_AT = new Date(Date.UTC(2024, 5, 2, 12, 0));
export const EXPORT_ID = '0e0e0e0e-0e0e-4e0e-8e0e-0e0e0e0e0e0e';

/** A version-4 UUID as `crypto.randomUUID` makes them. */
export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A UUID made of one repeated hex digit, e.g. uuid(1) = '11111111-1111-4111-8111-111111111111'. */
export const uuid = (digit: number): string => {
  const d = digit.toString(16);
  return `${d.repeat(8)}-${d.repeat(4)}-4${d.repeat(3)}-8${d.repeat(3)}-${d.repeat(12)}`;
};

export const articles = (): ArticleRecord[] => [
  {
    id: PLANE_ID,
    title: '国产大飞机交付新进展',
    source: '网易科技',
    publishedAt: '2024-05-01T08:30:00+08:00',
    url: `https://www.163.com/dy/article/${PLANE_ID}.html`,
    updatedAt: T0,
  },
  {
    id: SPECIALS_ID,
    title: '标题 with "quotes", commas & <b>tags</b> # and *stars*',
    source: '',
    publishedAt: '',
    url: `https://www.163.com/news/article/${SPECIALS_ID}.html`,
    updatedAt: T0 + 5 * MINUTE,
  },
];

/** An annotation at UTF-16 `start` whose quote is `exact`; the end follows from the quote. */
export function annotation(
  id: string,
  articleId: string,
  quote: { exact: string; prefix?: string; suffix?: string },
  start: number,
  more: { color?: HighlightColor; note?: string; tags?: string[]; createdAt?: number } & Partial<ExportAnnotation> = {},
): ExportAnnotation {
  const { color = 'yellow', note = '', tags = [], createdAt = T0, ...rest } = more;
  return {
    id,
    articleId,
    color,
    note,
    tags,
    target: {
      version: 1,
      selector: [
        { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix ?? '', suffix: quote.suffix ?? '' },
        { type: 'TextPositionSelector', start, end: start + quote.exact.length },
      ],
    },
    createdAt,
    updatedAt: createdAt,
    deletedAt: null,
    ...rest,
  };
}

/** A quote of Markdown, CSV and HTML specials over several lines, with Chinese quotation and commas. */
export const SPECIALS_QUOTE =
  '> not a quote\n# not a heading\n*not emphasis* and `code` | pipe, [link](x) ==mark== $x$ ^ref %%c%% {{m}} &amp;\n1. not a list\n- not a bullet\n    indented\n他说："你好，世界"';

export const annotations = (): ExportAnnotation[] => [
  annotation(uuid(1), PLANE_ID, { exact: '大飞机交付', prefix: '国产', suffix: '新进展' }, 10, { createdAt: T0 + MINUTE }),
  annotation(uuid(2), PLANE_ID, { exact: '𠀀字😀表情', prefix: '前文😀，', suffix: '后文' }, 40, {
    color: 'green',
    note: 'Note with <script>alert(1)</script>, a comma and "quotes"',
    tags: ['航空', 'C919 program'],
    translation: { text: 'Character 𠀀 and emoji 😀', provider: 'Chrome' },
    createdAt: T0 + 2 * MINUTE,
    updatedAt: T0 + 9 * MINUTE,
  }),
  annotation(uuid(3), SPECIALS_ID, { exact: SPECIALS_QUOTE, prefix: '前', suffix: '后' }, 0, {
    color: 'blue',
    note: 'line one\n\nline two with #tag and [[link]]',
    tags: ['重要'],
    createdAt: T0 + 3 * MINUTE,
  }),
  annotation(uuid(4), PLANE_ID, { exact: '交付', prefix: '飞机', suffix: '新' }, 5, {
    color: 'pink',
    translation: null,
    createdAt: T0 + 4 * MINUTE,
  }),
  annotation(uuid(5), MISSING_ID, { exact: '网易号', suffix: '作者' }, 3, {
    color: 'purple',
    tags: ['2024'],
    createdAt: T0 + 5 * MINUTE,
  }),
  annotation(uuid(6), PLANE_ID, { exact: '已删除' }, 80, { createdAt: T0 + 6 * MINUTE, deletedAt: T0 + 7 * MINUTE }),
];

/** The sample known words, not in the order the backup writes them (oldest first, then by word). */
export const knownWords = (): KnownWord[] => [
  { word: 'aircraft', addedAt: T0 + 2 * MINUTE },
  { word: 'delivery', addedAt: T0 + MINUTE },
  { word: 'China', addedAt: T0 + 2 * MINUTE },
];

/** The whole sample library. */
export const sampleData = (): ExportData => ({ annotations: annotations(), articles: articles(), knownWords: knownWords() });
