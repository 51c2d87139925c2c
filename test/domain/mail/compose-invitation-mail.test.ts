// Goal: the invitation mail tells the invitee who invites them into which account as what, gives the link and until when it works (in UTC), and a resend says the earlier link stopped working. Method: the pure composer with fixed facts.
import { describe, expect, it } from 'vitest';
import { composeInvitationMail } from '../../../server/domain/mail/compose-invitation-mail.js';

const FACTS = {
  accountName: 'Acme Voice',
  inviterName: 'Olivia Owner',
  roleLabel: 'Campaign manager',
  link: 'https://app.spendwire.test/accept-invitation?token=swi_abc',
  expiresAt: new Date(Date.UTC(2026, 11, 13, 9, 30, 59)),
  resent: false,
};

describe('composeInvitationMail', () => {
  it('a first invitation: inviter, account, role, what the role does, the link and its expiry', () => {
    const mail = composeInvitationMail(FACTS);
    expect(mail.subject).toBe('You are invited to join Acme Voice on Spendwire');
    expect(mail.text).toBe(
      'Hello,\n\n' +
        'Olivia Owner invites you to join Acme Voice on Spendwire as campaign manager.\n\n' +
        'As a campaign manager you can run campaigns and follow the balance and spending.\n\n' +
        'Choose your name and password here to accept:\nhttps://app.spendwire.test/accept-invitation?token=swi_abc\n\n' +
        'The link works once, until 2026-12-13 09:30 UTC.\n\n' +
        'If you did not expect this invitation, ignore this mail: nothing happens unless the link is opened and accepted.\n\n' +
        '-- \nSpendwire\n',
    );
  });

  it('a resend by an API key: no inviter name, a reminder subject, and the earlier link is said to be replaced', () => {
    const mail = composeInvitationMail({ ...FACTS, inviterName: null, roleLabel: 'Integrator', resent: true });
    expect(mail.subject).toBe('Reminder: you are invited to join Acme Voice on Spendwire');
    expect(mail.text).toContain('You are invited to join Acme Voice on Spendwire as integrator.');
    expect(mail.text).toContain('It replaces the link we sent before, which no longer works.');
  });
});
