import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';

interface Props {
  title: string;
  /** Called for Esc and the close button; the dialog stays open until the parent stops rendering it. */
  onClose: () => void;
  children: ComponentChildren;
}

/** A modal dialog (native `<dialog>`: focus stays inside, Esc closes) with a heading and a close button. */
export function Dialog({ title, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current!;
    dialog.showModal();
    return () => dialog.close();
  }, []);
  return (
    <dialog
      ref={ref}
      class="library-dialog"
      aria-label={title}
      onCancel={(e) => {
        // Esc: let the parent decide (an editor saves first), rather than the browser closing it.
        e.preventDefault();
        onClose();
      }}
    >
      <header class="library-dialog-header">
        <h2>{title}</h2>
        <button type="button" class="icon-button" aria-label={t('close')} title={t('close')} onClick={onClose}>
          ×
        </button>
      </header>
      {children}
    </dialog>
  );
}
