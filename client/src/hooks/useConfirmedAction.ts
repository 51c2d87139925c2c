import { useCallback, useState } from 'react';

/** What {@link useConfirmedAction} gives a page. */
export interface ConfirmedAction<T> {
  /** What the open dialog is about; null while no dialog is open. */
  target: T | null;
  /** True while the confirmed action runs (both dialog buttons are disabled). */
  busy: boolean;
  /** Why the last attempt failed (or a check before it), shown in the dialog; null when none. */
  error: string | null;
  /** Opens the dialog about `next`, forgetting an earlier error. */
  open(next: T): void;
  /** Closes the dialog (not while the action runs). */
  close(): void;
  /** Shows `message` in the open dialog without running anything (a field left empty). */
  refuse(message: string): void;
  /**
   * Runs `action` on the target: on success the dialog closes and `true` is returned; on failure
   * the dialog stays open with the failure in words and `false` is returned.
   */
  confirm(action: (target: T) => Promise<void>): Promise<boolean>;
}

/**
 * The wiring of a confirmed action shared by the dashboard's pages: which row the dialog is about,
 * busy while it runs, the failure kept in the dialog (in the words of `describeFailure`), closed on
 * success. Spread `{ busy, error, onCancel: close }` into `ConfirmDialog`.
 */
export function useConfirmedAction<T>(describeFailure: (error: unknown) => string): ConfirmedAction<T> {
  const [target, setTarget] = useState<T | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = useCallback((next: T) => {
    setError(null);
    setTarget(next);
  }, []);
  const close = useCallback(() => {
    if (!busy) setTarget(null);
  }, [busy]);
  const confirm = async (action: (target: T) => Promise<void>): Promise<boolean> => {
    if (target === null) return false;
    setBusy(true);
    setError(null);
    try {
      await action(target);
      setTarget(null);
      return true;
    } catch (failure) {
      setError(describeFailure(failure));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { target, busy, error, open, close, refuse: setError, confirm };
}
