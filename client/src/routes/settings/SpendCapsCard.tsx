import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Role } from '../../gql/graphql.js';
import { fieldErrorOf } from '../../apollo/request-failure';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDateTime } from '../../utils/date-time';
import { useSetAccountTimezoneMutation } from './hooks/useSetAccountTimezoneMutation';
import { useSetSpendCapsMutation } from './hooks/useSetSpendCapsMutation';
import { useSpendCaps } from './hooks/useSpendCaps';
import { canSetSpendCaps, capTone, capUsedPercent, capUseText, checkCapInput, timeZoneChoices } from './spend-caps';
import { SettingsCard } from './SettingsCard';

/** Props of {@link SpendCapsCard}. */
export interface SpendCapsCardProps {
  walletId: string;
  currency: string;
  role: Role;
}

interface Period {
  cap: string | null;
  spent: string;
  startsOn: string;
  resetsAt: string;
}

interface Scope {
  scope: 'ACCOUNT' | 'WALLET';
  walletId: string | null;
  currency: string;
  daily: Period;
  monthly: Period;
}

/**
 * The "Spend caps" card: the account's daily and monthly caps in the wallet's currency and the
 * wallet's own, each with this period's spend against the cap (a bar) and when it resets, and the
 * account's timezone that says where a day begins. Owners change them; everyone else reads them.
 */
