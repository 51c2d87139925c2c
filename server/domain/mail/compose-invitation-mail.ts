import type { ComposedMail } from './compose-mail.js';
import { formatUtcMinute } from './compose-mail.js';

/** An invitation as its mail words it. */
export interface InvitationMailFacts {
  accountName: string;
  /** Who invited them, as the account knows them (a user's name), or null (an API key, the operator). */
  inviterName: string | null;
  /** The role in the customer's words, e.g. 'Campaign manager'. */
  roleLabel: string;
  /** The accept page with the token: `<publicUrl>/accept-invitation?token=…`. */
  link: string;
  expiresAt: Date;
  /** True for a resend: the mail says the earlier link no longer works. */
  resent: boolean;
}

/** What each role may do, in a sentence the invitee understands. */
const ROLE_SENTENCES: Record<string, string> = {
  Owner: 'As an owner you can do everything: fund the wallet, run campaigns, manage API keys, billing and the team.',
  'Campaign manager': 'As a campaign manager you can run campaigns and follow the balance and spending.',
  Integrator: 'As an integrator you connect your systems: phone numbers, messages and webhooks.',
};

/**
 * The mail that carries an invitation's link: who invites them into which account with which role,
 * what the link does and until when it works. A resend says the earlier link stopped working.
 */
export function composeInvitationMail(facts: InvitationMailFacts): ComposedMail {
  const who = facts.inviterName ? `${facts.inviterName} invites you` : 'You are invited';
  const lines = [
    `${who} to join ${facts.accountName} on Spendwire as ${facts.roleLabel.toLowerCase()}.`,
    ...(ROLE_SENTENCES[facts.roleLabel] ? [ROLE_SENTENCES[facts.roleLabel]!] : []),
    `Choose your name and password here to accept:\n${facts.link}`,
    `The link works once, until ${formatUtcMinute(facts.expiresAt)}.${facts.resent ? ' It replaces the link we sent before, which no longer works.' : ''}`,
    `If you did not expect this invitation, ignore this mail: nothing happens unless the link is opened and accepted.`,
  ];
  return {
    subject: `${facts.resent ? 'Reminder: you' : 'You'} are invited to join ${facts.accountName} on Spendwire`,
    text: `Hello,\n\n${lines.join('\n\n')}\n\n-- \nSpendwire\n`,
  };
}
