import { useState } from 'preact/hooks';
import type { Annotation, AnnotationTranslation, HighlightColor } from '../../lib/core/model/annotation';
import { differingVersions, type RestorableField, type VersionInfo } from '../../lib/core/sync/annotation-history';
import type { MessageError } from '../../lib/extension/messaging/messages';
import { t, type MessageKey } from '../../lib/extension/i18n';
import { Dialog } from './Dialog';

interface Props {
  annotation: Annotation;
  /** Its earlier versions from sync, newest first. */
  versions: readonly VersionInfo[];
  /** Makes `version` the current value; resolves to the error when that failed. */
  onRestore: (version: VersionInfo) => Promise<MessageError | null>;
  onClose: () => void;
}

/** Each field's name in the list, and the accessible name of its Restore button ("Restore note: …"). */
const FIELD_TEXT: Record<RestorableField, { label: MessageKey; restore: MessageKey }> = {
  color: { label: 'versionFieldColor', restore: 'restoreColor' },
  note: { label: 'versionFieldNote', restore: 'restoreNote' },
  tags: { label: 'versionFieldTags', restore: 'restoreTags' },
  translation: { label: 'versionFieldTranslation', restore: 'restoreTranslation' },
};

/** A version's value in words (validated in the background: each field has its model's shape). */
function valueText(version: VersionInfo): string {
  switch (version.field) {
    case 'color':
      return t(`color_${version.value as HighlightColor}`);
    case 'note':
      return (version.value as string) || t('versionNoNote');
    case 'tags':
      return (version.value as string[]).join(', ') || t('versionNoTags');
    case 'translation':
      return (version.value as AnnotationTranslation | null)?.text ?? t('versionNoTranslation');
  }
}

/**
 * The earlier versions sync kept of one annotation's colour, note, tags and translation (a conflict's losing edit, or
 * a value replaced before), each with when and where it was made and a Restore button that makes it current again
 * (a normal edit, so it syncs). Values equal to the current one are left out.
 */
export function VersionsDialog({ annotation, versions, onRestore, onClose }: Props) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = differingVersions(annotation, versions);
  const restore = async (version: VersionInfo) => {
    setBusy(true);
    const failure = await onRestore(version);
    setBusy(false);
    setError(failure && t('restoreFailed', failure.message));
  };
  return (
    <Dialog title={t('versionsTitle')} onClose={onClose}>
      {shown.length === 0 ? (
        <p class="empty message">{t('versionsNone')}</p>
      ) : (
        <ul class="versions">
          {shown.map((version) => {
            const value = valueText(version);
            const when = new Date(version.at).toLocaleString();
            return (
              <li key={`${version.field}\u0000${version.at}\u0000${value}`}>
                <span class="version-field">{t(FIELD_TEXT[version.field].label)}</span> <span class="version-value">{value}</span>{' '}
                <span class="version-when">
                  {version.thisDevice ? t('versionOnThisDevice', when) : t('versionOnAnotherDevice', when)}
                </span>{' '}
                <button
                  type="button"
                  class="button"
                  disabled={busy}
                  aria-label={t(FIELD_TEXT[version.field].restore, value)}
                  onClick={() => void restore(version)}
                >
                  {t('restoreVersion')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