export function SpendCapsCard({ walletId, currency, role }: SpendCapsCardProps) {
  const query = useSpendCaps();
  const settings = query.data?.spendCaps;
  const editable = canSetSpendCaps(role);
  const scopes = (settings?.caps ?? []) as Scope[];
  const account = scopes.find((scope) => scope.scope === 'ACCOUNT' && scope.currency === currency);
  const wallet = scopes.find((scope) => scope.scope === 'WALLET' && scope.walletId === walletId);

  let body: ReactNode;
  if (settings === undefined) {
    body = query.error ? null : <p className="placeholder">Loading spend caps…</p>;
  } else {
    const none = [account, wallet].every((scope) => !scope || (scope.daily.cap === null && scope.monthly.cap === null));
    body = (
      <>
        {none && <p className="muted">No spend caps are set: spending is limited only by the balance and campaign budgets.</p>}
        <div className="spend-caps">
          {account && (
            <CapScope title={`Account (all ${currency} wallets)`} scope={account} editable={editable} timezone={settings.timezone} />
          )}
          {wallet && <CapScope title="This wallet" scope={wallet} editable={editable} timezone={settings.timezone} />}
        </div>
        <TimezoneSetting timezone={settings.timezone} editable={editable} />
        {!editable && <p className="muted">Only owners of the account can change spend caps.</p>}
      </>
    );
  }

  return (
    <SettingsCard title="Spend caps">
      <p className="muted spend-caps__intro">
        Caps on what calls, messages and charges may spend per day and per month (number purchases, renewals and plan fees do not count). At
        a cap, calls stop within one billing increment and new spend is refused until midnight in the account's timezone (or the 1st, for a
        monthly cap). Alerts at 80 % and at the cap, by e-mail and webhook.
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

/** One scope's two periods, and its form for owners. */
function CapScope({ title, scope, editable, timezone }: { title: string; scope: Scope; editable: boolean; timezone: string }) {
  const headingId = useId();
  return (
    <section className="spend-caps__scope" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <CapProgress label="Today" period={scope.daily} currency={scope.currency} timezone={timezone} />
      <CapProgress label="This month" period={scope.monthly} currency={scope.currency} timezone={timezone} />
      {editable && <CapForm key={`${scope.daily.cap}/${scope.monthly.cap}`} scope={scope} />}
    </section>
  );
}

/** A period's spend against its cap: a bar (none without a cap), the amounts, and when it resets. */
function CapProgress({ label, period, currency, timezone }: { label: string; period: Period; currency: string; timezone: string }) {
  const percent = period.cap === null ? null : capUsedPercent(period.spent, period.cap);
  const tone = percent === null ? 'ok' : capTone(percent);
  return (
    <div className="spend-caps__period">
      <div className="spend-caps__period-line">
        <span className="spend-caps__label">{label}</span>
        <span className={tone === 'reached' ? 'spend-caps__use spend-caps__use--reached' : 'spend-caps__use'}>
          {capUseText(period.spent, period.cap, currency)}
          {percent !== null && ` (${percent} %)`}
        </span>
      </div>
      {percent !== null && (
        <div
          className={`spend-caps__bar spend-caps__bar--${tone}`}
          role="progressbar"
          aria-label={`${label}: ${capUseText(period.spent, period.cap, currency)}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
        >
          <div className="spend-caps__fill" style={{ width: `${percent}%` }} />
        </div>
      )}
      <p className="muted spend-caps__reset">
        {tone === 'reached' ? 'Cap reached: spend is refused until ' : 'Resets '}
        {formatDateTime(period.resetsAt, { timeZone: timezone })}
      </p>
    </div>
  );
}

/** The daily and monthly fields of one scope; empty lifts a cap. */
function CapForm({ scope }: { scope: Scope }) {
  const dailyId = useId();
  const monthlyId = useId();
  const [daily, setDaily] = useState(scope.daily.cap ?? '');
  const [monthly, setMonthly] = useState(scope.monthly.cap ?? '');
  const [errors, setErrors] = useState<{ daily?: string; monthly?: string }>({});
  const [saved, setSaved] = useState(false);
  const [setCaps, saving] = useSetSpendCapsMutation();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const dailyCheck = checkCapInput(daily, scope.currency);
    const monthlyCheck = checkCapInput(monthly, scope.currency);
    const next = {
      daily: dailyCheck.valid ? undefined : dailyCheck.message,
      monthly: monthlyCheck.valid ? undefined : monthlyCheck.message,
    };
    setErrors(next);
    setSaved(false);
    if (!dailyCheck.valid || !monthlyCheck.valid) return;
    try {
      await setCaps({
        variables: {
          input: {
            ...(scope.walletId === null ? { currency: scope.currency } : { walletId: scope.walletId }),
            daily: dailyCheck.cap,
            monthly: monthlyCheck.cap,
          },
        },
      });
      setSaved(true);
    } catch {
      // The mutation's error shows why.
    }
  };

  const dailyError = errors.daily ?? fieldErrorOf(saving.error, 'daily');
  const monthlyError = errors.monthly ?? fieldErrorOf(saving.error, 'monthly');
  const otherError = saving.error && !dailyError && !monthlyError ? saving.error : null;
  const field = (id: string, label: string, value: string, set: (value: string) => void, error: string | null | undefined) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="amount-input">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          placeholder="No cap"
          value={value}
          onChange={(event) => {
            set(event.target.value);
            setSaved(false);
          }}
          aria-invalid={Boolean(error)}
          aria-describedby={`${id}-hint`}
        />
        <span className="amount-input__currency" aria-hidden="true">
          {scope.currency}
        </span>
      </div>
      <p id={`${id}-hint`} className={error ? 'field-error' : 'muted field__hint'}>
        {error ?? 'Leave empty for no cap.'}
      </p>
    </div>
  );

  return (
    <form className="spend-caps__form" onSubmit={(event) => void submit(event)} noValidate aria-busy={saving.loading}>
      <div className="spend-caps__fields">
        {field(dailyId, 'Daily cap', daily, setDaily, dailyError)}
        {field(monthlyId, 'Monthly cap', monthly, setMonthly, monthlyError)}
      </div>
      {otherError && <ErrorNotice error={otherError} />}
      <div className="funding-form__actions">
        <button type="submit" className="button button--primary" disabled={saving.loading}>
          {saving.loading ? 'Saving…' : 'Save caps'}
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

/** The account's timezone: a picker for owners, text for the others. */
function TimezoneSetting({ timezone, editable }: { timezone: string; editable: boolean }) {
  const selectId = useId();
  const [choice, setChoice] = useState(timezone);
  const [setTimezone, saving] = useSetAccountTimezoneMutation();
  const [saved, setSaved] = useState(false);
  if (!editable) {
    return <p className="muted">Days and months begin at midnight in {timezone}.</p>;
  }
  return (
    <form
      className="spend-caps__timezone"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        setTimezone({ variables: { timezone: choice } })
          .then(() => setSaved(true))
          .catch(() => undefined);
      }}
    >
      <div className="field">
        <label htmlFor={selectId}>Account timezone</label>
        <select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)}>
          {timeZoneChoices(timezone).map((zone) => (
            <option key={zone} value={zone}>
              {zone}
            </option>
          ))}
        </select>
        <p className="muted field__hint">Where the caps' days and months begin.</p>
      </div>
      {saving.error && <ErrorNotice error={saving.error} />}
      <div className="funding-form__actions">
        <button type="submit" className="button" disabled={saving.loading || choice === timezone}>
          {saving.loading ? 'Saving…' : 'Save timezone'}
        </button>
        {saved && choice === timezone && (
          <span className="muted" role="status">
            Saved.
          </span>
        )}
      </div>
    </form>
  );
}
