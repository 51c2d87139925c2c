/**
 * What a customer can be e-mailed about (the dashboard's Notification Settings): eight alert
 * kinds and the receipt of a card top-up. Each user turns e-mail on or off per kind; on by default.
 */
export enum NotificationKind {
  LOW_BALANCE = 'LOW_BALANCE',
  BALANCE_DEPLETED = 'BALANCE_DEPLETED',
  PAYMENT_FAILED = 'PAYMENT_FAILED',
  AUTO_RECHARGE_FAILED = 'AUTO_RECHARGE_FAILED',
  AUTO_RECHARGE_PAUSED = 'AUTO_RECHARGE_PAUSED',
  ACCOUNT_CLOSING = 'ACCOUNT_CLOSING',
  TOP_UP_RECEIPT = 'TOP_UP_RECEIPT',
  SPEND_CAP_WARNING = 'SPEND_CAP_WARNING',
  SPEND_CAP_REACHED = 'SPEND_CAP_REACHED',
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
  NotificationKind.SPEND_CAP_WARNING,
  NotificationKind.SPEND_CAP_REACHED,
]);

/** Returns true when `kind` is a {@link NotificationKind}. */
export function isNotificationKind(kind: string): kind is NotificationKind {
  return (NOTIFICATION_KINDS as readonly string[]).includes(kind);
}
