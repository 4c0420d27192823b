/** Export and import: files of the reader's annotations in the formats other tools read, and merging files back in. */
import * as v from 'valibot';
import { EXPORT_FORMATS } from '../../core/model/exchange';
import { articleIdSchema, annotationIdsSchema, strict, text } from '../../core/model/schemas';
import { exportFile, type ExportScope } from '../../core/formats/export/export-file';
import { MAX_IMPORT_BYTES } from '../../core/formats/import/import-limits';
import { parseImport } from '../../core/formats/import/parse-import';
import { say } from '../../extension/i18n';
import { PAGES_ONLY } from '../../extension/messaging/declare';
import { announce } from '../annotations/announce';
import { defineMessage } from '../messaging/request-context';
import { problem } from '../../core/model/problems';

/** An import file that cannot be imported at all; its message says why, for the reader. */
export class InvalidFileError extends Error {}

/** Which annotations an export covers. */
const exportScopeSchema = v.variant(
  'kind',
  [
    strict({ kind: v.literal('all') }),
    strict({ kind: v.literal('article'), articleId: articleIdSchema }),
    strict({ kind: v.literal('selection'), ids: annotationIdsSchema }),
  ],
  problem('problemExportScope'),
);

/** Which annotations an export covers, as sent over the wire (a selection is a list of ids). */
export type ExportScopeRequest = v.InferOutput<typeof exportScopeSchema>;

/** The export scope of a request: a selection's id list becomes the set `exportFile` takes. */
const exportScope = (scope: ExportScopeRequest): ExportScope =>
  scope.kind === 'selection' ? { kind: 'selection', ids: new Set(scope.ids) } : scope;

/** The export and import messages; only the extension's pages send them. */
export const exchangeMessages = [
  /** A file of the annotations `scope` covers, in `format`, named for saving. */
  defineMessage({
    name: 'annotations/export',
    from: PAGES_ONLY,
    request: strict({
      format: v.picklist(EXPORT_FORMATS, problem('problemOneOf', EXPORT_FORMATS.join(', '))),
      scope: exportScopeSchema,
    }),
    handle: async ({ format, scope }, { services }) => exportFile(format, await services.repo.readAll(), exportScope(scope)),
  }),
  /** Validates and merges an import file (native JSON, W3C JSON-LD, Hypothesis) in one transaction. */
  defineMessage({
    name: 'annotations/import',
    from: PAGES_ONLY,
    request: strict({ text: text(0, MAX_IMPORT_BYTES) }),
    handle: async ({ text: file }, context) => {
      const parsed = parseImport(file);
      if (!parsed.ok) throw new InvalidFileError(say(parsed.error));
      const report = await context.services.repo.importParsed(parsed.value);
      if (report.added + report.updated > 0) announce(parsed.value.annotations, context);
      if (report.knownWordsAdded > 0) {
        context.services.gloss
          .notifyKnownWordsChanged(context.tabId)
          .catch((err: unknown) => console.error('[netease-annotator]', err));
      }
      return report;
    },
  }),
] as const;
