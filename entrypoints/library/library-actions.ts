/**
 * What the library asks of the rest of the extension, as plain async functions: every write goes through the
 * background's validated messages (the library only reads the database itself), and articles are reached through
 * their tabs. Each resolves to what the page should tell the reader.
 */
import { callBackground } from '../../lib/extension/messaging/client';
import type { MessageError } from '../../lib/extension/messaging/messages';
import type { LibraryEntry } from '../../lib/core/library/entries';
import { showInArticle } from '../../lib/pages/article-tabs';
import { desktopArticleUrl } from '../../lib/core/netease/article-id';
import type { ImportOutcome } from '../../components/library/ImportReportDialog';
import type { AnnotationPatch } from '../../lib/core/model/annotation';
import type { AnnotationHistory, VersionInfo } from '../../lib/core/sync/annotation-history';
import type { Result } from '../../lib/core/model/result';
import { t } from '../../lib/extension/i18n';

/** A line for the reader about the last action; `error` ones are announced as alerts. */
export interface Notice {
  error: boolean;
  text: string;
}

/** A failed request as a notice. */
export const errorNotice = (error: MessageError): Notice => ({ error: true, text: error.message });

/** The article's address: the stored one, or its desktop address built from the id. */
const urlOf = ({ annotation, article }: LibraryEntry): string => article?.url || desktopArticleUrl(annotation.articleId, null);

/** Soft-deletes the annotations (kept for undo); resolves to the error, or null. */
export async function deleteAnnotations(ids: string[]): Promise<MessageError | null> {
  const result = await callBackground('annotations/delete-many', { ids });
  return result.ok ? null : result.error;
}

/** Brings back deleted annotations; resolves to the error, or null. */
export async function restoreAnnotations(ids: string[]): Promise<MessageError | null> {
  const result = await callBackground('annotations/restore-many', { ids });
  return result.ok ? null : result.error;
}

/** Stores a new note, new tags, or both; resolves to the error, or null. */
export async function saveNoteAndTags(id: string, patch: Pick<AnnotationPatch, 'note' | 'tags'>): Promise<MessageError | null> {
  const result = await callBackground('annotations/update', { id, patch });
  return result.ok ? null : result.error;
}

/** The annotations sync kept earlier versions of (or kept after a delete elsewhere); none while sync is off. */
export const readSyncHistory = (): Promise<Result<AnnotationHistory[]>> => callBackground('sync/history', {});

/** Makes an earlier version the annotation's current value, as an edit (so it syncs); resolves to the error, or null. */
export async function restoreVersion(id: string, version: VersionInfo): Promise<MessageError | null> {
  const patch: AnnotationPatch = { [version.field]: version.value };
  const result = await callBackground('annotations/update', { id, patch });
  return result.ok ? null : result.error;
}

/** Opens (or focuses) the entry's article and scrolls to the highlight, or starts re-attaching it there. */
export async function openEntry(entry: LibraryEntry, intent: 'show' | 'reattach'): Promise<Notice | null> {
  const outcome = await showInArticle(entry.annotation.articleId, urlOf(entry), entry.annotation.id, intent);
  switch (outcome) {
    case 'shown':
      return null;
    case 'reattaching':
      return { error: false, text: t('reattachStarted') };
    case 'orphan':
      return { error: true, text: t('notFoundOnPage') };
    case 'unreachable':
      return { error: true, text: t('articleUnreachable') };
  }
}

/** Sends an import file's text to the background, which validates it and merges it in one transaction. */
export async function importFile(fileName: string, text: string): Promise<ImportOutcome> {
  const result = await callBackground('annotations/import', { text });
  return result.ok ? { fileName, ok: true, report: result.value } : { fileName, ok: false, error: result.error.message };
}
