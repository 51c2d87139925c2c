/**
 * The Team page's words for what the server answers: why an action on an invitation or a member
 * was refused (by its stable `extensions.code`), and what an invitation's status means.
 */
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describeError } from '../../apollo/describe-error.js';

/** An invitation's status as the schema's `InvitationStatus` names it. */
export type InvitationStatusName = 'PENDING' | 'ACCEPTED' | 'REVOKED' | 'EXPIRED';

/** What each status means for the owner looking at the list. */
export const INVITATION_STATUS_LABELS: Readonly<Record<InvitationStatusName, string>> = {
  PENDING: 'Waiting',
  ACCEPTED: 'Accepted',
  REVOKED: 'Revoked',
  EXPIRED: 'Expired',
};

/** Why an invitation is no longer open, as a sentence (INVITATION_NOT_PENDING's `extensions.status`). */
const NOT_PENDING_SENTENCES: Readonly<Record<string, string>> = {
  ACCEPTED: 'This invitation was already accepted: the person is a member now.',
  REVOKED: 'This invitation was already revoked.',
  EXPIRED: 'This invitation has expired: invite the person again.',
};

/** "in 59 min", "in 2 h", "in 30 s": how long until a rate limit lets the next one through. */
export function waitWords(seconds: number): string {
  const whole = Math.max(1, Math.ceil(seconds));
  if (whole < 60) return `in ${whole} s`;
  if (whole < 5_400) return `in ${Math.ceil(whole / 60)} min`;
  return `in ${Math.ceil(whole / 3_600)} h`;
}

/**
 * The sentence for a failed team action: the invitation's state (INVITATION_NOT_PENDING), the last
 * owner (LAST_OWNER), the invitation e-mail limit (RATE_LIMITED with `retryAfterSeconds`), else the
 * server's own words.
 */
export function teamActionErrorText(error: unknown): string {
  if (CombinedGraphQLErrors.is(error)) {
    const extensions = error.errors[0]?.extensions ?? {};
    const code = extensions.code;
    if (code === 'INVITATION_NOT_PENDING' && typeof extensions.status === 'string' && NOT_PENDING_SENTENCES[extensions.status]) {
      return NOT_PENDING_SENTENCES[extensions.status]!;
    }
    if (code === 'LAST_OWNER') return 'This is the account’s last owner: make someone else an owner first.';
    if (code === 'RATE_LIMITED' && typeof extensions.retryAfterSeconds === 'number') {
      return `Too many invitation e-mails from this account for now: try again ${waitWords(extensions.retryAfterSeconds)}.`;
    }
  }
  const { summary, detail } = describeError(error);
  return detail ?? summary;
}
