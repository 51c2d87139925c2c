/**
 * What a customer can be e-mailed about (the dashboard's Notification Settings): alert kinds
 * (balance, payments, closing, number renewals and releases, sender IDs) and the receipt of a card top-up. Each user turns e-mail on or off per kind; on by default.
 */
export enum NotificationKind {
  LOW_BALANCE = 'LOW_BALANCE',
  BALANCE_DEPLETED = 'BALANCE_DEPLETED',
  PAYMENT_FAILED = 'PAYMENT_FAILED',
  AUTO_RECHARGE_FAILED = 'AUTO_RECHARGE_FAILED',
  AUTO_RECHARGE_PAUSED = 'AUTO_RECHARGE_PAUSED',
  ACCOUNT_CLOSING = 'ACCOUNT_CLOSING',
  TOP_UP_RECEIPT = 'TOP_UP_RECEIPT',
  NUMBER_RENEWAL_FAILED = 'NUMBER_RENEWAL_FAILED',
  NUMBER_RELEASED = 'NUMBER_RELEASED',
  SENDER_ID_APPROVED = 'SENDER_ID_APPROVED',
  SENDER_ID_REJECTED = 'SENDER_ID_REJECTED',
  SENDER_ID_RENEWAL_FAILED = 'SENDER_ID_RENEWAL_FAILED',
  SENDER_ID_CANCELLED = 'SENDER_ID_CANCELLED',
}

/** Every kind, in the order settings list them. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = Object.values(NotificationKind);

/** Whether e-mail is on for a kind when the user has not chosen. */
export const NOTIFICATION_EMAIL_DEFAULT = true;

/** The alert kinds that are mailed (an alert's kind is the notification's); the others are only in the feed. */
export const MAILED_ALERT_KINDS: ReadonlySet<string> = new Set<string>([
  NotificationKind.LOW_BALANCE,
  NotificationKind.BALANCE_DEPLETED,
  NotificationKind.PAYMENT_FAILED,
  NotificationKind.AUTO_RECHARGE_FAILED,
  NotificationKind.AUTO_RECHARGE_PAUSED,
  NotificationKind.ACCOUNT_CLOSING,
  NotificationKind.NUMBER_RENEWAL_FAILED,
  NotificationKind.NUMBER_RELEASED,
  NotificationKind.SENDER_ID_APPROVED,
  NotificationKind.SENDER_ID_REJECTED,
  NotificationKind.SENDER_ID_RENEWAL_FAILED,
  NotificationKind.SENDER_ID_CANCELLED,
]);

/** Returns true when `kind` is a {@link NotificationKind}. */
export function isNotificationKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}
