import type { ComposedMail } from './compose-mail.js';
import { formatUtcMinute } from './compose-mail.js';

/** A verification link as its mail words it. */
export interface VerificationMailFacts {
  /** The person's name, as they gave it at sign-up. */
  name: string;
  accountName: string;
  /** The dashboard's verification page with the token: `<publicUrl>/verify-email?token=…`. */
  link: string;
  expiresAt: Date;
  /** The trial credit the verification gives, for people (e.g. "$2.00"), or null when none is given. */
  trialCredit: string | null;
  /** True for a resend: the mail says the earlier link no longer works. */
  resent: boolean;
}

/**
 * The mail that carries the link proving a new account's e-mail address: what the link does (and
 * the trial credit it unlocks), until when it works; a resend says the earlier link stopped working.
 */
export function composeVerificationMail(facts: VerificationMailFacts): ComposedMail {
  const lines = [
    `Welcome to Spendwire. Please confirm that this address is yours, for ${facts.accountName}:\n${facts.link}`,
    facts.trialCredit === null
      ? 'Once it is confirmed you can top up your wallet, run campaigns and send messages.'
      : `Once it is confirmed your wallet receives ${facts.trialCredit} of trial credit, and you can top up, run campaigns and send messages.`,
    `The link works once, until ${formatUtcMinute(facts.expiresAt)}.${facts.resent ? ' It replaces the link we sent before, which no longer works.' : ''}`,
    'If you did not sign up for Spendwire, ignore this mail: nothing happens unless the link is opened.',
  ];
  return {
    subject: facts.resent ? 'Your new link to confirm your e-mail address' : 'Confirm your e-mail address for Spendwire',
    text: `Hello ${facts.name},\n\n${lines.join('\n\n')}\n\n-- \nSpendwire\n`,
  };
}
