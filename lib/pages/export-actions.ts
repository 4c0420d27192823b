/**
 * What the popup and the library do to export: ask the background for the file (it reads the database and writes
 * the format), then save it through the downloads API or put it on the clipboard.
 */
import { callBackground } from '../extension/messaging/client';
import type { ExportScopeRequest, MessageError, Result } from '../extension/messaging/messages';
import type { ExportFormat } from '../core/model/exchange';
import { saveFile } from './save-file';

/** Exports `scope` in `format` into the reader's downloads; resolves to the file's name once the download began. */
export async function downloadExport(format: ExportFormat, scope: ExportScopeRequest): Promise<Result<string>> {
  const file = await callBackground('annotations/export', { format, scope });
  if (!file.ok) return file;
  try {
    await saveFile(file.value);
    return { ok: true, value: file.value.filename };
  } catch (err) {
    return { ok: false, error: failure(err) };
  }
}

/** A browser API's refusal as an error to show. */
const failure = (err: unknown): MessageError => ({ code: 'internal', message: err instanceof Error ? err.message : String(err) });

/** Copies the article's annotations as Markdown; resolves to the error, or null when copied. */
export async function copyArticleMarkdown(articleId: string): Promise<MessageError | null> {
  const file = await callBackground('annotations/export', { format: 'markdown', scope: { kind: 'article', articleId } });
  if (!file.ok) return file.error;
  try {
    await navigator.clipboard.writeText(file.value.text);
    return null;
  } catch (err) {
    return failure(err);
  }
}
