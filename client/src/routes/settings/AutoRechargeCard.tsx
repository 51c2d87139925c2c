import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { AutoRechargeFieldsFragment as AutoRechargeSettings } from '../../gql/graphql.js';
import type { Role } from '../../gql/graphql.js';
import { fieldErrorOf } from '../../apollo/request-failure';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useAutoRecharge } from './hooks/useAutoRecharge';
import { useSetAutoRechargeMutation } from './hooks/useSetAutoRechargeMutation';
import { useSetMonthlyRechargeMutation } from './hooks/useSetMonthlyRechargeMutation';
import {
  autoRechargeState,
  autoRechargeSummary,
  canChangeFunding,
  checkAutoRechargeForm,
  checkMonthlyRechargeForm,
  MONTHLY_RECHARGE_DAYS,
  monthlyRechargeSummary,
  pausedReasonText,
} from './auto-recharge';
import { formatDateTime } from '../../utils/date-time';
import { formatMoney } from '../../utils/money';
import { TOP_UP_MINIMUM_DEFAULT } from '../../utils/top-up-amount';
import { SettingsCard } from './SettingsCard';

/** Failed attempts in a row after which the server pauses auto-recharge (its `autoRechargeFailuresMax`). */
export const AUTO_RECHARGE_FAILURES_BEFORE_PAUSE = 3;

/** Props of {@link AutoRechargeCard}. */
export interface AutoRechargeCardProps {
  walletId: string;
  currency: string;
  role: Role;
  /** Whether the account has a default card (automatic funding charges it); null when unknown. */
  hasDefaultCard: boolean | null;
}

/**
 * The "Automatic funding" card: auto-recharge (below a threshold, back to a target, from the
 * default card) and the monthly recharge, with where they stand (paused and why, failures in a
 * row, a recharge in flight). OWNERs change them; other roles see them read-only.
 */
