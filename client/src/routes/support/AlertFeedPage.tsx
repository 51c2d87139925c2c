import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { AlertSeverity, SupportAlertFieldsFragment } from '../../gql/graphql.js';
import { formatDateTime } from '../../utils/date-time';
import { enumLabel } from '../../utils/enum-label';
import { actorLabel } from './actor-label';
import { ALERT_KIND_LABELS, ALERT_SEVERITIES, feedOrder, isAccountId, isAlertKind, isAlertSeverity } from './alert-feed';
import { useAlertFeed, type AlertFeedFilters } from './hooks/useAlertFeed';
import { supportAccountPath } from './support-paths';

/** Props of {@link AlertFeedPage}. */
export interface AlertFeedPageProps {
  navigate: (path: string) => void;
}

/**
 * The live cross-account alert feed: filters by kind, severity and account (kept in the address,
 * `?kind=…&severity=…&account=…`), unacknowledged alerts first, acknowledge one or the selected
 * ones, and who acknowledged each and when.
 */
export function AlertFeedPage({ navigate }: AlertFeedPageProps) {
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind') ?? '';
  const severityParam = params.get('severity') ?? '';
  const accountParam = params.get('account') ?? '';
  const filters: AlertFeedFilters = {
    kind: isAlertKind(kindParam) ? kindParam : null,
    accountId: isAccountId(accountParam) ? accountParam.toLowerCase() : null,
  };
  const severity: AlertSeverity | null = isAlertSeverity(severityParam) ? severityParam : null;
  const [accountText, setAccountText] = useState(accountParam);
  const accountInvalid = accountText.trim() !== '' && !isAccountId(accountText.trim());
  const ids = { kind: useId(), severity: useId(), account: useId() };

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name);
    else next.set(name, value);
    setParams(next, { replace: true });
  };

  return (
    <section className="card" aria-label="Alert feed">
      <div className="section-header">
        <h2>Alert feed</h2>
        <p className="muted">Live, every account. Unacknowledged first.</p>
      </div>
      <form
        className="filters"
        aria-label="Alert filters"
        onSubmit={(event) => {
          event.preventDefault();
          if (!accountInvalid) setFilter('account', accountText.trim());
        }}
      >
        <div className="field--inline">
          <label htmlFor={ids.kind}>Kind</label>
          <select id={ids.kind} value={filters.kind ?? ''} onChange={(event) => setFilter('kind', event.target.value)}>
            <option value="">All kinds</option>
            {Object.entries(ALERT_KIND_LABELS).map(([kind, label]) => (
              <option key={kind} value={kind}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field--inline">
          <label htmlFor={ids.severity}>Severity</label>
          <select id={ids.severity} value={severity ?? ''} onChange={(event) => setFilter('severity', event.target.value)}>
            <option value="">All severities</option>
            {ALERT_SEVERITIES.map((value) => (
              <option key={value} value={value}>
                {enumLabel(value)}
              </option>
            ))}
          </select>
        </div>
        <div className="field--inline support-filters__account">
          <label htmlFor={ids.account}>Account id</label>
          <input
            id={ids.account}
            value={accountText}
            placeholder="Any account"
            aria-invalid={accountInvalid}
            onChange={(event) => setAccountText(event.target.value)}
          />
          <button type="submit" className="button" disabled={accountInvalid}>
            Apply
          </button>
          {filters.accountId !== null && (
            <button
              type="button"
              className="button button--quiet"
              onClick={() => {
                setAccountText('');
                setFilter('account', '');
              }}
            >
              Any account
            </button>
          )}
        </div>
        {accountInvalid && <p className="field-error">An account id looks like 8-4-4-4-12 hexadecimal digits.</p>}
      </form>
      <AlertFeedList key={`${filters.kind}|${filters.accountId}`} filters={filters} severity={severity} navigate={navigate} />
    </section>
  );
}

/** The feed of one set of server-side filters (remounted when they change: a new feed). */
function AlertFeedList({
  filters,
  severity,
  navigate,
}: {
  filters: AlertFeedFilters;
  severity: AlertSeverity | null;
  navigate: (path: string) => void;
}) {
  const feed = useAlertFeed(filters);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [result, setResult] = useState<string | null>(null);
  const shown = feedOrder(feed.alerts, severity);
  const selectable = shown.filter((alert) => alert.acknowledgedAt === null);
  const selectedShown = selectable.filter((alert) => selected.has(alert.id)).map((alert) => alert.id);

  const acknowledge = async (alertIds: string[]) => {
    const failure = await feed.acknowledge(alertIds);
    if (failure !== null) return failure;
    setSelected((previous) => new Set([...previous].filter((id) => !alertIds.includes(id))));
    setResult(alertIds.length === 1 ? 'Alert acknowledged.' : `${alertIds.length} alerts acknowledged.`);
    return null;
  };

  if (feed.loading) return <p className="placeholder">Loading alerts…</p>;
  if (feed.error) return <ErrorNotice error={feed.error} />;
  return (
    <>
      {feed.liveError && (
        <ErrorNotice error={feed.liveError}>
          <span>New alerts are not arriving: use Refresh.</span>
        </ErrorNotice>
      )}
      <div className="support-feed__toolbar">
        <p className="muted" aria-live="polite">
          {selectable.length} unacknowledged{feed.moreUnacknowledged ? ' (more than loaded)' : ''} · {shown.length - selectable.length}{' '}
          acknowledged
        </p>
        <button
          type="button"
          className="button"
          disabled={selectedShown.length === 0 || feed.acknowledging}
          onClick={() => {
            setConfirmError(null);
            setConfirming(selectedShown);
          }}
        >
          Acknowledge selected ({selectedShown.length})
        </button>
      </div>
      {result && (
        <p className="notice notice--success" role="status">
          {result}
        </p>
      )}
      {shown.length === 0 ? (
        <p className="placeholder">No alerts match these filters.</p>
      ) : (
        <ul className="support-feed" aria-label="Alerts">
          {shown.map((alert) => (
            <AlertItem
              key={alert.id}
              alert={alert}
              selected={selected.has(alert.id)}
              busy={feed.acknowledging}
              onSelect={(checked) =>
                setSelected((previous) => {
                  const next = new Set(previous);
                  if (checked) next.add(alert.id);
                  else next.delete(alert.id);
                  return next;
                })
              }
              onAcknowledge={async () => {
                const failure = await acknowledge([alert.id]);
                if (failure !== null) setResult(`Not acknowledged: ${failure}`);
              }}
              onOpenAccount={() => navigate(supportAccountPath(alert.accountId))}
            />
          ))}
        </ul>
      )}
      {confirming && (
        <ConfirmDialog
          title={`Acknowledge ${confirming.length} alert${confirming.length === 1 ? '' : 's'}?`}
          confirmLabel="Acknowledge"
          busy={feed.acknowledging}
          error={confirmError}
          onCancel={() => setConfirming(null)}
          onConfirm={async () => {
            const failure = await acknowledge(confirming);
            if (failure === null) setConfirming(null);
            else setConfirmError(failure);
          }}
        >
          <p>They are recorded as acknowledged by you, now; the account's people see that staff acknowledged them.</p>
        </ConfirmDialog>
      )}
    </>
  );
}

interface AlertItemProps {
  alert: SupportAlertFieldsFragment;
  selected: boolean;
  busy: boolean;
  onSelect: (checked: boolean) => void;
  onAcknowledge: () => void;
  onOpenAccount: () => void;
}

/** One alert of the feed. */
function AlertItem({ alert, selected, busy, onSelect, onAcknowledge, onOpenAccount }: AlertItemProps) {
  const checkboxId = useId();
  const acknowledged = alert.acknowledgedAt !== null;
  return (
    <li
      className={`support-alert support-alert--${alert.severity.toLowerCase()}${acknowledged ? ' support-alert--acknowledged' : ''}`}
      aria-label={`${ALERT_KIND_LABELS[alert.kind]} alert ${alert.position}`}
    >
      <div className="support-alert__head">
        {!acknowledged && (
          <input
            id={checkboxId}
            type="checkbox"
            checked={selected}
            onChange={(event) => onSelect(event.target.checked)}
            aria-label="Select"
          />
        )}
        <span className={`status support-severity--${alert.severity.toLowerCase()}`}>{enumLabel(alert.severity)}</span>
        <strong>{ALERT_KIND_LABELS[alert.kind]}</strong>
        <span className="muted">{formatDateTime(alert.raisedAt)}</span>
      </div>
      <p className="support-alert__message">{alert.message}</p>
      <div className="support-alert__foot">
        <a
          href={supportAccountPath(alert.accountId)}
          onClick={(event) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
            event.preventDefault();
            onOpenAccount();
          }}
        >
          Account <code>{alert.accountId.slice(0, 8)}</code>
        </a>
        {acknowledged ? (
          <span className="support-alert__acknowledged">
            Acknowledged {formatDateTime(alert.acknowledgedAt!)}
            {alert.acknowledger ? ` by ${actorLabel(alert.acknowledger)}` : ''}
          </span>
        ) : (
          <button type="button" className="button" disabled={busy} onClick={onAcknowledge}>
            Acknowledge
          </button>
        )}
      </div>
    </li>
  );
}
