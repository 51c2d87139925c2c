/**
 * The Messages page's pure logic: how a message's status and cost read, the history's status
 * filter, and the estimator's recipients.
 */
import type { MessageStatus, Role } from '../../gql/graphql.js';
import { enumLabel } from '../../utils/enum-label.js';

/** The status filter's choices: "" for every status. HELD is the API's PENDING (its price is held). */
export const MESSAGE_STATUS_FILTERS: readonly { value: MessageStatus | ''; label: string }[] = [
  { value: '', label: 'Every status' },
  { value: 'PENDING', label: 'Held' },
  { value: 'DELIVERED', label: 'Delivered' },
  { value: 'FAILED', label: 'Failed' },
  { value: 'EXPIRED', label: 'Expired' },
  { value: 'RECEIVED', label: 'Received' },
];

/** A status in words: PENDING reads "Held" (its price is held until the delivery report). */
export function messageStatusLabel(status: MessageStatus): string {
  return MESSAGE_STATUS_FILTERS.find((filter) => filter.value === status)?.label ?? status;
}

/** The CSS modifier of a status badge. */
export function messageStatusTone(status: MessageStatus): 'pending' | 'completed' | 'failed' {
  if (status === 'PENDING') return 'pending';
  if (status === 'FAILED' || status === 'EXPIRED') return 'failed';
  return 'completed';
}

/** What a message costs the wallet as it stands: charged, held, or nothing (released). */
export function messageCost(message: { status: MessageStatus; price: string; hold: string }): { amount: string; note: string } {
  switch (message.status) {
    case 'PENDING':
      return { amount: message.hold, note: 'held' };
    case 'FAILED':
    case 'EXPIRED':
      return { amount: '0', note: 'released' };
    default:
      return { amount: message.price, note: 'charged' };
  }
}

/** Most recipients the estimator takes (the API's messageRecipientsMax default). */
export const ESTIMATE_RECIPIENTS_MAX = 1_000;

/** Recipients typed one per line or separated by commas or semicolons: trimmed, spaces inside a number removed, blanks dropped. */
export function parseRecipients(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((part) => part.replace(/[\s()-]/g, ''))
    .filter((part) => part !== '');
}

/** Recipients that are not E.164 numbers ("+", then 7 to 15 digits, not starting with 0). */
export function invalidRecipients(recipients: readonly string[]): string[] {
  return recipients.filter((recipient) => !/^\+[1-9][0-9]{6,14}$/.test(recipient));
}

/** The role with its article, for sentences: "an integrator", "a campaign manager". */
export function roleWithArticle(role: Role): string {
  const words = enumLabel(role).toLowerCase();
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;
}
