/**
 * Puts text on the clipboard from the content script. The async Clipboard API exists only on secure (https) pages;
 * on a plain-http page the text is copied the older way, from a hidden text area inside our own shadow root (so the
 * page never sees it), which the reader's click permits.
 */
import { t } from '../../extension/i18n';

/** Copies `text`; `container` (an element of our UI) briefly holds the fallback's text area. Rejects, in the reader's language, when refused. */
export async function writeClipboard(text: string, container: Element): Promise<void> {
  const clipboard = globalThis.navigator?.clipboard;
  if (clipboard && typeof clipboard.writeText === 'function') {
    return clipboard.writeText(text).catch(() => {
      throw new Error(t('copyNotAllowed'));
    });
  }
  const area = container.ownerDocument.createElement('textarea');
  area.value = text;
  area.setAttribute('aria-hidden', 'true');
  Object.assign(area.style, { position: 'fixed', top: '0', left: '0', width: '1px', height: '1px', opacity: '0' });
  container.append(area);
  try {
    area.select();
    if (!container.ownerDocument.execCommand('copy')) throw new Error(t('copyNotAllowed'));
  } finally {
    area.remove();
  }
}
