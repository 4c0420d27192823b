/**
 * Reading the native JSON backup written by `lib/core/formats/export/to-json.ts`. The envelope must be exactly the one this
 * build writes; each record is then checked on its own, so a damaged record is refused with its reason and the rest
 * still import.
 */
import * as v from 'valibot';
import type { ArticleRecord } from '../../model/annotation';
import { ISO_DATE_RE, strict, text } from '../../model/schemas';
import type { ExportAnnotation } from '../export/export-data';
import { NATIVE_FORMAT, NATIVE_VERSION } from '../export/to-json';
import {
  annotationRecordSchema,
  articleRecordSchema,
  check,
  knownWordsSchema,
  wordListSchema,
  type ParseRejection,
  type ParseResult,
} from './import-records';
import { problem } from '../../model/problems';
import { readerText, type ReaderText } from '../../model/reader-text';

/** The top-level object: known fields only, record lists checked item by item afterwards. */
const envelopeSchema = strict({
  format: v.literal(NATIVE_FORMAT, problem('problemExactly', `"${NATIVE_FORMAT}"`)),
  version: v.literal(NATIVE_VERSION, problem('problemExactly', NATIVE_VERSION)),
  exportedAt: v.pipe(text(1, 40), v.regex(ISO_DATE_RE, problem('problemIsoDate'))),
  articles: v.array(v.unknown(), problem('problemList')),
  annotations: v.array(v.unknown(), problem('problemList')),
  knownWords: v.optional(knownWordsSchema),
  wordList: v.optional(wordListSchema),
});

/** The `id` a raw record claims, if it is text: how an invalid article record is tied to its annotations. */
const claimedId = (raw: unknown): string | null =>
  typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : null;

/**
 * Parses a native backup whose top-level object is `root` (its `format` already says native). Fails as a whole when
 * the file is from a newer build or its envelope is damaged. An annotation is refused when it is invalid or when its
 * article's record in the file is invalid; only the records of accepted annotations' articles are kept. The known
 * words and the word list are optional (older backups lack them) but checked as a whole: one invalid word makes the
 * envelope damaged.
 */
export function parseNative(root: Record<string, unknown>): ParseResult {
  const { version } = root;
  if (typeof version === 'number' && version > NATIVE_VERSION) {
    return {
      ok: false,
      error: readerText('importNewerBackup', version, NATIVE_VERSION),
    };
  }
  const envelope = check(envelopeSchema, root);
  if (!envelope.ok) return { ok: false, error: readerText('importDamaged', envelope.reason) };

  const articles = new Map<string, ArticleRecord>();
  const badArticles = new Map<string, ReaderText>();
  envelope.value.articles.forEach((raw, i) => {
    const article = check(articleRecordSchema, raw);
    if (article.ok) {
      const seen = articles.get(article.value.id);
      if (!seen || article.value.updatedAt > seen.updatedAt) articles.set(article.value.id, article.value);
    } else {
      const id = claimedId(raw);
      if (id !== null) badArticles.set(id, readerText('importArticleInvalid', `articles[${i}]`, article.reason));
    }
  });

  const annotations: ExportAnnotation[] = [];
  const rejected: ParseRejection[] = [];
  envelope.value.annotations.forEach((raw, index) => {
    const annotation = check(annotationRecordSchema, raw);
    if (!annotation.ok) rejected.push({ index, reason: annotation.reason });
    else if (badArticles.has(annotation.value.articleId)) {
      rejected.push({ index, reason: badArticles.get(annotation.value.articleId)! });
    } else annotations.push(annotation.value);
  });

  const used = new Set(annotations.map((a) => a.articleId));
  return {
    ok: true,
    value: {
      format: 'native',
      annotations,
      articles: [...articles.values()].filter((a) => used.has(a.id)),
      rejected,
      knownWords: envelope.value.knownWords ?? [],
      wordList: envelope.value.wordList ?? [],
    },
  };
}
