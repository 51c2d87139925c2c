/** What an alert is about (stored in alert.kind). */
export enum AlertKind {
  LOW_BALANCE = 'LOW_BALANCE',
  BALANCE_DEPLETED = 'BALANCE_DEPLETED',
  BALANCE_RECOVERED = 'BALANCE_RECOVERED',
  CALLS_STOPPED = 'CALLS_STOPPED',
  WALLET_SUSPENDED = 'WALLET_SUSPENDED',
  ACCOUNT_CLOSING = 'ACCOUNT_CLOSING',
  PAYMENT_FAILED = 'PAYMENT_FAILED',
  AUTO_RECHARGE_FAILED = 'AUTO_RECHARGE_FAILED',
  AUTO_RECHARGE_PAUSED = 'AUTO_RECHARGE_PAUSED',
  NUMBER_RENEWAL_FAILED = 'NUMBER_RENEWAL_FAILED',
  BUDGET_REACHED = 'BUDGET_REACHED',
  /** Committed spend reached the warning share (80 %) of a daily or monthly spend cap. */
  SPEND_CAP_WARNING = 'SPEND_CAP_WARNING',
  /** A daily or monthly spend cap is reached: spend that counts is refused until the period resets. */
  SPEND_CAP_REACHED = 'SPEND_CAP_REACHED',
  /** An owner asked for a refund of unused credit: platform staff decide it. */
  REFUND_REQUESTED = 'REFUND_REQUESTED',
  /** A refund request was approved, declined or cancelled. */
  REFUND_REQUEST_CLOSED = 'REFUND_REQUEST_CLOSED',
  /** An approved refund request's card refund failed at the payment provider: its credit is back in the wallet, staff retry it. */
  REFUND_REQUEST_FAILED = 'REFUND_REQUEST_FAILED',
  /** A number stopped being held without the customer asking: its grace ended, or its account was closed. */
  NUMBER_RELEASED = 'NUMBER_RELEASED',
  SENDER_ID_APPROVED = 'SENDER_ID_APPROVED',
  SENDER_ID_REJECTED = 'SENDER_ID_REJECTED',
  /** A sender ID's monthly renewal could not be paid (grace, or owed while the wallet is suspended). */
  SENDER_ID_RENEWAL_FAILED = 'SENDER_ID_RENEWAL_FAILED',
  /** A sender ID was cancelled without the customer asking: its grace ended, or its account was closed. */
  SENDER_ID_CANCELLED = 'SENDER_ID_CANCELLED',
}

/** How urgent an alert is (stored in alert.severity). */
export enum AlertSeverity {
  /** Good news or a record: nothing to do. */
  INFO = 'INFO',
  /** Something needs attention soon (money running low, a payment declined). */
  WARNING = 'WARNING',
  /** Service is interrupted or about to be (calls stopped, wallet suspended, account closing). */
  CRITICAL = 'CRITICAL',
}

/** The severity each kind is raised with. */
export const ALERT_SEVERITY: Readonly<Record<AlertKind, AlertSeverity>> = Object.freeze({
  [AlertKind.LOW_BALANCE]: AlertSeverity.WARNING,
  [AlertKind.BALANCE_DEPLETED]: AlertSeverity.CRITICAL,
  [AlertKind.BALANCE_RECOVERED]: AlertSeverity.INFO,
  [AlertKind.CALLS_STOPPED]: AlertSeverity.CRITICAL,
  [AlertKind.WALLET_SUSPENDED]: AlertSeverity.CRITICAL,
  [AlertKind.ACCOUNT_CLOSING]: AlertSeverity.CRITICAL,
  [AlertKind.PAYMENT_FAILED]: AlertSeverity.WARNING,
  [AlertKind.AUTO_RECHARGE_FAILED]: AlertSeverity.WARNING,
  [AlertKind.AUTO_RECHARGE_PAUSED]: AlertSeverity.CRITICAL,
  [AlertKind.NUMBER_RENEWAL_FAILED]: AlertSeverity.WARNING,
  [AlertKind.BUDGET_REACHED]: AlertSeverity.WARNING,
  [AlertKind.SPEND_CAP_WARNING]: AlertSeverity.WARNING,
  [AlertKind.SPEND_CAP_REACHED]: AlertSeverity.CRITICAL,
  [AlertKind.REFUND_REQUESTED]: AlertSeverity.WARNING,
  [AlertKind.REFUND_REQUEST_CLOSED]: AlertSeverity.INFO,
  [AlertKind.REFUND_REQUEST_FAILED]: AlertSeverity.WARNING,
  [AlertKind.NUMBER_RELEASED]: AlertSeverity.CRITICAL,
  [AlertKind.SENDER_ID_APPROVED]: AlertSeverity.INFO,
  [AlertKind.SENDER_ID_REJECTED]: AlertSeverity.WARNING,
  [AlertKind.SENDER_ID_RENEWAL_FAILED]: AlertSeverity.WARNING,
  [AlertKind.SENDER_ID_CANCELLED]: AlertSeverity.CRITICAL,
});

/** Whether `text` names an {@link AlertKind}. */
export function isAlertKind(text: string): text is AlertKind {
  return Object.hasOwn(AlertKind, text);
}
