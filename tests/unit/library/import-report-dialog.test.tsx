/**
 * The import report as the library shows it: the annotation counts, and the known words a backup brought in as a
 * line of their own, only when there were some.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { ImportReportDialog, type ImportOutcome } from '../../../components/library/ImportReportDialog';
import type { ImportReport } from '../../../lib/core/model/exchange';
import english from '../../../public/_locales/en/messages.json';

const NOTHING: ImportReport = {
  added: 0,
  updated: 0,
  duplicates: 0,
  rejected: [],
  rejectedTotal: 0,
  pageNotes: 0,
  skippedReplies: 0,
  skippedOtherSites: 0,
  articlesAdded: 0,
  articlesUpdated: 0,
  knownWordsAdded: 0,
  wordListAdded: 0,
};

let host: HTMLElement;

afterEach(() => {
  render(null, host);
  host.remove();
});

/** The dialog for a successful import of `report`, rendered into the document. */
function showReport(report: ImportReport): HTMLDialogElement {
  host = document.createElement('div');
  document.body.append(host);
  const outcome: ImportOutcome = { fileName: 'backup.json', ok: true, report };
  render(<ImportReportDialog outcome={outcome} onClose={() => {}} />, host);
  return host.querySelector('dialog')!;
}

/** Each count of the grid as "label: value". */
const counts = (dialog: HTMLElement) =>
  [...dialog.querySelectorAll('.import-counts > div')].map(
    (d) => `${d.querySelector('dt')!.textContent}: ${d.querySelector('dd')!.textContent}`,
  );

/** The dialog's paragraphs that speak of known words (the English message without its count). */
const knownWordLines = (dialog: HTMLElement) => {
  const prefix = english.importKnownWordsAdded.message.replace('$COUNT$', '');
  return [...dialog.querySelectorAll('p')].map((p) => p.textContent ?? '').filter((text) => text.startsWith(prefix));
};

describe('the import report', () => {
  it('says how many known words the backup added, under the annotation counts', () => {
    const dialog = showReport({ ...NOTHING, added: 2, duplicates: 1, knownWordsAdded: 3 });
    expect(counts(dialog)).toEqual(['Added: 2', 'Updated: 0', 'Skipped (already in your library): 1', 'Rejected: 0']);
    expect(knownWordLines(dialog)).toEqual(['Known words added (left without a gloss): 3']);
    // After the counts, not among them: known words are not annotations.
    const line = [...dialog.querySelectorAll('p')].find((p) => p.textContent?.startsWith('Known words'))!;
    expect(dialog.querySelector('.import-counts')!.compareDocumentPosition(line) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('writes the count as the reader\u2019s locale writes numbers', () => {
    const dialog = showReport({ ...NOTHING, knownWordsAdded: 12_345 });
    expect(knownWordLines(dialog)).toEqual([`Known words added (left without a gloss): ${(12_345).toLocaleString()}`]);
  });

  it('says nothing about known words when the file added none', () => {
    const dialog = showReport({ ...NOTHING, added: 4 });
    expect(counts(dialog)).toContain('Added: 4');
    expect(knownWordLines(dialog)).toEqual([]);
    expect(dialog.textContent).not.toMatch(/known words/i);
  });

  it('says what a Hypothesis export brought: page notes among the added, replies and other sites left out', () => {
    const dialog = showReport({ ...NOTHING, added: 3, pageNotes: 1, skippedReplies: 2, skippedOtherSites: 5 });
    const lines = [...dialog.querySelectorAll('p')].map((p) => p.textContent);
    expect(lines).toContain('Of the added, notes on a whole article (page notes): 1');
    expect(lines).toContain('Replies to other annotations, not imported: 2');
    expect(lines).toContain('Not imported, not on a NetEase article: 5');
  });

  it('counts every refusal but lists only those the report carries', () => {
    const rejected = [{ index: 0, reason: 'is not an annotation (an object)' }];
    const dialog = showReport({ ...NOTHING, rejected, rejectedTotal: 4_000 });
    expect(counts(dialog)).toContain(`Rejected: ${(4_000).toLocaleString()}`);
    expect(dialog.querySelectorAll('.import-rejections li')).toHaveLength(1);
    expect(dialog.textContent).toContain('…and 3999 more.');
  });
});
