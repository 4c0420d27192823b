import { describe, expect, it } from 'vitest';
import {
  READWISE_MAX_HIGHLIGHT_LENGTH,
  READWISE_MAX_NOTE_LENGTH,
  toReadwiseCsv,
} from '../../../lib/core/formats/export/to-readwise-csv';
import { annotation, articles, PLANE_ID, sampleData, SPECIALS_QUOTE, T0, uuid } from './fixtures';

/** An RFC 4180 reader (quoted fields, doubled quotes, CRLF records), to read back what the export wrote. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      for (i++; i < text.length; i++) {
        if (text[i] === '"' && text[i + 1] === '"') ((field += '"'), i++);
        else if (text[i] === '"') break;
        else field += text[i];
      }
      i++;
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text.startsWith('\r\n', i)) {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else field += text[i++];
  }
  expect(field === '' && record.length === 0, 'the file ends with CRLF').toBe(true);
  return records;
}

const rows = (text: string) => parseCsv(text.slice(1)).slice(1);

describe('toReadwiseCsv', () => {
  it('matches the golden file', async () => {
    await expect(toReadwiseCsv(sampleData())).toMatchFileSnapshot('../../fixtures/export/sample.csv');
  });

  it('starts with a UTF-8 byte order mark, then Readwise’s header', () => {
    const csv = toReadwiseCsv(sampleData());
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')[0]).toBe('Highlight,Title,Author,URL,Note,Location,Date');
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('writes one row per live annotation with seven fields that read back exactly', () => {
    const [first, , commented, specials, missing] = rows(toReadwiseCsv(sampleData()));
    expect(rows(toReadwiseCsv(sampleData()))).toHaveLength(5);
    expect(first).toEqual([
      '交付',
      '国产大飞机交付新进展',
      '网易科技',
      'https://www.163.com/dy/article/J3K9L0QA0512D3VR.html',
      '',
      '1',
      '2024-05-01 00:34:00',
    ]);
    expect(commented[4]).toBe(
      '.航空 .C919-program\n\nNote with <script>alert(1)</script>, a comma and "quotes"\n\nTranslation (Chrome): Character 𠀀 and emoji 😀',
    );
    expect(specials.slice(0, 4)).toEqual([
      SPECIALS_QUOTE,
      '标题 with "quotes", commas & <b>tags</b> # and *stars*',
      '',
      'https://www.163.com/news/article/HQ2B3C4D0001875O.html',
    ]);
    expect(missing.slice(1, 3)).toEqual(['NetEase article KJ8S2N1V0556A7ZQ', '']);
  });

  it('quotes exactly the fields with commas, quotes or line breaks, doubling quotes', () => {
    const lines = toReadwiseCsv(sampleData()).split('\r\n');
    expect(lines[1]).toBe(
      '交付,国产大飞机交付新进展,网易科技,https://www.163.com/dy/article/J3K9L0QA0512D3VR.html,,1,2024-05-01 00:34:00',
    );
    expect(toReadwiseCsv(sampleData())).toContain('"标题 with ""quotes"", commas & <b>tags</b> # and *stars*"');
  });

  it('numbers highlights in reading order within each article (Location)', () => {
    expect(rows(toReadwiseCsv(sampleData())).map((r) => r[5])).toEqual(['1', '2', '3', '1', '1']);
  });

  it('writes the creation time in UTC (Date)', () => {
    const data = {
      articles: articles(),
      annotations: [annotation(uuid(1), PLANE_ID, { exact: 'x' }, 0, { createdAt: T0 + 999 })],
    };
    expect(rows(toReadwiseCsv(data))[0][6]).toBe('2024-05-01 00:30:00');
  });

  it('keeps a highlight of exactly 8,191 characters whole', () => {
    const exact = '字'.repeat(READWISE_MAX_HIGHLIGHT_LENGTH);
    const [row] = rows(toReadwiseCsv({ articles: articles(), annotations: [annotation(uuid(1), PLANE_ID, { exact }, 0)] }));
    expect(row[0]).toBe(exact);
    expect(row[4]).toBe('');
  });

  it('shortens a longer highlight to 8,191 characters ending in …, and says so in the note', () => {
    const exact = '字'.repeat(9000);
    const data = { articles: articles(), annotations: [annotation(uuid(1), PLANE_ID, { exact }, 0, { note: '笔记' })] };
    const [row] = rows(toReadwiseCsv(data));
    expect(row[0]).toHaveLength(READWISE_MAX_HIGHLIGHT_LENGTH);
    expect(row[0]).toBe(`${'字'.repeat(READWISE_MAX_HIGHLIGHT_LENGTH - 1)}…`);
    expect(row[4]).toBe('笔记\n\n[Highlight shortened for Readwise: the first 8190 of its 9000 characters are kept.]');
  });

  it('never cuts a surrogate pair when shortening', () => {
    const head = '字'.repeat(READWISE_MAX_HIGHLIGHT_LENGTH - 2);
    const exact = `${head}${'😀'.repeat(100)}`;
    const [row] = rows(toReadwiseCsv({ articles: articles(), annotations: [annotation(uuid(1), PLANE_ID, { exact }, 0)] }));
    // The 8,190th unit is the first half of an emoji: the cut falls before it, one unit short of the limit.
    expect(row[0].length).toBe(READWISE_MAX_HIGHLIGHT_LENGTH - 1);
    expect(row[0] === `${head}…`).toBe(true);
    expect(row[4]).toBe(
      `[Highlight shortened for Readwise: the first ${head.length} of its ${head.length + 100} characters are kept.]`,
    );
  });
});

describe('toReadwiseCsv: safe and within Readwise’s limits', () => {
  it.each(['=HYPERLINK("http://evil")', '+1', '-2+3', '@SUM(A1)', '\tcmd', '\rx'])(
    'neutralises a cell a spreadsheet would run as a formula: %j',
    (text) => {
      const data = { articles: articles(), annotations: [annotation(uuid(1), PLANE_ID, { exact: text }, 0, { note: text })] };
      const [row] = rows(toReadwiseCsv(data));
      expect(row[0]).toBe(`'${text}`);
      // A note is trimmed first: a leading tab or CR is then gone.
      expect(row[4]).toBe(/^\s/.test(text) ? text.trim() : `'${text}`);
    },
  );

  it('leaves a cell alone that only has such a character later', () => {
    const data = { articles: articles(), annotations: [annotation(uuid(1), PLANE_ID, { exact: '1+1=2' }, 0)] };
    expect(rows(toReadwiseCsv(data))[0][0]).toBe('1+1=2');
  });

  it('keeps a note of exactly 8,191 characters whole and cuts a longer one with a marker, within the limit', () => {
    const whole = annotation(uuid(1), PLANE_ID, { exact: 'x' }, 0, { note: '笔'.repeat(READWISE_MAX_NOTE_LENGTH) });
    expect(rows(toReadwiseCsv({ articles: articles(), annotations: [whole] }))[0][4]).toHaveLength(READWISE_MAX_NOTE_LENGTH);
    const long = annotation(uuid(1), PLANE_ID, { exact: 'x' }, 0, { note: '笔'.repeat(10_000) });
    const note = rows(toReadwiseCsv({ articles: articles(), annotations: [long] }))[0][4];
    expect(note.length).toBeLessThanOrEqual(READWISE_MAX_NOTE_LENGTH);
    const [, kept] = /the first (\d+) of its 10000 characters are kept\.\]$/.exec(note)!;
    expect(note.startsWith(`${'笔'.repeat(Number(kept))}…\n\n[Note shortened for Readwise:`)).toBe(true);
  });

  it('keeps line breaks inside a quoted field as LF, records ending in CRLF', () => {
    const data = { articles: articles(), annotations: [annotation(uuid(1), PLANE_ID, { exact: 'x' }, 0, { note: 'one\ntwo' })] };
    const csv = toReadwiseCsv(data);
    expect(csv).toContain(',"one\ntwo",');
    expect(rows(csv)[0][4]).toBe('one\ntwo');
  });
});
