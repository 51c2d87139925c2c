// Goal: an OWNER runs the team (listing at most teamListMax members and invitations, oldest first): invitations are e-mailed with a working link (through the mail outbox, to a real SMTP server), resent with a new link (the earlier one then refused), revoked (its link refused), refused INVITATION_NOT_PENDING once accepted, revoked or expired, rate-limited per account at invitationMailsPerAccountMax (N pass, N+1 refused and nothing written), and members change role or leave, never the last OWNER (also when two owners demote each other at once), and a removed member can be invited back (the same user returns with the new role). Method: the real server on its own database, a real SMTP server in the test process, sessions by cookie over HTTP, mail jobs driven by hand on a manual clock, rows checked with SQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../server/domain/calls/clock.js';
import { runSql } from '../../support/sql.js';
import { startSmtpTestServer, type ReceivedMail, type SmtpTestServer } from '../../support/smtp-test-server.js';
import { startTestApp, type TestApp, withRequestIdChecked } from '../../support/test-app.js';
import { drainMailJobs } from '../../support/consumers.js';
import { until } from '../../support/waiting.js';

const clock = new ManualClock(Date.UTC(2026, 11, 6, 9, 0));
const PUBLIC_URL = 'https://app.spendwire.test';
const PASSWORD = 'correct horse battery';
/** The per-account invitation mail limit in this file (small, to reach it). */
const MAILS_MAX = 4;
/** Most members and most open invitations the team lists in this file (teamListMax; small, to reach it). */
const TEAM_LIST_MAX = 5;
const WINDOW_MS = 3_600_000;
let t: TestApp;
let smtp: SmtpTestServer;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  t = await startTestApp(
    {
      billingClockEnabled: false,
      smtpUrl: smtp.url,
      publicUrl: PUBLIC_URL,
      invitationMailsPerAccountMax: MAILS_MAX,
      invitationMailWindowMs: WINDOW_MS,
      teamListMax: TEAM_LIST_MAX,
    },
    { clock },
  );
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`;
const INVITATION_FIELDS = 'id email role status createdAt sentAt sendCount expiresAt';
const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { token invitation { ${INVITATION_FIELDS} } } }`;
const RESEND = `mutation($id: ID!) { resendInvitation(id: $id) { invitation { ${INVITATION_FIELDS} } } }`;
const REVOKE = `mutation($id: ID!) { revokeInvitation(id: $id) { invitation { ${INVITATION_FIELDS} } } }`;
const TEAM = `query($accountId: ID) { team(accountId: $accountId) { accountId members { id email name role createdAt } invitations { ${INVITATION_FIELDS} } } }`;
const CHANGE_ROLE = `mutation($input: ChangeMemberRoleInput!) { changeMemberRole(input: $input) { user { id role } } }`;
const REMOVE = `mutation($input: RemoveMemberInput!) { removeMember(input: $input) { user { id } } }`;

const sql = (text: string, values: unknown[] = []) => runSql(t.app.orm.em.fork(), text, values);

