/** What each notification kind is, in words for the Notifications page, in the order the server lists them. */
export const NOTIFICATION_KIND_TEXT: Readonly<Record<string, { label: string; description: string }>> = Object.freeze({
  LOW_BALANCE: { label: 'Low balance', description: 'A wallet’s balance fell to one of its balance-alert thresholds.' },
  BALANCE_DEPLETED: { label: 'Balance ran out', description: 'A wallet’s balance reached zero: calls and messages stop.' },
  PAYMENT_FAILED: { label: 'Card payment failed', description: 'A card top-up was declined or not authenticated.' },
  AUTO_RECHARGE_FAILED: { label: 'Auto-recharge failed', description: 'An automatic top-up could not be charged.' },
  AUTO_RECHARGE_PAUSED: { label: 'Auto-recharge paused', description: 'Automatic top-ups stopped after repeated failures.' },
  ACCOUNT_CLOSING: { label: 'Account closing', description: 'The account will be closed soon for lack of funds.' },
  TOP_UP_RECEIPT: { label: 'Top-up receipts', description: 'The receipt of each successful card top-up.' },
  SPEND_CAP_WARNING: { label: 'Spend cap at 80 %', description: 'Spending today or this month reached 80 % of a spend cap.' },
  SPEND_CAP_REACHED: {
    label: 'Spend cap reached',
    description: 'A spend cap was reached: calls, messages and charges stop until it resets.',
  },
  NUMBER_RENEWAL_FAILED: {
    label: 'Number renewal not paid',
    description: 'A phone number’s monthly renewal could not be paid (in grace, or owed while the wallet is suspended).',
  },
  NUMBER_RELEASED: { label: 'Number released', description: 'A phone number was released: its grace ended or the account closed.' },
  SENDER_ID_APPROVED: { label: 'Sender ID approved', description: 'Support approved a sender ID; its monthly fee is charged.' },
  SENDER_ID_REJECTED: { label: 'Sender ID rejected', description: 'Support rejected a sender ID, with the reason.' },
  SENDER_ID_RENEWAL_FAILED: {
    label: 'Sender ID renewal not paid',
    description: 'A sender ID’s monthly renewal could not be paid (in grace, or owed while the wallet is suspended).',
  },
  SENDER_ID_CANCELLED: { label: 'Sender ID cancelled', description: 'A sender ID was cancelled: its grace ended or the account closed.' },
  DAILY_USAGE_REPORT: {
    label: 'Daily usage report',
    description:
      'Each morning: the previous day’s spend (in the account’s timezone) by kind, campaign and country. Off unless you turn it on.',
  },
  MONTHLY_USAGE_REPORT: {
    label: 'Monthly usage report',
    description: 'On the 1st: the previous month’s spend (UTC) by kind, campaign and country. Off unless you turn it on.',
  },
});

/** Label and description of a kind; a kind added to the server later still reads sensibly. */
export function notificationKindText(kind: string): { label: string; description: string } {
  return (
    NOTIFICATION_KIND_TEXT[kind] ?? {
      label: kind.charAt(0) + kind.slice(1).toLowerCase().replaceAll('_', ' '),
      description: 'Notifications of this kind.',
    }
  );
}

/** The sentence confirming a saved choice, e.g. "Low balance e-mails are off." */
export function preferenceSavedMessage(kind: string, email: boolean): string {
  return `${notificationKindText(kind).label} e-mails are ${email ? 'on' : 'off'}.`;
}
