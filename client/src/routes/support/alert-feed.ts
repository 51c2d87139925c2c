/**
 * The alert feed's pure rules: merging the loaded pages with live alerts and acknowledgements,
 * the order (unacknowledged first, then newest), and the filters' choices.
 */
import type { AlertKind, AlertSeverity } from '../../gql/graphql.js';

/** The fields of an alert these rules read. */
export interface FeedAlert {
  id: string;
  position: string;
  severity: AlertSeverity;
  acknowledgedAt: string | null;
}

/** Every alert kind, in the order the filter lists them (a kind added to the schema fails type-checking here until listed). */
export const ALERT_KIND_LABELS: Readonly<Record<AlertKind, string>> = {
  LOW_BALANCE: 'Low balance',
  BALANCE_DEPLETED: 'Balance depleted',
  BALANCE_RECOVERED: 'Balance recovered',
  CALLS_STOPPED: 'Calls stopped',
  WALLET_SUSPENDED: 'Wallet suspended',
  ACCOUNT_CLOSING: 'Account closing',
  PAYMENT_FAILED: 'Payment failed',
  AUTO_RECHARGE_FAILED: 'Auto-recharge failed',
  AUTO_RECHARGE_PAUSED: 'Auto-recharge paused',
  NUMBER_RENEWAL_FAILED: 'Number renewal failed',
  BUDGET_REACHED: 'Budget reached',
  SPEND_CAP_WARNING: 'Spend cap at 80 %',
  SPEND_CAP_REACHED: 'Spend cap reached',
  REFUND_REQUESTED: 'Refund requested',
  REFUND_REQUEST_CLOSED: 'Refund request closed',
  REFUND_REQUEST_FAILED: 'Refund to card failed',
  NUMBER_RELEASED: 'Number released',
  SENDER_ID_APPROVED: 'Sender ID approved',
  SENDER_ID_REJECTED: 'Sender ID rejected',
  SENDER_ID_RENEWAL_FAILED: 'Sender ID renewal failed',
  SENDER_ID_CANCELLED: 'Sender ID cancelled',
};

/** Every severity, most urgent first. */
export const ALERT_SEVERITIES: readonly AlertSeverity[] = ['CRITICAL', 'WARNING', 'INFO'];

/** Whether `kind` names an alert kind (a filter read from the address bar). */
export function isAlertKind(kind: string): kind is AlertKind {
  return Object.hasOwn(ALERT_KIND_LABELS, kind);
}

/** Whether `severity` names a severity. */
export function isAlertSeverity(severity: string): severity is AlertSeverity {
  return (ALERT_SEVERITIES as readonly string[]).includes(severity);
}

/** Positions are decimal strings beyond 2^53: compared as bigint. */
function comparePositionsDescending(left: string, right: string): number {
  const a = BigInt(left);
  const b = BigInt(right);
  return a === b ? 0 : a > b ? -1 : 1;
}

/**
 * Every alert of `lists` once, by id. An acknowledgement is never undone, so of two versions of
 * an alert the acknowledged one wins (a live copy received before the acknowledgement is stale).
 */
export function mergeAlerts<A extends FeedAlert>(...lists: readonly (readonly A[])[]): A[] {
  const byId = new Map<string, A>();
  for (const list of lists) {
    for (const alert of list) {
      const known = byId.get(alert.id);
      if (known === undefined || (known.acknowledgedAt === null && alert.acknowledgedAt !== null)) byId.set(alert.id, alert);
    }
  }
  return [...byId.values()];
}

/** Unacknowledged first, then newest first (by feed position), of `severity` only when given. */
export function feedOrder<A extends FeedAlert>(alerts: readonly A[], severity: AlertSeverity | null = null): A[] {
  return alerts
    .filter((alert) => severity === null || alert.severity === severity)
    .sort((left, right) => {
      const acknowledged = Number(left.acknowledgedAt !== null) - Number(right.acknowledgedAt !== null);
      return acknowledged !== 0 ? acknowledged : comparePositionsDescending(left.position, right.position);
    });
}

/** The position to resume the live feed after: the newest alert loaded, or "0" (from the first) when none is. */
export function resumePositionOf(alerts: readonly FeedAlert[]): string {
  let highest = '0';
  for (const alert of alerts) if (comparePositionsDescending(alert.position, highest) < 0) highest = alert.position;
  return highest;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `text` is an account id (a UUID): the account filter sends nothing else. */
export function isAccountId(text: string): boolean {
  return UUID_PATTERN.test(text);
}
