import { formatMoneyForPeople } from '../wallets/money.js';
import { NotificationKind } from '../notifications/notification-kind.js';

/** A notification's subject and plain-text body. */
export interface ComposedMail {
  subject: string;
  text: string;
}

/** What every mail needs besides its facts. */
export interface MailSettings {
  /** The dashboard's address without a trailing slash, e.g. `https://app.spendwire.example`. */
  publicUrl: string;
  /** Days a suspended wallet's account is kept before it is closed (Config.accountCloseAfterDays). */
  accountCloseAfterDays: number;
}

/** Why this recipient gets the mail: a user with the kind turned on, or the billing e-mail of an account without users. */
export type RecipientReason = 'USER' | 'BILLING_EMAIL';

/** An alert as the mail about it needs it (amounts in micro-units of `currency`). */
export interface AlertMailFacts {
  kind: NotificationKind;
  accountName: string;
  currency: string | null;
  thresholdMicros: bigint | null;
  balanceMicros: bigint | null;
  amountMicros: bigint | null;
  /** The alert's own sentence (e.g. the bank's reason for a decline). */
  message: string;
  raisedAt: Date;
}

/** A settled card top-up as its receipt shows it (amounts in micro-units of `currency`). */
export interface ReceiptMailFacts {
  accountName: string;
  currency: string;
  receiptNumber: string;
  amountMicros: bigint;
  taxMicros: bigint;
  /** e.g. 'VAT 20% (United Kingdom)' or 'No tax'. */
  taxLabel: string;
  totalMicros: bigint;
  cardBrand: string | null;
  cardLast4: string | null;
  paidAt: Date;
  /** The wallet's posted balance right after the credit. */
  balanceAfterMicros: bigint;
  /** Who started it: the customer, or automatic funding. */
  origin: 'MANUAL' | 'AUTO_RECHARGE' | 'MONTHLY_RECHARGE';
}

/** Words for a kind in the footer ("e-mail for low-balance alerts is on"). */
const KIND_WORDS: Record<NotificationKind, string> = {
  LOW_BALANCE: 'low-balance alerts',
  BALANCE_DEPLETED: 'zero-balance alerts',
  PAYMENT_FAILED: 'failed payments',
  AUTO_RECHARGE_FAILED: 'failed automatic recharges',
  AUTO_RECHARGE_PAUSED: 'paused automatic recharges',
  ACCOUNT_CLOSING: 'account closing notices',
  TOP_UP_RECEIPT: 'payment receipts',
  SPEND_CAP_WARNING: 'spend cap warnings',
  SPEND_CAP_REACHED: 'spend caps reached',
  NUMBER_RENEWAL_FAILED: 'number renewals that could not be paid',
  NUMBER_RELEASED: 'numbers released',
  SENDER_ID_APPROVED: 'sender ID approvals',
  SENDER_ID_REJECTED: 'sender ID rejections',
  SENDER_ID_RENEWAL_FAILED: 'sender ID renewals that could not be paid',
  SENDER_ID_CANCELLED: 'sender IDs cancelled',
  DAILY_USAGE_REPORT: 'daily usage reports',
  MONTHLY_USAGE_REPORT: 'monthly usage reports',
};

/** Card brands as Stripe names them (`visa`, `amex`…), as people write them. */
const CARD_BRAND_NAMES: Record<string, string> = {
  visa: 'Visa',
  mastercard: 'Mastercard',
  amex: 'American Express',
  discover: 'Discover',
  diners: 'Diners Club',
  jcb: 'JCB',
  unionpay: 'UnionPay',
};

/** `visa` → `Visa`; an unknown brand is shown as it came. */
export function cardBrandName(brand: string): string {
  return CARD_BRAND_NAMES[brand.toLowerCase()] ?? brand;
}

