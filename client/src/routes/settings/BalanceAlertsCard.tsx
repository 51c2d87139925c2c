import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Role } from '../../gql/graphql.js';
import { fieldErrorOf } from '../../apollo/request-failure';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useBalanceAlertThresholds } from './hooks/useBalanceAlertThresholds';
import { useSetLowBalanceThresholdsMutation } from './hooks/useSetLowBalanceThresholdsMutation';
import {
  addThreshold,
  BALANCE_ALERT_THRESHOLDS_MAX,
  canSetBalanceAlerts,
  checkThresholds,
  removeThreshold,
  sameThresholds,
  sortThresholds,
} from './balance-alert-thresholds';
import { BalanceAlertThresholdList } from './BalanceAlertThresholdList';
import { SettingsCard } from './SettingsCard';

/** Props of {@link BalanceAlertsCard}. */
export interface BalanceAlertsCardProps {
  walletId: string;
  currency: string;
  role: Role;
}

/**
 * The "Balance alerts" card: the wallet's low-balance thresholds in its currency. Owners, campaign
 * managers and platform staff add and remove thresholds and save the list; integrators see it
 * read-only (the server refuses them with FORBIDDEN).
 */
export function BalanceAlertsCard({ walletId, currency, role }: BalanceAlertsCardProps) {
  const query = useBalanceAlertThresholds(walletId);
  const [setThresholds, saving] = useSetLowBalanceThresholdsMutation();
  const [saved, setSaved] = useState(false);
  const wallet = query.data?.wallet;
  const editable = canSetBalanceAlerts(role);

  const save = async (thresholds: string[]) => {
    setSaved(false);
    try {
      await setThresholds({ variables: { input: { walletId, thresholds } } });
      setSaved(true);
    } catch {
      // The mutation's `error` shows why.
    }
  };

  let body: ReactNode;
  if (wallet === undefined) {
    body = query.error ? null : <p className="placeholder">Loading balance alerts…</p>;
  } else if (wallet === null) {
    body = <p className="placeholder">This wallet is no longer available.</p>;
  } else if (editable) {
    body = (
      <BalanceAlertsForm
        currency={currency}
        thresholds={wallet.lowBalanceThresholds}
        saving={saving.loading}
        error={saving.error}
        saved={saved}
        onSave={(thresholds) => void save(thresholds)}
        onEdit={() => setSaved(false)}
      />
    );
  } else {
    body = (
      <>
        <BalanceAlertThresholdList thresholds={wallet.lowBalanceThresholds} currency={currency} />
        <p className="muted">Only owners, campaign managers and platform staff can change balance alerts.</p>
      </>
    );
  }

  return (
    <SettingsCard title="Balance alerts">
      <p className="muted balance-alerts__intro">
        When the balance falls to a threshold, an alert goes to the alert feed, by e-mail (to whoever has them on) and to webhooks, once; it
        fires again after the balance has climbed 10 % above the threshold. 0 = when the balance runs out.
      </p>
      {query.error && (
        <ErrorNotice error={query.error}>
          <button type="button" className="button" onClick={() => void query.refetch().catch(() => undefined)}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {body}
    </SettingsCard>
  );
}

/** Props of {@link BalanceAlertsForm}. */
export interface BalanceAlertsFormProps {
  currency: string;
  /** The thresholds as the server has them, highest first. */
  thresholds: readonly string[];
  saving: boolean;
  /** Why the last save failed (the server's BAD_USER_INPUT on `thresholds` shows under the list). */
  error: unknown;
  /** True right after a save went through. */
  saved: boolean;
  /** Called with the list to send: checked, canonical, highest first. */
  onSave: (thresholds: string[]) => void;
  /** Called when the list being edited changes (the "Saved." note no longer applies). */
  onEdit?: () => void;
}

/**
 * The thresholds being edited: "Remove" on each, a field to add one (checked as the server checks
 * it), and "Save" for the whole list, which the server replaces at once. Nothing is sent before
 * Save. When the server's list changes while nothing is being edited, the form follows it.
 */
export function BalanceAlertsForm({ currency, thresholds, saving, error, saved, onSave, onEdit }: BalanceAlertsFormProps) {
  const amountId = useId();
  const amountMessageId = useId();
  const [draft, setDraft] = useState<string[]>(() => sortThresholds(thresholds));
  const [base, setBase] = useState<readonly string[]>(thresholds);
  const [amount, setAmount] = useState('');
  const [amountError, setAmountError] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  // The last save's failure is about the list as it was sent: once edited, it no longer applies.
  const [editedSinceSave, setEditedSinceSave] = useState(false);

  // The server's list changed (a save's answer, a refetch): an untouched draft takes it.
  if (!sameThresholds(base, thresholds)) {
    setBase(thresholds);
    if (sameThresholds(draft, base)) setDraft(sortThresholds(thresholds));
  }

  const dirty = !sameThresholds(draft, thresholds);
  const failure = editedSinceSave ? null : error;
  const serverError = fieldErrorOf(failure, 'thresholds');
  const otherError = failure && serverError === null ? failure : null;
  const shownListError = listError ?? serverError;

  const edit = (next: string[]) => {
    setDraft(next);
    setListError(null);
    setEditedSinceSave(true);
    onEdit?.();
  };

  const add = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = addThreshold(draft, amount, currency);
    if (!result.valid) {
      setAmountError(result.message);
      return;
    }
    setAmount('');
    setAmountError(null);
    edit(result.thresholds);
  };

  const save = () => {
    if (saving) return;
    // An amount typed but not added would silently not be saved: ask for it to be added first.
    if (amount.trim() !== '') {
      setAmountError('Add this threshold, or clear the field, before saving.');
      return;
    }
    const check = checkThresholds(draft, currency);
    if (!check.valid) {
      setListError(check.message);
      return;
    }
    setListError(null);
    setEditedSinceSave(false);
    onSave(check.thresholds);
  };

  const full = draft.length >= BALANCE_ALERT_THRESHOLDS_MAX;
  return (
    <div className="balance-alerts" aria-busy={saving}>
      <BalanceAlertThresholdList
        thresholds={draft}
        currency={currency}
        onRemove={(threshold) => edit(removeThreshold(draft, threshold))}
        disabled={saving}
      />
      {shownListError && (
        <p className="field-error" role="alert">
          {shownListError}
        </p>
      )}
      <form className="balance-alerts__add" aria-label="Add a threshold" onSubmit={add} noValidate>
        <div className="field">
          <label htmlFor={amountId}>New threshold</label>
          <div className="amount-input">
            <input
              id={amountId}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              onChange={(event) => {
                setAmount(event.target.value);
                setAmountError(null);
              }}
              aria-invalid={amountError !== null}
              aria-describedby={amountMessageId}
            />
            <span className="amount-input__currency" aria-hidden="true">
              {currency}
            </span>
          </div>
          <p id={amountMessageId} className={amountError ? 'field-error' : 'muted field__hint'}>
            {amountError ??
              (full
                ? `A wallet has at most ${BALANCE_ALERT_THRESHOLDS_MAX} thresholds: remove one to add another.`
                : `An amount of ${currency}, 0 or more, up to 6 decimal places. At most ${BALANCE_ALERT_THRESHOLDS_MAX} thresholds.`)}
          </p>
        </div>
        <button type="submit" className="button" disabled={saving}>
          Add threshold
        </button>
      </form>
      {otherError && <ErrorNotice error={otherError} />}
      <div className="funding-form__actions">
        <button type="button" className="button button--primary" disabled={saving || !dirty} onClick={save}>
          {saving ? 'Saving…' : 'Save balance alerts'}
        </button>
        {dirty && !saving && (
          <button type="button" className="button button--quiet" onClick={() => edit(sortThresholds(thresholds))}>
            Undo changes
          </button>
        )}
        {saved && !dirty && (
          <span className="muted" role="status">
            Saved.
          </span>
        )}
        {dirty && !saving && <span className="muted">Not saved yet.</span>}
      </div>
    </div>
  );
}
