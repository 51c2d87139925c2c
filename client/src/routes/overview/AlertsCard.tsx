import type { ErrorLike } from '@apollo/client';
import { describeError } from '../../apollo/describe-error';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { OverviewAlertFieldsFragment as OverviewAlert } from '../../gql/graphql.js';
import { formatDateTime } from '../../utils/date-time';
import { enumLabel } from '../../utils/enum-label';

/** Props of {@link AlertsCard}. */
export interface AlertsCardProps {
  /** Unacknowledged alerts, newest first; null while loading. */
  alerts: readonly OverviewAlert[] | null;
  /** Whether the account has more than those listed. */
  more: boolean;
  error: unknown;
  /** Whether the caller's role may acknowledge (others see the alerts read-only). */
  canAcknowledge: boolean;
  /** Ids of alerts being acknowledged now. */
  acknowledging: ReadonlySet<string>;
  /** Why acknowledging failed, by alert id. */
  acknowledgeErrors: ReadonlyMap<string, ErrorLike>;
  onAcknowledge: (id: string) => void;
  onRetry: () => void;
}

/** One alert: severity, kind, when, what happened, and Acknowledge (for roles that may). */
function AlertItem({
  alert,
  canAcknowledge,
  busy,
  error,
  onAcknowledge,
}: {
  alert: OverviewAlert;
  canAcknowledge: boolean;
  busy: boolean;
  error: ErrorLike | undefined;
  onAcknowledge: (id: string) => void;
}) {
  const kind = enumLabel(alert.kind);
  const messageId = `overview-alert-${alert.id}`;
  return (
    <li className={`alert-item alert-item--${alert.severity.toLowerCase()}`} data-alert-kind={alert.kind} aria-label={kind}>
      <div className="alert-item__text">
        <p className="alert-item__title">
          <span className={`alert-severity alert-severity--${alert.severity.toLowerCase()}`}>{enumLabel(alert.severity)}</span>{' '}
          <strong>{kind}</strong>{' '}
          <time className="muted alert-item__time" dateTime={alert.raisedAt}>
            {formatDateTime(alert.raisedAt)}
          </time>
        </p>
        <p id={messageId} className="alert-item__message">
          {alert.message}
        </p>
        {error && (
          <p className="field-error" role="alert">
            Could not acknowledge: {describeError(error).summary}
          </p>
        )}
      </div>
      {canAcknowledge && (
        <div className="alert-item__action">
          <button type="button" className="button" aria-describedby={messageId} disabled={busy} onClick={() => onAcknowledge(alert.id)}>
            {busy ? 'Acknowledging…' : 'Acknowledge'}
          </button>
        </div>
      )}
    </li>
  );
}

/**
 * The account's unacknowledged alerts (low balance, depleted, calls stopped, payments failed…),
 * newest first and live, each with its severity, kind, time and message, and "Acknowledge" for the
 * roles that may; loading, empty ("No alerts") and error states.
 */
export function AlertsCard({
  alerts,
  more,
  error,
  canAcknowledge,
  acknowledging,
  acknowledgeErrors,
  onAcknowledge,
  onRetry,
}: AlertsCardProps) {
  return (
    <section className="card" aria-labelledby="overview-alerts-heading">
      <div className="section-header">
        <h2 id="overview-alerts-heading">
          Alerts
          {alerts !== null && alerts.length > 0 && <span className="muted"> ({alerts.length})</span>}
        </h2>
      </div>
      {error != null && (
        <ErrorNotice error={error}>
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        </ErrorNotice>
      )}
      {alerts === null ? (
        error == null && <p className="placeholder">Loading alerts…</p>
      ) : alerts.length === 0 ? (
        <p className="placeholder">No alerts</p>
      ) : (
        <ul className="alert-list" aria-label="Unacknowledged alerts">
          {alerts.map((alert) => (
            <AlertItem
              key={alert.id}
              alert={alert}
              canAcknowledge={canAcknowledge}
              busy={acknowledging.has(alert.id)}
              error={acknowledgeErrors.get(alert.id)}
              onAcknowledge={onAcknowledge}
            />
          ))}
        </ul>
      )}
      {alerts !== null && more && <p className="muted overview-card__note">Older unacknowledged alerts are not listed here.</p>}
      {alerts !== null && alerts.length > 0 && !canAcknowledge && (
        <p className="muted overview-card__note">Read-only: an owner or campaign manager can acknowledge alerts.</p>
      )}
    </section>
  );
}