/** `2026-12-04 15:44 UTC`: one unambiguous form for every reader. */
export function formatUtcMinute(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function money(micros: bigint | null, currency: string | null): string | null {
  return micros === null || currency === null ? null : formatMoneyForPeople(micros, currency);
}

export function footer(kind: NotificationKind, reason: RecipientReason, settings: MailSettings, accountName: string): string {
  const why =
    reason === 'USER'
      ? `You receive this because e-mail for ${KIND_WORDS[kind]} is on for you in ${accountName}. Change it in Settings: ${settings.publicUrl}/settings`
      : `You receive this at the billing e-mail of ${accountName}, which has no dashboard users yet. Invite someone to manage these e-mails in Settings: ${settings.publicUrl}/settings`;
  return `\n\n-- \nSpendwire\n${why}\n`;
}

/**
 * The mail about an alert: what happened in the customer's words, the amounts in the wallet's
 * currency exactly (never rounded), and what to do next with a link to the dashboard.
 */
export function composeAlertMail(alert: AlertMailFacts, reason: RecipientReason, settings: MailSettings): ComposedMail {
  const { accountName, currency } = alert;
  const wallet = currency ? `${currency} wallet` : 'wallet';
  const balance = money(alert.balanceMicros, currency);
  const threshold = money(alert.thresholdMicros, currency);
  const amount = money(alert.amountMicros, currency);
  const zero = money(0n, currency) ?? '0';
  const topUp = `Top up now: ${settings.publicUrl}/top-up`;
  const details = `Details: ${alert.message}\nWhen: ${formatUtcMinute(alert.raisedAt)}`;
  let subject: string;
  let lines: string[];
  switch (alert.kind) {
    case NotificationKind.LOW_BALANCE:
      subject = `Low balance: ${balance ?? 'little'} left in ${accountName}`;
      lines = [
        `The balance of the ${wallet} of ${accountName} has reached your alert threshold${threshold ? ` of ${threshold}` : ''}: it is now ${balance ?? 'low'}.`,
        `When it reaches ${zero}, calls and text messages stop until you add funds.`,
        topUp,
        `To never run out, turn on auto-recharge on the same page: it tops the wallet up when the balance falls below a threshold you choose.`,
      ];
      break;
    case NotificationKind.BALANCE_DEPLETED:
      subject = `Your balance is ${balance ?? zero}: calls and messages have stopped (${accountName})`;
      lines = [
        `The ${wallet} of ${accountName} has run out: its balance is ${balance ?? zero}.`,
        `Calls and text messages have stopped. Your phone numbers are kept for now; fund the wallet within ${settings.accountCloseAfterDays} days or the account may be closed and its numbers released.`,
        topUp,
      ];
      break;
    case NotificationKind.PAYMENT_FAILED:
      subject = amount ? `Your payment of ${amount} failed (${accountName})` : `A payment failed (${accountName})`;
      lines = [
        `Your card payment${amount ? ` of ${amount}` : ''} to fund the ${wallet} of ${accountName} did not go through, and the wallet was not credited.`,
        `Try again with the same or another card: ${settings.publicUrl}/top-up`,
        `If the bank declined it, it can tell you why; you can also contact our support with the time below.`,
      ];
      break;
    case NotificationKind.AUTO_RECHARGE_FAILED:
      subject = amount ? `Automatic recharge of ${amount} failed (${accountName})` : `Automatic recharge failed (${accountName})`;
      lines = [
        `We tried to recharge the ${wallet} of ${accountName} automatically${amount ? ` with ${amount}` : ''}, but the payment did not go through.${balance ? ` The balance is ${balance}.` : ''}`,
        `Automatic recharge tries again the next time the balance is low, and pauses after repeated failures. Check your saved card or top up by hand: ${settings.publicUrl}/top-up`,
      ];
      break;
    case NotificationKind.AUTO_RECHARGE_PAUSED:
      subject = `Automatic recharge is paused (${accountName})`;
      lines = [
        `Automatic recharge of the ${wallet} of ${accountName} is paused: payments failed repeatedly, or the bank asks you to confirm a payment yourself.`,
        `The wallet is no longer topped up automatically${balance ? ` (balance: ${balance})` : ''}. Check your card, then top up and turn auto-recharge back on: ${settings.publicUrl}/top-up`,
      ];
      break;
    case NotificationKind.ACCOUNT_CLOSING:
      subject = `${accountName} will be closed soon: fund your wallet to keep your numbers`;
      lines = [
        `The ${wallet} of ${accountName} has been empty for a long time. Unless it is funded, the account will be closed and its phone numbers returned to the pool.`,
        topUp,
      ];
      break;
    case NotificationKind.SPEND_CAP_WARNING:
      subject = `80 % of a spend cap used (${accountName})`;
      lines = [
        `Spending of ${accountName} has reached 80 % of a spend cap${amount ? ` of ${amount}` : ''}.`,
        `At the cap, calls stop and new calls, messages and charges are refused until the cap resets at midnight (or on the 1st, for a monthly cap) in the account's timezone. To allow more, raise the cap: ${settings.publicUrl}/settings`,
      ];
      break;
    case NotificationKind.SPEND_CAP_REACHED:
      subject = `Spend cap reached: calls and messages are stopped (${accountName})`;
      lines = [
        `Spending of ${accountName} has reached a spend cap${amount ? ` of ${amount}` : ''}: calls stop and new calls, messages and charges are refused until the cap resets at midnight (or on the 1st, for a monthly cap) in the account's timezone.`,
        `Campaigns stopped by the cap show "Stopped: spend cap reached"; resume them once the cap resets.`,
        `To continue now, raise or lift the cap: ${settings.publicUrl}/settings`,
      ];
      break;
    case NotificationKind.NUMBER_RENEWAL_FAILED:
      subject = amount
        ? `A number's renewal of ${amount} could not be paid (${accountName})`
        : `A number's renewal could not be paid (${accountName})`;
      lines = [`The monthly renewal of a phone number of ${accountName} could not be paid from its ${wallet}.`, topUp];
      break;
    case NotificationKind.NUMBER_RELEASED:
      subject = `A phone number of ${accountName} was released`;
      lines = [
        `A phone number of ${accountName} is no longer yours: it went back to the pool.`,
        `Your numbers: ${settings.publicUrl}/numbers`,
      ];
      break;
    case NotificationKind.SENDER_ID_APPROVED:
      subject = `Your sender ID was approved (${accountName})`;
      lines = [
        `A sender ID of ${accountName} was approved${amount ? `; its monthly fee of ${amount} is charged to the ${wallet}` : ''}. Messages may now use it.`,
        `Your sender IDs: ${settings.publicUrl}/sender-ids`,
      ];
      break;
    case NotificationKind.SENDER_ID_REJECTED:
      subject = `Your sender ID was rejected (${accountName})`;
      lines = [`A sender ID of ${accountName} was rejected; nothing was charged.`, `Your sender IDs: ${settings.publicUrl}/sender-ids`];
      break;
    case NotificationKind.SENDER_ID_RENEWAL_FAILED:
      subject = amount
        ? `A sender ID's renewal of ${amount} could not be paid (${accountName})`
        : `A sender ID's renewal could not be paid (${accountName})`;
      lines = [`The monthly renewal of a sender ID of ${accountName} could not be paid from its ${wallet}.`, topUp];
      break;
    case NotificationKind.SENDER_ID_CANCELLED:
      subject = `A sender ID of ${accountName} was cancelled`;
      lines = [
        `A sender ID of ${accountName} was cancelled: messages can no longer use it.`,
        `Your sender IDs: ${settings.publicUrl}/sender-ids`,
      ];
      break;
    default:
      throw new Error(`Assertion failed: no alert mail for kind ${alert.kind}`);
  }
  return { subject, text: `Hello,\n\n${lines.join('\n\n')}\n\n${details}${footer(alert.kind, reason, settings, accountName)}` };
}

/** The receipt of a settled card top-up: each amount exactly, tax with its label, and the balance after. */
export function composeReceiptMail(receipt: ReceiptMailFacts, reason: RecipientReason, settings: MailSettings): ComposedMail {
  const format = (micros: bigint) => formatMoneyForPeople(micros, receipt.currency);
  const automatic = receipt.origin === 'MANUAL' ? '' : receipt.origin === 'AUTO_RECHARGE' ? ' (automatic recharge)' : ' (monthly recharge)';
  const rows: [string, string][] = [
    ['Receipt number', receipt.receiptNumber],
    ['Date', formatUtcMinute(receipt.paidAt)],
    ['Added to wallet', format(receipt.amountMicros)],
    [`Tax (${receipt.taxLabel})`, format(receipt.taxMicros)],
    ['Total charged', format(receipt.totalMicros)],
    ...(receipt.cardBrand && receipt.cardLast4
      ? [['Paid with', `${cardBrandName(receipt.cardBrand)} ending in ${receipt.cardLast4}`] as [string, string]]
      : []),
    ['Balance after', format(receipt.balanceAfterMicros)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const table = rows.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`).join('\n');
  return {
    subject: `Receipt ${receipt.receiptNumber}: ${format(receipt.amountMicros)} added to your wallet (${receipt.accountName})`,
    text:
      `Hello,\n\nThank you for your payment${automatic}. ${format(receipt.amountMicros)} was added to the ${receipt.currency} wallet of ${receipt.accountName}.\n\n` +
      `${table}\n\nYour transactions and receipts: ${settings.publicUrl}/transactions` +
      footer(NotificationKind.TOP_UP_RECEIPT, reason, settings, receipt.accountName),
  };
}
