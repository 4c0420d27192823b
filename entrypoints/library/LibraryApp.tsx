import { useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';
import { buildEntries, type LibraryEntry } from '../../lib/core/library/entries';
import { downloadExport } from '../../lib/pages/export-actions';
import { filterEntries, isFiltering, NO_CONTROLS, toFilter, type FilterControls } from '../../lib/core/library/filter';
import { sortEntries, type SortOrder } from '../../lib/core/library/sort';
import { countTags } from '../../lib/core/library/tags';
import type { ExportScopeRequest } from '../../lib/extension/messaging/messages';
import type { ExportFormat } from '../../lib/core/model/exchange';
import { touchesAnnotations } from '../../lib/pages/follow-changes';
import { readLibraryRecords } from '../../lib/pages/library-records';
import { BulkBar } from '../../components/library/BulkBar';
import { EditDialog } from '../../components/library/EditDialog';
import { ExportDialog, type ExportChoice } from '../../components/library/ExportDialog';
import { FilterPanel } from '../../components/library/FilterPanel';
import { ImportButton } from '../../components/library/ImportButton';
import { ImportReportDialog, type ImportOutcome } from '../../components/library/ImportReportDialog';
import { LibraryRow } from '../../components/library/LibraryRow';
import { VersionsDialog } from '../../components/library/VersionsDialog';
import { VirtualList } from '../../components/shared/VirtualList';
import { differingVersions, type AnnotationHistory } from '../../lib/core/sync/annotation-history';
import { UndoBar } from '../../components/popup/UndoBar';
import { useFollowedRead } from '../../components/shared/use-followed-read';
import { MAX_IMPORT_BYTES } from '../../lib/core/formats/import/import-limits';
import {
  deleteAnnotations,
  errorNotice,
  importFile,
  openEntry,
  readSyncHistory,
  restoreAnnotations,
  restoreVersion,
  saveNoteAndTags,
  type Notice,
} from './library-actions';
import { useOrphans } from './use-orphans';

/** Whether (and where) sync kept an annotation after a delete, as its row says it. */
const keptAfterDelete = (history: AnnotationHistory | undefined): 'elsewhere' | 'here' | null =>
  history?.keptAfterDelete ? (history.deletedHere ? 'here' : 'elsewhere') : null;

/** Height of one row of the list, in CSS pixels (the windowed list needs it fixed; see library.css). */
const ROW_HEIGHT = 124;

/**
 * The annotation library: every annotation, searched, filtered and sorted as the reader asks, kept current as
 * annotations change anywhere (it reads and writes through the background, and reads again when the background
 * reports a change).
 */
export function LibraryApp() {
  const records = useFollowedRead(readLibraryRecords, (c) => touchesAnnotations(c), []);
  const setAside = records.state === 'ready' ? records.value.setAside : 0;
  const entries = useMemo(
    () => (records.state === 'ready' ? buildEntries(records.value.annotations, records.value.articles) : []),
    [records],
  );
  const [order, setOrder] = useState<SortOrder>('newest');
  const sorted = useMemo(() => sortEntries(entries, order), [entries, order]);
  const [controls, setControls] = useState<FilterControls>(NO_CONTROLS);
  const orphans = useOrphans(records);
  const history = useFollowedRead(readSyncHistory, (c) => c.syncHistory === true, []);
  const historyById = useMemo(
    () => new Map(history.state === 'ready' ? history.value.map((item) => [item.id, item]) : []),
    [history],
  );
  const filter = useMemo(() => toFilter(controls, orphans), [controls, orphans]);
  const shown = useMemo(() => filterEntries(sorted, filter), [sorted, filter]);
  const tags = useMemo(() => countTags(entries.map((e) => e.annotation)), [entries]);
  const tagNames = useMemo(() => tags.map((c) => c.tag), [tags]);

  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const byId = useMemo(() => new Map(entries.map((e) => [e.annotation.id, e])), [entries]);
  // Rows deleted meanwhile (here or elsewhere) drop out of the selection.
  const selected = useMemo(() => new Set([...picked].filter((id) => byId.has(id))), [picked, byId]);
  const selectedShown = useMemo(() => shown.filter((e) => selected.has(e.annotation.id)).length, [shown, selected]);

  const [editing, setEditing] = useState<string | null>(null);
  const [versionsOf, setVersionsOf] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [exporting, setExporting] = useState<ExportChoice | null>(null);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<ImportOutcome | null>(null);
  const search = useRef<HTMLInputElement>(null);

  const setChecked = (ids: string[], checked: boolean) =>
    setPicked((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (checked) next.add(id);
        else next.delete(id);
      }
      return next;
    });

  const remove = async (ids: string[]) => {
    const failure = await deleteAnnotations(ids);
    setNotice(failure && errorNotice(failure));
    if (failure) return;
    setDeleted(ids);
    setChecked(ids, false);
  };

  const undo = async () => {
    if (!deleted) return;
    const failure = await restoreAnnotations(deleted);
    setNotice(failure && errorNotice(failure));
    if (!failure) setDeleted(null);
  };

  const open = async (entry: LibraryEntry, intent: 'show' | 'reattach') => {
    setNotice({ error: false, text: t('openingArticle') });
    setNotice(await openEntry(entry, intent));
  };

  const exportScopeOf = (choice: ExportChoice): ExportScopeRequest => {
    if (choice === 'selected') return { kind: 'selection', ids: [...selected] };
    if (choice === 'shown' && isFiltering(filter)) return { kind: 'selection', ids: shown.map((e) => e.annotation.id) };
    return { kind: 'all' };
  };

  const runExport = async (format: ExportFormat, choice: ExportChoice) => {
    const saved = await downloadExport(format, exportScopeOf(choice));
    if (!saved.ok) return saved.error;
    setExporting(null);
    setNotice({ error: false, text: t('downloadStarted', saved.value) });
    return null;
  };

  const runImport = async (fileName: string, text: string) => {
    setImporting(true);
    setImported(await importFile(fileName, text));
    setImporting(false);
  };

  const editingEntry = editing ? byId.get(editing) : undefined;
  const versionsEntry = versionsOf ? byId.get(versionsOf) : undefined;

  return (
    <div class="library">
      <header class="library-header">
        <h1>{t('libraryTitle')}</h1>
        <input
          ref={search}
          type="search"
          class="library-search"
          aria-label={t('searchLabel')}
          placeholder={t('searchPlaceholder')}
          value={controls.query}
          onInput={(e) => setControls({ ...controls, query: e.currentTarget.value })}
        />
        <div class="library-actions">
          <ImportButton
            busy={importing}
            onText={runImport}
            onTooLarge={(fileName) =>
              setImported({ fileName, ok: false, error: t('importTooLarge', MAX_IMPORT_BYTES / (1024 * 1024)) })
            }
          />
          <button type="button" class="button" disabled={entries.length === 0} onClick={() => setExporting('all')}>
            {t('exportButton')}
          </button>
        </div>
      </header>
      {setAside > 0 && (
        <p class="library-notice" role="status">
          {t('damagedSetAside', setAside)}
        </p>
      )}
      <div class="library-main">
        <FilterPanel
          controls={controls}
          onChange={(patch) => setControls({ ...controls, ...patch })}
          order={order}
          onOrder={setOrder}
          tags={tags}
          orphanCount={orphans.size}
          filtering={isFiltering(filter)}
          onClear={() => setControls(NO_CONTROLS)}
        />
        <main class="results">
          <BulkBar
            shownCount={shown.length}
            selectedShown={selectedShown}
            selectedCount={selected.size}
            onSelectShown={(checked) =>
              setChecked(
                shown.map((e) => e.annotation.id),
                checked,
              )
            }
            onDeleteSelected={() => void remove([...selected])}
            onExportSelected={() => setExporting('selected')}
          />
          {notice && (
            <p class={notice.error ? 'notice error' : 'notice'} role={notice.error ? 'alert' : 'status'}>
              {notice.text}
            </p>
          )}
          {records.state === 'error' && (
            <p class="notice error" role="alert">
              {t('loadFailed', records.error.message)}
            </p>
          )}
          {records.state === 'ready' && shown.length === 0 && (
            <p class="empty message">{entries.length === 0 ? t('libraryEmpty') : t('noResults')}</p>
          )}
          <VirtualList
            items={shown}
            rowHeight={ROW_HEIGHT}
            label={t('resultsLabel')}
            resetKey={filter}
            itemKey={(e) => e.annotation.id}
            renderRow={(entry) => (
              <LibraryRow
                entry={entry}
                terms={filter.terms}
                selected={selected.has(entry.annotation.id)}
                orphan={orphans.has(entry.annotation.id)}
                versions={differingVersions(entry.annotation, historyById.get(entry.annotation.id)?.versions ?? []).length}
                keptAfterDelete={keptAfterDelete(historyById.get(entry.annotation.id))}
                onVersions={() => setVersionsOf(entry.annotation.id)}
                onSelect={(checked) => setChecked([entry.annotation.id], checked)}
                onShow={() => void open(entry, 'show')}
                onEdit={() => setEditing(entry.annotation.id)}
                onDelete={() => void remove([entry.annotation.id])}
                onReattach={() => void open(entry, 'reattach')}
              />
            )}
          />
          {deleted && <UndoBar message={t('deletedCount', deleted.length)} onUndo={undo} onClose={() => setDeleted(null)} />}
        </main>
      </div>
      {editingEntry && (
        <EditDialog
          annotation={editingEntry.annotation}
          tagSuggestions={tagNames}
          onSave={(patch) => saveNoteAndTags(editingEntry.annotation.id, patch)}
          onClose={() => setEditing(null)}
        />
      )}
      {versionsEntry && (
        <VersionsDialog
          annotation={versionsEntry.annotation}
          versions={historyById.get(versionsEntry.annotation.id)?.versions ?? []}
          onRestore={(version) => restoreVersion(versionsEntry.annotation.id, version)}
          onClose={() => setVersionsOf(null)}
        />
      )}
      {exporting && (
        <ExportDialog
          counts={{ all: entries.length, shown: isFiltering(filter) ? shown.length : null, selected: selected.size }}
          initialChoice={exporting}
          onExport={runExport}
          onClose={() => setExporting(null)}
        />
      )}
      {imported && <ImportReportDialog outcome={imported} onClose={() => setImported(null)} />}
    </div>
  );
}