async function post(path: string, body: unknown): Promise<{ status: number; json: any; cookie: string | null }> {
  const response = await fetch(`${t.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json(), cookie: response.headers.get('set-cookie') };
}

/** A session's GraphQL call: `data` and `errors` as they came. */
async function gql(cookie: string, query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }> {
  const response = await fetch(`${t.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  // Every error carries the request's id: checked, then left out of what the assertions compare.
  return withRequestIdChecked((await response.json()) as { data?: any; errors?: any[] }, response.headers.get('x-request-id'));
}

async function ok(cookie: string, query: string, variables?: Record<string, unknown>): Promise<any> {
  const result = await gql(cookie, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function errorOf(cookie: string, query: string, variables?: Record<string, unknown>): Promise<Record<string, unknown>> {
  const result = await gql(cookie, query, variables);
  expect(result.errors?.length).toBe(1);
  return result.errors![0].extensions;
}

/** Creates a user and signs them in; returns the session cookie and the user's id. */
async function user(accountId: string, role: string, name: string): Promise<{ id: string; email: string; cookie: string }> {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}-${randomUUID().slice(0, 6)}@example.com`;
  const created = await t.ok(t.adminToken, CREATE_USER, { input: { accountId, email, name, role, password: PASSWORD } });
  const signedIn = await post('/auth/sign-in', { email, password: PASSWORD });
  expect(signedIn.status).toBe(200);
  return { id: created.createUser.user.id, email, cookie: signedIn.cookie!.split(';')[0]! };
}

/** An account with one signed-in OWNER user. */
async function team(name: string) {
  const account = await t.createAccount(name);
  const owner = await user(account.accountId, 'OWNER', 'Olivia Owner');
  return { ...account, owner };
}

/**
 * Runs the mail jobs until `count` mails have reached `email`, and returns them: one pass may read the
 * outbox short of what was just committed, and a mail left for a later pass would spoil the next count.
 */
async function mailsAfterJobs(email: string, count: number): Promise<ReceivedMail[]> {
  await until(`${count} mail(s) to ${email}`, async () => {
    await drainMailJobs(t);
    return mailsTo(email).length >= count;
  });
  return mailsTo(email);
}

function mailsTo(email: string): ReceivedMail[] {
  return smtp.received.filter((mail) => mail.envelopeTo.includes(email));
}

/** The accept link in a mail's text. */
function linkIn(mail: ReceivedMail): string {
  const match = /https:\/\/app\.spendwire\.test\/accept-invitation\?token=swi_[A-Za-z0-9_-]+/.exec(mail.text ?? '');
  expect(match).not.toBeNull();
  return match![0];
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;

async function accept(token: string, name: string): Promise<{ status: number; json: any }> {
  return post('/auth/accept-invitation', { token, name, password: PASSWORD });
}

describe('invitation e-mails', () => {
  it('invites by e-mail: the mail names the inviter, account and role, and its link is the one that accepts', async () => {
    const { accountId, owner } = await team('Mailed Team Co');
    const invited = (await ok(owner.cookie, INVITE, { input: { email: 'Nina.New@Example.com', role: 'CAMPAIGN_MANAGER' } })).inviteUser;
    expect(invited.invitation).toMatchObject({ email: 'nina.new@example.com', status: 'PENDING', sendCount: 1 });
    expect(invited.invitation.sentAt).toBe(new Date(clock.now()).toISOString());
    const rows = await sql(`select kind, status, recipient, source from email_message where account_id = $1`, [accountId]);
    expect(rows).toEqual([
      { kind: 'INVITATION', status: 'PENDING', recipient: 'nina.new@example.com', source: `invitation:${invited.invitation.id}:1` },
    ]);

    const [mail] = await mailsAfterJobs('nina.new@example.com', 1);
    expect(mail!.subject).toBe('You are invited to join Mailed Team Co on Spendwire');
    expect(mail!.text).toContain('Olivia Owner invites you to join Mailed Team Co on Spendwire as campaign manager.');
    expect(tokenOf(linkIn(mail!))).toBe(invited.token);
    expect((await sql(`select status from email_message where account_id = $1`, [accountId]))[0].status).toBe('SENT');

    const listed = (await ok(owner.cookie, TEAM)).team;
    expect(listed.members.map((member: any) => member.email)).toEqual([owner.email]);
    expect(listed.invitations).toEqual([invited.invitation]);
    // Inviting the same person again while the invitation is open is refused: resend it instead.
    expect(await errorOf(owner.cookie, INVITE, { input: { email: 'nina.new@example.com', role: 'INTEGRATOR' } })).toMatchObject({
      code: 'INVALID_STATE',
      field: 'email',
    });
  });

  it('resends with a new link: the earlier link is refused, the new one accepts, and the member appears', async () => {
    const { owner } = await team('Resent Team Co');
    const invited = (await ok(owner.cookie, INVITE, { input: { email: 'ravi@example.com', role: 'INTEGRATOR' } })).inviteUser;
    clock.advance(60_000);
    const resent = (await ok(owner.cookie, RESEND, { id: invited.invitation.id })).resendInvitation.invitation;
    expect(resent).toMatchObject({ status: 'PENDING', sendCount: 2, sentAt: new Date(clock.now()).toISOString() });
    expect(resent.expiresAt).toBe(new Date(clock.now() + t.config.invitationTtlMs).toISOString());
    const [first, second] = await mailsAfterJobs('ravi@example.com', 2);
    expect(second!.subject).toBe('Reminder: you are invited to join Resent Team Co on Spendwire');
    expect(second!.text).toContain('It replaces the link we sent before, which no longer works.');
    const firstToken = tokenOf(linkIn(first!));
    const secondToken = tokenOf(linkIn(second!));
    expect(secondToken).not.toBe(firstToken);

    const old = await accept(firstToken, 'Ravi');
    expect([old.status, old.json.error.code, old.json.error.field]).toEqual([400, 'BAD_USER_INPUT', 'token']);
    expect((await accept(secondToken, 'Ravi Integrator')).status).toBe(200);
    const listed = (await ok(owner.cookie, TEAM)).team;
    expect(listed.members.map((member: any) => [member.email, member.role])).toEqual([
      [owner.email, 'OWNER'],
      ['ravi@example.com', 'INTEGRATOR'],
    ]);
    expect(listed.invitations).toEqual([]);
    // Accepted: nothing to resend or revoke.
    for (const mutation of [RESEND, REVOKE]) {
      expect(await errorOf(owner.cookie, mutation, { id: invited.invitation.id })).toEqual({
        code: 'INVITATION_NOT_PENDING',
        invitationId: invited.invitation.id,
        status: 'ACCEPTED',
      });
    }
  });

  it('revokes: the link is refused, and a revoked or expired invitation is neither resent nor revoked', async () => {
    const { accountId, owner } = await team('Revoked Team Co');
    const revokedOne = (await ok(owner.cookie, INVITE, { input: { email: 'rex@example.com', role: 'INTEGRATOR' } })).inviteUser;
    const revoked = (await ok(owner.cookie, REVOKE, { id: revokedOne.invitation.id })).revokeInvitation.invitation;
    expect(revoked.status).toBe('REVOKED');
    const refused = await accept(revokedOne.token, 'Rex');
    expect([refused.status, refused.json.error.code]).toEqual([400, 'BAD_USER_INPUT']);
    for (const mutation of [RESEND, REVOKE]) {
      expect(await errorOf(owner.cookie, mutation, { id: revokedOne.invitation.id })).toMatchObject({
        code: 'INVITATION_NOT_PENDING',
        status: 'REVOKED',
      });
    }
    const mailsBefore = (await sql(`select count(*)::int as n from email_message where account_id = $1`, [accountId]))[0].n;

    const lateOne = (await ok(owner.cookie, INVITE, { input: { email: 'late@example.com', role: 'INTEGRATOR' } })).inviteUser;
    clock.advance(t.config.invitationTtlMs);
    expect((await ok(owner.cookie, TEAM)).team.invitations).toEqual([
      expect.objectContaining({ email: 'late@example.com', status: 'EXPIRED' }),
    ]);
    for (const mutation of [RESEND, REVOKE]) {
      expect(await errorOf(owner.cookie, mutation, { id: lateOne.invitation.id })).toMatchObject({
        code: 'INVITATION_NOT_PENDING',
        status: 'EXPIRED',
      });
    }
    expect((await sql(`select count(*)::int as n from email_message where account_id = $1`, [accountId]))[0].n).toBe(mailsBefore + 1);
    // An expired invitation is replaced by inviting the person again.
    expect(
      (await ok(owner.cookie, INVITE, { input: { email: 'late@example.com', role: 'INTEGRATOR' } })).inviteUser.invitation.status,
    ).toBe('PENDING');
  });

  it('keeps each account to its own invitations and lets only OWNERs change them', async () => {
    const first = await team('Isolated One');
    const second = await team('Isolated Two');
    const invited = (await ok(first.owner.cookie, INVITE, { input: { email: 'iso@example.com', role: 'INTEGRATOR' } })).inviteUser;
    for (const mutation of [RESEND, REVOKE]) {
      expect(await errorOf(second.owner.cookie, mutation, { id: invited.invitation.id })).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await errorOf(second.owner.cookie, TEAM, { accountId: first.accountId })).toMatchObject({ code: 'NOT_FOUND' });
    const manager = await user(first.accountId, 'CAMPAIGN_MANAGER', 'Manny Manager');
    expect(await errorOf(manager.cookie, RESEND, { id: invited.invitation.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await errorOf(manager.cookie, TEAM)).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.ok(t.adminToken, TEAM, { accountId: first.accountId })).team.invitations).toHaveLength(1);
  });
});

describe('invitation e-mail rate limit', () => {
  it(`sends ${MAILS_MAX} invitation e-mails per account in the window (resends count), refuses one more with nothing written`, async () => {
    const { accountId, owner } = await team('Busy Inviter Co');
    const other = await team('Quiet Inviter Co');
    const first = (await ok(owner.cookie, INVITE, { input: { email: 'rate-1@example.com', role: 'INTEGRATOR' } })).inviteUser;
    clock.advance(1_000);
    await ok(owner.cookie, RESEND, { id: first.invitation.id });
    for (let index = 3; index <= MAILS_MAX; index++) {
      await ok(owner.cookie, INVITE, { input: { email: `rate-${index}@example.com`, role: 'INTEGRATOR' } });
    }
    const counts = async () =>
      (
        await sql(
          `select (select count(*)::int from user_invitation where account_id = $1) as invitations,
                  (select count(*)::int from email_message where account_id = $1) as mails,
                  (select sends from user_invitation where id = $2) as sends`,
          [accountId, first.invitation.id],
        )
      )[0];
    const before = await counts();
    expect(before).toEqual({ invitations: MAILS_MAX - 1, mails: MAILS_MAX, sends: 2 });

    const refused = await errorOf(owner.cookie, INVITE, { input: { email: 'rate-extra@example.com', role: 'INTEGRATOR' } });
    // The oldest mail leaves the window 1 s after it started here: 3599 s from now.
    expect(refused).toEqual({ code: 'RATE_LIMITED', limit: 'invitationMailsPerAccountMax', retryAfterSeconds: (WINDOW_MS - 1_000) / 1000 });
    expect(await errorOf(owner.cookie, RESEND, { id: first.invitation.id })).toMatchObject({ code: 'RATE_LIMITED' });
    expect(await counts()).toEqual(before);
    // Another account is not held back by this one.
    await ok(other.owner.cookie, INVITE, { input: { email: 'rate-other@example.com', role: 'INTEGRATOR' } });

    // Once the first mail leaves the window, one more goes.
    clock.advance(WINDOW_MS - 1_000);
    await ok(owner.cookie, INVITE, { input: { email: 'rate-extra@example.com', role: 'INTEGRATOR' } });
    expect(await errorOf(owner.cookie, INVITE, { input: { email: 'rate-extra-2@example.com', role: 'INTEGRATOR' } })).toMatchObject({
      code: 'RATE_LIMITED',
    });
  });
});

describe('members', () => {
  it('never demotes or removes the last OWNER; with a second owner both work, and a removed member is signed out', async () => {
    const { accountId, owner } = await team('Owners Co');
    const manager = await user(accountId, 'CAMPAIGN_MANAGER', 'Mia Manager');
    const roleOf = async (id: string) => (await sql(`select role, disabled_at from app_user where id = $1`, [id]))[0];

    expect(await errorOf(owner.cookie, CHANGE_ROLE, { input: { userId: owner.id, role: 'INTEGRATOR' } })).toEqual({
      code: 'LAST_OWNER',
      accountId,
    });
    expect(await errorOf(owner.cookie, REMOVE, { input: { userId: owner.id } })).toEqual({ code: 'LAST_OWNER', accountId });
    expect(await roleOf(owner.id)).toEqual({ role: 'OWNER', disabled_at: null });
    expect(await errorOf(owner.cookie, CHANGE_ROLE, { input: { userId: manager.id, role: 'SUPPORT' } })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'role',
    });
    expect(await errorOf(manager.cookie, CHANGE_ROLE, { input: { userId: manager.id, role: 'OWNER' } })).toMatchObject({
      code: 'FORBIDDEN',
    });

    expect((await ok(owner.cookie, CHANGE_ROLE, { input: { userId: manager.id, role: 'OWNER' } })).changeMemberRole.user.role).toBe(
      'OWNER',
    );
    expect((await ok(owner.cookie, CHANGE_ROLE, { input: { userId: owner.id, role: 'INTEGRATOR' } })).changeMemberRole.user.role).toBe(
      'INTEGRATOR',
    );
    // The demoted user's session now acts as what they are.
    expect(await errorOf(owner.cookie, TEAM)).toMatchObject({ code: 'FORBIDDEN' });

    await ok(manager.cookie, REMOVE, { input: { userId: owner.id } });
    expect((await roleOf(owner.id)).disabled_at).not.toBeNull();
    expect(await errorOf(owner.cookie, '{ me { role } }')).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await post('/auth/sign-in', { email: owner.email, password: PASSWORD })).status).not.toBe(200);
    expect((await ok(manager.cookie, TEAM)).team.members.map((member: any) => member.id)).toEqual([manager.id]);
    expect(await errorOf(manager.cookie, REMOVE, { input: { userId: manager.id } })).toMatchObject({ code: 'LAST_OWNER' });
    expect(await errorOf(manager.cookie, REMOVE, { input: { userId: owner.id } })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('two owners demoting each other at once: one succeeds, the other is refused LAST_OWNER', async () => {
    const { accountId, owner } = await team('Race Co');
    const second = await user(accountId, 'OWNER', 'Sam Second');
    const results = await Promise.all([
      gql(owner.cookie, CHANGE_ROLE, { input: { userId: second.id, role: 'INTEGRATOR' } }),
      gql(second.cookie, CHANGE_ROLE, { input: { userId: owner.id, role: 'INTEGRATOR' } }),
    ]);
    const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? 'OK');
    // The loser is LAST_OWNER (it waited for the lock) or FORBIDDEN (it was already demoted when its request was authenticated).
    expect(codes.filter((code) => code === 'OK')).toHaveLength(1);
    expect(['FORBIDDEN', 'LAST_OWNER']).toContain(codes.find((code) => code !== 'OK'));
    const owners = await sql(`select count(*)::int as n from app_user where account_id = $1 and role = 'OWNER' and disabled_at is null`, [
      accountId,
    ]);
    expect(owners[0].n).toBe(1);
  });

  it('invites a removed member back: accepting brings the same user back with the new role; active users and other accounts stay refused', async () => {
    const { accountId, owner } = await team('Return Co');
    const member = await user(accountId, 'CAMPAIGN_MANAGER', 'Rita Return');
    // Still a member: inviting their e-mail is refused and writes nothing.
    expect(await errorOf(owner.cookie, INVITE, { input: { email: member.email, role: 'INTEGRATOR' } })).toMatchObject({
      code: 'INVALID_STATE',
      field: 'email',
    });
    await ok(owner.cookie, REMOVE, { input: { userId: member.id } });
    expect((await post('/auth/sign-in', { email: member.email, password: PASSWORD })).status).not.toBe(200);

    const invited = (await ok(owner.cookie, INVITE, { input: { email: member.email, role: 'INTEGRATOR' } })).inviteUser;
    expect(invited.invitation).toMatchObject({ email: member.email, role: 'INTEGRATOR', status: 'PENDING' });
    const accepted = await accept(invited.token, 'Rita Returned');
    expect(accepted.status).toBe(200);
    // The same user (their history stays theirs), enabled, with the invited role and the new name.
    const rows = await sql(`select id, name, role, disabled_at from app_user where email = $1`, [member.email]);
    expect(rows).toEqual([{ id: member.id, name: 'Rita Returned', role: 'INTEGRATOR', disabled_at: null }]);
    expect((await post('/auth/sign-in', { email: member.email, password: PASSWORD })).status).toBe(200);
    const listed = (await ok(owner.cookie, TEAM)).team;
    expect(listed.members.map((m: any) => [m.id, m.role])).toEqual([
      [owner.id, 'OWNER'],
      [member.id, 'INTEGRATOR'],
    ]);
    expect(listed.invitations).toEqual([]);

    // A user removed from another account is not this account's to invite back.
    const other = await team('Elsewhere Co');
    const elsewhere = await user(other.accountId, 'CAMPAIGN_MANAGER', 'Ed Elsewhere');
    await ok(other.owner.cookie, REMOVE, { input: { userId: elsewhere.id } });
    const invitationsBefore = await sql(`select count(*)::int as n from user_invitation where account_id = $1`, [accountId]);
    expect(await errorOf(owner.cookie, INVITE, { input: { email: elsewhere.email, role: 'INTEGRATOR' } })).toMatchObject({
      code: 'INVALID_STATE',
      field: 'email',
    });
    expect(await sql(`select count(*)::int as n from user_invitation where account_id = $1`, [accountId])).toEqual(invitationsBefore);
  });
});

describe('team list limit', () => {
  it(`lists ${TEAM_LIST_MAX} members and ${TEAM_LIST_MAX} open invitations (teamListMax); one more of each is left out, the newest`, async () => {
    const { accountId, owner } = await team('Crowded Co');
    const members = [owner.id];
    for (let i = 1; i < TEAM_LIST_MAX; i++) members.push((await user(accountId, 'INTEGRATOR', `Ivy Integrator ${i}`)).id);
    const invitations: string[] = [];
    const invite = async (index: number) => {
      const id = randomUUID();
      await sql(
        `insert into user_invitation (id, account_id, email, role, token_hash, invited_by, created_at, last_sent_at, expires_at)
         values ($1, $2, $3, 'INTEGRATOR', $4, 'test', to_timestamp($5 / 1000.0), to_timestamp($5 / 1000.0), to_timestamp($5 / 1000.0 + 86400))`,
        [id, accountId, `invitee-${index}-${id.slice(0, 6)}@example.com`, `test-${id}`, clock.now() + index],
      );
      invitations.push(id);
    };
    for (let i = 0; i < TEAM_LIST_MAX; i++) await invite(i);

    const atLimit = (await ok(owner.cookie, TEAM)).team;
    expect(atLimit.members.map((m: any) => m.id)).toEqual(members);
    expect(atLimit.invitations.map((i: any) => i.id)).toEqual(invitations);

    const extraMember = await user(accountId, 'INTEGRATOR', 'Ivy Extra');
    await invite(TEAM_LIST_MAX);
    const past = (await ok(owner.cookie, TEAM)).team;
    expect(past.members.map((m: any) => m.id)).toEqual(members);
    expect(past.members.map((m: any) => m.id)).not.toContain(extraMember.id);
    expect(past.invitations.map((i: any) => i.id)).toEqual(invitations.slice(0, TEAM_LIST_MAX));
  });
});
