/**
 * What a customer can be e-mailed about (the dashboard's Notification Settings): alert kinds
 * (balance, payments, closing, number renewals and releases, sender IDs, spend caps), the receipt of a card top-up,
 * and the daily and monthly usage reports. Each user turns e-mail on or off per kind; on by default,
 * except the reports, which are opt-in.
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
  NUMBER_RENEWAL_FAILED = 'NUMBER_RENEWAL_FAILED',
  NUMBER_RELEASED = 'NUMBER_RELEASED',
  SENDER_ID_APPROVED = 'SENDER_ID_APPROVED',
  SENDER_ID_REJECTED = 'SENDER_ID_REJECTED',
  SENDER_ID_RENEWAL_FAILED = 'SENDER_ID_RENEWAL_FAILED',
  SENDER_ID_CANCELLED = 'SENDER_ID_CANCELLED',
  /** The previous day's spend (UTC), by kind, campaign and destination country. Opt-in. */
  DAILY_USAGE_REPORT = 'DAILY_USAGE_REPORT',
  /** The previous month's spend (UTC), by kind, campaign and destination country. Opt-in. */
  MONTHLY_USAGE_REPORT = 'MONTHLY_USAGE_REPORT',
}

/** Every kind, in the order settings list them. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = Object.values(NotificationKind);

/** Whether e-mail is on for a kind when the user has not chosen (the usage reports: see {@link notificationEmailDefault}). */
export const NOTIFICATION_EMAIL_DEFAULT = true;

/** The kinds nobody gets until they turn them on: periodic reports are asked for, not imposed. */
export const OPT_IN_NOTIFICATION_KINDS: ReadonlySet<NotificationKind> = new Set([
  NotificationKind.DAILY_USAGE_REPORT,
  NotificationKind.MONTHLY_USAGE_REPORT,
]);

/** Whether e-mail of `kind` is on for a user who has not chosen. */
export function notificationEmailDefault(kind: NotificationKind): boolean {
  return OPT_IN_NOTIFICATION_KINDS.has(kind) ? false : NOTIFICATION_EMAIL_DEFAULT;
}

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
