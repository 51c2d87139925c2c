import { type ReactNode, useEffect, useId, useRef } from 'react';

/** Props of {@link ConfirmDialog}. */
export interface ConfirmDialogProps {
  /** The question, e.g. "Grant $25.00 to Acme?". */
  title: string;
  /** What will happen, in a sentence or two; a form's fields may go here too. */
  children?: ReactNode;
  /** The confirming button's words, e.g. "Grant $25.00". */
  confirmLabel: string;
  /** A destructive action's button is styled as a warning. */
  destructive?: boolean;
  /** True while the action runs: both buttons are disabled. */
  busy?: boolean;
  /** Why the last attempt failed, shown in the dialog (role alert); null when none. */
  error?: string | null;
  onConfirm: () => void;
  /** Cancel, Escape, or a click on the backdrop. */
  onCancel: () => void;
}

/**
 * A modal confirmation: a native `<dialog>` opened with `showModal()`, so focus moves into it (to
 * the first control, or Cancel), the rest of the page is inert, Escape cancels, and on close the
 * focus returns to what had it before (the button that opened it). Mount it to open it; unmount it
 * (or let `onCancel`/`onConfirm` do so) to close it.
 */
export function ConfirmDialog({ title, children, confirmLabel, destructive, busy, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // Focus the first field when the dialog has one, else Cancel (the safe choice).
    const firstField = dialog.querySelector<HTMLElement>('input, select, textarea');
    (firstField ?? cancelRef.current)?.focus();
    return () => {
      if (dialog.open) dialog.close();
      // Unmounted: the dialog element left the document, so the browser cannot restore focus itself.
      if (opener?.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className="dialog confirm-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) onConfirm();
        }}
      >
        <h2 id={titleId}>{title}</h2>
        {children}
        {error && (
          <p className="field-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="submit" className={destructive ? 'button button--danger' : 'button button--primary'} disabled={busy}>
            {busy ? 'Working…' : confirmLabel}
          </button>
          <button ref={cancelRef} type="button" className="button" disabled={busy} onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