export function AutoRechargeCard({ walletId, currency, role, hasDefaultCard }: AutoRechargeCardProps) {
  const query = useAutoRecharge(walletId);
  const wallet = query.data?.wallet;
  const editable = canChangeFunding(role);

  let body: ReactNode;
  if (wallet === undefined) {
    body = query.error ? null : <p className="placeholder">Loading automatic funding…</p>;
  } else if (wallet === null) {
    body = <p className="placeholder">This wallet is no longer available.</p>;
  } else {
    const settings = wallet.autoRecharge;
    body = (
      <>
        <FundingStatus settings={settings} currency={currency} />
        {editable ? (
          <>
            {hasDefaultCard === false && (
              <p className="notice notice--warning" role="status">
                Automatic funding charges the account’s default card, and there is none: add a card under “Saved cards” first.
              </p>
            )}
            <FundingForms walletId={walletId} currency={currency} settings={settings} />
          </>
        ) : (
          <p className="muted">Only an owner of the account can change automatic funding.</p>
        )}
      </>
    );
  }

  return (
    <SettingsCard title="Automatic funding">
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

/** Props of {@link FundingStatus}. */
export interface FundingStatusProps {
  /** Null when automatic funding was never set up. */
  settings: AutoRechargeSettings | null;
  currency: string;
}

/** Where automatic funding stands: on, off or paused (when, why, failures in a row), and the monthly recharge. Data-free. */
export function FundingStatus({ settings, currency }: FundingStatusProps) {
  const state = autoRechargeState(settings);
  // On reads green, paused red, off grey (the ledger's pills: credit, failed, completed).
  const pill = (on: boolean) =>
    state === 'paused' && on ? 'status status--failed' : on ? 'badge badge--credit' : 'status status--completed';
  return (
    <section className="funding-status" aria-label="Automatic funding status" aria-live="polite">
      <dl className="summary-lines">
        <div className="summary-lines__row">
          <dt>Auto-recharge</dt>
          <dd>
            <span className={pill(state === 'on' || state === 'paused')}>
              {state === 'on' ? 'On' : state === 'paused' ? 'Paused' : 'Off'}
            </span>
          </dd>
        </div>
        <div className="summary-lines__row">
          <dt>Monthly recharge</dt>
          <dd>
            <span className={pill(settings?.monthlyEnabled === true)}>
              {settings?.monthlyEnabled ? (state === 'paused' ? 'Paused' : 'On') : 'Off'}
            </span>
          </dd>
        </div>
      </dl>
      <p>{autoRechargeSummary(settings, currency)}</p>
      {settings?.monthlyEnabled && <p>Monthly: {monthlyRechargeSummary(settings, currency)}</p>}
      {settings !== null && state === 'paused' && (
        <div className="notice notice--warning">
          <p className="notice__summary">
            Automatic funding is paused{settings.pausedAt !== null ? ` since ${formatDateTime(settings.pausedAt)}` : ''}:{' '}
            {pausedReasonText(settings.pausedReason)}.
          </p>
          <p className="notice__detail">
            {settings.consecutiveFailures > 0
              ? `${settings.consecutiveFailures} failed ${settings.consecutiveFailures === 1 ? 'attempt' : 'attempts'} in a row. `
              : ''}
            Nothing is charged until it is turned on again (the monthly recharge waits too).
          </p>
        </div>
      )}
      {settings !== null && state !== 'paused' && settings.consecutiveFailures > 0 && (
        <p className="field-error">
          {settings.consecutiveFailures} failed {settings.consecutiveFailures === 1 ? 'attempt' : 'attempts'} in a row: it pauses after{' '}
          {AUTO_RECHARGE_FAILURES_BEFORE_PAUSE}.
        </p>
      )}
      {settings?.inFlightTopUpId && <p className="muted">A recharge is being paid now.</p>}
      {settings?.lastAttemptAt && <p className="muted">Last attempt: {formatDateTime(settings.lastAttemptAt)}.</p>}
    </section>
  );
}

/** The two forms and the "Resume" button, wired to their mutations. */
function FundingForms({ walletId, currency, settings }: { walletId: string; currency: string; settings: AutoRechargeSettings | null }) {
  const [setAutoRecharge, autoRecharge] = useSetAutoRechargeMutation();
  const [setMonthlyRecharge, monthlyRecharge] = useSetMonthlyRechargeMutation();
  const [saved, setSaved] = useState<'auto' | 'monthly' | 'resumed' | null>(null);

  const saveAutoRecharge = async (values: { enabled: boolean; threshold: string; target: string }, outcome: 'auto' | 'resumed') => {
    setSaved(null);
    try {
      await setAutoRecharge({ variables: { input: { walletId, ...values } } });
      setSaved(outcome);
    } catch {
      // The mutation's `error` shows why.
    }
  };
  const saveMonthly = async (values: { enabled: boolean; dayOfMonth: number; amount: string }) => {
    setSaved(null);
    try {
      await setMonthlyRecharge({ variables: { input: { walletId, ...values } } });
      setSaved('monthly');
    } catch {
      // The mutation's `error` shows why.
    }
  };

  const paused = settings !== null && autoRechargeState(settings) === 'paused';
  return (
    <div className="funding-forms">
      {paused && settings !== null && (
        <div className="funding-forms__resume">
          <button
            type="button"
            className="button button--primary"
            disabled={autoRecharge.loading}
            onClick={() => void saveAutoRecharge({ enabled: true, threshold: settings.threshold, target: settings.target }, 'resumed')}
          >
            {autoRecharge.loading ? 'Resuming…' : 'Resume automatic funding'}
          </button>
        </div>
      )}
      {saved === 'resumed' && (
        <p className="notice notice--success" role="status">
          Automatic funding is on again.
        </p>
      )}
      <AutoRechargeForm
        currency={currency}
        initial={settings}
        saving={autoRecharge.loading}
        error={autoRecharge.error}
        saved={saved === 'auto'}
        onSave={(values) => void saveAutoRecharge(values, 'auto')}
      />
      <MonthlyRechargeForm
        currency={currency}
        initial={settings}
        saving={monthlyRecharge.loading}
        error={monthlyRecharge.error}
        saved={saved === 'monthly'}
        onSave={(values) => void saveMonthly(values)}
      />
    </div>
  );
}

/** Props of {@link AutoRechargeForm}. */
export interface AutoRechargeFormProps {
  currency: string;
  /** The settings the form starts from; null: never set (off, threshold and target empty). */
  initial: AutoRechargeSettings | null;
  saving: boolean;
  /** Why the last save failed (the server's BAD_USER_INPUT shows under its field). */
  error: unknown;
  /** True right after a save went through. */
  saved: boolean;
  onSave: (values: { enabled: boolean; threshold: string; target: string }) => void;
}

/**
 * Auto-recharge: on or off, the low-balance threshold and the target. Alerts about a low balance
 * have their own thresholds (the "Balance alerts" card).
 */
export function AutoRechargeForm({ currency, initial, saving, error, saved, onSave }: AutoRechargeFormProps) {
  const enabledId = useId();
  const thresholdId = useId();
  const targetId = useId();
  const thresholdMessageId = useId();
  const targetMessageId = useId();
  const [enabled, setEnabled] = useState(initial?.enabled ?? false);
  const [threshold, setThreshold] = useState(initial?.threshold ?? '');
  const [target, setTarget] = useState(initial?.target ?? '');
  const [touched, setTouched] = useState(false);

  const check = checkAutoRechargeForm({ threshold, target }, { currency, minimum: TOP_UP_MINIMUM_DEFAULT });
  const localErrors = touched && !check.valid ? check.errors : {};
  const thresholdError = localErrors.threshold ?? fieldErrorOf(error, 'threshold');
  const targetError = localErrors.target ?? fieldErrorOf(error, 'target');
  const otherError = error && fieldErrorOf(error, 'threshold') === null && fieldErrorOf(error, 'target') === null ? error : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (!check.valid || saving) return;
    onSave({ enabled, threshold: check.threshold, target: check.target });
  };

  return (
    <form className="funding-form" aria-label="Auto-recharge" onSubmit={submit} noValidate aria-busy={saving}>
      <h3>Auto-recharge</h3>
      <label className="choice" htmlFor={enabledId}>
        <input id={enabledId} type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        <span>Top up automatically when the balance runs low</span>
      </label>
      <div className="funding-form__fields">
        <div className="field">
          <label htmlFor={thresholdId}>Low-balance threshold</label>
          <div className="amount-input">
            <input
              id={thresholdId}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={threshold}
              onChange={(event) => setThreshold(event.target.value)}
              aria-invalid={thresholdError !== null && thresholdError !== undefined}
              aria-describedby={thresholdMessageId}
            />
            <span className="amount-input__currency" aria-hidden="true">
              {currency}
            </span>
          </div>
          <p id={thresholdMessageId} className={thresholdError ? 'field-error' : 'muted field__hint'}>
            {thresholdError ?? 'Recharge when the available balance falls below this.'}
          </p>
        </div>
        <div className="field">
          <label htmlFor={targetId}>Top up to</label>
          <div className="amount-input">
            <input
              id={targetId}
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={target}
              onChange={(event) => setTarget(event.target.value)}
              aria-invalid={targetError !== null && targetError !== undefined}
              aria-describedby={targetMessageId}
            />
            <span className="amount-input__currency" aria-hidden="true">
              {currency}
            </span>
          </div>
          <p id={targetMessageId} className={targetError ? 'field-error' : 'muted field__hint'}>
            {targetError ??
              `One payment brings the available balance back to this: at least the threshold plus ${formatMoney(TOP_UP_MINIMUM_DEFAULT, currency)}.`}
          </p>
        </div>
      </div>
      <p className="muted field__hint">
        Low-balance alerts have their own thresholds, under “Balance alerts”. At most 5 recharges a day and 50 a month, 10 minutes apart; 3
        declines in a row pause it.
      </p>
      {otherError && <ErrorNotice error={otherError} />}
      <div className="funding-form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save auto-recharge'}
        </button>
        {saved && (
          <span className="muted" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}

/** Props of {@link MonthlyRechargeForm}. */
export interface MonthlyRechargeFormProps {
  currency: string;
  initial: AutoRechargeSettings | null;
  saving: boolean;
  error: unknown;
  saved: boolean;
  onSave: (values: { enabled: boolean; dayOfMonth: number; amount: string }) => void;
}

/** The monthly recharge: on or off, the day (1–28, UTC) and the whole amount. */
export function MonthlyRechargeForm({ currency, initial, saving, error, saved, onSave }: MonthlyRechargeFormProps) {
  const enabledId = useId();
  const dayId = useId();
  const amountId = useId();
  const amountMessageId = useId();
  const [enabled, setEnabled] = useState(initial?.monthlyEnabled ?? false);
  const [day, setDay] = useState(String(initial?.monthlyDay ?? 1));
  const [amount, setAmount] = useState(initial?.monthlyAmount ?? '');
  const [touched, setTouched] = useState(false);

  const check = checkMonthlyRechargeForm({ dayOfMonth: day, amount }, { currency, minimum: TOP_UP_MINIMUM_DEFAULT });
  const localErrors = touched && !check.valid ? check.errors : {};
  const amountError = localErrors.amount ?? fieldErrorOf(error, 'amount');
  const dayError = localErrors.dayOfMonth ?? fieldErrorOf(error, 'dayOfMonth');
  const otherError = error && fieldErrorOf(error, 'amount') === null && fieldErrorOf(error, 'dayOfMonth') === null ? error : null;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (!check.valid || saving) return;
    onSave({ enabled, dayOfMonth: check.dayOfMonth, amount: check.amount });
  };

  return (
    <form className="funding-form" aria-label="Monthly recharge" onSubmit={submit} noValidate aria-busy={saving}>
      <h3>Monthly recharge</h3>
      <label className="choice" htmlFor={enabledId}>
        <input id={enabledId} type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        <span>Top up a fixed amount every month</span>
      </label>
      <div className="funding-form__fields">
        <div className="field">
          <label htmlFor={dayId}>Day of the month</label>
          <select
            id={dayId}
            value={day}
            onChange={(event) => setDay(event.target.value)}
            aria-invalid={dayError !== null && dayError !== undefined}
          >
            {MONTHLY_RECHARGE_DAYS.map((candidate) => (
              <option key={candidate} value={String(candidate)}>
                {candidate}
              </option>
            ))}
          </select>
          {dayError && <p className="field-error">{dayError}</p>}
        </div>
        <div className="field">
          <label htmlFor={amountId}>Amount</label>
          <div className="amount-input">
            <input
              id={amountId}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
              aria-invalid={amountError !== null && amountError !== undefined}
              aria-describedby={amountMessageId}
            />
            <span className="amount-input__currency" aria-hidden="true">
              {currency}
            </span>
          </div>
          <p id={amountMessageId} className={amountError ? 'field-error' : 'muted field__hint'}>
            {amountError ?? `Whole amounts, at least ${formatMoney(TOP_UP_MINIMUM_DEFAULT, currency)}.`}
          </p>
        </div>
      </div>
      <p className="muted field__hint">
        Days 1–28 (UTC), which every month has. When this month’s day has already passed, the first recharge runs at once.
      </p>
      {otherError && <ErrorNotice error={otherError} />}
      <div className="funding-form__actions">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save monthly recharge'}
        </button>
        {saved && (
          <span className="muted" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
