/**
 * What is wrong with a file or a request reaches a Chinese reader in Chinese: the import parsers and the data model's
 * schemas say it by catalogue key, and the receiver words it in the browser's language.
 */
import * as v from 'valibot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import chinese from '../../../public/_locales/zh_CN/messages.json';
import { toJson, type NativeFile } from '../../../lib/core/formats/export/to-json';
import { MAX_NOTE_LENGTH } from '../../../lib/core/model/annotation';
import { describeIssue, problem } from '../../../lib/core/model/problems';
import { englishMessage, messagesOf } from '../english-messages';
import { EXPORTED_AT, sampleData } from '../export/fixtures';
import { parseSaid } from '../import/said';
import { validateRequest } from './declared';

/** Latin words of the English catalogue's sentences that must not show in a Chinese one. */
const ENGLISH_WORDS = /\b(must|This|file|is not|refused|characters)\b/;

beforeEach(() => {
  fakeBrowser.i18n.getMessage = messagesOf(chinese) as typeof fakeBrowser.i18n.getMessage;
});

afterEach(() => {
  fakeBrowser.i18n.getMessage = englishMessage as typeof fakeBrowser.i18n.getMessage;
});

describe('errors in the reader’s language', () => {
  it('says why a whole file cannot be imported in Chinese', () => {
    for (const text of ['', '{', '{"format":"other"}', '{"x":1}']) {
      const result = parseSaid(text);
      expect(result.ok).toBe(false);
      const error = result.ok ? '' : result.error;
      expect(error).toMatch(/[\u4e00-\u9fff]/);
      expect(error).not.toMatch(ENGLISH_WORDS);
    }
  });

  it('says why one annotation of a backup is refused in Chinese, naming the field as the file spells it', () => {
    const file = JSON.parse(toJson(sampleData(), EXPORTED_AT)) as NativeFile;
    (file.annotations[1] as { note: string }).note = 'x'.repeat(MAX_NOTE_LENGTH + 1);
    const result = parseSaid(JSON.stringify(file));
    expect(result.ok && result.value.rejected).toEqual([{ index: 1, reason: `note：最多 ${MAX_NOTE_LENGTH} 个字符` }]);
  });

  it('words a refused request in Chinese', async () => {
    const result = await validateRequest('annotations/export', { format: 'pdf', scope: { kind: 'all' } });
    expect(!result.ok && result.error.message).toBe('此请求被拒绝：format：必须是以下之一：markdown, json, w3c, readwise-csv。');
  });
});

describe('describeIssue', () => {
  it('decodes the reader text a schema gave as its message', () => {
    const issue = v.safeParse(v.number(problem('problemRange', 1, 3)), 'x').issues![0];
    expect(describeIssue(issue, 'count')).toEqual({
      key: 'problemAt',
      subs: ['count', { key: 'problemRange', subs: [1, 3] }],
    });
  });

  it('words valibot’s own message (a schema that set none) by what was expected and received', () => {
    const issue = v.safeParse(v.number(), 'x').issues![0];
    expect(describeIssue(issue, '')).toEqual({ key: 'problemExpected', subs: ['number', '"x"'] });
  });
});
